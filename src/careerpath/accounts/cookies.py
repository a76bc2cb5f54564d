"""The session cookie, set and cleared the same way by the API and the pages."""

from __future__ import annotations

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


def expired_cookie() -> Cookie:
    """Return a cookie that deletes the session cookie."""
    return Cookie(key=SESSION_COOKIE, value="", path="/", secure=True, httponly=True, max_age=0)
