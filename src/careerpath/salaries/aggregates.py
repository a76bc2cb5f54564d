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
from sqlalchemy import delete, insert, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.provenance.models import Source
from careerpath.salaries.careers_port import match_careers
from careerpath.salaries.grouping import GroupFigures, ReportColumns, aggregate
from careerpath.salaries.models import SalaryAggregate, SalaryReport
from careerpath.salaries.stats import MIN_REPORTS, PERCENTILES

Bucket = tuple[int, str, str]  # career_id, country_code, currency


class _Codes:
    """Integer codes for text values; code 0 is reserved for "none"."""

    def __init__(self) -> None:
        self.values: list[object] = [None]
        self.index: dict[object, int] = {}

    def code(self, value: object) -> int:
        if value is None:
            return 0
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.values)
            self.values.append(value)
        return found


def aggregate_rows(rows: Sequence[Sequence[Any]]) -> list[dict[str, Any]]:
    """Return ``salary_aggregate`` rows for (career, country, city, level, currency, yearly
    amount, date, source) report rows; figures are withheld below the threshold."""
    codes = {name: _Codes() for name in ("country", "city", "level", "currency", "source")}
    columns: dict[str, list[int]] = {name: [] for name in codes}
    careers, days, amounts = [], [], []
    for career_id, country, city, level, currency, amount, reported_on, source in rows:
        careers.append(career_id)
        for name, value in zip(codes, (country, city, level, currency, source), strict=True):
            columns[name].append(codes[name].code(value))
        days.append(reported_on.toordinal() if reported_on else 0)
        amounts.append(float(amount))
    ints = {name: np.array(values, dtype=np.int64) for name, values in columns.items()}
    figures = aggregate(
        ReportColumns(
            career=np.array(careers, dtype=np.int64),
            day=np.array(days, dtype=np.int64),
            amount=np.array(amounts, dtype=np.float64),
            **ints,
        )
    )
    return [_row(figures, i, codes) for i in range(len(figures.n))]


def _row(f: GroupFigures, i: int, codes: dict[str, _Codes]) -> dict[str, Any]:
    n = int(f.n[i])
    sources = [v for bit, v in enumerate(codes["source"].values) if int(f.sources[i]) >> bit & 1]
    first, last = int(f.first_day[i]), int(f.last_day[i])
    return {
        "career_id": int(f.career[i]),
        "country_code": codes["country"].values[int(f.country[i])],
        "city": codes["city"].values[int(f.city[i])] or "",
        "level": codes["level"].values[int(f.level[i])] or "",
        "currency": codes["currency"].values[int(f.currency[i])],
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
    """Match every report's title again (new careers may exist) and recompute everything.

    Return how many reports changed career and how many groups were written.
    """
    titles = list(await session.scalars(select(SalaryReport.job_title).distinct()))
    matches = await match_careers(session, titles)
    changed = 0
    for title, match in matches.items():
        career_id = None if match is None else match.career_id
        outcome = await session.execute(
            update(SalaryReport)
            .where(
                SalaryReport.job_title == title, SalaryReport.career_id.is_distinct_from(career_id)
            )
            .values(career_id=career_id)
        )
        changed += int(getattr(outcome, "rowcount", 0) or 0)
    await session.execute(delete(SalaryAggregate))
    buckets = await session.execute(
        select(SalaryReport.career_id, SalaryReport.country_code, SalaryReport.currency)
        .where(SalaryReport.career_id.is_not(None))
        .distinct()
    )
    found = {(r[0], r[1], r[2]) for r in buckets if r[0] is not None}
    return changed, await recompute(session, found)
