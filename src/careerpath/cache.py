"""The shared cache: Redis when configured, an in-process store otherwise."""

from __future__ import annotations

import logging

from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore
from redis.asyncio import Redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def create_store(redis_url: str | None, namespace: str = "careerpath") -> Store:
    """Return a Redis-backed store when a URL is set, else a memory store."""
    if redis_url:
        return RedisStore(Redis.from_url(redis_url), namespace=namespace)
    return MemoryStore()


async def ping_redis(redis_url: str) -> bool:
    """Say whether Redis at ``redis_url`` answers a PING."""
    client = Redis.from_url(redis_url, socket_connect_timeout=1, socket_timeout=1)
    try:
        return bool(await client.ping())
    except (RedisError, OSError) as exc:
        logger.warning("redis not ready: %s", exc)
        return False
    finally:
        await client.aclose()
