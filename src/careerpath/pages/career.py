"""The career page, assembled once from every domain that has a section on it.

``career_view`` builds the view model that the HTML page renders and that
``/api/v1/careers/{slug}/page`` returns as JSON; handlers only parse, call it and render.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.cache import DocumentCache
from careerpath.careers import service as careers_service
from careerpath.careers.schemas import CareerRef
from careerpath.matching.queries import RankFilters
from careerpath.pages.career_layout import CareerPageView, TocEntry, build_career_page
from careerpath.pages.matching_section import MatchingSection, matching_section
from careerpath.pages.person_titles import person_title
from careerpath.pages.salary_section import SalarySection, build_salary_section
from careerpath.provenance import service as provenance_service
from careerpath.salaries import computed as salaries_computed
from careerpath.salaries.schemas import CareerSalariesRead
from careerpath.skills.sections import SkillsSection, career_skills_section


@dataclass(frozen=True)
class CareerPageOptions:
    """What a reader chose on the page: salary currency and level, resource filters."""

    currency: str | None = None
    level: str | None = None
    filters: RankFilters = field(default_factory=RankFilters)
    cert_price: str = "any"  # the certifications' price cap in US dollars, or "any"

    def salary_query(self) -> dict[str, str]:
        """Return the salary choices to keep in the page's other links."""
        return {k: v for k, v in (("currency", self.currency), ("level", self.level)) if v}


@dataclass(frozen=True)
class CareerView:
    """Everything the career page shows, section by section."""

    page: CareerPageView
    canonical_url: str
    salaries: CareerSalariesRead
    salary_section: SalarySection
    skills: SkillsSection
    matching: MatchingSection


async def career_view(
    session: AsyncSession,
    cache: DocumentCache,
    career: CareerRef,
    options: CareerPageOptions,
    public_url: str,
) -> CareerView:
    """Build the career page's view model; ``public_url`` makes its canonical link."""
    document = await careers_service.get_career_document(session, cache, career)
    query = salaries_computed.parse_query(options.currency, options.level, None)
    salaries = await salaries_computed.career_salaries(session, career, query)
    cited = {f.source_key for city in salaries.cities for f in city.figures}
    skills = await career_skills_section(session, career)
    matching = await matching_section(
        session, career, options.filters, options.salary_query(), options.cert_price
    )
    certified = matching.certifications.found
    salary_section = build_salary_section(salaries)
    page = build_career_page(
        document,
        salaries.cities,
        salary_sources=await provenance_service.read_sources(session, cited),
        has_salaries=bool(salaries.cities or salaries.computed),
        has_ladder=bool(salary_section.ladder),
        extra_toc=_section_toc(document.title, skills, matching, bool(certified)),
    )
    return CareerView(
        page=page,
        canonical_url=f"{public_url.rstrip('/')}/careers/{career.slug}",
        salaries=salaries,
        salary_section=salary_section,
        skills=skills,
        matching=matching,
    )


def _section_toc(
    title: str, skills: SkillsSection, matching: MatchingSection, certified: bool
) -> list[TocEntry]:
    """Return the table-of-contents entries of the sections other domains contribute."""
    entries = [TocEntry("skills-demand", skills.heading)] if skills.shown else []
    if matching.courses.total or matching.books.total:
        entries.append(TocEntry("path", f"Path to {person_title(title)}"))
    if certified:
        entries.append(TocEntry("certifications", "Certifications"))
    return entries
