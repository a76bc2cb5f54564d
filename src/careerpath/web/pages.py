"""Server-rendered pages. Each handler parses, calls services, and renders one template."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, get
from litestar.params import PathParameter, QueryParameter
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_301_MOVED_PERMANENTLY

from careerpath.careers import service as careers_service
from careerpath.careers.presenters import career_read, career_summary
from careerpath.dependencies import DbSession
from careerpath.salaries import service as salaries_service
from careerpath.web.career_page import build_career_page

HOME_PAGE_SIZE = 50


class PageController(Controller):
    """The HTML site."""

    include_in_schema = False

    @get("/")
    async def home(
        self,
        session: DbSession,
        q: Annotated[str | None, QueryParameter(max_length=200)] = None,
    ) -> Template:
        """Show the search box and the careers (matching ``q`` when given)."""
        careers, total = await careers_service.list_careers(
            session, query=q, limit=HOME_PAGE_SIZE, offset=0
        )
        return Template(
            template_name="home.html",
            context={"careers": [career_summary(c) for c in careers], "total": total, "q": q},
        )

    @get("/careers/{slug:str}")
    async def career(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        slug: Annotated[str, PathParameter(max_length=300)],
    ) -> Template | Redirect:
        """Show a career page; an alias slug redirects to the canonical page."""
        found = await careers_service.resolve_slug(session, slug)
        if not found.is_canonical:
            return Redirect(
                f"/careers/{found.canonical_slug}", status_code=HTTP_301_MOVED_PERMANENTLY
            )
        career = await careers_service.get_career(session, found.career_id)
        sources = await careers_service.sources_of(session, career)
        cities = await salaries_service.list_published_by_city(session, career.id)
        page = build_career_page(career_read(career, sources), cities)
        canonical_url = str(request.base_url).rstrip("/") + f"/careers/{career.slug}"
        return Template(
            template_name="career.html",
            context={"page": page, "canonical_url": canonical_url, "career_id": career.id},
        )
