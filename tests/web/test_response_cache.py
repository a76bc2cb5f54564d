"""Whole-response caching serves anonymous readers only."""

from __future__ import annotations

from typing import Any

from litestar import Litestar, Request
from litestar.testing import RequestFactory, TestClient

from careerpath.web.response_cache import cache_key, should_cache


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


def test_cached_page_is_identical_to_a_fresh_one(client: TestClient[Litestar]) -> None:
    first = client.get("/careers/back-end-engineer")
    second = client.get("/careers/back-end-engineer")
    personal = client.get("/careers/back-end-engineer", headers={"Cookie": "x=1"})
    assert first.text == second.text == personal.text
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
