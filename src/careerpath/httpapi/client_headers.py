"""The ``before_send`` hook that stamps what clients read besides the body on every response.

Rate-limit fields wherever a limit applied, ``Retry-After`` on every 503 (a 429 brings its own
from the throttle), and the retirement fields of a deprecated operation.
"""

from __future__ import annotations

from litestar.datastructures import MutableScopeHeaders
from litestar.handlers import HTTPRouteHandler
from litestar.types import Message, Scope

from careerpath.httpapi.rate_limit import rate_limit_headers, recorded_budget
from careerpath.httpapi.versioning import retirement_headers, retirement_of

# Long enough for a restarting database or Redis, short enough that clients come back soon.
RETRY_AFTER_UNAVAILABLE = 10


async def client_headers_hook(message: Message, scope: Scope) -> None:
    """Add the rate-limit, Retry-After and retirement headers to a response's start."""
    if message["type"] != "http.response.start":
        return
    headers = MutableScopeHeaders.from_message(message)
    budget = recorded_budget(scope)
    if budget is not None:
        for name, value in rate_limit_headers(budget).items():
            headers[name] = value
    if message["status"] in {429, 503} and "retry-after" not in headers:
        headers["Retry-After"] = str(RETRY_AFTER_UNAVAILABLE)
    handler = scope.get("route_handler")
    retirement = retirement_of(handler.opt) if isinstance(handler, HTTPRouteHandler) else None
    if retirement is not None:
        fields = retirement_headers(retirement)
        headers.add("Link", fields.pop("Link"))  # beside a list's page links
        for name, value in fields.items():
            headers[name] = value
