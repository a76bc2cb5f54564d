"""A dated FX table: US dollars per unit of each currency, shipped default plus imports."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import numpy as np
import pycountry
from numpy.typing import NDArray
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.ingest.readers import SourceRecord, read_records
from careerpath.ingest.report import ImportReport
from careerpath.salaries.models import FxRate

DEFAULT_FX_FILE = Path(__file__).parent / "data" / "fx_default.csv"


@dataclass(frozen=True, slots=True)
class Rate:
    """US dollars per unit of ``currency`` on ``as_of``, with its source."""

    currency: str
    usd_per_unit: Decimal
    as_of: date
    source: str


def parse_rate(fields: dict[str, str]) -> Rate:
    """Return the rate a CSV row gives; raise ValueError with a reason when it is invalid."""
    code = (fields.get("currency") or "").strip().upper()
    if pycountry.currencies.get(alpha_3=code) is None:
        raise ValueError(f"unknown currency {code!r}")
    try:
        value = Decimal((fields.get("usd_per_unit") or "").strip())
        as_of = date.fromisoformat((fields.get("as_of") or "").strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"bad rate or date: {exc}") from exc
    if value <= 0:
        raise ValueError("usd_per_unit must be positive")
    return Rate(code, value, as_of, (fields.get("source") or "").strip() or "unknown")


def read_rates(path: Path, report: ImportReport | None = None) -> list[Rate]:
    """Read an FX CSV (currency, usd_per_unit, as_of, source); bad rows go to ``report``."""
    rates = []
    for record in read_records(path, file_format="csv"):
        if report is not None:
            report.read += 1
        if not isinstance(record, SourceRecord):
            if report is not None:
                report.reject(record.line, record.reason)
            continue
        try:
            rates.append(parse_rate(dict(record.fields)))
        except ValueError as exc:
            if report is None:
                raise
            report.reject(record.line, str(exc))
    return rates


@lru_cache(maxsize=1)
def default_rates() -> dict[str, Rate]:
    """Return the shipped default table (rates implied by the aijobs.net salary index)."""
    return {rate.currency: rate for rate in read_rates(DEFAULT_FX_FILE)}


async def current_rates(session: AsyncSession) -> dict[str, Rate]:
    """Return the newest rate per currency: imported rates over the shipped defaults."""
    rates = dict(default_rates())
    rows = await session.scalars(select(FxRate).order_by(FxRate.as_of))
    for row in rows:
        rates[row.currency] = Rate(row.currency, row.usd_per_unit, row.as_of, row.source)
    rates["USD"] = Rate("USD", Decimal(1), date(2025, 1, 19), "identity")
    return rates


@dataclass(frozen=True)
class DatedRates:
    """Every known rate per currency, by date: shipped defaults plus imported rates."""

    days: dict[str, NDArray[np.int64]]  # date ordinals, ascending
    values: dict[str, NDArray[np.float64]]  # US dollars per unit on those days

    def usd_per_unit(self, currency: str, days: NDArray[np.int64]) -> NDArray[np.float64]:
        """Return the rate nearest each day (day 0: unknown, the newest rate); NaN: no rate."""
        if currency == "USD":
            return np.ones(len(days))
        known, values = self.days.get(currency), self.values.get(currency)
        if known is None or values is None:
            return np.full(len(days), np.nan)
        after = np.clip(np.searchsorted(known, days), 0, len(known) - 1)
        before = np.clip(after - 1, 0, len(known) - 1)
        nearer = np.where(
            np.abs(known[before] - days) <= np.abs(known[after] - days), before, after
        )
        return np.where(days > 0, values[nearer], values[-1])


async def dated_rates(session: AsyncSession) -> DatedRates:
    """Return every rate of every currency, imported ones over shipped ones on the same day."""
    by_day = {(r.currency, r.as_of): float(r.usd_per_unit) for r in default_rates().values()}
    for row in await session.scalars(select(FxRate)):
        by_day[(row.currency, row.as_of)] = float(row.usd_per_unit)
    days: dict[str, list[int]] = {}
    values: dict[str, list[float]] = {}
    for (currency, as_of), value in sorted(by_day.items()):
        days.setdefault(currency, []).append(as_of.toordinal())
        values.setdefault(currency, []).append(value)
    return DatedRates(
        {c: np.array(d, dtype=np.int64) for c, d in days.items()},
        {c: np.array(v, dtype=np.float64) for c, v in values.items()},
    )


async def import_rates(session: AsyncSession, path: Path) -> ImportReport:
    """Import an FX CSV; a (currency, date) already present is updated, not duplicated."""
    started = time.perf_counter()
    report = ImportReport()
    existing = {(r.currency, r.as_of): r for r in await session.scalars(select(FxRate))}
    for rate in read_rates(path, report):
        row = existing.get((rate.currency, rate.as_of))
        if row is None:
            existing[(rate.currency, rate.as_of)] = FxRate(**_columns(rate))
            session.add(existing[(rate.currency, rate.as_of)])
            report.imported += 1
        elif (row.usd_per_unit, row.source) != (rate.usd_per_unit, rate.source):
            row.usd_per_unit, row.source = rate.usd_per_unit, rate.source
            report.updated += 1
        else:
            report.unchanged += 1
    await session.flush()
    report.seconds = time.perf_counter() - started
    return report


def _columns(rate: Rate) -> dict[str, object]:
    return {
        "currency": rate.currency,
        "usd_per_unit": rate.usd_per_unit,
        "as_of": rate.as_of,
        "source": rate.source,
    }


def convert(amount: float, source: str, target: str, rates: dict[str, Rate]) -> float | None:
    """Convert ``amount`` between currencies through US dollars; None without both rates."""
    if source == target:
        return amount
    if source not in rates or target not in rates:
        return None
    usd = amount * float(rates[source].usd_per_unit)
    return round(usd / float(rates[target].usd_per_unit), 2)


def convert_factor(source: str, target: str, rates: dict[str, Rate]) -> float | None:
    """Return the factor taking amounts in ``source`` to ``target``; None without both rates."""
    if source == target:
        return 1.0
    if source not in rates or target not in rates:
        return None
    return float(rates[source].usd_per_unit / rates[target].usd_per_unit)
