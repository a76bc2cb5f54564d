"""The dated FX table: shipped default, imports with line-numbered rejections, conversion."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.salaries import fx

RATES = """currency,usd_per_unit,as_of,source
EUR,1.20,2030-01-01,test rates
XYZ,1.0,2030-01-01,test rates
GBP,-1,2030-01-01,test rates
CNY,0.14,2030-01-01,test rates
INR,0.012,not-a-date,test rates
"""


def test_shipped_default_has_a_source_and_date() -> None:
    rates = fx.default_rates()
    assert {"EUR", "GBP", "INR", "CAD", "ILS", "SGD", "JPY"} <= rates.keys()
    assert all(rate.source and rate.as_of <= date(2025, 1, 19) for rate in rates.values())
    assert Decimal("1.0") < rates["EUR"].usd_per_unit < Decimal("1.2")


async def test_import_rejects_bad_rows_and_reimport_changes_nothing(
    session: AsyncSession, tmp_path: Path
) -> None:
    path = tmp_path / "fx.csv"
    path.write_text(RATES, encoding="utf-8")
    report = await fx.import_rates(session, path)
    assert report.imported == 2
    reasons = {e.line: e.reason for e in report.errors}
    assert reasons.keys() == {3, 4, 6}
    assert "unknown currency" in reasons[3]
    assert "positive" in reasons[4]
    assert "bad rate or date" in reasons[6]
    again = await fx.import_rates(session, path)
    assert (again.imported, again.unchanged) == (0, 2)
    rates = await fx.current_rates(session)
    assert rates["EUR"].usd_per_unit == Decimal("1.20")  # newer than the shipped default
    assert rates["CNY"].as_of == date(2030, 1, 1)


def test_conversion_goes_through_dollars() -> None:
    rates = {
        "USD": fx.Rate("USD", Decimal(1), date(2025, 1, 1), "x"),
        "EUR": fx.Rate("EUR", Decimal("1.25"), date(2025, 1, 1), "x"),
        "INR": fx.Rate("INR", Decimal("0.0125"), date(2025, 1, 1), "x"),
    }
    assert fx.convert(100, "EUR", "INR", rates) == 10000
    assert fx.convert(100, "EUR", "CNY", rates) is None
    assert fx.convert(100, "EUR", "EUR", rates) == 100
