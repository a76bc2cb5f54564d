"""The read-model cache: memory by default, Redis when configured."""

from __future__ import annotations

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
