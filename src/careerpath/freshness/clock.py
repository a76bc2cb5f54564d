"""Each worker's view of the cache generation: polled from the database a few times a second.

``interval`` 0 reads the row on every call instead (strict mode, for tests: a write is seen by
the very next request). Reads that fail keep the last known value and are retried.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from careerpath.freshness.models import ROW_ID, CacheGeneration

logger = logging.getLogger(__name__)


async def read_generation(session: AsyncSession) -> int:
    """Return the current generation (0 before the first write)."""
    value = await session.scalar(select(CacheGeneration.value).where(CacheGeneration.id == ROW_ID))
    return int(value or 0)


class GenerationClock:
    """The latest generation this worker has seen."""

    def __init__(self, factory: async_sessionmaker[AsyncSession], interval: float) -> None:
        self.factory = factory
        self.interval = interval
        self.value = 0
        self._task: asyncio.Task[None] | None = None

    async def current(self) -> int:
        """Return the generation to key caches with (read now in strict mode)."""
        if not self.interval:
            await self.refresh()
        return self.value

    async def refresh(self) -> None:
        """Read the generation from the database."""
        try:
            async with self.factory() as session:
                self.value = await read_generation(session)
        except (SQLAlchemyError, OSError) as exc:
            logger.warning("cache generation unreadable, keeping %d: %s", self.value, exc)

    async def start(self) -> None:
        """Read the generation, then keep polling it in the background."""
        await self.refresh()
        if self.interval:
            self._task = asyncio.create_task(self._poll())

    async def stop(self) -> None:
        """Stop polling."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            await self.refresh()
