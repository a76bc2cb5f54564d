"""Accounts as an attacker and an operator would try them: tokens, throttles, caches, secrets."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from pydantic import ValidationError

from careerpath.accounts.mail import Mail, send_mail
from careerpath.config import Settings
from tests.accounts.actors import PASSWORD, Actor, generous_settings, new_user, running_client

Client = TestClient[Litestar]
NEW_PASSWORD = "another long passphrase"


def token_of(actor: Actor, name: str = "t") -> str:
    """Create a write token for ``actor`` and return its secret."""
    created = actor.request("POST", "/api/v1/me/tokens", json={"name": name, "scope": "write"})
    assert created.status_code == 201
    return str(created.json()["token"])


def bearer(client: Client, token: str, path: str = "/api/v1/me") -> int:
    """Return the status of a read with ``token``."""
    client.cookies.clear()
    return client.get(path, headers={"authorization": f"Bearer {token}"}).status_code


@pytest.mark.parametrize("how", ["password change", "sign out everywhere"])
def test_api_tokens_are_revoked_with_the_sessions(api: Client, how: str) -> None:
    actor = new_user(api)
    token = token_of(actor)
    assert bearer(api, token) == 200
    if how == "password change":
        change = {"current_password": PASSWORD, "new_password": NEW_PASSWORD}
        assert actor.request("POST", "/api/v1/me/password", json=change).status_code < 300
    else:
        assert actor.request("POST", "/api/v1/me/logout-all").status_code == 204
    assert bearer(api, token) == 401


def test_last_used_at_is_written_at_most_once_a_minute(api: Client) -> None:
    actor = new_user(api)
    token = token_of(actor)
    assert bearer(api, token) == 200
    first = actor.request("GET", "/api/v1/me/tokens").json()[0]["last_used_at"]
    assert first is not None
    assert bearer(api, token) == 200
    assert actor.request("GET", "/api/v1/me/tokens").json()[0]["last_used_at"] == first


def login_from(client: Client, address: str, email: str, password: str) -> int:
    """Sign in through a trusted proxy that forwards ``address``."""
    client.cookies.clear()
    body = {"email": email, "password": password}
    headers = {"x-forwarded-for": address}
    return client.post("/api/v1/auth/login", json=body, headers=headers).status_code


def test_someone_elses_failures_do_not_lock_the_owner_out(settings: Settings) -> None:
    proxied = generous_settings(settings, trusted_proxies="testclient")
    with running_client(proxied) as api:
        owner = new_user(api)
        for _ in range(10):
            assert login_from(api, "203.0.113.9", owner.email, "wrong password!!") == 401
        assert login_from(api, "203.0.113.9", owner.email, PASSWORD) == 429
        assert login_from(api, "198.51.100.7", owner.email, PASSWORD) == 200


def test_forwarded_addresses_count_only_from_trusted_proxies(settings: Settings) -> None:
    with running_client(generous_settings(settings)) as api:
        owner = new_user(api)
        for number in range(10):
            address = f"203.0.113.{number}"  # ignored: the peer is not a trusted proxy
            assert login_from(api, address, owner.email, "wrong password!!") == 401
        assert login_from(api, "198.51.100.7", owner.email, PASSWORD) == 429


def test_personal_answers_are_not_stored(api: Client) -> None:
    actor = new_user(api)
    created = actor.request("POST", "/api/v1/me/tokens", json={"name": "n", "scope": "read"})
    assert created.headers["cache-control"] == "no-store"  # it shows the token's secret
    assert actor.request("GET", "/api/v1/me").headers["cache-control"] == "no-store"
    assert actor.request("GET", "/account").headers["cache-control"] == "no-store"
    login = {"email": actor.email, "password": PASSWORD}
    assert api.post("/api/v1/auth/login", json=login).headers["cache-control"] == "no-store"
    api.cookies.clear()
    assert "no-store" not in api.get("/api/v1/careers").headers.get("cache-control", "")


@pytest.mark.parametrize("key", ["x", "", "a" * 64, "short-but-random-Q2x9"])
def test_production_refuses_a_weak_secret_key(key: str) -> None:
    with pytest.raises(ValidationError):
        Settings(env="production", secret_key=key)


def test_production_accepts_a_random_secret_key() -> None:
    assert Settings(env="production", secret_key="k3Jq9ZpX2vT8mR4wL7nB1cY6hF0dG5sA-_eU").env


async def test_reset_links_never_reach_the_log_in_production(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    mail = Mail("owner@example.org", "Reset", "https://x.example/reset-password?token=SECRET123")
    production = settings.model_copy(update={"env": "production", "smtp_host": None})
    with caplog.at_level(logging.DEBUG):
        await send_mail(production, mail)
    assert "SECRET123" not in caplog.text
    assert "owner@example.org" in caplog.text  # it says the mail was not sent, and to whom


class Records(logging.Handler):
    """Keep the records of one logger (the app's logging set-up replaces the root's handlers)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def access_log() -> Iterator[Records]:
    """The access log's records during the test."""
    records, logger = Records(), logging.getLogger("careerpath.access")
    logger.addHandler(records)
    yield records
    logger.removeHandler(records)


def test_share_tokens_are_redacted_in_the_access_log(
    settings: Settings, access_log: Records
) -> None:
    logged = generous_settings(settings, access_log=True, log_level="INFO")
    with running_client(logged) as api:
        api.get("/s/abcdefghijklmnopqrstuvwxyz0123")
        api.get("/api/v1/shared/abcdefghijklmnopqrstuvwxyz0123/export.json")
    lines = [r.getMessage() for r in access_log.records]
    assert len(lines) == 2
    assert all("abcdefghijklmnopqrstuvwxyz0123" not in line for line in lines)
    assert "/api/v1/shared/[redacted]/export.json" in lines[1]


def test_middleware_refusals_carry_their_status_and_request_id(
    settings: Settings, access_log: Records
) -> None:
    logged = generous_settings(settings, log_level="INFO", rate_limit_ip="1/minute")
    with running_client(logged) as api:
        refused = api.get("/api/v1/careers", params={"q": "a\x00b"})
        api.cookies.clear()
        api.get("/api/v1/me", headers={"authorization": "Bearer nope"})
        limited = api.get("/api/v1/me", headers={"authorization": "Bearer nope"})
    assert refused.status_code == 422
    assert limited.status_code == 429
    assert refused.headers["x-request-id"]
    assert limited.headers["x-request-id"]
    statuses = [getattr(r, "status", None) for r in access_log.records]
    assert statuses[0] == 422
    assert statuses[-1] == 429
    assert 500 not in statuses


def test_a_failed_insert_logs_no_parameters(database_url: str) -> None:
    import asyncio

    from sqlalchemy import insert
    from sqlalchemy.exc import IntegrityError

    from careerpath.accounts.models import User
    from careerpath.db import create_engine

    secret_hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$c2VjcmV0LWhhc2gtbm90LWxvZ2dlZA"

    async def insert_twice() -> str:
        engine = create_engine(database_url)
        row: dict[str, Any] = {"email": "dup-param@example.org", "password_hash": secret_hash}
        try:
            async with engine.begin() as connection:
                await connection.execute(insert(User).values(**row, role="user"))
                await connection.execute(insert(User).values(**row, role="user"))
        except IntegrityError as exc:
            return str(exc)
        finally:
            await engine.dispose()
        return ""

    message = asyncio.run(insert_twice())
    assert message  # the duplicate was refused
    assert "dup-param@example.org" not in message
    assert secret_hash not in message
