"""Run one job in a worker thread: claim it, run its handler, record the report or the failure."""

from __future__ import annotations

import asyncio
import logging
import threading
import time

from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from careerpath.db import create_engine, create_session_factory
from careerpath.jobs import service
from careerpath.jobs.queue import JobQueue
from careerpath.jobs.registry import JobContext, handler_for
from careerpath.logging import request_id_var
from careerpath.ops import metrics

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5.0
# A running job whose worker has not beaten for this long was killed with it.
STALE_SECONDS = 60.0


def execute(queue: JobQueue, job_id: str) -> None:
    """Run ``job_id`` to its end (huey calls this in a worker thread)."""
    asyncio.run(_execute(queue, job_id))


async def _execute(queue: JobQueue, job_id: str) -> None:
    engine = create_engine(queue.settings.database_url)
    sessions = create_session_factory(engine)
    try:
        await _claim_and_run(queue, sessions, job_id)
    finally:
        await engine.dispose()


async def _claim_and_run(
    queue: JobQueue, sessions: async_sessionmaker[AsyncSession], job_id: str
) -> None:
    async with sessions() as session, session.begin():
        job = await service.claim(session, job_id)
    if job is None:
        return  # done, running elsewhere, or enqueued twice: it runs once
    token = request_id_var.set(job.request_id)
    context = JobContext(job.id, job.payload, queue.settings, sessions)
    context.report_progress = lambda read, total: queue.report_progress(job_id, read, total)
    started = time.perf_counter()
    try:
        await _run_with_heartbeat(context, job.kind, queue)
    except Exception as exc:  # any failure of the handler is the job's failure
        await _record_failure(queue, sessions, job_id, job.kind, exc)
    finally:
        metrics.JOB_SECONDS.labels(job.kind).observe(time.perf_counter() - started)
        queue.forget(job_id)
        request_id_var.reset(token)


async def _run_with_heartbeat(context: JobContext, kind: str, queue: JobQueue) -> None:
    queue.report_progress(context.job_id, 0, None)
    stop = threading.Event()
    # A thread, not a task: a handler's synchronous parsing must not look like a dead worker.
    beat = threading.Thread(target=_heartbeat, args=(queue, context.job_id, stop), daemon=True)
    beat.start()
    try:
        async with context.sessions() as session:  # a handler may commit as it goes
            report = await handler_for(kind)(session, context)
            await session.commit()
        async with context.sessions() as session, session.begin():
            await service.finish(session, context.job_id, report)
        logger.info("job %s (%s) succeeded", context.job_id, kind)
        for hook in context.after_commit:
            await hook()
    finally:
        stop.set()
        beat.join()


def _heartbeat(queue: JobQueue, job_id: str, stop: threading.Event) -> None:
    """Keep the job's progress fresh so that recovery knows its worker is alive."""
    while not stop.wait(HEARTBEAT_SECONDS):
        last = queue.progress(job_id)
        queue.report_progress(job_id, last.read if last else 0, last.total if last else None)


async def _record_failure(
    queue: JobQueue,
    sessions: async_sessionmaker[AsyncSession],
    job_id: str,
    kind: str,
    exc: Exception,
) -> None:
    if isinstance(exc, RedisError | OSError):  # the queue or a service is away: retried, no trace
        logger.warning("job %s (%s) failed: %s", job_id, kind, exc)
    else:
        logger.exception("job %s (%s) failed", job_id, kind)
    metrics.JOB_FAILURES.labels(kind).inc()
    async with sessions() as session, session.begin():
        again = await service.fail(session, job_id, f"{type(exc).__name__}: {exc}")
    if again:
        queue.push(job_id)


def recover(queue: JobQueue) -> None:
    """Re-queue jobs whose worker died, or mark them failed when out of attempts."""
    asyncio.run(_recover(queue))


async def _recover(queue: JobQueue) -> None:
    engine = create_engine(queue.settings.database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            for job in await service.running_jobs(session):
                if _is_abandoned(queue, job.id):
                    logger.warning("job %s lost its worker", job.id)
                    if await service.fail(session, job.id, "The worker stopped mid-job."):
                        queue.push(job.id)
    finally:
        await engine.dispose()


def _is_abandoned(queue: JobQueue, job_id: str) -> bool:
    last = queue.progress(job_id)
    return last is None or time.time() - last.beat > STALE_SECONDS
