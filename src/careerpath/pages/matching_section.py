"""The career page's "Path to <career>" section: stored rankings with plain GET filter links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.schemas import CareerRef
from careerpath.matching.queries import LEVELS, RankFilters, ranked
from careerpath.matching.schemas import RankedPage

SECTION_SIZE = 10
SHORT_HOURS = 10


@dataclass(frozen=True)
class MatchingSection:
    """Ranked courses and books of a career, and the filter links."""

    slug: str
    courses: RankedPage
    books: RankedPage
    links: dict[str, str]


def _links(base: dict[str, str]) -> dict[str, str]:
    """Keep the page's other query parameters (salary currency and level) in every link."""
    kept = {k: v for k, v in base.items() if k not in {"free", "m_level", "max_hours"}}
    links = {
        "all": urlencode(kept),
        "free": urlencode({**kept, "free": "true"}),
        "short": urlencode({**kept, "max_hours": SHORT_HOURS}),
    }
    links.update({level: urlencode({**kept, "m_level": level}) for level in LEVELS})
    return links


async def matching_section(
    session: AsyncSession, career: CareerRef, filters: RankFilters, query: dict[str, str]
) -> MatchingSection:
    """Return the section's context; unknown levels are ignored rather than failing the page."""
    if filters.level not in (None, *LEVELS):
        filters = RankFilters(filters.free, None, filters.max_hours)
    courses = await ranked(session, career, "course", filters, SECTION_SIZE)
    books = await ranked(session, career, "book", filters, SECTION_SIZE)
    return MatchingSection(career.slug, courses, books, _links(query))
