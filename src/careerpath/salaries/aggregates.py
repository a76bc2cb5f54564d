"""Precomputed salary figures per career x place x level x currency, redone per changed bucket.

A bucket is (career, country, currency): every group of a bucket (the country and each of its
cities, all levels and each level) is recomputed when any report of the bucket changes, so
pages only ever read the ``salary_aggregate`` table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
from sqlalchemy import delete, insert, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.provenance.models import Source
from careerpath.salaries.careers_port import match_careers
from careerpath.salaries.models import SalaryAggregate, SalaryReport
from careerpath.salaries.stats import MIN_REPORTS, summarize_groups

Bucket = tuple[int, str, str]  # career_id, country_code, currency
GroupKey = tuple[
    int, str, str, str, str
]  # career_id, country, city ("" all), level ("" all), currency


@dataclass
class _Group:
    values: list[float] = field(default_factory=list)
    first: date | None = None
    last: date | None = None
    sources: set[str] = field(default_factory=set)

    def add(self, value: float, reported_on: date | None, source: str) -> None:
        self.values.append(value)
        self.sources.add(source)
        if reported_on is not None:
            self.first = min(self.first or reported_on, reported_on)
            self.last = max(self.last or reported_on, reported_on)


def group_keys(
    career_id: int, country: str, city: str | None, level: str | None, currency: str
) -> list[GroupKey]:
    """Return every group one report counts in: country and city, all levels and its level."""
    places = [""] if city is None else ["", city]
    levels = [""] if level is None else ["", level]
    return [(career_id, country, p, lv, currency) for p in places for lv in levels]


def build_groups(rows: Iterable[Sequence[Any]]) -> dict[GroupKey, _Group]:
    """Collect (career, country, city, level, currency, amount, date, source) rows into groups."""
    groups: dict[GroupKey, _Group] = {}
    for career_id, country, city, level, currency, amount, reported_on, source in rows:
        for key in group_keys(career_id, country, city, level, currency):
            groups.setdefault(key, _Group()).add(float(amount), reported_on, source)
    return groups


def aggregate_rows(groups: dict[GroupKey, _Group]) -> list[dict[str, Any]]:
    """Return one ``salary_aggregate`` row per group, figures withheld below the threshold."""
    keys = list(groups)
    lengths = [len(groups[k].values) for k in keys]
    ids = np.repeat(np.arange(len(keys), dtype=np.int64), lengths)
    values = np.fromiter((v for k in keys for v in groups[k].values), dtype=np.float64)
    summary = summarize_groups(ids, values)
    rows = []
    for position, index in enumerate(summary.group_ids.tolist()):
        key, group, n = keys[index], groups[keys[index]], int(summary.n[position])
        figures = {
            f"p{q}": Decimal(str(summary.percentiles[q][position])) if n >= MIN_REPORTS else None
            for q in (10, 25, 50, 75, 90)
        }
        rows.append(
            {
                "career_id": key[0],
                "country_code": key[1],
                "city": key[2],
                "level": key[3],
                "currency": key[4],
                "n": n,
                "outliers": int(summary.outliers[position]),
                **figures,
                "first_reported_on": group.first,
                "last_reported_on": group.last,
                "source_keys": ",".join(sorted(group.sources))[:1000],
            }
        )
    return rows


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
    values = aggregate_rows(build_groups(rows)) if rows else []
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
