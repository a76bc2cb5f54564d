"""Health, readiness, request ids and settings."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from pydantic import ValidationError

from careerpath.config import Settings
from careerpath.health import readyz
from careerpath.main import create_app
from tests.support import REDIS_URL, confirmation_token, forget_throttle_counts, unavailable

Client = TestClient[Litestar]


def test_healthz(client: Client) -> None:
    response = client.get("/healthz")
    assert response.json() == {"status": "ok"}


def test_readyz_checks_the_database(client: Client) -> None:
    assert client.get("/readyz").json() == {"status": "ok", "database": "ok"}


def test_every_response_has_a_request_id(client: Client) -> None:
    ok = client.get("/healthz").headers["x-request-id"]
    missing = client.get("/api/v1/careers/nope").headers["x-request-id"]
    assert len(ok) == 32
    assert ok != missing


def test_a_well_formed_caller_request_id_is_kept(client: Client) -> None:
    response = client.get("/healthz", headers={"X-Request-ID": "edge-1234abcd"})
    assert response.headers["x-request-id"] == "edge-1234abcd"
    hostile = client.get("/healthz", headers={"X-Request-ID": "bad id\r\nx"})
    assert hostile.headers["x-request-id"] != "bad id\r\nx"


def test_readyz_is_degraded_when_redis_is_down(settings: Settings) -> None:
    broken = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    with TestClient(app=create_app(broken)) as client:
        response = client.get("/readyz")
        page = client.get("/api/v1/careers")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "redis": "down"}
    assert page.status_code == 200


def test_readyz_checks_a_real_redis(settings: Settings) -> None:
    if not REDIS_URL:
        unavailable("Redis not configured: set CAREERPATH_TEST_REDIS_URL")
    with TestClient(app=create_app(settings.model_copy(update={"redis_url": REDIS_URL}))) as client:
        assert client.get("/readyz").json() == {"status": "ok", "database": "ok", "redis": "ok"}


def test_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = Settings(var_dir=tmp_path).resolved_secret_key()
    second = Settings(var_dir=tmp_path).resolved_secret_key()
    assert first == second
    assert len(first) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_production_requires_a_secret_key() -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY must be at least 32 random"):
        Settings(env="production", secret_key="")


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERPATH_PORT", "9000")
    monkeypatch.setenv("CAREERPATH_WORKERS", "3")
    settings = Settings()
    assert (settings.port, settings.workers) == (9000, 3)


def test_readyz_handler_is_async() -> None:
    assert asyncio.iscoroutinefunction(readyz.fn)


def test_an_unreachable_redis_degrades_reads_writes_and_sign_ins(settings: Settings) -> None:
    broken = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    # Without Redis the sign-up budget is counted in the database, which earlier tests' sign-ups
    # from the same test address share: start this app's budget afresh.
    forget_throttle_counts(broken.database_url)
    with TestClient(app=create_app(broken), base_url="https://testserver.local") as client:
        assert client.get("/api/v1/careers").status_code == 200
        assert client.get("/careers/back-end-engineer").status_code == 200
        email = f"no-redis-{id(client)}@example.org"
        account = {"email": email, "password": "correct horse battery staple"}
        assert client.post("/api/v1/auth/register", json=account).status_code == 202
        token = confirmation_token(broken.var_dir, email)
        confirmed = client.post("/api/v1/auth/confirm-email", json={"token": token})
        assert confirmed.status_code == 200
        client.cookies.clear()
        assert client.post("/api/v1/auth/login", json=account).status_code == 200
        assert client.get("/api/v1/me").json()["email"] == email
