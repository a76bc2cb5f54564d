"""Curator API: PATCH a career's summary and section prose."""

from __future__ import annotations

from typing import Annotated

import msgspec
from litestar import Controller, patch
from litestar.params import JSONBody, PathParameter

from careerpath.careers import service as careers_service
from careerpath.careers.models import SectionKind
from careerpath.careers.presenters import career_read
from careerpath.careers.schemas import CareerRead
from careerpath.curation import service
from careerpath.dependencies import DbSession
from careerpath.security.access import Access

NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL
Body = Annotated[str, msgspec.Meta(max_length=20_000, pattern=NO_NUL)]


class CareerEditIn(msgspec.Struct):
    """Content changes; ``sections`` maps a section kind to its new prose."""

    summary: Annotated[str, msgspec.Meta(max_length=2000, pattern=NO_NUL)] | None = None
    sections: Annotated[dict[SectionKind, Body], msgspec.Meta(max_length=20)] = msgspec.field(
        default_factory=dict
    )


class CurationController(Controller):
    """Career editing for curators and admins."""

    path = "/api/v1/curation/careers"
    tags = ["curation"]  # noqa: RUF012
    opt = {"access": Access.CURATOR}  # noqa: RUF012

    @patch("/{slug:str}", summary="Edit a career's summary and sections")
    async def edit_career(
        self,
        session: DbSession,
        slug: Annotated[str, PathParameter(max_length=300)],
        data: JSONBody[CareerEditIn],
    ) -> CareerRead:
        """Change the content given and return the career as the public API shows it."""
        career = await service.update_career(session, slug, data.summary, data.sections)
        return career_read(career, await careers_service.sources_of(session, career))
