"""Who may call what: routes declare ``opt={"access": Access.X}``; ``authorize`` checks it.

This guard is the one place where roles, token scopes and CSRF are checked. Object ownership is
checked by the services, which answer 404 for another user's private object.

Classifying a route: give its handler, controller or router ``opt={"access": Access.PUBLIC}``
(or USER, CURATOR, ADMIN). Framework routes that cannot carry an ``opt`` (the OpenAPI pages)
are listed in ``PUBLIC_PATH_PREFIXES``. An unclassified route is public for GET/HEAD and refused
for anything else, and the authorisation-matrix test fails until someone classifies it.
"""

from __future__ import annotations

import enum
import hmac
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from litestar.connection import ASGIConnection, Request
from litestar.handlers.base import BaseRouteHandler

from careerpath.errors import AuthenticationError, PermissionDeniedError

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
PUBLIC_PATH_PREFIXES = ("/api/docs", "/static/")
ROLE_RANK = {"user": 1, "curator": 2, "admin": 3}


class Access(enum.StrEnum):
    """Who may call a route."""

    PUBLIC = "public"
    USER = "user"
    CURATOR = "curator"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller: by session cookie or by API token."""

    user_id: int
    role: str
    via: str
    write: bool
    session_key: str | None = None
    csrf_token: str | None = None
    token_id: int | None = None


def declared_access(handler: BaseRouteHandler, path: str) -> Access | None:
    """Return the access a route declares, or None when nobody classified it."""
    access = handler.opt.get("access")
    if access is not None:
        return Access(access)
    if path.startswith(PUBLIC_PATH_PREFIXES):
        return Access.PUBLIC
    return None


def url_netloc(url: str) -> str | None:
    """Return the host[:port] of a URL a client sent, or None when it is malformed."""
    try:
        return urlsplit(url).netloc
    except ValueError:  # "http://[::1" and other broken IPv6 literals
        return None


def principal_of(connection: ASGIConnection[Any, Any, Any, Any]) -> Principal | None:
    """Return the caller the authentication middleware found, if any."""
    found = connection.scope.get("user")
    return found if isinstance(found, Principal) else None


async def authorize(
    connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler
) -> None:
    """Refuse the request unless the caller may use this route (the app-wide guard)."""
    method = connection.scope.get("method", "GET")
    access = declared_access(handler, connection.scope["path"])
    if access is None:
        access = Access.PUBLIC if method in SAFE_METHODS else Access.ADMIN
    principal = principal_of(connection)
    if method not in SAFE_METHODS:
        await _check_request_origin(connection, principal)
    if access is Access.PUBLIC:
        return
    if principal is None:
        raise AuthenticationError("Sign in or send an API token to use this.")
    if ROLE_RANK[principal.role] < ROLE_RANK[access.value]:
        raise PermissionDeniedError(f"This needs the {access.value} role.")
    if method not in SAFE_METHODS and not principal.write:
        raise PermissionDeniedError("This API token may only read.")


async def _check_request_origin(
    connection: ASGIConnection[Any, Any, Any, Any], principal: Principal | None
) -> None:
    origin = connection.headers.get("origin")
    if origin and url_netloc(origin) != connection.headers.get("host", ""):
        raise PermissionDeniedError("Cross-site requests are not accepted.")
    if principal is None or principal.via != "session":
        return
    sent = connection.headers.get(CSRF_HEADER) or await _form_token(connection)
    if not sent or not hmac.compare_digest(sent, principal.csrf_token or ""):
        raise PermissionDeniedError("The CSRF token is missing or wrong. Reload the page.")


async def _form_token(connection: ASGIConnection[Any, Any, Any, Any]) -> str | None:
    content_type = connection.headers.get("content-type", "")
    if not content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return None
    # Litestar caches the parsed form in the scope, so the handler can still read it.
    form = await Request[Any, Any, Any](connection.scope, connection.receive).form()
    value = form.get(CSRF_FIELD)
    return value if isinstance(value, str) else None
