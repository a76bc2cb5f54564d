"""Plain typed factories for salary tests."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import Career, CareerAlias
from careerpath.careers.titles import normalize_title, slugify
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
