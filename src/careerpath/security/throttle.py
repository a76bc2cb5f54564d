"""Throttling with ``limits``: Redis-backed when configured, in the database otherwise.

Failure counters (logins) are only hit on failure; attempt counters (registration, reset) on
every attempt. Without Redis they live in the database (``counters.py``), so every worker
counts against the same limit. The general per-address and per-token limits are
``budgets.py``'s. When a configured Redis does not answer, these counters fall back to the
database too (limits stay shared by every worker), and Redis is tried again ``REDIS_RETRY_SECONDS``
later, so it takes over by itself once it is back. Counts made meanwhile stay in the database:
a limit starts afresh in Redis, at worst letting one window's attempts through twice.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, Protocol, TypeVar

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.util import WindowStats
from redis.asyncio import ConnectionPool
from redis.exceptions import RedisError

from careerpath.cache import redis_pool
from careerpath.config import Settings
from careerpath.errors import RateLimitedError
from careerpath.security.budgets import Budgets, RequestCounter
from careerpath.security.counters import DatabaseCounters

logger = logging.getLogger(__name__)
T = TypeVar("T")
# After a failure, Redis is left alone this long: a down Redis costs one refused connection per
# worker per interval, not one per counted event.
REDIS_RETRY_SECONDS = 1.0


class Counters(Protocol):
    """What the throttle asks of a limiter (``limits``' or ``DatabaseCounters``)."""

    async def test(self, item: RateLimitItem, *identifiers: str) -> bool: ...
    async def hit(self, item: RateLimitItem, *identifiers: str) -> bool: ...
    async def get_window_stats(self, item: RateLimitItem, *identifiers: str) -> WindowStats: ...


def create_storage(redis_url: str | None, pool: ConnectionPool | None) -> Storage:
    """Return Redis storage over ``pool`` (redis-py), or memory storage without a URL."""
    if redis_url and pool is not None:
        uri = "async+" + redis_url if not redis_url.startswith("async+") else redis_url
        options: dict[str, Any] = {"connection_pool": pool}
        return RedisStorage(uri, implementation="redispy", **options)
    return MemoryStorage()


class Throttle:
    """Named limits checked against one storage."""

    def __init__(self, settings: Settings) -> None:
        # Our own pool, so that shutdown can close its sockets.
        self.pool = redis_pool(settings.redis_url) if settings.redis_url else None
        storage = create_storage(settings.redis_url, self.pool)
        self.limits: dict[str, RateLimitItem] = {
            "login": parse(settings.rate_limit_login),
            "registration": parse(settings.rate_limit_registration),
            "reset": parse(settings.rate_limit_reset),
        }
        longest = max(item.get_expiry() for item in self.limits.values())
        # The counters without Redis, and while a configured Redis is down.
        self.database = DatabaseCounters(settings.database_url, timedelta(seconds=longest))
        self.shared: Counters = (
            MovingWindowRateLimiter(storage) if settings.redis_url else self.database
        )
        self._redis_retry_at = 0.0
        shared = storage if settings.redis_url else None
        self.budgets = Budgets(
            {
                "ip": RequestCounter("ip", parse(settings.rate_limit_ip), shared),
                "client": RequestCounter(
                    "client", parse(settings.rate_limit_per_api_client), shared
                ),
            }
        )

    async def ensure_allowed(self, name: str, *keys: str) -> None:
        """Raise ``RateLimitedError`` when any of ``keys`` has used up limit ``name``."""
        item = self.limits[name]
        for key in keys:
            if not await self._allowed(item, name, key):
                raise RateLimitedError(
                    "Too many attempts. Try again later.",
                    retry_after=await self._retry_after(item, name, key),
                )

    async def hit(self, name: str, *keys: str) -> None:
        """Count one event against limit ``name`` for every key."""
        item = self.limits[name]
        for key in keys:
            await self._hit_one(item, name, key)

    async def attempt(self, name: str, *keys: str) -> None:
        """Check and count an attempt in one step."""
        await self.ensure_allowed(name, *keys)
        await self.hit(name, *keys)

    async def close(self) -> None:
        """Share the last request counts and close the Redis connections, if any."""
        await self.budgets.stop()
        if self.pool is not None:
            await self.pool.disconnect()
        await self.database.close()

    async def _call(self, step: Callable[[Counters], Awaitable[T]]) -> T:
        """Run ``step`` on the shared counters, or on the database's while Redis is down."""
        if self.pool is None or time.monotonic() < self._redis_retry_at:
            return await step(self.database)
        try:
            result = await step(self.shared)
        except (RedisError, OSError) as exc:
            if not self._redis_retry_at:
                logger.warning("Redis rate limits unavailable, counting in the database: %s", exc)
            self._redis_retry_at = time.monotonic() + REDIS_RETRY_SECONDS
            return await step(self.database)
        if self._redis_retry_at:
            logger.warning("Redis rate limits available again")
            self._redis_retry_at = 0.0
        return result

    async def _allowed(self, item: RateLimitItem, name: str, key: str) -> bool:
        return await self._call(lambda c: c.test(item, name, key))

    async def _hit_one(self, item: RateLimitItem, name: str, key: str) -> None:
        await self._call(lambda c: c.hit(item, name, key))

    async def _retry_after(self, item: RateLimitItem, *identifiers: str) -> int:
        stats = await self._call(lambda c: c.get_window_stats(item, *identifiers))
        return max(1, math.ceil(stats.reset_time - time.time()))
