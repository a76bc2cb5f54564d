"""Security headers on every response, errors and unrouted 404s included (a ``before_send`` hook).

Pages get a strict CSP whose only inline-script escape is a per-request nonce; the interactive API
docs (Scalar, Swagger UI) load their scripts and styles from a CDN and get a CSP that allows it.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

DOCS_PREFIX = "/api/docs"
NONCE_KEY = "csp_nonce"
STRICT_CSP = (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
# The docs renderers inject inline bootstrap scripts and styles and fetch from jsDelivr/unpkg.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net "
    "https://unpkg.com; style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net "
    "https://unpkg.com https://fonts.googleapis.com; font-src 'self' data: "
    "https://cdn.jsdelivr.net https://fonts.gstatic.com; img-src 'self' data: https:; "
    "connect-src 'self' https://cdn.jsdelivr.net; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
HSTS = "max-age=63072000; includeSubDomains"
DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin"


def csp_nonce(scope: Scope) -> str:
    """Return this request's CSP nonce, creating it on first use."""
    state: dict[str, Any] = scope.setdefault("state", {})
    nonce = state.get(NONCE_KEY)
    if nonce is None:
        nonce = secrets.token_urlsafe(16)
        state[NONCE_KEY] = nonce
    return str(nonce)


def content_security_policy(scope: Scope) -> str:
    """Return the CSP for the request's path: relaxed for the API docs, strict elsewhere."""
    if scope.get("path", "").startswith(DOCS_PREFIX) and not scope["path"].endswith(".json"):
        return DOCS_CSP
    return STRICT_CSP.format(nonce=csp_nonce(scope))


def security_headers_hook(production: bool) -> Any:
    """Return the ``before_send`` hook that stamps the security headers on every response."""

    async def hook(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start":
            return
        headers = MutableScopeHeaders.from_message(message)
        headers["Content-Security-Policy"] = content_security_policy(scope)
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if "referrer-policy" not in headers:
            headers["Referrer-Policy"] = DEFAULT_REFERRER_POLICY
        if production:
            headers["Strict-Transport-Security"] = HSTS
        if is_personal(scope, headers):
            headers["Cache-Control"] = "no-store"

    return hook


def is_personal(scope: Scope, headers: MutableScopeHeaders) -> bool:
    """Say whether an answer is for one person: sent to a signed-in caller, or setting a cookie.

    Such answers (an account page, a new API token's secret) must not stay in a shared or
    browser cache, whatever the route declared.
    """
    return scope.get("user") is not None or "set-cookie" in headers
