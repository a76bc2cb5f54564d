"""Security headers on every response, errors and unrouted 404s included (the front door's).

Every page gets a strict same-origin CSP whose only inline escape is a per-request nonce; the API
reference (Scalar, served from our own static files) may add inline styles, never inline scripts.
A response that sets one of these fields itself keeps its own value.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar.types import Scope

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
_FIXED = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"referrer-policy", DEFAULT_REFERRER_POLICY.encode()),
)
_HSTS = (b"strict-transport-security", HSTS.encode())
_NO_STORE = (b"cache-control", b"no-store")


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


_STRICT_BYTES = STRICT_CSP.encode()


def security_headers(
    scope: Scope, production: bool, present: frozenset[bytes] | set[bytes] = frozenset()
) -> list[tuple[bytes, bytes]]:
    """Return the security header fields of a response to ``scope`` (``present``: its own)."""
    if scope["path"].startswith(DOCS_PAGE):
        csp = content_security_policy(scope).encode()
    else:  # the strict policy, assembled without str.format on the hot path
        csp = _STRICT_BYTES.replace(b"{nonce}", csp_nonce(scope).encode())
    fields = [(b"content-security-policy", csp), *_FIXED]
    if production:
        fields.append(_HSTS)
    if scope.get("user") is not None or b"set-cookie" in present:
        # An answer for one person (an account page, a new API token's secret, a sign-in)
        # must not stay in a shared or browser cache.
        fields.append(_NO_STORE)
    return fields
