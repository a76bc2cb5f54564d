"""Give the app its job queue and, on the embedded default, a worker thread beside the server."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar

from careerpath.config import Settings
from careerpath.jobs import runner, schedule
from careerpath.jobs.queue import JobQueue
from careerpath.ops import metrics

logger = logging.getLogger(__name__)


def create_queue(settings: Settings) -> JobQueue:
    """Return the queue every process of this deployment shares."""
    return JobQueue(settings, runner.execute, schedule.every_minute)


@asynccontextmanager
async def jobs_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Attach the queue; run an in-process consumer unless workers run apart (``job_worker``)."""
    settings: Settings = app.state.settings
    queue = create_queue(settings)
    app.state.job_queue = queue
    metrics.watch_queue(queue.depth)
    consumer = queue.consumer() if settings.job_worker == "inline" else None
    if consumer is not None:
        consumer.start()
        logger.info("job worker running inside the web process")
    try:
        yield
    finally:
        if consumer is not None:
            consumer.stop(graceful=True)
