"""``GET /api/v1/curation/links``: the links that failed their last check, for curators."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import QueryParameter

from careerpath.catalog.models import ResourceStatus
from careerpath.dependencies import DbSession
from careerpath.links import service
from careerpath.links.schemas import BrokenLinkRead
from careerpath.security.access import Access
from careerpath.security.limits import MAX_PAGE_SIZE


class LinkCurationController(Controller):
    """Link health for curators."""

    path = "/api/v1/curation/links"
    tags = ["curation"]  # noqa: RUF012
    opt = {"access": Access.CURATOR}  # noqa: RUF012

    @get("/", summary="List broken links")
    async def broken(
        self,
        session: DbSession,
        limit: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE_SIZE)] = MAX_PAGE_SIZE,
    ) -> list[BrokenLinkRead]:
        """Return the links whose last check failed, most failures first."""
        return [
            BrokenLinkRead(
                resource_id=resource.id,
                kind=resource.kind.value,
                title=resource.title,
                url=resource.url,
                status=check.status.value,
                http_status=check.http_status,
                final_url=check.final_url,
                detail=check.detail,
                failures=check.failures,
                hidden=resource.status is ResourceStatus.LINK_BROKEN,
                checked_at=check.checked_at,
            )
            for check, resource in await service.broken_links(session, limit)
        ]
