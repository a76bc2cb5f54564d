"""Precomputed salary figures per career x place x level x currency, redone per changed bucket.

A bucket is (career, country): every group of a bucket (the country and each of its cities,
all levels and each level, each currency and all currencies together) is recomputed when any
report of the bucket changes, so pages only ever read the ``salary_aggregate`` table.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal
from itertools import product
from typing import Any

import msgspec
import numpy as np
from numpy.typing import NDArray
from sqlalchemy import delete, insert, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.provenance.models import Source
from careerpath.salaries.careers_port import match_careers
from careerpath.salaries.fx import DatedRates, dated_rates
from careerpath.salaries.grouping import GroupFigures, ReportColumns, aggregate
from careerpath.salaries.models import SalaryAggregate, SalaryReport
from careerpath.salaries.stats import MIN_REPORTS, PERCENTILES

Bucket = tuple[int, str]  # career_id, country_code: every currency's groups and the merged ones
ALL_CURRENCIES = ""  # the currency key of groups over all currencies (amounts in US dollars)


def _encode(values: Sequence[Any]) -> tuple[NDArray[np.int64], list[Any]]:
    """Return integer codes of ``values`` (None is 0) and the value of each code."""
    # dict.fromkeys and map run their loops in C: a million values take milliseconds.
    distinct = [None, *(v for v in dict.fromkeys(values) if v is not None)]
    index = {value: code for code, value in enumerate(distinct)}
    codes = np.fromiter(map(index.__getitem__, values), dtype=np.int64, count=len(values))
    return codes, distinct


Row = Sequence[Any]  # career, country, city, level, currency, yearly amount, date, source


def aggregate_rows(rows: Sequence[Row], rates: DatedRates | None = None) -> list[dict[str, Any]]:
    """Return ``salary_aggregate`` rows for report rows (see ``Row``): one group per currency
    and, given ``rates``, one more over all currencies in US dollars (currency "").

    Each report enters the all-currency group converted at the rate nearest its date; a report
    whose currency has no rate stays out of it and is counted as unconverted."""
    career, country, city, level, currency, amount, day, source = zip(*rows, strict=True)
    names = ("country", "city", "level", "currency", "source")
    encoded = {
        n: _encode(v) for n, v in zip(names, (country, city, level, currency, source), strict=True)
    }
    day_codes, dates = _encode(day)
    ordinals = np.array([0 if d is None else d.toordinal() for d in dates], dtype=np.int64)
    columns = ReportColumns(
        career=np.fromiter(career, dtype=np.int64, count=len(rows)),
        day=ordinals[day_codes],
        amount=np.fromiter(map(float, amount), dtype=np.float64, count=len(rows)),
        origin=encoded["currency"][0],
        **{n: codes for n, (codes, _) in encoded.items()},
    )
    values = {n: decoded for n, (_, decoded) in encoded.items()}
    result = _rows(aggregate(columns), values)
    if rates is not None:
        result += _merged_rows(columns, values, rates)
    return result


def _merged_rows(
    columns: ReportColumns, values: dict[str, list[Any]], rates: DatedRates
) -> list[dict[str, Any]]:
    usd = np.ones(len(columns.amount))
    for code, name in enumerate(values["currency"]):
        if code:
            chosen = columns.origin == code
            usd[chosen] = rates.usd_per_unit(name, columns.day[chosen])
    converted = ~np.isnan(usd)
    merged = replace(
        columns,
        currency=np.zeros_like(columns.currency),
        amount=columns.amount * np.where(converted, usd, 0.0),
    )
    picked = {f.name: getattr(merged, f.name)[converted] for f in fields(merged)}
    result = _rows(aggregate(ReportColumns(**picked)), values) if converted.any() else []
    return _with_unconverted(result, columns, values, ~converted)


def _with_unconverted(
    result: list[dict[str, Any]],
    columns: ReportColumns,
    values: dict[str, list[Any]],
    missing: NDArray[np.bool_],
) -> list[dict[str, Any]]:
    # Rare (imports reject currencies without a rate), so plain Python is fine here.
    counts: dict[tuple[Any, ...], Counter[str]] = defaultdict(Counter)
    for i in np.flatnonzero(missing):
        cities = {"", values["city"][int(columns.city[i])] or ""}
        levels = {"", values["level"][int(columns.level[i])] or ""}
        country = values["country"][int(columns.country[i])]
        for city, level in product(cities, levels):
            key = (int(columns.career[i]), country, city, level)
            counts[key][values["currency"][int(columns.origin[i])]] += 1
    by_key = {(r["career_id"], r["country_code"], r["city"], r["level"]): r for r in result}
    for key, counter in counts.items():
        row = by_key.get(key) or _empty_merged(key)
        if key not in by_key:
            result.append(row)
        breakdown = msgspec.json.decode(row["breakdown"])
        breakdown["unconverted"] = dict(sorted(counter.items()))
        row["breakdown"] = msgspec.json.encode(breakdown).decode()
    return result


def _empty_merged(key: tuple[Any, ...]) -> dict[str, Any]:
    career_id, country, city, level = key
    return {
        "career_id": career_id,
        "country_code": country,
        "city": city,
        "level": level,
        "currency": ALL_CURRENCIES,
        "n": 0,
        "outliers": 0,
        **{f"p{q}": None for q in PERCENTILES},
        "first_reported_on": None,
        "last_reported_on": None,
        "breakdown": "{}",
    }


def _rows(figures: GroupFigures, values: dict[str, list[Any]]) -> list[dict[str, Any]]:
    breakdowns = _breakdowns(figures, values)
    return [_row(figures, i, values, breakdowns[i]) for i in range(len(figures.n))]


def _breakdowns(figures: GroupFigures, values: dict[str, list[Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = [{"sources": [], "currencies": {}} for _ in range(len(figures.n))]
    s = figures.sources
    for group, code, n, first, last in zip(
        s.group.tolist(),
        s.code.tolist(),
        s.n.tolist(),
        s.first_day.tolist(),
        s.last_day.tolist(),
        strict=True,
    ):
        found[group]["sources"].append(
            {"key": values["source"][code], "n": n, "first": _iso(first), "last": _iso(last)}
        )
    o = figures.origins
    for group, code, n in zip(o.group.tolist(), o.code.tolist(), o.n.tolist(), strict=True):
        found[group]["currencies"][values["currency"][code]] = n
    return found


def _iso(day: int) -> str | None:
    return date.fromordinal(day).isoformat() if day else None


def _row(
    f: GroupFigures, i: int, values: dict[str, list[Any]], breakdown: dict[str, Any]
) -> dict[str, Any]:
    n = int(f.n[i])
    first, last = int(f.first_day[i]), int(f.last_day[i])
    return {
        "career_id": int(f.career[i]),
        "country_code": values["country"][int(f.country[i])],
        "city": values["city"][int(f.city[i])] or "",
        "level": values["level"][int(f.level[i])] or "",
        "currency": values["currency"][int(f.currency[i])] or ALL_CURRENCIES,
        "n": n,
        "outliers": int(f.outliers[i]),
        **{
            f"p{q}": Decimal(str(round(float(f.percentiles[q][i]), 2)))
            if n >= MIN_REPORTS
            else None
            for q in PERCENTILES
        },
        "first_reported_on": date.fromordinal(first) if first else None,
        "last_reported_on": date.fromordinal(last) if last else None,
        # msgspec: a tenth of json.dumps's time over tens of thousands of groups.
        "breakdown": msgspec.json.encode(breakdown).decode(),
    }


async def recompute(session: AsyncSession, buckets: set[Bucket]) -> int:
    """Recompute every group of the changed buckets; return how many groups were written."""
    if not buckets:
        return 0
    career_ids = sorted({bucket[0] for bucket in buckets})
    result = await session.execute(
        select(
            SalaryReport.career_id,
            SalaryReport.country_code,
            SalaryReport.city,
            SalaryReport.level,
            SalaryReport.currency,
            SalaryReport.yearly_amount,
            SalaryReport.reported_on,
            Source.key,
        )
        .join(Source, Source.id == SalaryReport.source_id)
        .where(SalaryReport.career_id.in_(career_ids))
    )
    rows = [row for row in result if (row[0], row[1]) in buckets]
    bucket_list = sorted(buckets)
    for start in range(0, len(bucket_list), 500):
        chunk = bucket_list[start : start + 500]
        await session.execute(
            delete(SalaryAggregate).where(
                tuple_(SalaryAggregate.career_id, SalaryAggregate.country_code).in_(chunk)
            )
        )
    values = aggregate_rows(rows, await dated_rates(session)) if rows else []
    if values:
        await session.execute(insert(SalaryAggregate), values)
    return len(values)


async def rematch_and_recompute(session: AsyncSession) -> tuple[int, int]:
    """Resolve every report's title again (new careers, a new resolver) and recompute all.

    Return how many reports changed career and how many groups were written.
    """
    titles = list(await session.scalars(select(SalaryReport.job_title).distinct()))
    matches = await match_careers(session, titles)
    changed = 0
    for title, match in matches.items():
        moved = await session.execute(
            update(SalaryReport)
            .where(
                SalaryReport.job_title == title,
                SalaryReport.career_id.is_distinct_from(match.career_id),
            )
            .values(career_id=match.career_id)
        )
        changed += int(getattr(moved, "rowcount", 0) or 0)
        await session.execute(
            update(SalaryReport)
            .where(SalaryReport.job_title == title)
            .values(title_confidence=match.confidence, resolver_version=match.version)
        )
    await session.execute(delete(SalaryAggregate))
    buckets = await session.execute(
        select(SalaryReport.career_id, SalaryReport.country_code)
        .where(SalaryReport.career_id.is_not(None))
        .distinct()
    )
    found = {(r[0], r[1]) for r in buckets if r[0] is not None}
    return changed, await recompute(session, found)
