"""The shared cache: Redis when configured, an in-process store otherwise.

Read models that many requests need (a career document, its salary table) are cached here as
msgspec-encoded bytes with a TTL. With Redis every worker sees one cache, and writers clear it;
the in-process store serves the embedded single-worker default, where the TTL bounds staleness
after a CLI import.
"""

from __future__ import annotations

import logging
from typing import TypeVar

import msgspec
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore
from redis.asyncio import Redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

T = TypeVar("T")
DOCUMENT_TTL_SECONDS = 60
NAMESPACE = "careerpath-documents"


def create_store(redis_url: str | None, namespace: str = NAMESPACE) -> Store:
    """Return a Redis-backed store when a URL is set, else a memory store."""
    if redis_url:
        return RedisStore(
            Redis.from_url(redis_url), namespace=namespace, handle_client_shutdown=True
        )
    return MemoryStore()


class DocumentCache:
    """Typed read-model cache over a Litestar store; failures of the store are never fatal."""

    def __init__(self, store: Store, ttl: int = DOCUMENT_TTL_SECONDS) -> None:
        self.store = store
        self.ttl = ttl
        self._encoder = msgspec.msgpack.Encoder()

    async def get(self, key: str, kind: type[T]) -> T | None:
        """Return the cached document of ``kind`` under ``key``, or None."""
        if not self.ttl:
            return None
        try:
            raw = await self.store.get(key)
        except (RedisError, OSError) as exc:
            logger.warning("cache read failed: %s", exc)
            return None
        return None if raw is None else msgspec.msgpack.decode(raw, type=kind)

    async def set(self, key: str, document: object) -> None:
        """Cache ``document`` under ``key`` for the TTL."""
        if not self.ttl:
            return
        try:
            await self.store.set(key, self._encoder.encode(document), expires_in=self.ttl)
        except (RedisError, OSError) as exc:
            logger.warning("cache write failed: %s", exc)

    async def clear(self) -> None:
        """Forget every cached document."""
        try:
            await self.store.delete_all()
        except (RedisError, OSError) as exc:
            logger.warning("cache clear failed: %s", exc)


async def clear_shared_cache(redis_url: str | None) -> None:
    """Clear the cache every worker shares (Redis); a no-op for the in-process store."""
    if redis_url:
        store = create_store(redis_url)
        await DocumentCache(store).clear()
        await store.__aexit__(None, None, None)


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
