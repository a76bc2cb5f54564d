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
from tests.support import forget_throttle_counts

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
    """Register a user, sign them in and return the actor."""
    actor = Actor(client, email=unique_email(label))
    created = actor.request(
        "POST", "/api/v1/auth/register", json={"email": actor.email, "password": PASSWORD}
    )
    assert created.status_code == 202, created.text
    assert actor.sign_in().status_code == 200
    return actor


def grant_role(database_url: str, user_id: int, role: str) -> None:
    """Give a user a role directly in the database (as ``careerpath users set-role`` does)."""
    from sqlalchemy import update
    from sqlalchemy.ext.asyncio import AsyncSession

    from careerpath.accounts.models import Role, User
    from tests.conftest import run_async

    async def work(session: AsyncSession) -> None:
        await session.execute(update(User).where(User.id == user_id).values(role=Role(role)))

    run_async(work, database_url)
