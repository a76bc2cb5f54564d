"""Without Redis, sign-in failures are counted in the database: every worker sees every failure."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from careerpath import migrate
from careerpath.config import Settings
from careerpath.errors import RateLimitedError
from careerpath.security.throttle import Throttle
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
