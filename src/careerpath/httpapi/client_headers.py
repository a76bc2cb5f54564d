"""What clients read besides the body, for every response (stamped by the front door).

Rate-limit fields wherever a limit applied, ``Retry-After`` on every 503 (a 429 brings its own
from the throttle), and the retirement fields of a deprecated operation.
"""

from __future__ import annotations

from litestar.handlers import HTTPRouteHandler
from litestar.types import Scope

from careerpath.httpapi.rate_limit import rate_limit_headers, recorded_budget
from careerpath.httpapi.versioning import retirement_headers, retirement_of

# Long enough for a restarting database or Redis, short enough that clients come back soon.
RETRY_AFTER_UNAVAILABLE = 10


def client_headers(scope: Scope, status: int, present: set[bytes]) -> list[tuple[bytes, bytes]]:
    """Return the rate-limit, Retry-After and retirement fields (``present``: names already set)."""
    fields: dict[str, str] = {}
    budget = recorded_budget(scope)
    if budget is not None:
        fields.update(rate_limit_headers(budget))
    if status in {429, 503} and b"retry-after" not in present:
        fields["Retry-After"] = str(RETRY_AFTER_UNAVAILABLE)
    handler = scope.get("route_handler")
    retirement = retirement_of(handler.opt) if isinstance(handler, HTTPRouteHandler) else None
    if retirement is not None:
        fields.update(retirement_headers(retirement))  # its Link goes beside a list's page links
    return [(name.lower().encode(), value.encode("latin-1")) for name, value in fields.items()]
