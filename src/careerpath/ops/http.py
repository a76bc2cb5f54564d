"""Count and time every routed HTTP request by its route template, method and status."""

from __future__ import annotations

import time

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from careerpath.ops import metrics


def http_metrics_middleware(app: ASGIApp) -> ASGIApp:
    """Observe the request's duration and status under its route template."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        status = 500
        started = time.perf_counter()

        async def observe_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await app(scope, receive, observe_status)
        finally:
            route = str(scope.get("path_template") or "unrouted")
            method = str(scope.get("method", "GET"))
            metrics.HTTP_SECONDS.labels(route, method).observe(time.perf_counter() - started)
            metrics.HTTP_REQUESTS.labels(route, method, str(status)).inc()

    return middleware
