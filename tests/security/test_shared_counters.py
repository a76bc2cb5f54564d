"""Without Redis, or while it is down, sign-in failures are counted in the database.

Every worker sees every failure either way, and a Redis that comes back takes over again.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest
from redis import Redis

from careerpath import migrate
from careerpath.config import Settings
from careerpath.errors import RateLimitedError
from careerpath.security.throttle import REDIS_RETRY_SECONDS, Throttle
from tests.faults.backing import redis_server
from tests.faults.server import PASSWORD, serving

LIMIT = 4


def _throttle(settings: Settings) -> Throttle:
    """A throttle as one worker builds it: no Redis, a small sign-in limit."""
    return Throttle(settings.model_copy(update={"redis_url": None, "rate_limit_login": "4/minute"}))


async def test_two_throttles_on_one_database_share_their_counts(
    settings: Settings, database_url: str
) -> None:
    first, second = _throttle(settings), _throttle(settings)
    key = f"account:shared-{id(first)}"
    try:
        for number in range(LIMIT):
            await (first if number % 2 else second).hit("login", key)
        for throttle in (first, second):
            with pytest.raises(RateLimitedError) as refused:
                await throttle.ensure_allowed("login", key)
            assert 0 < refused.value.retry_after <= 60
        await first.ensure_allowed("login", f"{key}-other")  # other keys are not affected
    finally:
        await first.close()
        await second.close()


def test_two_workers_refuse_the_fifth_failure(tmp_path: Path, backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("the default without Redis is SQLite; checked once")
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'workers.db'}"
    migrate.upgrade(database_url)
    with serving(database_url, tmp_path, rate_limit_login=f"{LIMIT}/5 minutes") as (url, _pid):
        account = {"email": "owner@example.org", "password": PASSWORD}
        assert httpx.post(f"{url}/api/v1/auth/register", json=account, timeout=60).is_success
        wrong = {**account, "password": "not the password at all"}
        # A new connection each time, so that both workers take their share of the attempts.
        statuses = [
            httpx.post(f"{url}/api/v1/auth/login", json=wrong, timeout=60).status_code
            for _ in range(LIMIT * 4)
        ]
    assert statuses == [401] * LIMIT + [429] * (LIMIT * 3)


def test_with_redis_down_two_workers_count_in_the_database(tmp_path: Path, backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("the fallback does not depend on the database; checked once")
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'workers.db'}"
    migrate.upgrade(database_url)
    limit = f"{LIMIT}/5 minutes"
    with (
        redis_server() as redis,
        serving(database_url, tmp_path, redis_url=redis.url, rate_limit_login=limit) as (url, _),
    ):
        redis.stop()
        wrong = {"email": "owner@example.org", "password": "not the password at all"}
        # A new connection each time, so that both workers take their share of the attempts.
        statuses = [
            httpx.post(f"{url}/api/v1/auth/login", json=wrong, timeout=60).status_code
            for _ in range(LIMIT * 4)
        ]
        down = httpx.get(f"{url}/readyz", timeout=60).json()["status"]
        redis.start()
        time.sleep(REDIS_RETRY_SECONDS + 0.5)  # each worker tries Redis again after this
        other = {**wrong, "email": "other@example.org"}
        for _ in range(4):
            httpx.post(f"{url}/api/v1/auth/login", json=other, timeout=60)
        back = httpx.get(f"{url}/readyz", timeout=60).json()["status"]
        with Redis.from_url(redis.url) as client:
            counted_in_redis = client.dbsize()
    assert statuses == [401] * LIMIT + [429] * (LIMIT * 3)  # shared, although Redis was down
    assert (down, back) == ("degraded", "ok")
    assert counted_in_redis > 0  # the workers went back to Redis by themselves
