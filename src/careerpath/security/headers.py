"""Security headers on every response, errors and unrouted 404s included (the front door's).

Pages get a strict CSP whose only inline-script escape is a per-request nonce; the interactive API
docs (Scalar, Swagger UI) load their scripts and styles from a CDN and get a CSP that allows it.
A response that sets one of these fields itself keeps its own value.
"""

from __future__ import annotations

import secrets
from typing import Any

from litestar.types import Scope

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
    """Return the CSP for the request's path: relaxed for the API docs, strict elsewhere."""
    if scope.get("path", "").startswith(DOCS_PREFIX) and not scope["path"].endswith(".json"):
        return DOCS_CSP
    return STRICT_CSP.format(nonce=csp_nonce(scope))


_STRICT_HEAD, _STRICT_TAIL = (part.encode() for part in STRICT_CSP.split("{nonce}"))


def security_headers(
    scope: Scope, production: bool, present: frozenset[bytes] | set[bytes] = frozenset()
) -> list[tuple[bytes, bytes]]:
    """Return the security header fields of a response to ``scope`` (``present``: its own)."""
    if scope["path"].startswith(DOCS_PREFIX):
        csp = content_security_policy(scope).encode()
    else:  # the strict policy, assembled without str.format on the hot path
        csp = _STRICT_HEAD + csp_nonce(scope).encode() + _STRICT_TAIL
    fields = [(b"content-security-policy", csp), *_FIXED]
    if production:
        fields.append(_HSTS)
    if scope.get("user") is not None or b"set-cookie" in present:
        # An answer for one person (an account page, a new API token's secret, a sign-in)
        # must not stay in a shared or browser cache.
        fields.append(_NO_STORE)
    return fields
