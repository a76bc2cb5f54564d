"""The front door: the one pure-ASGI layer every HTTP request passes before Litestar routes it.

In order: a request id; HEAD taken as a GET whose body is not sent; the Host check (400); an
anonymous GET the response cache holds is answered at once, counted against the shared
per-address budget in memory (``security/budgets.py``), with no session lookup or routing;
otherwise the caller is found (session cookie or API token), the shared request limit applied,
the query size checked, and Litestar runs. Every answer,
refusals and unrouted 404/405 included, leaves through ``Outgoing`` (security, rate-limit and
request-id fields, ETag and 304, gzip) and is logged in one line.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from litestar import Litestar, Request
from litestar.types import ASGIApp, HTTPScope, Receive, Scope, Send

from careerpath.accounts.auth import UNAUTHENTICATED_PREFIXES, authenticate, client_ip
from careerpath.config import Settings
from careerpath.errors import BadRequestError
from careerpath.httpapi.rate_limit import spend
from careerpath.logging import request_id_var
from careerpath.security.limits import check_request
from careerpath.web.hosts import UNCHECKED_PATHS, HostCheck, allowed_hosts, host_name
from careerpath.web.outgoing import Outgoing, request_fields
from careerpath.web.response_cache import ResponseCache, cached_answer, is_anonymous

access_logger = logging.getLogger("careerpath.access")
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
# Paths that carry a secret (a share link's token): logged with the token replaced.
_SECRET_PATH = re.compile(r"^(/s/|/api/v1/shared/)[^/]+")


def incoming_request_id(scope: Scope) -> str | None:
    """Return the caller's ``X-Request-ID`` when it is well-formed."""
    value = request_fields(scope).get(b"x-request-id")
    candidate = value.decode("latin-1") if value else ""
    return candidate if _VALID_REQUEST_ID.match(candidate) else None


class FrontDoor:
    """Everything an HTTP request meets before (and after) Litestar's routing."""

    def __init__(self, app: Litestar, inner: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.inner = inner
        self.hosts = HostCheck(allowed_hosts(settings))
        self.production = settings.env == "production"
        self.log_access = settings.access_log
        # Set by the app's lifespan, when the cache exists.
        self.cache: ResponseCache | None = None

    async def __call__(self, scope: HTTPScope, receive: Receive, send: Send) -> None:
        """Answer one HTTP request."""
        request_id = incoming_request_id(scope) or uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        head = scope["method"] == "HEAD"
        if head:
            scope["method"] = "GET"
        scope["app"] = scope["litestar_app"] = self.app
        scope.setdefault("state", {})
        out = Outgoing(send, scope, request_id, production=self.production, head=head)
        try:
            if not await self._answered_before_routing(scope, receive, out):
                await self.inner(scope, receive, out)
        finally:
            if self.log_access:
                _log_access(scope, out.status, started, head)
            request_id_var.reset(token)

    async def _answered_before_routing(
        self, scope: HTTPScope, receive: Receive, out: Outgoing
    ) -> bool:
        try:
            return await self._before_routing(scope, out)
        except Exception as exc:  # answered as the app answers it (its handlers), not swallowed
            await self._refuse(scope, receive, out, exc)
            return True

    async def _before_routing(self, scope: HTTPScope, out: Outgoing) -> bool:
        path = scope["path"]
        if not path.startswith(UNCHECKED_PATHS) and not self.hosts.allows(scope):
            raise BadRequestError(f"This site does not answer for {host_name(scope)!r}.")
        if self.cache is not None and scope["method"] == "GET" and is_anonymous(scope):
            entry = await self.cache.hit(scope)
            if entry is not None:
                spend(scope, self.app.state.throttle.budgets.hit("ip", client_ip(scope)))
                await out.send_whole(entry.status, *cached_answer(entry, scope))
                return True
        if not path.startswith(UNAUTHENTICATED_PREFIXES):
            await authenticate(scope, self.app)
        check_request(scope)
        return False

    async def _refuse(self, scope: Scope, receive: Receive, out: Send, exc: Exception) -> None:
        request: Request[Any, Any, Any] = Request(scope, receive)
        response = _handler_for(self.app.exception_handlers, exc)(request, exc)
        await response.to_asgi_response(app=None, request=request)(scope, receive, out)


def _handler_for(handlers: dict[Any, Any], exc: Exception) -> Any:
    for kind in type(exc).__mro__:
        if kind in handlers:
            return handlers[kind]
    raise exc


def _log_access(scope: HTTPScope, status: int, started: float, head: bool) -> None:
    if access_logger.isEnabledFor(logging.INFO):
        access_logger.info(
            "%s %s %s",
            "HEAD" if head else scope["method"],
            _SECRET_PATH.sub(r"\1[redacted]", scope["path"]),
            status,
            extra={"status": status, "ms": round((time.perf_counter() - started) * 1000, 2)},
        )
