"""Every operation × {anonymous, user A, user B, curator, admin} × {own, other's private, shared,
public}: no caller gets what is not theirs, another user's private object is a 404, and a route
that nobody classified fails here.

A route is classified by ``opt={"access": Access.X}`` on its handler, controller or router (see
``careerpath.security.access``).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from careerpath.config import Settings
from careerpath.security.access import Access
from tests.accounts.actors import (
    PASSWORD,
    Actor,
    generous_settings,
    grant_role,
    new_user,
    running_client,
)
from tests.accounts.fakes import FakeCatalogPort
from tests.security.matrix import (
    ACTORS,
    FORM_BODIES,
    JSON_BODIES,
    SCOPES,
    Operation,
    expected_denial,
    fill_path,
    operations,
    random_share_token,
)

MISSING = str(2**31 - 1)
SPECIAL_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("DELETE", "/api/v1/me"): {"password": PASSWORD},
    ("POST", "/api/v1/me/password"): {"current_password": PASSWORD, "new_password": PASSWORD},
    ("POST", "/api/v1/auth/password-reset/confirm"): {"token": "x" * 43, "new_password": PASSWORD},
}
SPECIAL_FORMS: dict[tuple[str, str], dict[str, str]] = {
    ("POST", "/account/password"): {"current_password": PASSWORD, "new_password": PASSWORD},
}


@dataclass
class World:
    """The callers of the matrix, re-provisioned when a case signs one out or deletes it."""

    api: TestClient[Litestar]
    database_url: str
    actors: dict[str, Actor] = field(default_factory=dict)
    cache: dict[tuple[str, bool, str], dict[str, str]] = field(default_factory=dict)

    def provision(self, name: str) -> None:
        if name == "anonymous":
            self.actors[name] = Actor(self.api)
            return
        actor = new_user(self.api, name.replace("_", "-"))
        if name in {"curator", "admin"}:
            grant_role(self.database_url, actor.user_id, name)
        self.actors[name] = actor

    def revive(self, name: str) -> None:
        actor = self.actors[name]
        if name == "anonymous" or actor.request("GET", "/api/v1/me").status_code == 200:
            return
        if actor.sign_in().status_code != 200:
            self.provision(name)


@dataclass
class Case:
    operation: Operation
    actor: str
    scope: str
    status: int
    expected_denial: int | None


def owner_objects(world: World, owner: Actor, op: Operation, shared: bool) -> dict[str, str]:
    """Create a fresh list (one course) for ``owner`` and whatever else the operation names."""
    values: dict[str, str] = {}
    params = set(op.params)
    if params & {"list_id", "item_id", "token"} or op.path == "/lists/save":
        response = owner.request("POST", "/api/v1/lists", json={"name": "Matrix object"})
        assert response.status_code == 201, (op, owner.email, response.text)
        created = response.json()
        item = owner.request(
            "POST", f"/api/v1/lists/{created['id']}/items", json={"kind": "course", "ref_id": 1}
        ).json()
        values |= {"list_id": str(created["id"]), "item_id": str(item["id"])}
        if shared or "token" in params:
            share = owner.request("POST", f"/api/v1/lists/{created['id']}/share").json()
            values["token"] = share["token"]
    if "token_id" in params:
        token = owner.request("POST", "/api/v1/me/tokens", json={"name": "matrix"}).json()
        values["token_id"] = str(token["details"]["id"])
    if "session_id" in params:
        Actor(world.api, email=owner.email).sign_in()
        sessions = owner.request("GET", "/api/v1/me/sessions").json()
        values["session_id"] = next(s["id"] for s in sessions if not s["current"])
    values["user_id"] = str(owner.user_id)
    values["_owner"] = owner.email
    return values


def objects_of(world: World, owner: Actor, op: Operation, shared: bool) -> dict[str, str]:
    """Return objects for a case: shared between reads, fresh for every write."""
    if op.method != "GET":
        return owner_objects(world, owner, op, shared)
    key = (owner.email, shared, op.path)
    if key not in world.cache:
        world.cache[key] = owner_objects(world, owner, op, shared)
    return dict(world.cache[key])


def scope_values(world: World, op: Operation, actor: str, scope: str) -> dict[str, str]:
    """Return the path values that put ``actor`` in front of an object of ``scope``."""
    own = world.actors["user_a" if actor == "anonymous" else actor]
    other = world.actors["user_b" if actor == "user_a" else "user_a"]
    if scope == "own":
        return objects_of(world, own, op, shared=False)
    if scope in {"other_private", "shared"}:
        values = objects_of(world, other, op, shared=scope == "shared")
        if scope == "other_private":
            values["token"] = random_share_token()
        return values
    return {
        "list_id": MISSING,
        "item_id": MISSING,
        "token_id": MISSING,
        "session_id": "missing",
        "token": random_share_token(),
        "user_id": str(other.user_id),
    }


def request_kwargs(op: Operation, values: dict[str, str]) -> dict[str, Any]:
    key = (op.method, op.path)
    if key in SPECIAL_BODIES or key in JSON_BODIES:
        return {"json": SPECIAL_BODIES.get(key) or JSON_BODIES[key]}
    if key in SPECIAL_FORMS or key in FORM_BODIES:
        return {"data": SPECIAL_FORMS.get(key) or FORM_BODIES[key]}
    if op.path == "/lists/save":
        return {"data": {"kind": "course", "ref_id": "2", "list_id": values.get("list_id", "0")}}
    if op.path == "/api/v1/lists/{list_id:int}/order":
        return {"json": {"item_ids": [int(values.get("item_id", MISSING))]}}
    return {"json": {}} if op.method in {"POST", "PUT", "PATCH"} else {}


def clean_up(world: World, values: dict[str, str]) -> None:
    """Delete the list a write case created, so owners stay under the list limit."""
    if "list_id" not in values or values["list_id"] == MISSING:
        return
    for actor in world.actors.values():
        if (
            actor.secret
            and actor.request("DELETE", f"/api/v1/lists/{values['list_id']}").status_code == 204
        ):
            return


def run_case(world: World, op: Operation, actor: str, scope: str) -> Case:
    values = scope_values(world, op, actor, scope)
    caller = world.actors[actor]
    response: httpx.Response = caller.request(
        op.method, fill_path(op, values), follow_redirects=False, **request_kwargs(op, values)
    )
    if op.method != "GET" and response.status_code < 400:
        world.revive(actor)
        clean_up(world, values)
    return Case(op, actor, scope, response.status_code, expected_denial(op, actor, scope))


@pytest.fixture(scope="module")
def world(settings: Settings, database_url: str) -> Iterator[World]:
    limits = generous_settings(settings, rate_limit_login="100000/minute")
    with running_client(limits, {"items_port": FakeCatalogPort()}) as api:
        built = World(api, database_url)
        for name in ACTORS:
            built.provision(name)
        yield built


def test_every_route_is_classified(world: World) -> None:
    app = world.api.app
    unclassified = [f"{op.method} {op.path}" for op in operations(app) if op.access is None]
    # The OpenAPI routes are classified by path prefix; anything else must declare its access.
    assert unclassified == []


def test_authorisation_matrix(world: World) -> None:
    ops = operations(world.api.app)
    # An operation without an object parameter sends the same request for every object scope,
    # so it runs once per caller.
    cases = [
        run_case(world, op, actor, scope)
        for op, actor, scope in itertools.product(ops, ACTORS, SCOPES)
        if op.has_object or scope == "public"
    ]
    unexpected_allows = [c for c in cases if c.expected_denial and c.status < 400]
    wrong_denials = [
        c for c in cases if c.expected_denial and c.status >= 400 and c.status != c.expected_denial
    ]
    denied_allowed = [
        c
        for c in cases
        if c.expected_denial is None
        and c.status in {401, 403, 404}
        and c.operation.access not in {None, Access.PUBLIC}
    ]
    with_objects = sum(op.has_object for op in ops)
    figures = Counter("deny" if c.expected_denial else "allow" for c in cases)
    print(  # noqa: T201 (the figures the report quotes; visible with -s)
        f"\nauthorisation matrix: {len(ops)} operations ({with_objects} with an object) x "
        f"{len(ACTORS)} callers x {len(SCOPES)} objects = {len(cases)} cases; "
        f"expected deny {figures['deny']}, may allow {figures['allow']}; "
        f"unexpected allows {len(unexpected_allows)}; "
        f"wrong denial codes {len(wrong_denials)}; allowed calls refused {len(denied_allowed)}"
    )
    assert len(cases) == with_objects * 20 + (len(ops) - with_objects) * 5
    assert [vars(c) for c in unexpected_allows] == []
    assert [vars(c) for c in wrong_denials] == []
    assert [vars(c) for c in denied_allowed] == []
