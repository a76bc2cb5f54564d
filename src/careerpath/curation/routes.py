"""Curator API: edit a career's summary and section prose; upload files to import."""

from __future__ import annotations

import enum
from typing import Annotated, Any, Literal

import msgspec
from litestar import Controller, Request, Response, delete, patch, post, put
from litestar.params import JSONBody, PathParameter, QueryParameter
from litestar.status_codes import HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from careerpath.careers import writes as careers_writes
from careerpath.careers.dependencies import CurrentCareer
from careerpath.careers.models import SectionKind
from careerpath.careers.schemas import CareerRead
from careerpath.catalog.generic import fields_help
from careerpath.curation.import_jobs import ImportRequest, submit_import
from careerpath.curation.imports import ImportKind, ImportProfile
from careerpath.curation.uploads import store_upload
from careerpath.dependencies import AppSettings, DbSession
from careerpath.jobs.presenters import JobRead, job_read
from careerpath.matching import curation as matching_curation
from careerpath.matching.curation import MAX_PIN_POSITION
from careerpath.params import RowId
from careerpath.salaries.sources import KEY_PATTERN as SOURCE_KEY_PATTERN
from careerpath.security.access import Access, principal_of
from careerpath.security.limits import MAX_UPLOAD_BYTES

# One --map pair: a field name, '=', the file's column name (no NUL: the query backstop refuses it).
MAP_PAIRS_SCHEMA = {
    "type": "array",
    "items": {"type": "string", "pattern": r"^[^=\x00]+=[^\x00]+$", "maxLength": 200},
}

NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL
Prose = Annotated[str, msgspec.Meta(max_length=20_000, pattern=NO_NUL)]
UPLOAD_SUFFIXES = {".csv", ".jsonl", ".ndjson", ".json"}


class UploadFormat(enum.StrEnum):
    """How an uploaded file is written."""

    CSV = "csv"
    JSONL = "jsonl"
    JSON = "json"


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
        self, session: DbSession, career: CurrentCareer, data: JSONBody[CareerEditIn]
    ) -> CareerRead:
        """Change the content given and return the career as the public API shows it."""
        sections = {edit.kind: edit.body for edit in data.sections}
        return await careers_writes.edit_career(session, career, data.summary, sections)


class CurationDecisionIn(msgspec.Struct):
    """Pin a resource at a position of a career's list (the top when none is given), or hide it."""

    action: Literal["pin", "hide"]
    position: Annotated[int, msgspec.Meta(ge=1, le=MAX_PIN_POSITION)] | None = None


class CurationDecisionRead(msgspec.Struct, frozen=True):
    """A curator's decision as recorded."""

    career: str
    resource_id: int
    action: str
    position: int | None
    decided_by: str


class RankingCurationController(Controller):
    """Curators pin or hide resources in a career's ranked lists (recorded with who and when)."""

    path = "/api/v1/curation/careers/{slug:str}/resources/{resource_id:int}"
    tags = ["curation"]  # noqa: RUF012
    opt = {"access": Access.CURATOR}  # noqa: RUF012

    @put("/", summary="Pin or hide a resource for a career")
    async def decide(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        settings: AppSettings,
        career: CurrentCareer,
        resource_id: RowId,
        data: JSONBody[CurationDecisionIn],
    ) -> CurationDecisionRead:
        """Record the decision and re-rank the career."""
        by = _curator(request)
        position = (data.position or 1) if data.action == "pin" else None
        if position is not None:
            await matching_curation.pin(
                session, settings.var_dir, career.id, resource_id, position, by
            )
        else:
            await matching_curation.hide(session, settings.var_dir, career.id, resource_id, by)
        return CurationDecisionRead(career.slug, resource_id, data.action, position, by)

    @delete("/", summary="Forget a pin or hide", status_code=HTTP_204_NO_CONTENT)
    async def forget(
        self,
        session: DbSession,
        settings: AppSettings,
        career: CurrentCareer,
        resource_id: RowId,
    ) -> None:
        """Remove the curator's decision and re-rank the career."""
        await matching_curation.clear(session, settings.var_dir, career.id, resource_id)


def _curator(request: Request[Any, Any, Any]) -> str:
    principal = principal_of(request)
    return f"user:{principal.user_id}" if principal else "unknown"


class ImportController(Controller):
    """File imports for curators: the CLI's import services, with the same per-row report."""

    path = "/api/v1/curation/imports"
    tags = ["curation"]  # noqa: RUF012
    opt = {"access": Access.CURATOR}  # noqa: RUF012

    @post(
        "/{kind:str}",
        summary="Queue the import of a file of courses, books, salary reports or job postings",
        description="Send the file itself as the request body (up to 50 MB), "
        "e.g. `curl --data-binary @books.csv -H 'Content-Type: application/octet-stream'`. "
        "The answer is 202 with a `Location` to the import's job "
        "(`GET /api/v1/jobs/{id}`): its state, progress and, once done, the per-row report. "
        "The same file with the same options is imported once. "
        "Courses and books: any CSV, JSON Lines or JSON array imports; each field is read from "
        "the column named after it or from the one a `map=field=column` parameter names "
        "(repeatable); `currency` sets the ISO code of prices without a currency column. "
        "Fields:\n\n" + "\n".join(f"- {line}" for line in fields_help().splitlines()),
        status_code=HTTP_202_ACCEPTED,
        request_max_body_size=MAX_UPLOAD_BYTES,
    )
    async def upload(
        self,
        request: Request[Any, Any, Any],
        settings: AppSettings,
        kind: Annotated[ImportKind, PathParameter()],
        profile: Annotated[ImportProfile | None, QueryParameter()] = None,
        file_format: Annotated[UploadFormat, QueryParameter(name="format")] = UploadFormat.CSV,
        source: Annotated[
            str | None,
            QueryParameter(
                pattern=SOURCE_KEY_PATTERN.pattern,
                description="Salary files: the key of the source the reports come from",
            ),
        ] = None,
        columns: Annotated[
            list[str] | None,
            QueryParameter(
                name="map",
                max_items=30,
                description="field=column, repeatable",
                schema_extra={"oneOf": [MAP_PAIRS_SCHEMA, {"type": "null"}]},
            ),
        ] = None,
        currency: Annotated[
            str | None, QueryParameter(pattern="^[A-Za-z]{3}$", description="ISO 4217 code")
        ] = None,
    ) -> Response[JobRead]:
        """Store the file and queue its import; the job's report lists each bad row's line."""
        upload = await store_upload(
            request.stream(), settings.var_dir, file_format.value, MAX_UPLOAD_BYTES
        )
        wanted = ImportRequest(
            kind.value,
            profile.value if profile else None,
            source,
            tuple(columns or ()),
            currency,
        )
        queue = request.app.state.job_queue
        job = await submit_import(request.app.state.session_factory, queue, wanted, upload)
        return Response(
            job_read(job, None),
            status_code=HTTP_202_ACCEPTED,
            headers={"Location": f"/api/v1/jobs/{job.id}"},
        )
