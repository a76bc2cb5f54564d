"""Pure money formatting: one rule for every amount the site shows, whatever the place.

Every amount is written as English readers write it (the site's language): 625,000 grouped in
thousands everywhere, so ₹625,000 in Bengaluru and ₹15,200,000 converted on the same page never
mix lakh and Western grouping. Symbols are CLDR's English ones, which name the currency wherever
a symbol is shared: "$" is only the US dollar; Singapore's is "SGD 92,000", Canada's "CA$",
China's "CN¥" (Japan keeps "¥").
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import format_decimal, get_currency_symbol

LOCALE = Locale.parse("en")
# Letters need a space before the digits ("SGD 92,000"); a sign ("$", "CA$", "₹") does not.
NO_BREAK_SPACE = "\xa0"


@lru_cache(maxsize=256)
def currency_symbol(currency: str) -> str:
    """Return the unambiguous English symbol of ``currency`` ("$" is USD only), with its spacing."""
    code = currency.upper()
    symbol = get_currency_symbol(code, locale=LOCALE)
    return symbol + NO_BREAK_SPACE if symbol[-1:].isalpha() else symbol


def format_money(amount: Decimal | int | float, currency: str) -> str:
    """Format ``amount`` of ``currency`` in whole units: ``₹625,000``, ``SGD 92,000``."""
    number = format_decimal(round(Decimal(amount)), format="#,##0", locale=LOCALE)
    if number.startswith("-"):
        return "-" + currency_symbol(currency) + number[1:]
    return currency_symbol(currency) + number


def approximate(amount: float, digits: int = 3) -> float:
    """Round a converted amount to ``digits`` significant figures (€171,001 is €171,000).

    A rate is not precise to the unit, so a converted figure must not look as if it were.
    """
    if not amount:
        return amount
    places = len(str(int(abs(amount)))) - digits
    return float(round(amount, -places)) if places > 0 else amount
