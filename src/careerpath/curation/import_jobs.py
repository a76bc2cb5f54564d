"""File imports as background jobs: the upload is queued, a worker runs the CLI's import."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from careerpath.curation.imports import CatalogOptions, ImportKind, run_import
from careerpath.curation.uploads import StoredUpload, count_rows
from careerpath.jobs import service as jobs_service
from careerpath.jobs.models import Job, JobState
from careerpath.jobs.queue import JobQueue
from careerpath.jobs.registry import JobContext, register
from careerpath.logging import request_id_var
from careerpath.nodes.notify import announce
from careerpath.ops import metrics

KIND = "curation.import"


@dataclass(frozen=True)
class ImportRequest:
    """Everything an import needs besides the file (JSON-safe: it is the job's payload)."""

    kind: str
    profile: str | None
    source: str | None
    columns: tuple[str, ...]
    currency: str | None

    def dedup_key(self, upload: StoredUpload) -> str:
        """Return the key that makes the same file with the same options run once."""
        options = json.dumps([upload.sha256, asdict(self)], sort_keys=True)
        return hashlib.sha256(options.encode()).hexdigest()


async def submit_import(
    sessions: async_sessionmaker[AsyncSession],
    queue: JobQueue,
    request: ImportRequest,
    upload: StoredUpload,
) -> Job:
    """Queue the import of ``upload`` (committed before a worker may see it); return its job."""
    payload = {**asdict(request), "path": str(upload.path)}
    async with sessions() as session, session.begin():
        job, must_queue = await jobs_service.create_job(
            session,
            KIND,
            payload,
            dedup_key=request.dedup_key(upload),
            request_id=request_id_var.get(),
        )
    if must_queue:
        await queue.push_async(job.id)
    elif job.state is JobState.SUCCEEDED:  # imported before: the copy just stored is not needed
        upload.path.unlink(missing_ok=True)
    return job


async def _remove(path: Path) -> None:
    path.unlink(missing_ok=True)


@register(KIND)
async def run_import_job(session: AsyncSession, job: JobContext) -> dict[str, Any]:
    """Run the queued import with the CLI's services; report progress as rows are read."""
    payload = job.payload
    path = Path(payload["path"])
    total = count_rows(path)
    await jobs_service.record_total(session, job.job_id, total)
    read = 0

    def advance(rows: int) -> None:
        nonlocal read
        read += rows
        job.report_progress(read, total)

    report = await run_import(
        ImportKind(payload["kind"]),
        path,
        payload["profile"],
        session=session,
        var_dir=job.var_dir,
        source=payload["source"],
        options=CatalogOptions(tuple(payload["columns"]), payload["currency"]),
        advance=advance,
        # SQLite has one writer: commit between batches so that users' saves get their turn.
        checkpoint=session.commit if job.settings.is_sqlite else None,
    )
    metrics.count_rows(payload["kind"], report)
    job.after_commit.append(partial(_remove, path))  # a failed attempt keeps it for the retry
    if payload["kind"] in (ImportKind.COURSES, ImportKind.BOOKS):
        job.after_commit.append(partial(announce, job.settings))
    return report
