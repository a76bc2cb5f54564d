"""Server-rendered pages. Each handler parses, calls services, and renders one template."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, get
from litestar.params import QueryParameter
from litestar.response import Template

from careerpath.cache import CACHE_ANONYMOUS
from careerpath.careers import service as careers_service
from careerpath.careers.presenters import career_summary
from careerpath.catalog.language import reader_language
from careerpath.dependencies import AppSettings, DbSession, DocCache
from careerpath.pages.compare import compare_careers, parse_slugs
from careerpath.pages.dependencies import CareerPage, career_context
from careerpath.pages.directory import career_directory
from careerpath.pages.home_resources import home_resources
from careerpath.pages.salary_teaser import salary_teaser
from careerpath.params import AcceptLanguage, PageLanguage
from careerpath.web.saving import save_choices

HOME_PAGE_SIZE = 50


class PageController(Controller):
    """The HTML site."""

    include_in_schema = False

    @get("/")
    async def home(
        self,
        session: DbSession,
        cache: DocCache,
        settings: AppSettings,
        q: Annotated[str | None, QueryParameter(max_length=200)] = None,
        lang: PageLanguage = None,
        accept_language: AcceptLanguage = None,
    ) -> Template:
        """Show the search box and the curated careers, or the careers matching ``q``."""
        language = reader_language(lang, accept_language)
        found = await home_resources(session, settings.var_dir, q, language)
        context: dict[str, object] = {"q": q, "resources": found.page, "topic": found.topic}
        if q:
            careers, total = await careers_service.list_careers(
                session, query=q, limit=HOME_PAGE_SIZE, offset=0
            )
            sure = await careers_service.query_names_a_career(session, q)
            summaries = [career_summary(c) for c in careers]
            context |= {"careers": summaries, "total": total, "sure": sure}
        else:
            directory = await career_directory(session)
            teaser = await salary_teaser(session, cache, directory.curated)
            context |= {"careers": directory.curated, "directory": directory, "teaser": teaser}
        return Template(template_name="home.html", context=context)

    @get("/careers")
    async def careers(self, session: DbSession) -> Template:
        """Show every career: the curated guides first, then each job family with its count."""
        directory = await career_directory(session)
        return Template(template_name="careers.html", context={"directory": directory})

    @get("/compare")
    async def compare(
        self,
        session: DbSession,
        cache: DocCache,
        settings: AppSettings,
        careers: Annotated[list[str], QueryParameter(max_items=3, description="Career slugs")],
    ) -> Template:
        """Show two or three careers side by side."""
        slugs = parse_slugs(careers)
        found = await compare_careers(session, cache, slugs, settings.public_url)
        return Template(template_name="compare.html", context={"comparison": found})

    @get("/careers/{slug:str}", opt={CACHE_ANONYMOUS: True})
    async def career(
        self, request: Request[Any, Any, Any], session: DbSession, career_page: CareerPage
    ) -> Template:
        """Show a career page; an alias slug redirects to the canonical page."""
        context = career_context(career_page) | {"saves": await save_choices(request, session)}
        return Template(template_name="career.html", context=context)
