"""Pure normalisation of salary amounts, currencies and pay periods; rejections carry a reason.

Rules (documented in the README):
- amounts: currency symbols or ISO codes before or after the number; ``k`` (thousand), ``M``
  (million), ``lakh`` and ``crore`` multipliers; thousands separators ``,`` ``.`` space and
  ``'``. When both ``,`` and ``.`` occur, the last one is the decimal mark ("67.000,50");
  a lone separator followed by exactly three digits groups thousands ("1,868"), otherwise it
  is a decimal mark ("1,5k", "1.2M");
- periods: yearly = 1, monthly = 12, weekly = 52, daily = 260 (5 days x 52 weeks),
  hourly = 2,080 (40 hours x 52 weeks);
- plausibility: the yearly amount, in US dollars at the FX table's rate, must lie within
  ``PLAUSIBLE_USD`` ; a currency without a rate cannot be checked and is rejected.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import pycountry
from babel import Locale, localedata
from babel.numbers import get_territory_currencies

from careerpath.salaries.periods import PayPeriod

PERIOD_FACTORS: Mapping[PayPeriod, int] = {
    PayPeriod.YEARLY: 1,
    PayPeriod.MONTHLY: 12,
    PayPeriod.WEEKLY: 52,
    PayPeriod.DAILY: 260,
    PayPeriod.HOURLY: 2080,
}
PLAUSIBLE_USD = (Decimal(1_000), Decimal(5_000_000))

_MULTIPLIERS = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "million": 1_000_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}
_PERIOD_WORDS = {
    PayPeriod.YEARLY: ("year", "yr", "annum", "annual", "annually", "yearly", "pa", "y"),
    PayPeriod.MONTHLY: ("month", "mo", "monthly", "mth", "pm"),
    PayPeriod.WEEKLY: ("week", "wk", "weekly", "pw"),
    PayPeriod.DAILY: ("day", "daily", "diem", "d"),
    PayPeriod.HOURLY: ("hour", "hr", "hourly", "h", "ph"),
}
_PERIOD_BY_WORD = {word: period for period, words in _PERIOD_WORDS.items() for word in words}
_NUMBER = re.compile(r"\d[\d.,'\s\u00a0\u202f]*")
_PERIOD_PHRASE = re.compile(
    r"(?:\b(?:per|a|an)\s+|/\s*)([a-z]+)|\b(hourly|daily|weekly|monthly|yearly|annually|annual)\b"
)


class RejectedError(ValueError):
    """A value that cannot be normalised; ``reason`` says why, for the import report."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ParsedAmount:
    """An amount as written: the number, the currency token around it, any period words."""

    amount: Decimal
    currency_token: str
    period: PayPeriod | None


@dataclass(frozen=True, slots=True)
class CurrencyChoice:
    """An ISO 4217 code and whether a symbol had to be read with the place to get it."""

    code: str
    inferred: bool


def parse_amount(text: str) -> ParsedAmount:
    """Split "₹1,868,000", "$145k", "£67,000 per year" into number, currency and period."""
    cleaned = text.strip()
    if cleaned.isdigit():  # the common case in data files: a bare whole number
        if int(cleaned) <= 0:
            raise RejectedError(f"amount must be positive, got {text!r}")
        return ParsedAmount(Decimal(cleaned), "", None)
    match = _NUMBER.search(cleaned)
    if match is None:
        raise RejectedError(f"unparseable amount {text!r}")
    head, tail = cleaned[: match.start()], cleaned[match.end() :]
    if head.strip() == "-" or head.rstrip().endswith("-"):
        raise RejectedError(f"amount must be positive, got {text!r}")
    if any(c.isdigit() for c in tail):
        raise RejectedError(f"more than one number in {text!r} (a range?)")
    multiplier, tail = _take_multiplier(tail)
    period, tail = _take_period(tail)
    amount = _parse_number(match.group().strip(), has_multiplier=multiplier != 1) * multiplier
    if amount <= 0:
        raise RejectedError(f"amount must be positive, got {text!r}")
    token = (head.strip() + " " + tail.strip()).strip()
    return ParsedAmount(amount, token, period)


def _take_multiplier(tail: str) -> tuple[int, str]:
    found = re.match(r"\s*([A-Za-z]+)\b", tail)
    if found and found.group(1).lower() in _MULTIPLIERS:
        return _MULTIPLIERS[found.group(1).lower()], tail[found.end() :]
    return 1, tail


def _take_period(tail: str) -> tuple[PayPeriod | None, str]:
    for found in _PERIOD_PHRASE.finditer(tail.lower()):
        period = _period_of(found.group(1) or found.group(2))
        if period is not None:
            return period, tail[: found.start()]
    return None, tail


def _period_of(word: str) -> PayPeriod | None:
    return _PERIOD_BY_WORD.get(word) or _PERIOD_BY_WORD.get(word.rstrip("s"))


def _parse_number(digits: str, *, has_multiplier: bool) -> Decimal:
    compact = re.sub(r"[\s\u00a0\u202f']", "", digits).rstrip(".,")
    if "," in compact and "." in compact:
        decimal_mark = "," if compact.rfind(",") > compact.rfind(".") else "."
        compact = compact.replace("." if decimal_mark == "," else ",", "")
        compact = compact.replace(",", ".")
    elif compact.count(",") + compact.count(".") == 1:
        mark = "," if "," in compact else "."
        fraction = compact.split(mark)[1]
        grouped = len(fraction) == 3 and not has_multiplier
        compact = compact.replace(mark, "" if grouped else ".")
    else:
        compact = compact.replace(",", "").replace(".", "")
    try:
        return Decimal(compact)
    except InvalidOperation as exc:
        raise RejectedError(f"unparseable amount {digits!r}") from exc


def parse_period(text: str | None, default: PayPeriod = PayPeriod.YEARLY) -> PayPeriod:
    """Return the pay period a word names ("per hour", "monthly", "yr"); blank is ``default``."""
    if text is None or not text.strip():
        return default
    words = re.findall(r"[a-z]+", text.lower())
    for word in reversed(words):
        if (period := _period_of(word)) is not None:
            return period
    raise RejectedError(f"unknown pay period {text!r}")


def to_yearly(amount: Decimal, period: PayPeriod) -> Decimal:
    """Return the yearly equivalent of ``amount`` paid per ``period``, to the cent."""
    return (amount * PERIOD_FACTORS[period]).quantize(Decimal("0.01"))


@lru_cache(maxsize=1)
def _symbol_index() -> dict[str, frozenset[str]]:
    # Every symbol any CLDR locale writes for a currency: "S$" only exists in some locales.
    index: dict[str, set[str]] = {}
    for identifier in localedata.locale_identifiers():
        for code, symbol in Locale.parse(identifier).currency_symbols.items():
            index.setdefault(symbol, set()).add(code)
    return {symbol: frozenset(codes) for symbol, codes in index.items()}


@lru_cache(maxsize=1)
def _english_symbols() -> dict[str, str]:
    by_symbol: dict[str, list[str]] = {}
    for code, symbol in Locale.parse("en").currency_symbols.items():
        by_symbol.setdefault(symbol, []).append(code)
    return {symbol: codes[0] for symbol, codes in by_symbol.items() if len(codes) == 1}


@lru_cache(maxsize=4096)
def resolve_currency(token: str, country_code: str | None) -> CurrencyChoice:
    """Return the ISO 4217 code ``token`` means at a place: "$" in Canada is CAD (inferred)."""
    cleaned = token.strip()
    if not cleaned:
        raise RejectedError("no currency given")
    if len(cleaned) == 3 and cleaned.isalpha():
        if pycountry.currencies.get(alpha_3=cleaned.upper()) is None:
            raise RejectedError(f"unknown currency {cleaned!r}")
        return CurrencyChoice(cleaned.upper(), inferred=False)
    candidates = _symbol_index().get(cleaned, frozenset())
    if not candidates:
        raise RejectedError(f"unknown currency {cleaned!r}")
    local = set(get_territory_currencies(country_code)) if country_code else set()
    if found := sorted(candidates & local):
        return CurrencyChoice(found[0], inferred=len(candidates) > 1)
    if len(candidates) == 1:
        return CurrencyChoice(next(iter(candidates)), inferred=False)
    if cleaned in _english_symbols():
        return CurrencyChoice(_english_symbols()[cleaned], inferred=True)
    raise RejectedError(f"ambiguous currency symbol {cleaned!r} at this place")


def check_plausible(
    yearly: Decimal, currency: str, usd_per_unit: Mapping[str, Decimal], period: PayPeriod
) -> None:
    """Reject a yearly amount outside ``PLAUSIBLE_USD`` once converted to US dollars."""
    rate = Decimal(1) if currency == "USD" else usd_per_unit.get(currency)
    if rate is None:
        raise RejectedError(f"no exchange rate for {currency} to check the amount's plausibility")
    usd = yearly * rate
    low, high = PLAUSIBLE_USD
    if not low <= usd <= high:
        raise RejectedError(
            f"implausible {period.value} amount: {yearly:,.0f} {currency} a year "
            f"(about {usd:,.0f} USD) is outside {low:,.0f}–{high:,.0f} USD"
        )
