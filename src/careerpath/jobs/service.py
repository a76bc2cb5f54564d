"""Job rows: create (once per dedup key), claim, finish, fail, and find the abandoned ones."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.db import utcnow
from careerpath.errors import NotFoundError
from careerpath.jobs.models import Job, JobState

MAX_ATTEMPTS = 3


async def create_job(
    session: AsyncSession,
    kind: str,
    payload: dict[str, Any],
    *,
    dedup_key: str | None = None,
    request_id: str | None = None,
) -> tuple[Job, bool]:
    """Add a queued job, or return the one with the same key; say whether it must be queued."""
    if dedup_key is not None:
        existing = await _by_key(session, dedup_key)
        if existing is not None:
            was_failed = existing.state is JobState.FAILED
            return await _reuse(session, existing), was_failed
    job = Job(id=uuid.uuid4().hex, kind=kind, payload=payload, dedup_key=dedup_key)
    job.request_id = request_id
    try:
        async with session.begin_nested():
            session.add(job)
    except IntegrityError:  # a concurrent request added the same key first
        raced = await _by_key(session, dedup_key or "")
        if raced is None:
            raise
        return raced, False
    return job, True


async def _by_key(session: AsyncSession, dedup_key: str) -> Job | None:
    return await session.scalar(select(Job).where(Job.dedup_key == dedup_key))


async def _reuse(session: AsyncSession, job: Job) -> Job:
    """Queue a failed job again (the file may have been fixed upstream); leave others be."""
    if job.state is JobState.FAILED:
        job.state, job.attempts, job.error = JobState.QUEUED, 0, None
        job.started_at = job.finished_at = None
        await session.flush()
    return job


async def get_job(session: AsyncSession, job_id: str) -> Job:
    """Return the job with ``job_id``."""
    job = await session.get(Job, job_id)
    if job is None:
        raise NotFoundError(f"No job {job_id!r}.")
    return job


async def claim(session: AsyncSession, job_id: str) -> Job | None:
    """Mark a queued job running (one attempt more); None when another worker has it."""
    claimed = await session.execute(
        update(Job)
        .where(Job.id == job_id, Job.state == JobState.QUEUED)
        .values(state=JobState.RUNNING, attempts=Job.attempts + 1, started_at=utcnow())
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return await session.get(Job, job_id, populate_existing=True)


async def finish(session: AsyncSession, job_id: str, report: dict[str, Any]) -> None:
    """Record the report of a job that ran to its end."""
    job = await get_job(session, job_id)
    job.state, job.report, job.finished_at = JobState.SUCCEEDED, report, utcnow()
    job.rows_read = _int_or(report.get("read"), job.rows_read)
    job.rows_total = job.rows_total if job.rows_total is not None else job.rows_read


async def fail(session: AsyncSession, job_id: str, error: str) -> bool:
    """Record a failed attempt; queue the job again unless it is out of attempts (say which)."""
    job = await get_job(session, job_id)
    job.error = error
    if job.attempts < MAX_ATTEMPTS:
        job.state = JobState.QUEUED
        return True
    job.state, job.finished_at = JobState.FAILED, utcnow()
    return False


async def record_total(session: AsyncSession, job_id: str, total: int) -> None:
    """Remember how many rows the job's file holds."""
    await session.execute(update(Job).where(Job.id == job_id).values(rows_total=total))


async def running_jobs(session: AsyncSession) -> Sequence[Job]:
    """Return every job marked running (a worker should be holding each)."""
    return (await session.scalars(select(Job).where(Job.state == JobState.RUNNING))).all()


async def queued_jobs(session: AsyncSession) -> Sequence[str]:
    """Return the ids of every queued job, oldest first."""
    query = select(Job.id).where(Job.state == JobState.QUEUED).order_by(Job.created_at)
    return (await session.scalars(query)).all()


def _int_or(value: object, default: int | None) -> int | None:
    return value if isinstance(value, int) else default
