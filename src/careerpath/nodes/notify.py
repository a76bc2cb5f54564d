"""Announce catalog changes to every node over Redis pub/sub, and follow the announcements.

Each web node keeps its own search index under its own ``var_dir``. A job that changed the
catalog (on whichever node ran it) announces it once committed; every node then compares its
index with the database and rebuilds it if it is behind. Without Redis there is one node, whose
own job updated its index already, so announcing does nothing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis
from redis.exceptions import RedisError

from careerpath.config import Settings

logger = logging.getLogger(__name__)

CHANNEL = "careerpath:catalog-changed"


async def announce(settings: Settings) -> None:
    """Tell every node the catalog changed (no-op without Redis)."""
    if not settings.redis_url:
        return
    client = Redis.from_url(settings.redis_url)
    try:
        await client.publish(CHANNEL, b"1")
    except (RedisError, OSError):
        logger.warning("could not announce a catalog change; nodes catch up on their own check")
    finally:
        await client.aclose()


async def follow(settings: Settings, on_change: Callable[[], Awaitable[None]]) -> None:
    """Call ``on_change`` after each announcement until cancelled; reconnect after failures."""
    assert settings.redis_url  # noqa: S101 - the lifespan only follows with Redis configured
    while True:
        try:
            await _listen(settings.redis_url, on_change)
        except (RedisError, OSError) as exc:
            logger.warning("catalog announcements lost (%s); reconnecting", exc)
            await asyncio.sleep(1.0)


async def _listen(url: str, on_change: Callable[[], Awaitable[None]]) -> None:
    client = Redis.from_url(url)
    try:
        async with client.pubsub() as pubsub:
            await pubsub.subscribe(CHANNEL)
            async for message in pubsub.listen():
                if message.get("type") == "message":
                    await on_change()
    finally:
        await client.aclose()
