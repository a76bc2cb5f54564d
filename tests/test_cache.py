"""The read-model cache: memory by default, Redis when configured."""

from __future__ import annotations

from collections.abc import AsyncIterator

import msgspec
import pytest
from litestar.stores.memory import MemoryStore

from careerpath.cache import DocumentCache, clear_shared_cache, create_store
from careerpath.careers.schemas import CareerSummary
from tests.support import REDIS_URL, unavailable

DOCUMENT = CareerSummary(slug="x", title="X", summary="s", is_stub=False)


@pytest.fixture(params=["memory", "redis"])
async def cache(request: pytest.FixtureRequest) -> AsyncIterator[DocumentCache]:
    if request.param == "memory":
        yield DocumentCache(MemoryStore())
        return
    if not REDIS_URL:
        unavailable("Redis not configured: set CAREERPATH_TEST_REDIS_URL")
    store = create_store(REDIS_URL)
    document_cache = DocumentCache(store)
    await document_cache.clear()
    yield document_cache
    await document_cache.clear()
    await store.__aexit__(None, None, None)


async def test_round_trip_keeps_the_type(cache: DocumentCache) -> None:
    assert await cache.get("career:x", CareerSummary) is None
    await cache.set("career:x", DOCUMENT)
    assert await cache.get("career:x", CareerSummary) == DOCUMENT


async def test_clear_forgets_everything(cache: DocumentCache) -> None:
    await cache.set("career:x", DOCUMENT)
    await cache.clear()
    assert await cache.get("career:x", CareerSummary) is None


async def test_a_document_of_another_shape_is_refused(cache: DocumentCache) -> None:
    await cache.set("career:x", {"unexpected": 1})
    with pytest.raises(msgspec.ValidationError):
        await cache.get("career:x", CareerSummary)


async def test_writers_clear_the_cache_workers_share() -> None:
    if not REDIS_URL:
        unavailable("Redis not configured: set CAREERPATH_TEST_REDIS_URL")
    store = create_store(REDIS_URL)
    await DocumentCache(store).set("career:x", DOCUMENT)
    await clear_shared_cache(REDIS_URL)
    assert await DocumentCache(store).get("career:x", CareerSummary) is None
    await store.__aexit__(None, None, None)


async def test_an_unreachable_redis_degrades_to_misses() -> None:
    store = create_store("redis://127.0.0.1:1/0")
    broken = DocumentCache(store)
    await broken.set("career:x", DOCUMENT)
    assert await broken.get("career:x", CareerSummary) is None
    await store.__aexit__(None, None, None)
