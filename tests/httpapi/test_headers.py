"""What clients read besides the body: rate limits, Retry-After, ETag and 304, Link relations."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from litestar import Litestar, get
from litestar.testing import TestClient

from careerpath.config import Settings
from careerpath.httpapi.client_headers import client_headers
from careerpath.httpapi.conditional import matches
from careerpath.httpapi.links import STYLES, Paging
from careerpath.httpapi.openapi import complete_document, openapi_config
from careerpath.httpapi.versioning import RETIREMENT_OPT, Retirement
from careerpath.security.access import Access
from tests.accounts.actors import generous_settings, new_user, running_client

Client = TestClient[Litestar]
CAREER = "/api/v1/careers/back-end-engineer"
RATE_LIMIT_FIELDS = ("ratelimit-policy", "ratelimit", "x-ratelimit-limit", "x-ratelimit-remaining")


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", CAREER, 200),
        ("GET", "/api/v1/careers/no-such-career", 404),
        ("GET", "/api/v1/careers?limit=0", 422),
        ("GET", "/api/v1/me", 401),
        ("POST", "/api/v1/extract", 400),
        ("GET", "/api/v1/careers?q=" + "x" * 5000, 422),
        ("GET", "/api/v1/no-such-collection", 404),
        ("DELETE", CAREER, 405),
    ],
)
def test_api_responses_carry_the_budget(api: Client, method: str, url: str, status: int) -> None:
    response = api.request(method, url, content=b"not json" if method == "POST" else None)
    assert response.status_code == status
    assert all(field in response.headers for field in RATE_LIMIT_FIELDS)
    assert response.headers["ratelimit-policy"] == '"ip";q=100000;w=60'
    remaining = int(response.headers["x-ratelimit-remaining"])
    assert response.headers["ratelimit"].startswith(f'"ip";r={remaining};t=')


def test_each_request_spends_one(settings: Settings) -> None:
    # The clock stands still: three requests that straddle the minute's end start a new window
    # and count from the full budget again (seen in CI: 99999, 99998, 99999).
    with (
        time_machine.travel(datetime.now(UTC), tick=False),
        running_client(generous_settings(settings, cache_seconds=0)) as client,
    ):
        spent = [client.get(CAREER).headers["x-ratelimit-remaining"] for _ in range(3)]
    assert spent == ["99999", "99998", "99997"]


def test_a_token_has_its_own_budget(api: Client, database_url: str) -> None:
    user = new_user(api, "budget")
    token = user.request("POST", "/api/v1/me/tokens", json={"name": "t"}).json()["token"]
    response = api.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.headers["ratelimit-policy"] == '"client";q=100000;w=60'
    assert response.headers["x-ratelimit-remaining"] == "99999"


def test_the_429_says_when_to_come_back(settings: Settings) -> None:
    with running_client(generous_settings(settings, rate_limit_ip="2/minute")) as client:
        statuses = [client.get("/api/v1/careers").status_code for _ in range(3)]
        refused = client.get("/api/v1/careers")
    assert statuses == [200, 200, 429]
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.headers["x-ratelimit-remaining"] == "0"
    assert refused.json()["retry_after"] == int(refused.headers["retry-after"])


def test_a_503_says_when_to_come_back(settings: Settings, tmp_path: Path) -> None:
    unreachable = f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'no.db'}"
    broken = generous_settings(settings, database_url=unreachable)
    with running_client(broken) as client:
        response = client.get("/api/v1/careers")
    assert response.status_code == 503
    assert int(response.headers["retry-after"]) > 0
    assert "x-ratelimit-remaining" in response.headers


@pytest.mark.parametrize(
    "url",
    [CAREER, "/api/v1/careers?limit=2", "/careers/back-end-engineer", "/search?q=python", "/"],
)
def test_a_repeated_get_with_its_etag_answers_304(api: Client, url: str) -> None:
    first = api.get(url)
    assert first.status_code == 200
    tag = first.headers["etag"]
    assert api.get(url).headers["etag"] == tag
    again = api.get(url, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == tag
    assert "x-ratelimit-remaining" in again.headers
    assert api.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_etags_hold_when_the_response_cache_answers(settings: Settings) -> None:
    with running_client(generous_settings(settings, cache_seconds=60)) as client:
        fresh = client.get("/careers/back-end-engineer")
        cached = client.get("/careers/back-end-engineer")
        revalidated = client.get(
            "/careers/back-end-engineer", headers={"If-None-Match": fresh.headers["etag"]}
        )
    assert cached.content == fresh.content
    assert cached.headers["etag"] == fresh.headers["etag"]
    # The cached answer spends from the same budget as the rendered one.
    left = [int(r.headers["x-ratelimit-remaining"]) for r in (fresh, cached)]
    assert left[0] - left[1] == 1
    assert revalidated.status_code == 304


def test_a_changed_answer_gets_a_new_etag(api: Client) -> None:
    assert api.get(CAREER).headers["etag"] != api.get(f"{CAREER}/skills").headers["etag"]
    gzip = api.get("/api/v1/skills?limit=100", headers={"Accept-Encoding": "gzip"})
    plain = api.get("/api/v1/skills?limit=100", headers={"Accept-Encoding": "identity"})
    assert gzip.headers["content-encoding"] == "gzip"
    assert gzip.headers["etag"] != plain.headers["etag"]


def test_gzip_answers_keep_their_etag_as_the_clock_moves(api: Client) -> None:
    # gzip stamps each body with the time of compression; the tag must not follow it.
    url = "/careers/back-end-engineer"
    first = api.get(url, headers={"Accept-Encoding": "gzip"})
    with time_machine.travel(datetime.now(UTC) + timedelta(seconds=30)):
        later = api.get(url, headers={"Accept-Encoding": "gzip"})
    assert first.headers["content-encoding"] == "gzip"
    assert later.headers["etag"] == first.headers["etag"]
    assert later.headers["etag"].endswith('-gzip"')


@pytest.mark.parametrize(
    ("header", "tag", "expected"),
    [
        ('"a"', '"a"', True),
        ('W/"a"', '"a"', True),
        ('"b", "a"', '"a"', True),
        ("*", '"a"', True),
        ('"b"', '"a"', False),
        (None, '"a"', False),
    ],
)
def test_if_none_match_uses_weak_comparison(header: str | None, tag: str, expected: bool) -> None:
    assert matches(header, tag) is expected


def _links(response_link: str) -> dict[str, str]:
    found = {}
    for part in response_link.split(", "):
        url, rel = part.split("; ")
        found[rel.removeprefix('rel="').rstrip('"')] = url.strip("<>")
    return found


def test_offset_lists_link_their_neighbours(api: Client) -> None:
    total = api.get("/api/v1/careers").json()["total"]
    assert total >= 3
    middle = api.get("/api/v1/careers", params={"q": "", "limit": 1, "offset": 1})
    links = _links(middle.headers["link"])
    assert links["next"] == "/api/v1/careers?q=&offset=2&limit=1"
    assert links["prev"] == "/api/v1/careers?q=&offset=0&limit=1"
    assert links["last"] == f"/api/v1/careers?q=&offset={total - 1}&limit=1"
    last = _links(api.get(links["last"]).headers["link"])
    assert "next" not in last
    walked = [api.get(f"/api/v1/careers?limit=2&offset={o}").json() for o in range(0, total, 2)]
    assert sum(len(page["items"]) for page in walked) == total


def test_page_lists_link_their_neighbours(api: Client) -> None:
    first = api.get("/api/v1/search", params={"q": "python", "page_size": 2})
    body = first.json()
    links = _links(first.headers["link"])
    assert "prev" not in links
    assert links["next"] == "/api/v1/search?q=python&page=2&page_size=2"
    assert links["last"].endswith(f"page={body['max_page']}&page_size=2")


OFFSET, PAGE = STYLES


@pytest.mark.parametrize(
    ("paging", "at", "size", "reachable", "expected"),
    [
        (OFFSET, 0, 2, 7, {"first": 0, "last": 6, "next": 2}),
        (OFFSET, 3, 2, 6, {"first": 0, "last": 4, "next": 5, "prev": 1}),
        (OFFSET, 5, 2, 7, {"first": 0, "last": 6, "prev": 3}),
        (OFFSET, 40, 20, 7, {"first": 0, "last": 0, "prev": 0}),
        (OFFSET, 0, 20, 0, {"first": 0, "last": 0}),
        (PAGE, 1, 5, 11, {"first": 1, "last": 3, "next": 2}),
        (PAGE, 3, 5, 11, {"first": 1, "last": 3, "prev": 2}),
        (PAGE, 9, 5, 11, {"first": 1, "last": 3, "prev": 3}),
        (PAGE, 1, 5, 0, {"first": 1, "last": 1}),
    ],
)
def test_link_positions(
    paging: Paging, at: int, size: int, reachable: int, expected: dict[str, int]
) -> None:
    assert paging.positions(at, size, reachable) == expected


def test_lists_that_do_not_page_have_no_links(api: Client) -> None:
    assert "link" not in api.get(f"{CAREER}/skills").headers


def test_a_retiring_operation_says_so() -> None:
    retirement = Retirement(date(2026, 12, 1), date(2027, 6, 1), "/api/v2/things")

    @get("/api/v1/things", opt={"access": Access.PUBLIC, RETIREMENT_OPT: retirement})
    async def list_things() -> list[str]:
        return []

    app = Litestar([list_things], openapi_config=openapi_config())
    complete_document(app)
    with TestClient(app) as client:
        document = client.get("/api/docs/openapi.json").json()
    scope: Any = {"route_handler": list_things}
    fields = {k.decode(): v.decode() for k, v in client_headers(scope, 200, set())}
    assert fields["deprecation"] == f"@{int(datetime(2026, 12, 1, tzinfo=UTC).timestamp())}"
    assert fields["sunset"] == "Tue, 01 Jun 2027 00:00:00 GMT"
    assert '</api/v2/things>; rel="successor-version"' in fields["link"]
    operation = document["paths"]["/api/v1/things"]["get"]
    assert operation["deprecated"] is True
    assert "2027-06-01" in operation["description"]
    assert "Sunset" in operation["responses"]["200"]["headers"]
