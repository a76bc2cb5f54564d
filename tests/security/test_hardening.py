"""Security headers on every response, body and query limits as problems."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from careerpath.config import Settings
from careerpath.main import create_app

Client = TestClient[Litestar]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/"),
        ("GET", "/api/v1/careers"),
        ("GET", "/api/v1/careers/no-such-career"),
        ("GET", "/no/such/route"),
        ("DELETE", "/api/v1/careers"),
        ("GET", "/careers/no-such-career"),
    ],
)
def test_every_response_has_the_security_headers(client: Client, method: str, path: str) -> None:
    response = client.request(method, path)
    csp = response.headers["content-security-policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert "'unsafe-inline'" not in csp
    assert "'nonce-" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "strict-transport-security" not in response.headers


def test_nonce_changes_per_request(client: Client) -> None:
    first = client.get("/").headers["content-security-policy"]
    assert first != client.get("/").headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/api/docs", "/api/docs/swagger"])
def test_api_docs_may_load_their_cdn_scripts(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "https://cdn.jsdelivr.net" in csp
    assert "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp


def test_openapi_document_gets_the_strict_policy(client: Client) -> None:
    csp = client.get("/api/docs/openapi.json").headers["content-security-policy"]
    assert "cdn.jsdelivr.net" not in csp


def test_hsts_only_in_production(settings: Settings) -> None:
    production = settings.model_copy(update={"env": "production"})
    with TestClient(app=create_app(production)) as client:
        response = client.get("/healthz")
    assert response.headers["strict-transport-security"].startswith("max-age=")


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "101"},
        {"page_size": "1000"},
        {"q": "x" * 1001},
        {"a": "1" * 900, "b": "2" * 900, "c": "3" * 900, "d": "4" * 900, "e": "5" * 900},
    ],
)
def test_query_limits_are_422_problems(client: Client, params: dict[str, str]) -> None:
    response = client.get("/api/v1/careers", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "content-security-policy" in response.headers
