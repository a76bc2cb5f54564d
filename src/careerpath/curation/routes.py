"""Curator API: edit a career's summary and section prose; upload files to import."""

from __future__ import annotations

import enum
import tempfile
from pathlib import Path
from typing import Annotated, Any

import msgspec
from litestar import Controller, patch, post
from litestar.datastructures import State, UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body, JSONBody, PathParameter, QueryParameter

from careerpath.careers import service as careers_service
from careerpath.careers.models import SectionKind
from careerpath.careers.presenters import career_read
from careerpath.careers.schemas import CareerRead
from careerpath.curation import service
from careerpath.curation.imports import ImportKind, ImportProfile, run_import
from careerpath.dependencies import AppSettings, DbSession
from careerpath.security.access import Access
from careerpath.security.limits import MAX_UPLOAD_BYTES

NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL
Prose = Annotated[str, msgspec.Meta(max_length=20_000, pattern=NO_NUL)]
UPLOAD_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".json"}


class UploadFormat(enum.StrEnum):
    """How an uploaded file is written (default: from its name, else CSV)."""

    CSV = "csv"
    JSONL = "jsonl"
    JSON = "json"


CHUNK_BYTES = 1 << 20


class SectionEdit(msgspec.Struct):
    """New prose for one section (added when the career lacks it)."""

    kind: SectionKind
    body: Prose


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


class ImportController(Controller):
    """File imports for curators: the CLI's import services, with the same per-row report."""

    path = "/api/v1/curation/imports"
    tags = ["curation"]  # noqa: RUF012
    opt = {"access": Access.CURATOR}  # noqa: RUF012

    @post(
        "/{kind:str}",
        summary="Import a file of courses, books, salary reports or job postings",
        status_code=200,
        request_max_body_size=MAX_UPLOAD_BYTES,
    )
    async def upload(
        self,
        state: State,
        session: DbSession,
        settings: AppSettings,
        kind: Annotated[ImportKind, PathParameter()],
        data: Annotated[UploadFile, Body(media_type=RequestEncodingType.MULTI_PART)],
        profile: Annotated[ImportProfile | None, QueryParameter()] = None,
        file_format: Annotated[UploadFormat | None, QueryParameter(name="format")] = None,
    ) -> dict[str, Any]:
        """Import the uploaded file; valid rows land, each bad row is reported with its line."""
        suffix = f".{file_format.value}" if file_format else Path(data.filename or "").suffix
        if suffix.lower() not in UPLOAD_SUFFIXES:
            suffix = ".csv"  # the default format; a file that is not CSV shows as rejected rows
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"upload{suffix.lower()}"
            with path.open("wb") as target:
                while chunk := await data.read(CHUNK_BYTES):
                    target.write(chunk)
            return await run_import(
                kind,
                path,
                profile.value if profile else None,
                session=session,
                session_factory=state.session_factory,
                var_dir=settings.var_dir,
            )
