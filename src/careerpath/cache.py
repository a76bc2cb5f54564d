"""The shared cache: Redis when configured, an in-process store otherwise.

Read models that many requests need (a career document, a resolved slug) are cached here as
msgspec-encoded bytes with a TTL, and built once per worker when many requests miss together.
Every key carries the cache generation (``freshness/``), which every committed write of cached
data increments: a new generation makes all older entries unreachable on every worker, with
Redis or with one memory store per worker.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar, cast

import msgspec
from litestar.stores.base import Store
from litestar.stores.memory import MemoryStore
from litestar.stores.redis import RedisStore
from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from careerpath.ops import metrics

logger = logging.getLogger(__name__)

T = TypeVar("T")
DOCUMENT_TTL_SECONDS = 60
NAMESPACE = "careerpath-documents"
RESPONSE_NAMESPACE = "careerpath-responses"
# Route option: anonymous answers of the route are cached whole (``web/response_cache.py``).
CACHE_ANONYMOUS = "cache_anonymous"
Generation = Callable[[], Awaitable[int]]


async def first_generation() -> int:
    """The generation of a cache that is never invalidated (tests of the cache itself)."""
    return 0


# Redis is an accelerator: a call that cannot finish quickly is a miss, not a slow request.
REDIS_TIMEOUT_SECONDS = 0.5


def redis_pool(redis_url: str) -> ConnectionPool:
    """Return a connection pool that fails fast and replaces connections that died.

    One retry with a fresh connection: after a Redis restart every pooled socket is dead, and
    the first command on each would otherwise fail (the retry reconnects instead).
    """
    return ConnectionPool.from_url(
        redis_url,
        socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        socket_timeout=REDIS_TIMEOUT_SECONDS,
        retry=Retry(NoBackoff(), 1),
    )


def create_store(redis_url: str | None, namespace: str = NAMESPACE) -> Store:
    """Return a Redis-backed store when a URL is set, else a memory store."""
    if redis_url:
        client = Redis.from_pool(redis_pool(redis_url))
        return RedisStore(client, namespace=namespace, handle_client_shutdown=True)
    return MemoryStore()


class DocumentCache:
    """Typed read-model cache over a Litestar store; failures of the store are never fatal."""

    def __init__(
        self,
        store: Store,
        ttl: int = DOCUMENT_TTL_SECONDS,
        generation: Generation = first_generation,
    ) -> None:
        self.store = store
        self.ttl = ttl
        self.generation = generation
        self._encoder = msgspec.msgpack.Encoder()
        self._building: dict[str, asyncio.Future[object | None]] = {}

    async def get_or_build(self, key: str, kind: type[T], build: Callable[[], Awaitable[T]]) -> T:
        """Return the document under ``key``, built once per worker however many miss together.

        Requests that miss while another builds the same key (in the same generation) wait for
        that build instead of all querying the database at once; a build that fails lets each
        waiter build for itself.
        """
        if not self.ttl:
            return await build()
        stamped = f"{await self.generation()}:{key}"
        cached = await self._read(stamped, kind) if stamped not in self._building else None
        if cached is not None:
            return cached
        running = self._building.get(stamped)  # looked up again: the read may have yielded
        if running is not None:
            shared = await asyncio.shield(running)
            return cast("T", shared) if shared is not None else await build()
        done: asyncio.Future[object | None] = asyncio.get_running_loop().create_future()
        self._building[stamped] = done
        document = None
        try:
            document = await build()
        finally:
            del self._building[stamped]
            done.set_result(document)
        await self._write(stamped, document)
        return document

    async def get(self, key: str, kind: type[T]) -> T | None:
        """Return the cached document of ``kind`` under ``key``, or None."""
        if not self.ttl:
            return None
        return await self._read(f"{await self.generation()}:{key}", kind)

    async def set(self, key: str, document: object) -> None:
        """Cache ``document`` under ``key`` for the TTL."""
        if self.ttl:
            await self._write(f"{await self.generation()}:{key}", document)

    async def _read(self, stamped: str, kind: type[T]) -> T | None:
        try:
            raw = await self.store.get(stamped)
        except (RedisError, OSError) as exc:
            logger.warning("cache read failed: %s", exc)
            return None
        metrics.count_cache("documents", hit=raw is not None)
        return None if raw is None else msgspec.msgpack.decode(raw, type=kind)

    async def _write(self, stamped: str, document: object) -> None:
        try:
            await self.store.set(stamped, self._encoder.encode(document), expires_in=self.ttl)
        except (RedisError, OSError) as exc:
            logger.warning("cache write failed: %s", exc)


async def ping_redis(redis_url: str) -> bool:
    """Say whether Redis at ``redis_url`` answers a PING."""
    client = Redis.from_url(
        redis_url,
        socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        socket_timeout=REDIS_TIMEOUT_SECONDS,
    )
    try:
        return bool(await client.ping())
    except (RedisError, OSError) as exc:
        logger.warning("redis not ready: %s", exc)
        return False
    finally:
        await client.aclose()
