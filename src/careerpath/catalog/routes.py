"""REST API of the catalog: courses and books."""

from __future__ import annotations

from litestar import Controller, get

from careerpath.catalog import service
from careerpath.catalog.models import ResourceKind
from careerpath.catalog.schemas import ResourceRead
from careerpath.dependencies import DbSession
from careerpath.params import RowId


class CatalogController(Controller):
    """Courses and books."""

    path = "/api/v1"
    tags = ["catalog"]  # noqa: RUF012

    @get("/courses/{resource_id:int}", summary="Get a course")
    async def get_course(self, session: DbSession, resource_id: RowId) -> ResourceRead:
        """Return one course with its topics, skills and source."""
        return await service.read_resource(session, resource_id, ResourceKind.COURSE)

    @get("/books/{resource_id:int}", summary="Get a book")
    async def get_book(self, session: DbSession, resource_id: RowId) -> ResourceRead:
        """Return one book with its topics, skills and source."""
        return await service.read_resource(session, resource_id, ResourceKind.BOOK)
