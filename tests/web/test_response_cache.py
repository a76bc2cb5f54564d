"""Whole-response caching: anonymous readers only, identity bodies, one refresh per key."""

from __future__ import annotations

import asyncio
import gzip
import time
from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.stores.memory import MemoryStore
from litestar.testing import TestClient

from careerpath.config import Settings
from careerpath.main import create_app
from careerpath.web.outgoing import accepts_gzip, request_fields
from careerpath.web.response_cache import CachedResponse, ResponseCache, cache_key, is_anonymous

PAGE = "/careers/back-end-engineer"


def scope(headers: dict[str, str] | None = None, query: str = "") -> Any:
    pairs = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    return {
        "type": "http",
        "method": "GET",
        "path": PAGE,
        "query_string": query.encode(),
        "headers": pairs,
        "client": ("10.0.0.1", 1234),
    }


def test_only_requests_without_credentials_are_anonymous() -> None:
    assert is_anonymous(scope())
    assert is_anonymous(scope({"Accept-Encoding": "gzip"}))
    assert not is_anonymous(scope({"Cookie": "session=abc"}))
    assert not is_anonymous(scope({"Authorization": "Bearer t"}))


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, False),
        ("gzip", True),
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.8", True),
        ("*", True),
        ("gzip;q=0", False),
        ("identity", False),
        ("deflate", False),
    ],
)
def test_accept_encoding(header: str | None, expected: bool) -> None:
    fields = request_fields(scope({"Accept-Encoding": header} if header else None))
    assert accepts_gzip(fields) is expected


def test_keys_carry_generation_and_query_but_not_host() -> None:
    plain = cache_key(7, scope())
    assert plain == cache_key(7, scope({"Host": "elsewhere.example"}))
    assert plain != cache_key(8, scope())
    assert cache_key(7, scope(query="currency=EUR")) != cache_key(7, scope(query="currency=USD"))


class SlowPage:
    """An ASGI app that counts its calls and answers when released."""

    def __init__(self, body: bytes = b"<p>" + b"x" * 2000 + b"</p>") -> None:
        self.calls = 0
        self.body = body
        self.release = asyncio.Event()

    async def __call__(self, _scope: Any, _receive: Any, send: Any) -> None:
        self.calls += 1
        await self.release.wait()
        headers = [(b"content-type", b"text/html; charset=utf-8")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": self.body, "more_body": False})


async def zero() -> int:
    return 0


async def answer(cache: ResponseCache, app: SlowPage, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    sent: list[dict[str, Any]] = []

    async def send(message: Any) -> None:
        sent.append(message)

    async def receive() -> Any:
        return {"type": "http.request", "body": b""}

    await cache.serve(scope(headers), receive, send, app)
    return dict(sent[0]["headers"]), sent[1]["body"]


async def test_concurrent_misses_compute_once() -> None:
    cache, app = ResponseCache(MemoryStore(), zero, ttl=60), SlowPage()
    readers = [asyncio.create_task(answer(cache, app)) for _ in range(20)]
    await asyncio.sleep(0)
    app.release.set()
    bodies = {body for _, body in await asyncio.gather(*readers)}
    assert app.calls == 1
    assert bodies == {app.body}


async def test_stale_copy_is_served_while_one_request_refreshes() -> None:
    cache, app = ResponseCache(MemoryStore(), zero, ttl=60), SlowPage(b"new")
    key = cache_key(0, scope())
    await cache.put(key, CachedResponse(200, [], b"old", None, fresh_until=time.time() - 1))
    refresher = asyncio.create_task(answer(cache, app))
    await asyncio.sleep(0)
    others = await asyncio.gather(*(answer(cache, app) for _ in range(10)))
    assert {body for _, body in others} == {b"old"}
    app.release.set()
    assert (await refresher)[1] == b"new"
    assert app.calls == 1
    assert (await answer(cache, app))[1] == b"new"


async def test_identity_is_stored_and_gzip_given_to_those_who_take_it() -> None:
    cache, app = ResponseCache(MemoryStore(), zero, ttl=60), SlowPage()
    app.release.set()
    zipped_headers, zipped = await answer(cache, app, {"Accept-Encoding": "gzip"})
    plain_headers, plain = await answer(cache, app)
    assert app.calls == 1
    assert zipped_headers[b"content-encoding"] == b"gzip"
    assert gzip.decompress(zipped) == plain == app.body
    assert b"content-encoding" not in plain_headers
    assert plain_headers[b"vary"] == zipped_headers[b"vary"] == b"Accept-Encoding"


@pytest.fixture(scope="module")
def caching_client(settings: Settings) -> Iterator[TestClient[Litestar]]:
    with TestClient(app=create_app(settings), base_url="http://testserver.local") as client:
        yield client


def test_cached_page_is_identical_to_a_fresh_one(caching_client: TestClient[Litestar]) -> None:
    first = caching_client.get(PAGE)
    second = caching_client.get(PAGE)
    personal = caching_client.get(PAGE, headers={"Cookie": "x=1"})
    assert first.text == second.text == personal.text
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
    assert "content-security-policy" in second.headers  # headers are added per request


@pytest.mark.parametrize("first", ["gzip", "identity"])
def test_whoever_comes_first_does_not_decide_the_encoding(
    caching_client: TestClient[Litestar], first: str
) -> None:
    path = f"/api/v1/careers/back-end-engineer/page?level=senior&first={first}"
    second = "identity" if first == "gzip" else "gzip"
    answers = {
        encoding: caching_client.get(path, headers={"Accept-Encoding": encoding})
        for encoding in (first, second)
    }
    assert answers["gzip"].headers["content-encoding"] == "gzip"
    assert "content-encoding" not in answers["identity"].headers
    assert answers["gzip"].json() == answers["identity"].json()  # httpx decodes gzip
    assert answers["identity"].headers["vary"] == "Accept-Encoding"


def test_other_hosts_are_refused_and_never_poison_the_page(
    caching_client: TestClient[Litestar],
) -> None:
    evil = caching_client.get(PAGE, headers={"Host": "evil.example"})
    assert evil.status_code == 400
    assert evil.headers["content-type"].startswith("application/problem+json")
    assert caching_client.get(PAGE, headers={"Host": "testserver.local:8443"}).status_code == 200
    other_allowed = caching_client.get(PAGE + "?host-test=1", headers={"Host": "localhost"})
    plain = caching_client.get(PAGE + "?host-test=1")
    for page in (other_allowed, plain):
        assert 'data-share="http://testserver.local/careers/back-end-engineer"' in page.text
        assert "localhost" not in page.text
    assert caching_client.get("/healthz", headers={"Host": "10.1.2.3:8000"}).status_code == 200
