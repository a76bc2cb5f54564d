"""Test helpers: an app per module with generous limits, and actors that carry their own session."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from litestar import Litestar
from litestar.testing import TestClient

from careerpath.accounts.auth import SESSION_COOKIE
from careerpath.config import Settings
from careerpath.main import create_app
from tests.support import confirmation_token, forget_throttle_counts

PASSWORD = "correct horse battery staple"
_counter = itertools.count()


def generous_settings(settings: Settings, **overrides: Any) -> Settings:
    """Return the suite's settings with limits high enough for many tests from one address."""
    values: dict[str, Any] = {
        "rate_limit_ip": "100000/minute",
        "rate_limit_per_api_client": "100000/minute",
        "rate_limit_registration": "100000/minute",
        "rate_limit_reset": "100000/minute",
        "rate_limit_login": "10/5 minutes",
    }
    values.update(overrides)
    return settings.model_copy(update=values)


@contextmanager
def running_client(
    settings: Settings, app_state: dict[str, Any] | None = None
) -> Iterator[TestClient[Litestar]]:
    """Start an app for ``settings`` and yield an HTTPS test client.

    The throttle counts start empty and are dropped after: the database keeps them for every
    app, and one test's spent limits must not refuse the next test's sign-ins.
    """
    forget_throttle_counts(settings.database_url)
    app = create_app(settings)
    for key, value in (app_state or {}).items():
        setattr(app.state, key, value)
    try:
        with TestClient(app=app, base_url="https://testserver.local") as client:
            yield client
    finally:
        forget_throttle_counts(settings.database_url)


def unique_email(label: str = "user") -> str:
    """Return an email no other test uses."""
    return f"{label}-{next(_counter)}-{id(_counter)}@example.org"


@dataclass
class Actor:
    """A caller with its own session cookie (or token) over the shared client."""

    client: TestClient[Litestar]
    email: str = ""
    secret: str | None = None
    csrf: str | None = None
    token: str | None = None
    user_id: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    def headers(self) -> dict[str, str]:
        """Return the headers that authenticate this actor."""
        headers = dict(self.extra)
        if self.token:
            headers["authorization"] = f"Bearer {self.token}"
        elif self.secret:
            headers["cookie"] = f"{SESSION_COOKIE}={self.secret}"
            if self.csrf:
                headers["x-csrf-token"] = self.csrf
        return headers

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """Send a request as this actor (the client's own cookie jar is not used)."""
        self.client.cookies.clear()
        headers = {**self.headers(), **kwargs.pop("headers", {})}
        response = self.client.request(method, url, headers=headers, **kwargs)
        self.client.cookies.clear()
        return response

    def sign_in(self, password: str = PASSWORD) -> httpx.Response:
        """Sign in and keep the new session cookie and CSRF token."""
        response = self.request(
            "POST", "/api/v1/auth/login", json={"email": self.email, "password": password}
        )
        if response.status_code == 200:
            self.secret = response.cookies[SESSION_COOKIE]
            self.csrf = response.json()["csrf_token"]
            self.user_id = response.json()["user"]["id"]
        return response


def new_user(client: TestClient[Litestar], label: str = "user") -> Actor:
    """Register a user, follow the mailed link (which signs them in) and return the actor."""
    actor = Actor(client, email=unique_email(label))
    created = actor.request(
        "POST", "/api/v1/auth/register", json={"email": actor.email, "password": PASSWORD}
    )
    assert created.status_code == 202, created.text
    confirmed = confirm_email(actor)
    actor.secret = confirmed.cookies[SESSION_COOKIE]
    actor.csrf = confirmed.json()["csrf_token"]
    actor.user_id = confirmed.json()["user"]["id"]
    return actor


def confirm_email(actor: Actor) -> httpx.Response:
    """Follow the sign-up link mailed to the actor (read from the app's dev outbox).

    With SMTP configured (tests that read an inbox of their own), the link is made here instead.
    """
    settings = actor.client.app.state.settings
    if settings.smtp_host:
        token = pending_sign_up(settings.database_url, actor.email)
    else:
        token = confirmation_token(settings.var_dir, actor.email)
    confirmed = actor.request("POST", "/api/v1/auth/confirm-email", json={"token": token})
    assert confirmed.status_code == 200, confirmed.text
    return confirmed


def grant_role(database_url: str, user_id: int, role: str) -> None:
    """Give a user a role directly in the database (as ``careerpath users set-role`` does)."""
    from sqlalchemy import update
    from sqlalchemy.ext.asyncio import AsyncSession

    from careerpath.accounts.models import Role, User
    from tests.conftest import run_async

    async def work(session: AsyncSession) -> None:
        await session.execute(update(User).where(User.id == user_id).values(role=Role(role)))

    run_async(work, database_url)


def pending_sign_up(database_url: str, email: str, password: str = PASSWORD) -> str:
    """Record a sign-up directly in the database; return its link's token."""
    import secrets

    from sqlalchemy.ext.asyncio import AsyncSession

    from careerpath.accounts import registration, service
    from careerpath.accounts.models import SignUp
    from careerpath.accounts.passwords import hash_password
    from careerpath.db import utcnow
    from tests.conftest import run_async

    token = secrets.token_urlsafe(32)

    async def work(session: AsyncSession) -> None:
        session.add(
            SignUp(
                email=email,
                password_hash=await hash_password(password),
                token_hash=service.digest(token),
                expires_at=utcnow() + registration.SIGN_UP_LIFETIME,
            )
        )

    run_async(work, database_url)
    return token
