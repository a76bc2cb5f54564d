"""Jobs run once, failures are retried then marked failed, and a dead worker's job is recovered."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.config import Settings
from careerpath.db import create_engine, create_session_factory
from careerpath.jobs import runner, service
from careerpath.jobs.models import Job, JobState
from careerpath.jobs.queue import JobQueue
from careerpath.jobs.registry import JobContext, register
from careerpath.logging import request_id_var

CALLS: list[str] = []


@register("test.count")
async def _count(_session: AsyncSession, job: JobContext) -> dict[str, Any]:
    CALLS.append(job.job_id)
    job.report_progress(3, 3)
    return {"read": 3}


@register("test.request_id")
async def _request_id(_session: AsyncSession, _job: JobContext) -> dict[str, Any]:
    return {"request_id": request_id_var.get()}


@register("test.boom")
async def _boom(_session: AsyncSession, _job: JobContext) -> dict[str, Any]:
    raise RuntimeError("the file vanished")


@pytest.fixture
def queue(settings: Settings, tmp_path: Path) -> JobQueue:
    """A queue of its own (no app's worker sees it) on the suite's database: the test works it."""
    return JobQueue(settings.model_copy(update={"var_dir": tmp_path}), runner.execute, _idle)


def _idle(_queue: JobQueue) -> None:
    """No periodic work in these tests."""


def _db(settings: Settings, work: Any) -> Any:
    async def _run() -> Any:
        engine = create_engine(settings.database_url)
        try:
            async with create_session_factory(engine)() as session, session.begin():
                return await work(session)
        finally:
            await engine.dispose()

    return asyncio.run(_run())


def _new_job(settings: Settings, kind: str, key: str | None = None) -> tuple[Job, bool]:
    return _db(settings, lambda s: service.create_job(s, kind, {}, dedup_key=key))  # type: ignore[no-any-return]


def _job(settings: Settings, job_id: str) -> Job:
    return _db(settings, lambda s: service.get_job(s, job_id))  # type: ignore[no-any-return]


def test_the_same_key_runs_once(settings: Settings, queue: JobQueue) -> None:
    job, must_queue = _new_job(settings, "test.count", key=f"once-{settings.var_dir.name}")
    again, queue_again = _new_job(settings, "test.count", key=f"once-{settings.var_dir.name}")
    assert (must_queue, queue_again) == (True, False)
    assert again.id == job.id
    runner.execute(queue, job.id)
    runner.execute(queue, job.id)  # a duplicate delivery finds the job no longer queued
    assert CALLS.count(job.id) == 1
    done = _job(settings, job.id)
    assert (done.state, done.attempts, done.rows_read) == (JobState.SUCCEEDED, 1, 3)
    assert done.finished_at is not None
    assert queue.progress(job.id) is None


def test_a_failing_job_is_retried_then_marked_failed(settings: Settings, queue: JobQueue) -> None:
    job, _ = _new_job(settings, "test.boom")
    for attempt in range(1, service.MAX_ATTEMPTS + 1):
        runner.execute(queue, job.id)
        seen = _job(settings, job.id)
        assert seen.attempts == attempt
        assert "the file vanished" in (seen.error or "")
    assert seen.state is JobState.FAILED
    assert queue.depth() == service.MAX_ATTEMPTS - 1  # each failure but the last queued it again


def test_a_job_whose_worker_died_is_queued_again(settings: Settings, queue: JobQueue) -> None:
    job, _ = _new_job(settings, "test.count")
    _db(settings, lambda s: service.claim(s, job.id))  # a worker took it, then was killed
    queue.report_progress(job.id, 1, 10)
    runner.recover(queue)
    assert _job(settings, job.id).state is JobState.RUNNING  # its heartbeat is fresh
    queue.forget(job.id)  # no heartbeat: the worker is gone
    runner.recover(queue)
    recovered = _job(settings, job.id)
    assert recovered.state is JobState.QUEUED
    assert queue.depth() == 1
    runner.execute(queue, job.id)
    assert _job(settings, job.id).state is JobState.SUCCEEDED


def test_a_job_logs_under_the_request_id_that_enqueued_it(
    settings: Settings, queue: JobQueue
) -> None:
    job, _ = _db(
        settings,
        lambda s: service.create_job(s, "test.request_id", {}, request_id="req-from-the-web-1"),
    )
    runner.execute(queue, job.id)
    assert _job(settings, job.id).report == {"request_id": "req-from-the-web-1"}
    assert request_id_var.get() is None  # the worker thread's context is left clean
