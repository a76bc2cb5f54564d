"""The queue under the job table: huey on SQLite (embedded default) or Redis (production).

Huey carries job ids from web nodes to workers and holds each running job's live progress and
heartbeat in its key-value store, away from the application database: a long import's write
transaction on SQLite cannot block a progress update.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey, crontab
from huey.consumer import Consumer
from redis.exceptions import RedisError

from careerpath.config import Settings

logger = logging.getLogger(__name__)

QUEUE_NAME = "careerpath"
# An idle worker on SQLite polls at most this far apart (Redis blocks on the queue instead).
MAX_POLL_SECONDS = 1.0
Executor = Callable[["JobQueue", str], None]
Periodic = Callable[["JobQueue"], None]


@dataclass(frozen=True)
class Progress:
    """What a running job last said about itself."""

    read: int
    total: int | None
    beat: float  # time.time() of the last heartbeat


class JobQueue:
    """One huey instance per process; ``push`` hands a job id to whichever worker is free."""

    def __init__(self, settings: Settings, executor: Executor, periodic: Periodic) -> None:
        self.settings = settings
        self.huey = create_huey(settings)
        self._executor = executor
        self._periodic = periodic
        self._run_job: Any = self.huey.task(name="careerpath.run_job")(self._run)
        self.huey.periodic_task(crontab(minute="*"), name="careerpath.every_minute")(self._tick)

    def _run(self, job_id: str) -> None:
        self._executor(self, job_id)

    def _tick(self) -> None:
        self._periodic(self)

    def push(self, job_id: str) -> None:
        """Queue ``job_id`` for a worker."""
        self._run_job(job_id)

    async def push_async(self, job_id: str) -> None:
        """Queue ``job_id`` without blocking the event loop on the queue's storage."""
        await asyncio.to_thread(self.push, job_id)

    def depth(self) -> int:
        """Return how many job ids wait for a worker."""
        return int(self.huey.pending_count())

    def report_progress(self, job_id: str, read: int, total: int | None) -> None:
        """Record a running job's progress; doubles as its heartbeat."""
        self.huey.put(_key(job_id), {"read": read, "total": total, "beat": time.time()})

    def progress(self, job_id: str) -> Progress | None:
        """Return the last progress a running job reported, if any."""
        value: dict[str, Any] | None = self.huey.get(_key(job_id), peek=True)
        if not value:
            return None
        return Progress(int(value["read"]), value.get("total"), float(value["beat"]))

    def forget(self, job_id: str) -> None:
        """Drop a finished job's progress."""
        self.huey.get(_key(job_id), peek=False)

    def consumer(self, workers: int = 1) -> Consumer:
        """Return a consumer running jobs in ``workers`` threads of this process."""
        quiet_storage_outages()
        return InProcessConsumer(
            self.huey, workers=workers, worker_type="thread", max_delay=MAX_POLL_SECONDS
        )


class InProcessConsumer(Consumer):  # type: ignore[misc]
    """A consumer that leaves signals to its host (the web server, or the worker command)."""

    def _set_signal_handlers(self) -> None:
        """Install nothing: only the main thread may, and the host owns shutdown."""


class StorageOutage(logging.Filter):
    """Log a lost queue connection as one warning line: huey retries, nothing to trace."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Turn a traceback of a storage error into a warning; pass everything else."""
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, RedisError | OSError):
            record.msg = f"{record.getMessage()} (queue storage unreachable: {error})"
            record.args, record.exc_info, record.exc_text = None, None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def quiet_storage_outages() -> None:
    """Put the outage filter on huey's loggers (its consumer, scheduler and workers)."""
    for name in ("huey", "huey.consumer", "huey.consumer.Scheduler", "huey.consumer.Worker"):
        found = logging.getLogger(name)
        if not any(isinstance(f, StorageOutage) for f in found.filters):
            found.addFilter(StorageOutage())


def create_huey(settings: Settings) -> Huey:
    """Return Redis when configured, else SQLite under var_dir (no server needed)."""
    if settings.redis_url:
        return RedisHuey(QUEUE_NAME, url=settings.redis_url, utc=True)
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(QUEUE_NAME, filename=str(settings.var_dir / "queue.db"), utc=True)


def _key(job_id: str) -> str:
    return f"progress:{job_id}"
