"""The session cookie, set and cleared the same way by the API and the pages."""

from __future__ import annotations

import hmac
import re
import secrets
from typing import Any

from litestar import Request
from litestar.datastructures import Cookie
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts import service
from careerpath.accounts.auth import SESSION_COOKIE
from careerpath.accounts.models import User
from careerpath.accounts.sessions import ABSOLUTE_LIFETIME, SessionStore
from careerpath.config import Settings


async def sign_in_from(
    request: Request[Any, Any, Any],
    db: AsyncSession,
    store: SessionStore,
    settings: Settings,
    user: User,
) -> service.SignedIn:
    """Open a session for ``user`` from this request (ending the one its cookie names)."""
    return await service.sign_in(
        db,
        store,
        settings.resolved_secret_key(),
        user,
        old_secret=request.cookies.get(SESSION_COOKIE),
        user_agent=request.headers.get("user-agent", ""),
    )


def session_cookie(secret: str) -> Cookie:
    """Return the ``__Host-`` session cookie: Secure, HttpOnly, SameSite=Lax, path /."""
    return Cookie(
        key=SESSION_COOKIE,
        value=secret,
        path="/",
        secure=True,
        httponly=True,
        samesite="lax",
        max_age=int(ABSOLUTE_LIFETIME.total_seconds()),
    )


# Sign-in and sign-up forms are posted before there is a session, so the session's CSRF token
# cannot protect them (login CSRF: signing a victim in to the attacker's account). They carry a
# random token that must equal this cookie's (double submit; the cookie is SameSite=Strict).
FORM_COOKIE = "__Host-careerpath-form"
FORM_FIELD = "form_token"
_FORM_TOKEN = re.compile(r"^[0-9a-f]{64}$")


def form_token(request: Request[Any, Any, Any]) -> str:
    """Return the browser's form token, or a new one."""
    existing = request.cookies.get(FORM_COOKIE, "")
    return existing if _FORM_TOKEN.match(existing) else secrets.token_hex(32)


def form_cookie(token: str) -> Cookie:
    """Return the cookie that carries the form token for two hours."""
    return Cookie(
        key=FORM_COOKIE,
        value=token,
        path="/",
        secure=True,
        httponly=True,
        samesite="strict",
        max_age=7200,
    )


def form_token_matches(request: Request[Any, Any, Any], sent: str) -> bool:
    """Say whether a posted form token is the one the browser's cookie holds."""
    cookie = request.cookies.get(FORM_COOKIE, "")
    return bool(_FORM_TOKEN.match(cookie)) and hmac.compare_digest(cookie, sent)


def expired_cookie() -> Cookie:
    """Return a cookie that deletes the session cookie."""
    return Cookie(key=SESSION_COOKIE, value="", path="/", secure=True, httponly=True, max_age=0)
