"""Rate-limit headers: each throttled response tells its client the budget it has left.

Both the IETF httpapi draft fields (``RateLimit-Policy``, ``RateLimit``) and the widely read
``X-RateLimit-*`` trio are sent; ``X-RateLimit-Reset`` is in seconds from now, like the draft's
``t``. The authentication middleware, which applies the general limits, records the budget in
the request scope; ``client_headers`` writes it on the way out.
"""

from __future__ import annotations

from typing import Any

from litestar.types import Scope

from careerpath.errors import RateLimitedError
from careerpath.security.budgets import Budget

BUDGET_KEY = "rate_limit_budget"


def record_budget(scope: Scope, budget: Budget) -> None:
    """Remember the caller's budget for this request's response headers."""
    state: dict[str, Any] = scope.setdefault("state", {})
    state[BUDGET_KEY] = budget


def spend(scope: Scope, budget: Budget) -> None:
    """Record the budget for the response headers; refuse the request when none was left."""
    record_budget(scope, budget)
    if not budget.allowed:
        raise RateLimitedError("Too many requests. Try again later.", retry_after=budget.reset)


def recorded_budget(scope: Scope) -> Budget | None:
    """Return the budget recorded for this request, if a limit applied."""
    found = scope.get("state", {}).get(BUDGET_KEY)
    return found if isinstance(found, Budget) else None


def rate_limit_headers(budget: Budget) -> dict[str, str]:
    """Return the rate-limit header fields for ``budget``."""
    policy = f'"{budget.policy}"'
    return {
        "RateLimit-Policy": f"{policy};q={budget.limit};w={budget.window}",
        "RateLimit": f"{policy};r={budget.remaining};t={budget.reset}",
        "X-RateLimit-Limit": str(budget.limit),
        "X-RateLimit-Remaining": str(budget.remaining),
        "X-RateLimit-Reset": str(budget.reset),
    }
