"""The authorisation matrix: the app's own routes × callers × objects, and what each must get.

Objects are chosen per path parameter. Owned parameters (``list_id``, ``item_id``, ``token_id``,
``session_id``) point at the caller's own object, another user's private or shared object, or a
missing one; ``token`` (a share link) at the caller's own shared list, another user's shared
list, or a never-shared token; ``user_id`` at the caller or someone else. Any other parameter is
a public object (a career slug, a resource, a static file, or a generic value for routes that
other domains add later).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Any

from litestar import Litestar
from litestar.routes import HTTPRoute

from careerpath.security.access import ROLE_RANK, Access, declared_access

ACTORS = ("anonymous", "user_a", "user_b", "curator", "admin")
SCOPES = ("own", "other_private", "shared", "public")
OWNED_PARAMS = frozenset({"list_id", "item_id", "token_id", "session_id"})
OBJECT_PARAMS = OWNED_PARAMS | {"token", "user_id"}
PUBLIC_VALUES = {
    "slug": "back-end-engineer",
    "resource_id": "7",
    "file_path": "site.css",
    "path": "x",
}
PARAM = re.compile(r"\{(\w+):(\w+)\}")
SKIPPED_METHODS = frozenset({"HEAD", "OPTIONS"})
# Valid bodies, so that an allowed call reaches the ownership check instead of failing validation.
JSON_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/api/v1/lists"): {"name": "Matrix", "owner_id": 1},
    ("PATCH", "/api/v1/lists/{list_id:int}"): {"name": "Renamed"},
    ("POST", "/api/v1/lists/{list_id:int}/items"): {"kind": "course", "ref_id": 2},
    ("PATCH", "/api/v1/lists/{list_id:int}/items/{item_id:int}"): {"progress": "done"},
    ("POST", "/api/v1/me/tokens"): {"name": "matrix"},
    ("PATCH", "/api/v1/admin/users/{user_id:int}"): {"is_active": True},
    ("PATCH", "/api/v1/curation/careers/{slug:str}"): {"summary": "Builds server software."},
    ("POST", "/api/v1/auth/password-reset"): {"email": "nobody@example.org"},
    ("POST", "/api/v1/auth/login"): {"email": "nobody@example.org", "password": "x"},
}
FORM_BODIES: dict[tuple[str, str], dict[str, str]] = {
    ("POST", "/lists"): {"name": "Matrix"},
    ("POST", "/lists/{list_id:int}/items/{item_id:int}/progress"): {"progress": "done"},
    ("POST", "/account/tokens"): {"name": "matrix"},
    ("POST", "/signin"): {"email": "nobody@example.org", "password": "x"},
}


@dataclass(frozen=True, slots=True)
class Operation:
    """One method on one route, with the access it declares (None: unclassified)."""

    method: str
    path: str
    access: Access | None

    @property
    def has_object(self) -> bool:
        """Say whether the operation names an object whose owner matters."""
        return bool(OBJECT_PARAMS.intersection(self.params)) or self.path == "/lists/save"

    @property
    def params(self) -> list[str]:
        """Return the names of the path parameters."""
        return [name for name, _ in PARAM.findall(self.path)]


def operations(app: Litestar) -> list[Operation]:
    """Return every operation of the app, from its own route list."""
    found = []
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            for method in sorted(handler.http_methods - SKIPPED_METHODS):
                found.append(Operation(method, route.path, declared_access(handler, route.path)))
    return sorted(found, key=lambda op: (op.path, op.method))


def role_of(actor: str) -> str | None:
    """Return the role an actor has (None for anonymous)."""
    return {"anonymous": None, "curator": "curator", "admin": "admin"}.get(actor, "user")


def expected_denial(op: Operation, actor: str, scope: str) -> int | None:
    """Return the status that must refuse this call, or None when it may be allowed."""
    access = op.access or Access.PUBLIC
    if access is not Access.PUBLIC:
        role = role_of(actor)
        if role is None:
            return 401
        if ROLE_RANK[role] < ROLE_RANK[access.value]:
            return 403
        if access is Access.ADMIN:
            return None
    if "token" in op.params and scope in {"other_private", "public"}:
        return 404
    touches_owned = OWNED_PARAMS.intersection(op.params) or op.path == "/lists/save"
    if touches_owned and access is not Access.PUBLIC and scope != "own":
        return 404
    return None


def fill_path(op: Operation, values: dict[str, str]) -> str:
    """Return the operation's path with its parameters filled in."""

    def value(match: re.Match[str]) -> str:
        name, kind = match.group(1), match.group(2)
        if name in values:
            return values[name]
        if name in PUBLIC_VALUES:
            return PUBLIC_VALUES[name]
        return "1" if kind == "int" else "x"

    return PARAM.sub(value, op.path)


def random_share_token() -> str:
    """Return a token that no list was ever shared with."""
    return secrets.token_urlsafe(32)
