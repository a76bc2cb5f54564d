"""Whole-response caching serves anonymous readers only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar, Request
from litestar.testing import RequestFactory, TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import Career
from careerpath.config import Settings
from careerpath.main import create_app
from careerpath.web.response_cache import cache_key, should_cache
from tests.conftest import run_async


def request(headers: dict[str, str] | None = None, query: str = "") -> Request[Any, Any, Any]:
    return RequestFactory().get(f"/careers/back-end-engineer{query}", headers=headers or {})


def test_anonymous_requests_share_a_key() -> None:
    assert cache_key(request()) == cache_key(request())


def test_query_strings_get_their_own_key() -> None:
    assert cache_key(request(query="?currency=EUR")) != cache_key(request(query="?currency=USD"))


def test_requests_with_credentials_never_share_a_key() -> None:
    for headers in ({"Cookie": "session=abc"}, {"Authorization": "Bearer t"}):
        assert cache_key(request(headers)) != cache_key(request(headers))


def test_only_anonymous_successes_are_stored() -> None:
    anonymous: Any = {"headers": [(b"host", b"x")]}
    personal: Any = {"headers": [(b"cookie", b"session=abc")]}
    assert should_cache(anonymous, 200)
    assert not should_cache(anonymous, 404)
    assert not should_cache(personal, 200)


@pytest.fixture(scope="module")
def caching_client(settings: Settings) -> Iterator[TestClient[Litestar]]:
    app = create_app(settings.model_copy(update={"cache_seconds": 60}))
    with TestClient(app=app) as client:
        yield client


def test_cached_page_is_identical_to_a_fresh_one(caching_client: TestClient[Litestar]) -> None:
    first = caching_client.get("/careers/back-end-engineer")
    second = caching_client.get("/careers/back-end-engineer")
    personal = caching_client.get("/careers/back-end-engineer", headers={"Cookie": "x=1"})
    assert first.text == second.text == personal.text
    assert first.headers["x-request-id"] != second.headers["x-request-id"]


def test_anonymous_readers_get_the_cached_copy(
    caching_client: TestClient[Litestar], database_url: str
) -> None:
    before = caching_client.get("/api/v1/careers/front-end-engineer").json()["summary"]
    run_async(lambda s: rename_summary(s, "front-end-engineer", "Changed."), database_url)
    try:
        cached = caching_client.get("/api/v1/careers/front-end-engineer").json()["summary"]
        assert cached == before
    finally:
        run_async(lambda s: rename_summary(s, "front-end-engineer", before), database_url)


def test_switched_off_cache_serves_fresh_data(
    client: TestClient[Litestar], database_url: str
) -> None:
    before = client.get("/api/v1/careers/full-stack-engineer").json()["summary"]
    run_async(lambda s: rename_summary(s, "full-stack-engineer", "Fresh."), database_url)
    try:
        assert client.get("/api/v1/careers/full-stack-engineer").json()["summary"] == "Fresh."
    finally:
        run_async(lambda s: rename_summary(s, "full-stack-engineer", before), database_url)


async def rename_summary(session: AsyncSession, slug: str, summary: str) -> None:
    career = await session.scalar(select(Career).where(Career.slug == slug))
    assert career is not None
    career.summary = summary
