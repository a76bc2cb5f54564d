"""The general request limits: counted in each worker, shared through the storage."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from limits import parse
from limits.aio.storage import MemoryStorage, Storage
from redis.asyncio import ConnectionPool

from careerpath.security.budgets import RequestCounter
from careerpath.security.throttle import create_storage
from tests.support import REDIS_URL, unavailable

LIMIT = parse("10/minute")


@pytest.fixture(params=["memory", "redis"])
async def storage(request: pytest.FixtureRequest) -> AsyncIterator[Storage]:
    """What two workers share: one memory storage here, or Redis."""
    if request.param == "memory":
        yield MemoryStorage()
        return
    if not REDIS_URL:
        unavailable("Redis not configured: set CAREERPATH_TEST_REDIS_URL")
    pool = ConnectionPool.from_url(REDIS_URL)
    yield create_storage(REDIS_URL, pool)
    await pool.disconnect()


def test_each_hit_spends_one_and_the_one_over_is_refused() -> None:
    counter = RequestCounter("ip", parse("3/minute"), None)
    budgets = [counter.hit("10.0.0.1") for _ in range(4)]
    assert [b.remaining for b in budgets] == [2, 1, 0, 0]
    assert [b.allowed for b in budgets] == [True, True, True, False]
    assert counter.hit("10.0.0.2").remaining == 2  # another address has its own budget
    assert all(1 <= b.reset <= 60 for b in budgets)


async def test_workers_see_each_others_requests_after_a_sync(storage: Storage) -> None:
    address = uuid.uuid4().hex  # no counts of an earlier run
    first, second = (RequestCounter("ip", LIMIT, storage) for _ in range(2))
    for _ in range(3):
        first.hit(address)
    assert second.hit(address).remaining == 9  # not shared yet
    await first.sync()
    await second.sync()
    assert second.hit(address).remaining == 10 - 5
    await second.sync()
    await first.sync()
    assert first.hit(address).remaining == 10 - 6
    assert [first.hit(address).allowed for _ in range(5)] == [True] * 4 + [False]
