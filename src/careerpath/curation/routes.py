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


class SectionEdit(msgspec.Struct):
    """New prose for one section (added when the career lacks it)."""

    kind: SectionKind
    body: Body


class CareerEditIn(msgspec.Struct):
    """Content changes; a later edit of the same section wins."""

    summary: Annotated[str, msgspec.Meta(max_length=2000, pattern=NO_NUL)] | None = None
    sections: Annotated[list[SectionEdit], msgspec.Meta(max_length=20)] = msgspec.field(
        default_factory=list
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
        sections = {edit.kind: edit.body for edit in data.sections}
        career = await service.update_career(session, slug, data.summary, sections)
        return career_read(career, await careers_service.sources_of(session, career))
