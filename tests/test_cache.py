"""The read-model cache: memory by default, Redis when configured."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import msgspec
import pytest
from litestar.stores.memory import MemoryStore

from careerpath.cache import DocumentCache, create_store
from careerpath.careers.schemas import CareerSummary
from tests.support import REDIS_URL, unavailable

DOCUMENT = CareerSummary(slug="x", title="X", summary="s", is_stub=False)


class Generation:
    """A generation the test moves by hand."""

    def __init__(self) -> None:
        self.value = 0

    async def __call__(self) -> int:
        return self.value


@pytest.fixture(params=["memory", "redis"])
async def cache(request: pytest.FixtureRequest) -> AsyncIterator[DocumentCache]:
    if request.param == "memory":
        yield DocumentCache(MemoryStore(), generation=Generation())
        return
    if not REDIS_URL:
        unavailable("Redis not configured: set CAREERPATH_TEST_REDIS_URL")
    store = create_store(REDIS_URL, namespace="careerpath-test-documents")
    await store.delete_all()
    yield DocumentCache(store, generation=Generation())
    await store.delete_all()
    await store.__aexit__(None, None, None)


async def test_round_trip_keeps_the_type(cache: DocumentCache) -> None:
    assert await cache.get("career:x", CareerSummary) is None
    await cache.set("career:x", DOCUMENT)
    assert await cache.get("career:x", CareerSummary) == DOCUMENT


async def test_a_new_generation_retires_every_document(cache: DocumentCache) -> None:
    await cache.set("career:x", DOCUMENT)
    generation = cache.generation
    assert isinstance(generation, Generation)
    generation.value += 1
    assert await cache.get("career:x", CareerSummary) is None


async def test_a_document_of_another_shape_is_refused(cache: DocumentCache) -> None:
    await cache.set("career:x", {"unexpected": 1})
    with pytest.raises(msgspec.ValidationError):
        await cache.get("career:x", CareerSummary)


async def test_an_unreachable_redis_degrades_to_misses() -> None:
    store = create_store("redis://127.0.0.1:1/0")
    broken = DocumentCache(store)
    await broken.set("career:x", DOCUMENT)
    assert await broken.get("career:x", CareerSummary) is None
    await store.__aexit__(None, None, None)


class SlowBuild:
    """A document build that counts its calls and finishes when released (or fails)."""

    def __init__(self, fail: bool = False) -> None:
        self.calls = 0
        self.fail = fail
        self.release = asyncio.Event()

    async def __call__(self) -> CareerSummary:
        self.calls += 1
        await self.release.wait()
        if self.fail:
            raise LookupError("the database said no")
        return DOCUMENT


async def settle(build: SlowBuild) -> None:
    """Let every started task get past its store read (a Redis round trip) and wait."""
    while not build.calls:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.5)


async def test_concurrent_misses_build_once(cache: DocumentCache) -> None:
    build = SlowBuild()
    readers = [
        asyncio.create_task(cache.get_or_build("career:1", CareerSummary, build)) for _ in range(20)
    ]
    await settle(build)
    build.release.set()
    assert set(await asyncio.gather(*readers)) == {DOCUMENT}
    assert build.calls == 1
    assert await cache.get("career:1", CareerSummary) == DOCUMENT


async def test_a_failed_build_lets_each_waiter_try_itself(cache: DocumentCache) -> None:
    build = SlowBuild(fail=True)
    readers = [
        asyncio.create_task(cache.get_or_build("career:2", CareerSummary, build)) for _ in range(3)
    ]
    await settle(build)
    build.release.set()
    outcomes = await asyncio.gather(*readers, return_exceptions=True)
    assert all(isinstance(outcome, LookupError) for outcome in outcomes)
    assert build.calls == 3
