"""Work that runs on its own: recovery every minute, link checks and alert digests daily.

Every node's consumer runs the minute tick; a scheduled job's dedup key names its day, so the
job table lets one of them through per day however many nodes tick.
"""

from __future__ import annotations

import asyncio
from datetime import datetime

from careerpath.db import create_engine, create_session_factory, utcnow
from careerpath.jobs import runner, service
from careerpath.jobs.queue import JobQueue

DAILY_KINDS = ("links.check", "alerts.digest")


def every_minute(queue: JobQueue) -> None:
    """Recover abandoned jobs, then queue the day's scheduled jobs once (when scheduling is on)."""
    runner.recover(queue)
    if queue.settings.scheduled_jobs:
        asyncio.run(_queue_daily(queue, utcnow()))


async def _queue_daily(queue: JobQueue, now: datetime) -> None:
    engine = create_engine(queue.settings.database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            fresh = []
            for kind in DAILY_KINDS:
                key = f"{kind}:{now.date().isoformat()}"
                job, created = await service.create_job(session, kind, {}, dedup_key=key)
                if created:
                    fresh.append(job.id)
    finally:
        await engine.dispose()
    for job_id in fresh:
        queue.push(job_id)
