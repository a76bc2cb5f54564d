"""Read what an alert watches of a career from the precomputed salary, demand and ranking tables."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.alerts.changes import Snapshot
from careerpath.catalog.models import Resource
from careerpath.matching.models import CareerRanking
from careerpath.salaries.models import SalaryAggregate
from careerpath.skills.models import CareerSkillDemand, Skill

TOP = 5


async def take(session: AsyncSession, career_id: int) -> Snapshot:
    """Return the career's snapshot now."""
    country, median, sample = await _headline(session, career_id)
    return Snapshot(
        country,
        median,
        sample,
        await _skills(session, career_id),
        await _courses(session, career_id),
    )


async def _headline(session: AsyncSession, career_id: int) -> tuple[str | None, float | None, int]:
    """The country-wide, all-levels group in US dollars with the most reports."""
    row = (
        await session.execute(
            select(SalaryAggregate.country_code, SalaryAggregate.p50, SalaryAggregate.n)
            .where(
                SalaryAggregate.career_id == career_id,
                SalaryAggregate.city == "",
                SalaryAggregate.level == "",
                SalaryAggregate.currency == "",
            )
            .order_by(SalaryAggregate.n.desc(), SalaryAggregate.country_code)
            .limit(1)
        )
    ).first()
    if row is None:
        return None, None, 0
    country, p50, n = row
    return country, float(p50) if p50 is not None else None, n


async def _skills(session: AsyncSession, career_id: int) -> tuple[str, ...]:
    query = (
        select(Skill.display_name)
        .join(CareerSkillDemand, CareerSkillDemand.skill_id == Skill.id)
        .where(CareerSkillDemand.career_id == career_id)
        .order_by(CareerSkillDemand.postings.desc(), Skill.display_name)
        .limit(TOP)
    )
    return tuple(await session.scalars(query))


async def _courses(session: AsyncSession, career_id: int) -> tuple[str, ...]:
    query = (
        select(Resource.title)
        .join(CareerRanking, CareerRanking.resource_id == Resource.id)
        .where(
            CareerRanking.career_id == career_id,
            CareerRanking.kind == "course",
            CareerRanking.language == "en",
        )
        .order_by(CareerRanking.position)
        .limit(TOP)
    )
    return tuple(await session.scalars(query))
