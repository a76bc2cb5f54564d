"""A curator's edit reaches every worker's cached pages and documents, with and without Redis."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.cache import NAMESPACE, RESPONSE_NAMESPACE, create_store
from careerpath.config import Settings
from careerpath.freshness.clock import read_generation
from careerpath.freshness.tracking import track_writes
from careerpath.salaries.models import SalaryAggregate, SalaryReport
from tests.accounts.actors import generous_settings, grant_role, new_user, running_client
from tests.support import REDIS_URL, unavailable

SLUG = "data-engineer"
# Workers poll the generation this often; the bound is one second.
POLL_SECONDS = 0.25
WAIT_LIMIT_SECONDS = 10.0


def flush_redis(url: str) -> None:
    """Forget cached entries of earlier runs (their generation numbers would collide)."""

    async def _flush() -> None:
        for namespace in (NAMESPACE, RESPONSE_NAMESPACE):
            store = create_store(url, namespace)
            await store.delete_all()
            await store.__aexit__(None, None, None)

    asyncio.run(_flush())


@pytest.fixture(params=["memory", "redis"])
def workers(
    request: pytest.FixtureRequest, settings: Settings
) -> Iterator[list[TestClient[Litestar]]]:
    """Two workers on one database: separate memory caches, or one Redis."""
    redis_url = None
    if request.param == "redis":
        if not REDIS_URL:
            unavailable("Redis not configured: set CAREERPATH_TEST_REDIS_URL")
        flush_redis(REDIS_URL)
        redis_url = REDIS_URL
    polled = generous_settings(settings, cache_check_seconds=POLL_SECONDS, redis_url=redis_url)
    with ExitStack() as stack:
        yield [stack.enter_context(running_client(polled)) for _ in range(2)]


def generation_of(worker: TestClient[Litestar]) -> int:
    return int(worker.app.state.generation_clock.value)


def wait_for_generation_after(worker: TestClient[Litestar], before: int) -> None:
    deadline = time.monotonic() + WAIT_LIMIT_SECONDS
    while generation_of(worker) <= before and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS / 5)


def test_a_curator_edit_reaches_every_worker(
    workers: list[TestClient[Litestar]], database_url: str
) -> None:
    first, second = workers
    api, page = f"/api/v1/careers/{SLUG}", f"/careers/{SLUG}"
    for worker in workers:  # fill both workers' caches
        assert worker.get(api).status_code == worker.get(page).status_code == 200
    before = [generation_of(worker) for worker in workers]
    curator = new_user(first, "curator")
    grant_role(database_url, curator.user_id, "curator")
    summary = f"Edited {uuid.uuid4().hex}."
    edited = curator.request("PATCH", f"/api/v1/curation/careers/{SLUG}", json={"summary": summary})
    assert edited.status_code == 200, edited.text
    for worker, seen in zip(workers, before, strict=True):
        wait_for_generation_after(worker, seen)
        assert worker.get(api).json()["summary"] == summary
        assert summary in worker.get(page).text
    assert second.app.state.generation_clock.interval <= 1.0


async def test_raw_reports_keep_the_cache_and_aggregates_retire_it(session: AsyncSession) -> None:
    track_writes()
    before = await read_generation(session)
    await session.execute(update(SalaryReport).where(SalaryReport.id == -1).values(line=1))
    await session.commit()
    assert await read_generation(session) == before
    await session.execute(update(SalaryAggregate).where(SalaryAggregate.id == -1).values(n=1))
    await session.commit()
    assert await read_generation(session) == before + 1
