"""Throttling, password reset by mail, session expiry on a frozen clock, roles, Redis."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from litestar import Litestar
from litestar.testing import TestClient
from redis import Redis

from careerpath.config import Settings
from tests.accounts.actors import (
    PASSWORD,
    Actor,
    generous_settings,
    grant_role,
    new_user,
    running_client,
    unique_email,
)
from tests.mailbox import Inbox, local_smtp
from tests.support import REDIS_URL, unavailable

Client = TestClient[Litestar]


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    """A local SMTP server."""
    with local_smtp() as served:
        yield served


def test_eleventh_failed_login_is_429(settings: Settings) -> None:
    with running_client(generous_settings(settings)) as api:
        actor = new_user(api)
        for _ in range(10):
            assert actor.sign_in("wrong password!!").status_code == 401
        blocked = actor.sign_in("wrong password!!")
        assert blocked.status_code == 429
        assert int(blocked.headers["retry-after"]) > 0
        assert blocked.json()["status"] == 429
        # The right password is refused too while the account is locked.
        assert actor.sign_in().status_code == 429


def test_failed_logins_per_ip_across_accounts_are_throttled(settings: Settings) -> None:
    with running_client(generous_settings(settings)) as api:
        for _ in range(10):
            response = api.post(
                "/api/v1/auth/login", json={"email": unique_email(), "password": "x"}
            )
            assert response.status_code == 401
        response = api.post("/api/v1/auth/login", json={"email": unique_email(), "password": "x"})
        assert response.status_code == 429


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/auth/register", {"email": "", "password": PASSWORD}),
        ("/api/v1/auth/password-reset", {"email": "someone@example.org"}),
    ],
)
def test_registration_and_reset_are_throttled(
    settings: Settings, path: str, body: dict[str, str]
) -> None:
    limited = generous_settings(
        settings, rate_limit_registration="10/5 minutes", rate_limit_reset="10/5 minutes"
    )
    with running_client(limited) as api:
        statuses = []
        for _ in range(11):
            payload = {**body, "email": body["email"] or unique_email()}
            statuses.append(api.post(path, json=payload).status_code)
        assert 429 not in statuses[:10]
        assert statuses[10] == 429


def test_general_per_ip_limit(settings: Settings) -> None:
    with running_client(generous_settings(settings, rate_limit_ip="5/minute")) as api:
        statuses = [api.get("/api/v1/careers").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_password_reset_by_mailed_link(settings: Settings, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    with running_client(generous_settings(settings, smtp_host="127.0.0.1", smtp_port=port)) as api:
        actor = new_user(api)
        body = {"name": "before reset", "scope": "write"}
        token = actor.request("POST", "/api/v1/me/tokens", json=body).json()["token"]
        known = api.post("/api/v1/auth/password-reset", json={"email": actor.email.upper()})
        unknown = api.post("/api/v1/auth/password-reset", json={"email": unique_email()})
        assert known.status_code == unknown.status_code == 202
        assert known.json() == unknown.json()
        (mail,) = [m for m in inbox.messages if "Reset" in str(m["Subject"])]
        assert mail["To"] == actor.email
        token = re.search(
            r"reset-password\?token=([A-Za-z0-9_-]+)", mail.get_payload(decode=True).decode()
        )
        assert token
        confirm = {"token": token.group(1), "new_password": "another long passphrase"}
        assert api.post("/api/v1/auth/password-reset/confirm", json=confirm).status_code == 204
        assert actor.request("GET", "/api/v1/me").status_code == 401
        assert api.post("/api/v1/auth/password-reset/confirm", json=confirm).status_code == 404
        assert actor.sign_in(PASSWORD).status_code == 401
        assert actor.sign_in("another long passphrase").status_code == 200
        bearer = {"authorization": f"Bearer {token}"}
        assert api.get("/api/v1/me", headers=bearer).status_code == 401  # the reset revoked it


def test_idle_and_absolute_expiry_on_a_frozen_clock(api: Client) -> None:
    start = datetime.now(UTC)
    with time_machine.travel(start, tick=False) as clock:
        idle = new_user(api)
        clock.move_to(start + timedelta(minutes=29))
        assert idle.request("GET", "/api/v1/me").status_code == 200
        clock.move_to(start + timedelta(minutes=29 + 31))
        assert idle.request("GET", "/api/v1/me").status_code == 401

    with time_machine.travel(start, tick=False) as clock:
        busy = new_user(api)
        for step in range(1, 36):
            clock.move_to(start + timedelta(minutes=20 * step))
            assert busy.request("GET", "/api/v1/me").status_code == 200
        clock.move_to(start + timedelta(hours=12, minutes=1))
        assert busy.request("GET", "/api/v1/me").status_code == 401


def test_expired_api_token_is_refused(api: Client) -> None:
    start = datetime.now(UTC)
    actor = new_user(api)
    secret = actor.request(
        "POST", "/api/v1/me/tokens", json={"name": "t", "expires_in_days": 1}
    ).json()["token"]
    with time_machine.travel(start + timedelta(days=1, minutes=1), tick=False):
        assert Actor(api, token=secret).request("GET", "/api/v1/me").status_code == 401


def test_disable_ends_sessions_and_tokens(api: Client, database_url: str) -> None:
    admin, victim = new_user(api, "admin"), new_user(api, "victim")
    grant_role(database_url, admin.user_id, "admin")
    secret = victim.request("POST", "/api/v1/me/tokens", json={"name": "t"}).json()["token"]
    response = admin.request(
        "PATCH", f"/api/v1/admin/users/{victim.user_id}", json={"is_active": False}
    )
    assert response.status_code == 200
    assert victim.request("GET", "/api/v1/me").status_code == 401
    assert Actor(api, token=secret).request("GET", "/api/v1/me").status_code == 401
    assert victim.sign_in().status_code == 401


def test_roles_are_checked(api: Client, database_url: str) -> None:
    user, curator, admin = new_user(api), new_user(api, "curator"), new_user(api, "admin")
    grant_role(database_url, curator.user_id, "curator")
    grant_role(database_url, admin.user_id, "admin")
    edit = {"summary": "Builds the server side of applications."}
    url = "/api/v1/curation/careers/back-end-engineer"
    assert api.patch(url, json=edit).status_code == 401
    assert user.request("PATCH", url, json=edit).status_code == 403
    assert curator.request("GET", "/api/v1/admin/users").status_code == 403
    edited = curator.request(
        "PATCH", url, json={**edit, "sections": [{"kind": "overview", "body": "New overview."}]}
    )
    assert edited.status_code == 200
    assert api.get("/api/v1/careers/back-end-engineer").json()["summary"] == edit["summary"]
    users = admin.request("GET", "/api/v1/admin/users", params={"limit": 100})
    assert users.status_code == 200
    promoted = admin.request(
        "PATCH", f"/api/v1/admin/users/{user.user_id}", json={"role": "curator", "id": 1}
    )
    assert promoted.json()["role"] == "curator" and promoted.json()["id"] == user.user_id


def test_user_cannot_promote_themselves(api: Client) -> None:
    user = new_user(api)
    assert (
        user.request(
            "PATCH", f"/api/v1/admin/users/{user.user_id}", json={"role": "admin"}
        ).status_code
        == 403
    )
    assert user.request("GET", "/api/v1/me").json()["role"] == "user"


def test_sessions_and_throttles_with_redis(settings: Settings) -> None:
    if not REDIS_URL:
        unavailable("Redis not configured: set CAREERPATH_TEST_REDIS_URL")
    with Redis.from_url(REDIS_URL) as redis:
        redis.flushdb()  # the counters of an earlier run must not carry over
    with running_client(generous_settings(settings, redis_url=REDIS_URL)) as api:
        actor = new_user(api)
        other = Actor(api, email=actor.email)
        other.sign_in()
        sessions = actor.request("GET", "/api/v1/me/sessions").json()
        assert len(sessions) == 2
        assert actor.request("POST", "/api/v1/auth/logout").status_code == 204
        assert actor.request("GET", "/api/v1/me").status_code == 401
        assert other.request("GET", "/api/v1/me").status_code == 200
        assert other.request("POST", "/api/v1/me/logout-all").status_code == 204
        assert other.request("GET", "/api/v1/me").status_code == 401
        for _ in range(10):
            assert actor.sign_in("wrong password!!").status_code == 401
        assert actor.sign_in("wrong password!!").status_code == 429
    with Redis.from_url(REDIS_URL) as redis:
        redis.flushdb()  # nor may this test's lockout of the test client's address reach others
