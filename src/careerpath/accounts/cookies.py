"""The session cookie, set and cleared the same way by the API and the pages."""

from __future__ import annotations

from litestar.datastructures import Cookie

from careerpath.accounts.auth import SESSION_COOKIE
from careerpath.accounts.sessions import ABSOLUTE_LIFETIME


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
