"""REST API of the salaries domain."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import PathParameter

from careerpath.dependencies import DbSession, DocCache
from careerpath.salaries import service
from careerpath.salaries.schemas import CareerSalariesRead


class CareerSalariesController(Controller):
    """Salary figures of one career."""

    path = "/api/v1/careers/{slug:str}/salaries"
    tags = ["salaries"]  # noqa: RUF012

    @get("/", summary="Published salary figures of a career, per city", cache=True)
    async def get_salaries(
        self,
        session: DbSession,
        cache: DocCache,
        slug: Annotated[str, PathParameter(max_length=300)],
    ) -> CareerSalariesRead:
        """Return every published median of the career, city by city, with its source."""
        return await service.get_career_salaries(session, cache, slug)
