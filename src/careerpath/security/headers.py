"""Security headers on every response, errors and unrouted 404s included (a ``before_send`` hook).

Every page gets a strict same-origin CSP whose only inline escape is a per-request nonce; the API
reference (Scalar, served from our own static files) may add inline styles, never inline scripts.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar.datastructures import MutableScopeHeaders
from litestar.types import Message, Scope

NONCE_KEY = "csp_nonce"
STRICT_CSP = (
    "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
# Scalar (the API reference, served from our static files) injects <style> elements and style
# attributes without the nonce as it renders; inline styles cannot run code, so on its page
# alone they are let through (a nonce in the same directive would cancel 'unsafe-inline').
DOCS_PAGE = "/api/docs"
DOCS_STYLES = "style-src 'self' 'unsafe-inline'"
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
    """Return the CSP: same origin only, inline code only with this request's nonce."""
    policy = STRICT_CSP.format(nonce=csp_nonce(scope))
    path = scope.get("path", "")
    if path.startswith(DOCS_PAGE) and not path.endswith((".json", ".yaml")):
        return policy.replace(f"style-src 'self' 'nonce-{csp_nonce(scope)}'", DOCS_STYLES)
    return policy


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

    return hook
