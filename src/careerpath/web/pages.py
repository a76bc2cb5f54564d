"""Server-rendered pages. Each handler parses, calls services, and renders one template."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, get
from litestar.params import PathParameter, QueryParameter
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_301_MOVED_PERMANENTLY

from careerpath.careers import service as careers_service
from careerpath.careers.presenters import career_summary
from careerpath.dependencies import AppSettings, DbSession, DocCache
from careerpath.matching.queries import RankFilters
from careerpath.params import optional_number
from careerpath.salaries import computed as salaries_computed
from careerpath.search import service as search_service
from careerpath.skills.sections import career_skills_section
from careerpath.web.career_page import TocEntry, build_career_page
from careerpath.web.matching_section import matching_section
from careerpath.web.salary_section import build_salary_section

HOME_PAGE_SIZE = 50


class PageController(Controller):
    """The HTML site."""

    include_in_schema = False

    @get("/")
    async def home(
        self,
        session: DbSession,
        settings: AppSettings,
        q: Annotated[str | None, QueryParameter(max_length=200)] = None,
    ) -> Template:
        """Show the search box and the careers (matching ``q`` when given)."""
        careers, total = await careers_service.list_careers(
            session, query=q, limit=HOME_PAGE_SIZE, offset=0
        )
        resources = await search_service.home_results(session, settings.var_dir, q)
        return Template(
            template_name="home.html",
            context={
                "careers": [career_summary(c) for c in careers],
                "total": total,
                "q": q,
                "resources": resources,
            },
        )

    @get("/careers/{slug:str}", cache=True)
    async def career(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        cache: DocCache,
        slug: Annotated[str, PathParameter(max_length=300)],
        currency: Annotated[str | None, QueryParameter(max_length=3)] = None,
        level: Annotated[str | None, QueryParameter(max_length=20)] = None,
        free: Annotated[bool, QueryParameter()] = False,
        m_level: Annotated[str | None, QueryParameter(max_length=20)] = None,
        max_hours: Annotated[float | None, optional_number(gt=0, le=10_000)] = None,
    ) -> Template | Redirect:
        """Show a career page; an alias slug redirects to the canonical page."""
        found = await careers_service.get_career_document(session, cache, slug)
        if isinstance(found, careers_service.SlugResolution):
            return Redirect(
                f"/careers/{found.canonical_slug}", status_code=HTTP_301_MOVED_PERMANENTLY
            )
        query = salaries_computed.parse_query(currency, level, None)
        salaries = await salaries_computed.career_salaries(session, found.id, found.slug, query)
        career_row = await careers_service.get_career_row(session, found.id)
        skills = await career_skills_section(session, career_row)
        matching = await matching_section(
            session,
            career_row,
            RankFilters(free, m_level, max_hours),
            dict(request.query_params.items()),
        )
        page = build_career_page(
            found,
            salaries.cities,
            has_salaries=bool(salaries.cities or salaries.computed),
            extra_toc=[TocEntry("skills-demand", "Skills employers ask for")]
            if skills.shown
            else [],
        )
        canonical_url = str(request.base_url).rstrip("/") + f"/careers/{found.slug}"
        return Template(
            template_name="career.html",
            context={
                "page": page,
                "canonical_url": canonical_url,
                "salaries": salaries,
                "salary_section": build_salary_section(salaries),
                "skills": skills,
                "career_id": found.id,
                "matching": matching,
            },
        )
