"""The career page's "Path to <career>" section: stored rankings with plain GET filter links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.schemas import CareerRef
from careerpath.matching.certifications import DEFAULT_CAP, PRICE_CAPS, certifications
from careerpath.matching.queries import LEVELS, RankFilters, ranked
from careerpath.matching.schemas import CertificationPage, RankedPage

SECTION_SIZE = 10
CERTIFICATIONS_SHOWN = 8
SHORT_HOURS = 10
LINKED_LANGUAGES = ("en", "ru", "de", "es", "fr", "pt", "zh")  # left-out counts link to these


@dataclass(frozen=True)
class MatchingSection:
    """Ranked courses and books of a career, and the filter links."""

    slug: str
    courses: RankedPage
    books: RankedPage
    links: dict[str, str]
    certifications: CertificationPage


def _links(base: dict[str, str]) -> dict[str, str]:
    """Keep the page's other query parameters (salary currency and level) in every link."""
    dropped = {"free", "m_level", "max_hours", "lang", "cert_price"}
    kept = {k: v for k, v in base.items() if k not in dropped}
    links = {
        "all": urlencode(kept),
        **{f"lang_{code}": urlencode({**kept, "lang": code}) for code in LINKED_LANGUAGES},
        "free": urlencode({**kept, "free": "true"}),
        "short": urlencode({**kept, "max_hours": SHORT_HOURS}),
    }
    links.update({level: urlencode({**kept, "m_level": level}) for level in LEVELS})
    links.update({f"cert_{cap}": urlencode({**kept, "cert_price": cap}) for cap in PRICE_CAPS})
    return links


async def matching_section(
    session: AsyncSession,
    career: CareerRef,
    filters: RankFilters,
    query: dict[str, str],
    cert_price: str = DEFAULT_CAP,
) -> MatchingSection:
    """Return the section's context; unknown levels are ignored rather than failing the page."""
    if filters.level not in (None, *LEVELS):
        filters = RankFilters(filters.free, None, filters.max_hours, filters.language)
    courses = await ranked(session, career, "course", filters, SECTION_SIZE)
    books = await ranked(session, career, "book", filters, SECTION_SIZE)
    certs = await certifications(
        session, career, filters.language, cert_price, CERTIFICATIONS_SHOWN
    )
    return MatchingSection(career.slug, courses, books, _links(query), certs)
