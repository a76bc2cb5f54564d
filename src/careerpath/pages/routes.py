"""JSON representations of the site's pages, for programs that render their own."""

from __future__ import annotations

from litestar import Controller, get

from careerpath.cache import CACHE_ANONYMOUS
from careerpath.pages.career import CareerView
from careerpath.pages.dependencies import CareerPage


class PageApiController(Controller):
    """The career page as data."""

    path = "/api/v1/careers/{slug:str}/page"
    tags = ["careers"]  # noqa: RUF012

    @get("/", opt={CACHE_ANONYMOUS: True}, summary="The career page's view model")
    async def career_page(self, career_page: CareerPage) -> CareerView:
        """Return every section of the career page, as the HTML page shows it."""
        return career_page
