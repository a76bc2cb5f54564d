"""Malformed input against every operation of the OpenAPI document: a 4xx problem, never a 500.

The shapes are the ones an attacker tried: a JSON body that is not UTF-8, a JSON body nested
1,000 levels deep (2 KB), a broken IPv6 Origin on every unsafe operation and a broken Referer on
every read. Operations are read from the served document, so new routes are covered by themselves.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from careerpath.config import Settings
from careerpath.security.bodies import MAX_JSON_DEPTH, json_depth_exceeds
from tests.accounts.actors import Actor, generous_settings, grant_role, new_user, running_client
from tests.accounts.fakes import FakeCatalogPort

Client = TestClient[Litestar]
NOT_UTF8 = b'{"email":"\xff","password":"x"}'
TOO_DEEP = b"[" * 1000 + b"]" * 1000
BROKEN_URL = "http://[::1"
UNSAFE = {"post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def admin(settings: Settings, database_url: str) -> Iterator[Actor]:
    """An admin with a write token: every body reaches the decoder."""
    state = {"items_port": FakeCatalogPort()}
    with running_client(generous_settings(settings), state) as client:
        actor = new_user(client, "malformed-admin")
        grant_role(database_url, actor.user_id, "admin")
        body = {"name": "malformed", "scope": "write"}
        actor.token = actor.request("POST", "/api/v1/me/tokens", json=body).json()["token"]
        yield actor


def operations(client: Client) -> list[tuple[str, str, dict[str, Any]]]:
    """Return (method, concrete path, operation) for every operation of the served document."""
    document = client.get("/api/docs/openapi.json").json()
    found = []
    for template, item in document["paths"].items():
        path = re.sub(r"\{[^}]+\}", "1", template)
        found += [(method, path, op) for method, op in item.items() if method in UNSAFE | {"get"}]
    return found


def takes_json(operation: dict[str, Any]) -> bool:
    """Say whether an operation's request body is JSON."""
    return "application/json" in operation.get("requestBody", {}).get("content", {})


def assert_problem(response: Any, statuses: set[int]) -> None:
    """The answer is one of ``statuses``, as a problem document."""
    where = f"{response.request.method} {response.request.url.path}"
    assert response.status_code in statuses, f"{where}: {response.status_code} {response.text}"
    assert response.headers["content-type"].startswith("application/problem+json"), where
    assert response.json()["status"] == response.status_code


@pytest.mark.parametrize("body", [NOT_UTF8, TOO_DEEP], ids=["not-utf8", "nested-1000"])
def test_malformed_json_bodies_are_400_on_every_operation(
    admin: Actor, body: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    json_operations = [(m, p) for m, p, op in operations(admin.client) if takes_json(op)]
    assert len(json_operations) >= 10  # the document lists the body-taking operations
    headers = {"content-type": "application/json"}
    with caplog.at_level(logging.ERROR):
        for method, path in json_operations:
            response = admin.request(method.upper(), path, content=body, headers=headers)
            assert_problem(response, {400})
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("who", ["anonymous", "token"])
def test_a_malformed_origin_is_cross_site_on_every_unsafe_operation(admin: Actor, who: str) -> None:
    unsafe = [(m, p) for m, p, _ in operations(admin.client) if m in UNSAFE]
    assert unsafe
    for method, path in unsafe:
        headers = {"origin": BROKEN_URL, "content-type": "application/json"}
        if who == "anonymous":
            response = admin.client.request(method.upper(), path, content=b"{}", headers=headers)
        else:
            response = admin.request(method.upper(), path, content=b"{}", headers=headers)
        assert_problem(response, {403})


def test_a_malformed_referer_is_no_referer_on_every_read(admin: Actor) -> None:
    reads = [p for m, p, _ in operations(admin.client) if m == "get"]
    for path in [*reads, "/go/1"]:
        response = admin.request("GET", path, headers={"referer": BROKEN_URL + "/x"})
        assert response.status_code < 500, f"GET {path}: {response.status_code}"


def test_a_bad_body_on_a_page_route_is_not_a_500(admin: Actor) -> None:
    response = admin.request(
        "POST", "/api/v1/auth/login", content=NOT_UTF8, headers={"content-type": "application/json"}
    )
    assert_problem(response, {400})
    assert "utf-8" in response.json()["detail"].lower()


@pytest.mark.parametrize(
    ("body", "deep"),
    [
        (b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1), True),
        (b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH, False),
        (b'{"a": "' + b"[" * 500 + b'"}', False),  # brackets inside a string do not nest
        (b'["\\"' + b"[" * 500 + b'"]', False),  # nor after an escaped quote
        (b'["' + b"[" * 500, False),  # an unterminated string swallows the rest
        (b"[" * 200, True),  # unbalanced, still deep
    ],
)
def test_json_depth(body: bytes, deep: bool) -> None:
    assert json_depth_exceeds(body) is deep


def test_curator_json_import_nested_1000_deep_is_a_reported_row(admin: Actor) -> None:
    response = admin.request(
        "POST",
        "/api/v1/curation/imports/courses?format=json",
        content=TOO_DEEP,
        headers={"content-type": "application/octet-stream"},
    )
    assert response.status_code < 500, response.text
