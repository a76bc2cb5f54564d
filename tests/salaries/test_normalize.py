"""Table tests of amount, currency, period and place normalisation, seed oddities included."""

from __future__ import annotations

from decimal import Decimal

import pytest

from careerpath.salaries.normalize import (
    RejectedError,
    check_plausible,
    parse_amount,
    parse_period,
    resolve_currency,
    to_yearly,
)
from careerpath.salaries.periods import PayPeriod
from careerpath.salaries.places import resolve_place

Y, M, H = PayPeriod.YEARLY, PayPeriod.MONTHLY, PayPeriod.HOURLY


@pytest.mark.parametrize(
    ("text", "amount", "token", "period"),
    [
        ("₹1,868,000", "1868000", "₹", None),
        ("$145k", "145000", "$", None),
        ("145,000.00", "145000.00", "", None),
        ("1.2M", "1200000", "", None),
        ("£67,000 per year", "67000", "£", Y),
        ("67.000,50 €", "67000.50", "€", None),
        ("1 868 000,00 ₹", "1868000.00", "₹", None),
        ("18,68,000", "1868000", "", None),
        ("1,5k", "1500", "", None),
        ("S$92,000", "92000", "S$", None),
        ("¥301,000", "301000", "¥", None),
        ("₪520,000", "520000", "₪", None),
        ("€4,000 / month", "4000", "€", M),
        ("$50/hr", "50", "$", H),
        ("USD 120000 annually", "120000", "USD", Y),
        ("12 lakh", "1200000", "", None),
        ("CHF 120'000", "120000", "CHF", None),
    ],
)
def test_amounts(text: str, amount: str, token: str, period: PayPeriod | None) -> None:
    parsed = parse_amount(text)
    assert parsed.amount == Decimal(amount)
    assert parsed.currency_token == token
    assert parsed.period == period


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", "unparseable"),
        ("-5000", "positive"),
        ("0", "positive"),
        ("$0.00", "positive"),
        ("$120,000 - $150,000", "more than one number"),
    ],
)
def test_bad_amounts_are_rejected_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(RejectedError, match=reason):
        parse_amount(text)


# Every currency of the seed pages, read with the place the page gave it.
@pytest.mark.parametrize(
    ("token", "country", "code", "inferred"),
    [
        ("$", "US", "USD", True),
        ("$", "CA", "CAD", True),  # Toronto: "$" is CAD, and we say we inferred it
        ("£", "GB", "GBP", True),
        ("€", "FR", "EUR", False),
        ("€", "DE", "EUR", False),
        ("₪", "IL", "ILS", False),
        ("S$", "SG", "SGD", False),
        ("¥", "CN", "CNY", True),
        ("¥", "JP", "JPY", True),
        ("₹", "IN", "INR", False),
        ("usd", "IN", "USD", False),
        ("CA$", None, "CAD", False),
        ("$", None, "USD", True),
    ],
)
def test_currency_symbols_resolved_with_the_place(
    token: str, country: str | None, code: str, inferred: bool
) -> None:
    choice = resolve_currency(token, country)
    assert (choice.code, choice.inferred) == (code, inferred)


@pytest.mark.parametrize(("token", "reason"), [("XYZ", "unknown currency"), ("", "no currency")])
def test_unknown_currency_is_rejected(token: str, reason: str) -> None:
    with pytest.raises(RejectedError, match=reason):
        resolve_currency(token, "US")


@pytest.mark.parametrize(
    ("text", "period", "yearly"),
    [
        ("yearly", Y, "100"),
        ("per month", M, "1200"),
        ("weekly", PayPeriod.WEEKLY, "5200"),
        ("a day", PayPeriod.DAILY, "26000"),
        ("/hr", H, "208000"),
        (None, Y, "100"),
    ],
)
def test_periods_and_factors(text: str | None, period: PayPeriod, yearly: str) -> None:
    assert parse_period(text) == period
    assert to_yearly(Decimal(100), period) == Decimal(yearly)


def test_unknown_period_is_rejected() -> None:
    with pytest.raises(RejectedError, match="unknown pay period"):
        parse_period("per fortnight-ish")


RATES = {"INR": Decimal("0.012"), "EUR": Decimal("1.1")}


@pytest.mark.parametrize(
    ("yearly", "currency", "reason"),
    [
        ("200", "USD", "implausible"),
        ("9000000", "USD", "implausible"),
        ("50000", "INR", "implausible"),  # 600 USD a year
        ("50000", "CNY", "no exchange rate"),
    ],
)
def test_implausible_amounts_are_rejected(yearly: str, currency: str, reason: str) -> None:
    with pytest.raises(RejectedError, match=reason):
        check_plausible(Decimal(yearly), currency, RATES, Y)


def test_plausible_amounts_pass() -> None:
    check_plausible(Decimal(1868000), "INR", RATES, Y)
    check_plausible(Decimal(145000), "USD", RATES, Y)


# Every city of the seed pages, as they spelled it.
@pytest.mark.parametrize(
    ("text", "country", "city", "how"),
    [
        ("New York", "US", "New York City", "alternate"),
        ("San Francisco", "US", "San Francisco", "name"),
        ("Seattle", "US", "Seattle", "name"),
        ("Austin", "US", "Austin", "name"),
        ("Toronto", "CA", "Toronto", "name"),
        ("London", "GB", "London", "name"),
        ("Paris", "FR", "Paris", "name"),
        ("Berlin", "DE", "Berlin", "name"),
        ("Tel Aviv", "IL", "Tel Aviv", "name"),
        ("Singapore", "SG", "Singapore", "name"),
        ("Beijing", "CN", "Beijing", "name"),
        ("Shanghai", "CN", "Shanghai", "name"),
        ("Shenzhen", "CN", "Shenzhen", "name"),
        ("Bengalaru", "IN", "Bengaluru", "fuzzy"),  # the seed pages' misspelling
        ("Bangalore", "IN", "Bengaluru", "alternate"),
        ("Bengaluru, India", "IN", "Bengaluru", "name"),
        ("Delhi", "IN", "Delhi", "name"),
        ("Paris, US", "US", "Paris", "name"),
        ("London, UK", "GB", "London", "name"),
        ("India", "IN", None, "country"),
        ("IN", "IN", None, "country"),
        ("DEU", "DE", None, "country"),
    ],
)
def test_places(text: str, country: str, city: str | None, how: str) -> None:
    place = resolve_place(text)
    assert (place.country_code, place.city, place.how) == (country, city, how)


@pytest.mark.parametrize("text", ["Xyzzyq", "Qwertzuiop", "Bengalaru, Narnia", ""])
def test_unknown_places_are_rejected(text: str) -> None:
    with pytest.raises(RejectedError, match=r"unknown|no place"):
        resolve_place(text)
