"""Plain typed factories for salary tests."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import Career, CareerAlias
from careerpath.careers.titles import normalize_title, slugify
from careerpath.provenance.models import Source
from careerpath.salaries.models import SalaryReport
from careerpath.salaries.sources import ReportSource


def report_source(key: str) -> ReportSource:
    """A source of salary reports named only by its key."""
    return ReportSource(key, f"{key} (test)", licence="test")


async def make_career(session: AsyncSession, title: str, *aliases: str) -> Career:
    """Create a career whose title and aliases match job titles."""
    career = Career(slug=slugify(title), title=title, aliases=[])
    for name, kind in [(title, "title"), *((a, "curated") for a in aliases)]:
        career.aliases.append(
            CareerAlias(name=name, normalized=normalize_title(name), slug=slugify(name), kind=kind)
        )
    session.add(career)
    await session.flush()
    return career


async def stored_reports(session: AsyncSession, key: str) -> int:
    """Count the reports credited to the source ``key``."""
    found = await session.scalar(
        select(func.count())
        .select_from(SalaryReport)
        .join(Source, Source.id == SalaryReport.source_id)
        .where(Source.key == key)
    )
    return int(found or 0)
