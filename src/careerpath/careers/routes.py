"""REST API of the careers domain under /api/v1/careers."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import QueryParameter

from careerpath.cache import CACHE_ANONYMOUS
from careerpath.careers import service
from careerpath.careers.dependencies import CurrentCareer
from careerpath.careers.presenters import career_summary
from careerpath.careers.schemas import CareerPage, CareerRead
from careerpath.dependencies import DbSession, DocCache

MAX_PAGE_SIZE = 100
MAX_QUERY_LENGTH = 200


class CareerController(Controller):
    """Careers: list, search and read."""

    path = "/api/v1/careers"
    tags = ["careers"]  # noqa: RUF012

    @get("/", summary="List careers", description="Matches `q` against titles and aliases.")
    async def list_careers(
        self,
        session: DbSession,
        q: Annotated[str | None, QueryParameter(max_length=MAX_QUERY_LENGTH)] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE_SIZE)] = 20,
        offset: Annotated[int, QueryParameter(ge=0, le=1_000_000)] = 0,
    ) -> CareerPage:
        """Return one page of careers."""
        careers, total = await service.list_careers(session, query=q, limit=limit, offset=offset)
        return CareerPage(
            items=[career_summary(c) for c in careers], total=total, limit=limit, offset=offset
        )

    @get(
        "/{slug:str}",
        opt={CACHE_ANONYMOUS: True},
        summary="Get a career",
        description="An alias slug answers 301 with the canonical career's URL.",
        responses={301: ResponseSpec(data_container=None, description="Moved to canonical slug")},
    )
    async def get_career(
        self, session: DbSession, cache: DocCache, career: CurrentCareer
    ) -> CareerRead:
        """Return one career with its sections, ladder, related careers and sources."""
        return await service.get_career_document(session, cache, career)
