"""Demand per career, kept up to date incrementally as postings arrive (never at page view)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.db import utcnow
from careerpath.ingest.bulk import insert_rows
from careerpath.skills.models import CareerDemand, CareerDemandMonth, CareerSkillDemand


@dataclass
class DemandDelta:
    """What a batch of new postings adds to each career's figures."""

    postings: Counter[int] = field(default_factory=Counter)
    skills: Counter[tuple[int, int]] = field(default_factory=Counter)
    months: Counter[tuple[int, date]] = field(default_factory=Counter)
    first: dict[int, date] = field(default_factory=dict)
    last: dict[int, date] = field(default_factory=dict)

    def add(self, career_id: int, skill_ids: set[int], posted_on: date) -> None:
        """Count one new posting of ``career_id``."""
        self.postings[career_id] += 1
        for skill_id in skill_ids:
            self.skills[(career_id, skill_id)] += 1
        self.months[(career_id, posted_on.replace(day=1))] += 1
        self.first[career_id] = min(self.first.get(career_id, posted_on), posted_on)
        self.last[career_id] = max(self.last.get(career_id, posted_on), posted_on)


async def apply_delta(session: AsyncSession, delta: DemandDelta) -> None:
    """Add ``delta`` to the stored figures of the careers it touches."""
    careers = list(delta.postings)
    if not careers:
        return
    await _apply_totals(session, delta, careers)
    existing = {
        (row.career_id, row.skill_id): row
        for row in await session.scalars(
            select(CareerSkillDemand).where(CareerSkillDemand.career_id.in_(careers))
        )
    }
    new_rows = []
    for (career_id, skill_id), count in delta.skills.items():
        row = existing.get((career_id, skill_id))
        if row is None:
            new_rows.append({"career_id": career_id, "skill_id": skill_id, "postings": count})
        else:
            row.postings += count
    await insert_rows(session, CareerSkillDemand, new_rows)
    months = {
        (row.career_id, row.month): row
        for row in await session.scalars(
            select(CareerDemandMonth).where(CareerDemandMonth.career_id.in_(careers))
        )
    }
    for (career_id, month), count in delta.months.items():
        current = months.get((career_id, month))
        if current is None:
            session.add(CareerDemandMonth(career_id=career_id, month=month, postings=count))
        else:
            current.postings += count
    await session.flush()


async def _apply_totals(session: AsyncSession, delta: DemandDelta, careers: list[int]) -> None:
    rows = {
        row.career_id: row
        for row in await session.scalars(
            select(CareerDemand).where(CareerDemand.career_id.in_(careers))
        )
    }
    for career_id in careers:
        row = rows.get(career_id)
        if row is None:
            row = CareerDemand(career_id=career_id, postings=0)
            session.add(row)
        row.postings += delta.postings[career_id]
        first, last = delta.first[career_id], delta.last[career_id]
        row.first_posted_on = min(row.first_posted_on or first, first)
        row.last_posted_on = max(row.last_posted_on or last, last)
        row.computed_at = utcnow()
