"""Throttling with ``limits``: Redis-backed when configured, in memory otherwise.

Failure counters (logins) are only hit on failure; attempt counters (registration, reset) on
every attempt. The general per-address and per-token limits are ``budgets.py``'s. When Redis
does not answer, these counters fall back to this process's memory for that call (limits stay
applied, per worker) and Redis is tried again on the next one, so it takes over again as soon
as it is back.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Awaitable, Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import MovingWindowRateLimiter
from redis.asyncio import ConnectionPool
from redis.exceptions import RedisError

from careerpath.cache import redis_pool
from careerpath.config import Settings
from careerpath.errors import RateLimitedError
from careerpath.security.budgets import Budgets, RequestCounter

logger = logging.getLogger(__name__)
T = TypeVar("T")
P = ParamSpec("P")
Limiter = MovingWindowRateLimiter


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
        self.shared = MovingWindowRateLimiter(storage)
        self.local = MovingWindowRateLimiter(MemoryStorage())
        self.limits: dict[str, RateLimitItem] = {
            "login": parse(settings.rate_limit_login),
            "registration": parse(settings.rate_limit_registration),
            "reset": parse(settings.rate_limit_reset),
        }
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
            if not await self._call(Limiter.test, item, name, key):
                raise RateLimitedError(
                    "Too many attempts. Try again later.",
                    retry_after=await self._retry_after(item, name, key),
                )

    async def hit(self, name: str, *keys: str) -> None:
        """Count one event against limit ``name`` for every key."""
        item = self.limits[name]
        for key in keys:
            await self._call(Limiter.hit, item, name, key)

    async def attempt(self, name: str, *keys: str) -> None:
        """Check and count an attempt in one step."""
        await self.ensure_allowed(name, *keys)
        await self.hit(name, *keys)

    async def close(self) -> None:
        """Share the last request counts and close the Redis connections, if any."""
        await self.budgets.stop()
        if self.pool is not None:
            await self.pool.disconnect()

    async def _call(
        self,
        step: Callable[Concatenate[Limiter, P], Awaitable[T]],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run ``step`` on the shared counters, or on this process's when Redis is down."""
        if self.pool is None:
            return await step(self.shared, *args, **kwargs)
        try:
            return await step(self.shared, *args, **kwargs)
        except (RedisError, OSError) as exc:
            logger.warning("shared rate limits unavailable, counting in process: %s", exc)
            return await step(self.local, *args, **kwargs)

    async def _retry_after(self, item: RateLimitItem, *identifiers: str) -> int:
        stats = await self._call(Limiter.get_window_stats, item, *identifiers)
        return max(1, math.ceil(stats.reset_time - time.time()))
