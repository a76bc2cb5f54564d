"""JSON representations of the site's pages, for programs that render their own."""

from __future__ import annotations

from litestar import Controller, get

from careerpath.cache import CACHE_ANONYMOUS
from careerpath.careers.dependencies import CurrentCareer
from careerpath.dependencies import AppSettings, DbSession, DocCache
from careerpath.pages.career import CareerView, career_view
from careerpath.pages.dependencies import CareerOptions


class PageApiController(Controller):
    """The career page as data."""

    path = "/api/v1/careers/{slug:str}/page"
    tags = ["careers"]  # noqa: RUF012

    @get("/", opt={CACHE_ANONYMOUS: True}, summary="The career page's view model")
    async def career_page(
        self,
        session: DbSession,
        cache: DocCache,
        settings: AppSettings,
        career: CurrentCareer,
        page_options: CareerOptions,
    ) -> CareerView:
        """Return every section of the career page, as the HTML page shows it."""
        return await career_view(session, cache, career, page_options, settings.public_url)
