"""Precomputed salary figures per career x place x level x currency, redone per changed bucket.

A bucket is (career, country, currency): every group of a bucket (the country and each of its
cities, all levels and each level) is recomputed when any report of the bucket changes, so
pages only ever read the ``salary_aggregate`` table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import delete, insert, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.provenance.models import Source
from careerpath.salaries.careers_port import match_careers
from careerpath.salaries.grouping import GroupFigures, ReportColumns, aggregate
from careerpath.salaries.models import SalaryAggregate, SalaryReport
from careerpath.salaries.stats import MIN_REPORTS, PERCENTILES

Bucket = tuple[int, str, str]  # career_id, country_code, currency


def _encode(values: Sequence[Any]) -> tuple[NDArray[np.int64], list[Any]]:
    """Return integer codes of ``values`` (None is 0) and the value of each code."""
    # dict.fromkeys and map run their loops in C: a million values take milliseconds.
    distinct = [None, *(v for v in dict.fromkeys(values) if v is not None)]
    index = {value: code for code, value in enumerate(distinct)}
    codes = np.fromiter(map(index.__getitem__, values), dtype=np.int64, count=len(values))
    return codes, distinct


def aggregate_rows(rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    """Return ``salary_aggregate`` rows for (career, country, city, level, currency, yearly
    amount, date, source) report rows; figures are withheld below the threshold."""
    career, country, city, level, currency, amount, day, source = zip(*rows, strict=True)
    names = ("country", "city", "level", "currency", "source")
    encoded = {
        n: _encode(v) for n, v in zip(names, (country, city, level, currency, source), strict=True)
    }
    day_codes, dates = _encode(day)
    ordinals = np.array([0 if d is None else d.toordinal() for d in dates], dtype=np.int64)
    figures = aggregate(
        ReportColumns(
            career=np.fromiter(career, dtype=np.int64, count=len(rows)),
            day=ordinals[day_codes],
            amount=np.fromiter(map(float, amount), dtype=np.float64, count=len(rows)),
            **{n: codes for n, (codes, _) in encoded.items()},
        )
    )
    values = {n: decoded for n, (_, decoded) in encoded.items()}
    return [_row(figures, i, values) for i in range(len(figures.n))]


def _row(f: GroupFigures, i: int, values: dict[str, list[Any]]) -> dict[str, Any]:
    n = int(f.n[i])
    sources = [v for bit, v in enumerate(values["source"]) if int(f.sources[i]) >> bit & 1]
    first, last = int(f.first_day[i]), int(f.last_day[i])
    return {
        "career_id": int(f.career[i]),
        "country_code": values["country"][int(f.country[i])],
        "city": values["city"][int(f.city[i])] or "",
        "level": values["level"][int(f.level[i])] or "",
        "currency": values["currency"][int(f.currency[i])],
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
        "source_keys": ",".join(sorted(str(s) for s in sources if s))[:1000],
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
    rows = [row for row in result if (row[0], row[1], row[4]) in buckets]
    bucket_list = sorted(buckets)
    for start in range(0, len(bucket_list), 500):
        chunk = bucket_list[start : start + 500]
        await session.execute(
            delete(SalaryAggregate).where(
                tuple_(
                    SalaryAggregate.career_id,
                    SalaryAggregate.country_code,
                    SalaryAggregate.currency,
                ).in_(chunk)
            )
        )
    values = aggregate_rows(rows) if rows else []
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
        select(SalaryReport.career_id, SalaryReport.country_code, SalaryReport.currency)
        .where(SalaryReport.career_id.is_not(None))
        .distinct()
    )
    found = {(r[0], r[1], r[2]) for r in buckets if r[0] is not None}
    return changed, await recompute(session, found)
