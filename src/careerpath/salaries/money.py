"""Pure money formatting: an amount in the currency and number style of a place."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency

DEFAULT_LOCALE = "en_US"


@lru_cache(maxsize=512)
def locale_for_country(country_code: str) -> str:
    """Return the locale people in a country most likely read numbers in (CLDR likely subtags).

    India gives ``hi_IN`` (lakh grouping: ₹6,25,000), France ``fr_FR`` (61 000 €).
    """
    try:
        locale = Locale.parse(f"und_{country_code.upper()}")
    except (UnknownLocaleError, ValueError):
        return DEFAULT_LOCALE
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


@lru_cache(maxsize=512)
def _locale(country_code: str) -> Locale:
    return Locale.parse(locale_for_country(country_code))


@lru_cache(maxsize=512)
def _whole_units_pattern(country_code: str) -> str:
    # Salaries are quoted in whole units: drop the fraction digits of the locale's own pattern.
    pattern: str = _locale(country_code).currency_formats["standard"].pattern
    return pattern.replace(".00", "")


def format_money(amount: Decimal | int | float, currency: str, country_code: str) -> str:
    """Format ``amount`` of ``currency`` as it is written in ``country_code``, in whole units."""
    return format_currency(
        round(Decimal(amount)),
        currency,
        format=_whole_units_pattern(country_code),
        locale=_locale(country_code),
        currency_digits=False,
    )
