"""The general request limits (per address, per API token): counted in process, shared by all.

Every request is counted at once in this worker's memory, with no round trip, so that a cached
answer stays cheap and still reports the caller's real budget. Every ``SYNC_SECONDS`` each
worker adds what it counted to the shared storage (Redis when configured) and reads back the
totals of all workers: a budget is the shared total plus what this worker counted since. The
windows are fixed (the minute, for "300/minute"); between two syncs N workers together may let
through up to N-1 workers' counts of one interval more than the limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from dataclasses import dataclass

from limits import RateLimitItem
from limits.aio.storage import Storage
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

SYNC_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class Budget:
    """What one client has left of one limit after a request: the rate-limit headers' content."""

    policy: str
    limit: int
    window: int
    remaining: int
    reset: int
    allowed: bool


class RequestCounter:
    """One fixed-window limit, counted locally and summed across workers through ``storage``."""

    def __init__(self, policy: str, item: RateLimitItem, storage: Storage | None) -> None:
        self.policy = policy
        self.amount = item.amount
        self.seconds = item.get_expiry()
        self.storage = storage
        self._window = 0
        self._shared: dict[str, int] = {}
        self._pending: dict[str, int] = {}

    def hit(self, key: str) -> Budget:
        """Count one request for ``key`` and return what is left (``allowed`` False when over)."""
        now = time.time()
        window = int(now // self.seconds)
        if window != self._window:
            self._window, self._shared, self._pending = window, {}, {}
        pending = self._pending.get(key, 0) + 1
        self._pending[key] = pending
        used = self._shared.get(key, 0) + pending
        reset = max(1, math.ceil((window + 1) * self.seconds - now))
        left = max(0, self.amount - used)
        return Budget(self.policy, self.amount, self.seconds, left, reset, used <= self.amount)

    async def sync(self) -> None:
        """Add this worker's counts to the shared totals and read every known total back."""
        if self.storage is None:
            return
        window, pending, self._pending = self._window, self._pending, {}
        for key in [*pending, *(k for k in self._shared if k not in pending)]:
            try:
                total = await self._share(window, key, pending.get(key, 0))
            except (RedisError, OSError) as exc:
                logger.warning("request counts not shared: %s", exc)
                self._pending[key] = self._pending.get(key, 0) + pending.get(key, 0)
                continue
            if window == self._window:
                self._shared[key] = total

    async def _share(self, window: int, key: str, count: int) -> int:
        name = f"budget/{self.policy}/{window}/{key}"
        if count:
            return await self.storage.incr(name, self.seconds, amount=count)  # type: ignore[union-attr]
        return await self.storage.get(name)  # type: ignore[union-attr]


class Budgets:
    """The general limits of one worker, and the task that keeps them shared."""

    def __init__(self, counters: dict[str, RequestCounter]) -> None:
        self.counters = counters
        self._task: asyncio.Task[None] | None = None

    def hit(self, policy: str, key: str) -> Budget:
        """Count one request against ``policy`` for ``key``; return what is left."""
        return self.counters[policy].hit(key)

    async def sync(self) -> None:
        """Share every limit's counts now."""
        for counter in self.counters.values():
            await counter.sync()

    def start(self) -> None:
        """Keep sharing the counts in the background."""
        self._task = asyncio.create_task(self._keep_syncing())

    async def stop(self) -> None:
        """Share the last counts and stop."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.sync()

    async def _keep_syncing(self) -> None:
        while True:
            await asyncio.sleep(SYNC_SECONDS)
            await self.sync()
