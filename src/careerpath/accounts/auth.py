"""Authentication: find the caller (session cookie or Bearer token) for the guard.

It also applies the general per-IP and per-token request limits, since it is the first place
that knows which of the two applies.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta
from typing import Any

from litestar import Litestar
from litestar.connection import ASGIConnection
from litestar.types import Scope
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts.models import ApiToken, TokenScope, User
from careerpath.accounts.sessions import SessionStore, as_utc, session_key, touched
from careerpath.db import utcnow
from careerpath.httpapi.rate_limit import spend
from careerpath.security.access import Principal
from careerpath.security.forwarded import trusted_proxies

SESSION_COOKIE = "__Host-careerpath"
TOKEN_TOUCH_EVERY = timedelta(minutes=1)
PAT_PREFIX = "cp_"


def csrf_token_for(secret_key: str, key: str) -> str:
    """Return the CSRF token bound to one session (HMAC of its store key)."""
    return hmac.new(secret_key.encode(), f"csrf:{key}".encode(), hashlib.sha256).hexdigest()


def client_ip(scope: Scope) -> str:
    """Return the client's address: the peer's, or the one a trusted proxy forwarded."""
    client = scope.get("client")
    peer = str(client[0]) if client else "unknown"
    app = scope.get("litestar_app")
    spec = app.state.settings.trusted_proxies if app is not None else ""
    if not spec:
        return peer
    forwarded = b",".join(v for k, v in scope.get("headers", ()) if k == b"x-forwarded-for")
    return trusted_proxies(spec).client(peer, forwarded.decode("latin-1"))


async def principal_from_cookie(
    db: AsyncSession, store: SessionStore, secret: str, secret_key: str
) -> Principal | None:
    """Return the caller of a live session, refreshing its idle timer now and then."""
    key = session_key(secret)
    data = await store.get(db, key)
    now = utcnow()
    if data is None or not data.is_live(now):
        return None
    user = await db.get(User, data.user_id)
    if user is None or not user.is_active:
        return None
    fresher = touched(data, now)
    if fresher is not None:
        await store.save(db, fresher)
    return Principal(
        user.id,
        user.role.value,
        "session",
        write=True,
        session_key=key,
        csrf_token=csrf_token_for(secret_key, key),
    )


async def principal_from_token(db: AsyncSession, token: str) -> Principal | None:
    """Return the owner of a live, unrevoked API token."""
    digest = hashlib.sha256(token.encode()).hexdigest()
    row = (
        await db.execute(
            select(ApiToken, User)
            .join(User, User.id == ApiToken.user_id)
            .where(ApiToken.token_hash == digest, ApiToken.revoked_at.is_(None))
        )
    ).first()
    now = utcnow()
    if row is None or not row.User.is_active or as_utc(row.ApiToken.expires_at) <= now:
        return None
    used = row.ApiToken.last_used_at
    if used is None or now - as_utc(used) >= TOKEN_TOUCH_EVERY:
        # At most one write a minute per token: a write per read would take SQLite's one write
        # lock for every API call, reads included.
        row.ApiToken.last_used_at = now
    return Principal(
        row.User.id,
        row.User.role.value,
        "token",
        write=row.ApiToken.scope is TokenScope.WRITE,
        token_id=row.ApiToken.id,
    )


async def resolve_principal(scope: Scope, app: Litestar) -> Principal | None:
    """Return the caller a request authenticates as, if any."""
    connection = ASGIConnection[Any, Any, Any, Any](scope)
    authorization = connection.headers.get("authorization", "")
    cookie = connection.cookies.get(SESSION_COOKIE)
    if not authorization and not cookie:
        return None
    state = app.state
    async with state.session_factory() as db, db.begin():
        if authorization.lower().startswith("bearer "):
            return await principal_from_token(db, authorization[7:].strip())
        if cookie:
            secret_key = state.settings.resolved_secret_key()
            return await principal_from_cookie(db, state.session_store, cookie, secret_key)
    return None


# Static files, and the probes that must answer even when Redis (sessions, limits) is down.
UNAUTHENTICATED_PREFIXES = ("/static/", "/healthz", "/readyz")


async def authenticate(scope: Scope, app: Litestar) -> None:
    """Put the caller (or None) in ``scope["user"]`` and apply the general request limits."""
    principal = await resolve_principal(scope, app)
    scope["user"] = principal
    budgets = app.state.throttle.budgets
    if principal is not None and principal.token_id is not None:
        spend(scope, budgets.hit("client", f"token:{principal.token_id}"))
    else:
        spend(scope, budgets.hit("ip", client_ip(scope)))
