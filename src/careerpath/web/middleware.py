"""ASGI middleware: a request id per request, returned as ``X-Request-ID`` and logged."""

from __future__ import annotations

import logging
import re
import time
import uuid

from litestar._asgi.utils import wrap_in_exception_handler
from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from careerpath.logging import request_id_var

access_logger = logging.getLogger("careerpath.access")
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,128}$")
# Paths that carry a secret (a share link's token): logged with the token replaced.
_SECRET_PATH = re.compile(r"^(/s/|/api/v1/shared/)[^/]+")


def _incoming_request_id(scope: Scope) -> str | None:
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            candidate = value.decode("latin-1")
            return candidate if _VALID_REQUEST_ID.match(candidate) else None
    return None


def request_id_middleware(app: ASGIApp) -> ASGIApp:
    """Tag each HTTP request with an id (the caller's if well-formed) and log one access line."""
    # Refusals raised by the middleware below (400 host, 422 query, 429, 503) would otherwise
    # reach Litestar's outermost handler, which answers past us: no id, logged as a 500.
    app = wrap_in_exception_handler(app)

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        request_id = _incoming_request_id(scope) or uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableScopeHeaders.from_message(message)["X-Request-ID"] = request_id
            await send(message)

        try:
            await app(scope, receive, send_with_id)
        finally:
            _log_access(scope, status, started)
            request_id_var.reset(token)

    return middleware


def _log_access(scope: Scope, status: int, started: float) -> None:
    if access_logger.isEnabledFor(logging.INFO):
        access_logger.info(
            "%s %s %s",
            scope.get("method", "-"),
            _SECRET_PATH.sub(r"\1[redacted]", scope["path"]),
            status,
            extra={"status": status, "ms": round((time.perf_counter() - started) * 1000, 2)},
        )


def head_as_get(scope: Scope, send: Send) -> tuple[Scope, Send]:
    """Turn a HEAD request into a GET whose body is not sent, so every GET route answers HEAD."""
    if scope["type"] != ScopeType.HTTP or scope.get("method") != "HEAD":
        return scope, send

    async def send_headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return {**scope, "method": "GET"}, send_headers_only
