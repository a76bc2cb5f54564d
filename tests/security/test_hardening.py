"""Security headers on every response, body and query limits as problems."""

from __future__ import annotations

import re

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from careerpath.config import Settings
from careerpath.httpapi.docs_ui import SCALAR_JS
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


def test_api_docs_load_only_our_own_assets(client: Client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "https:" not in csp
    assert "script-src 'self' 'nonce-" in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'<meta property="csp-nonce" content="{nonce}">' in response.text
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', response.text)
    assert scripts == [SCALAR_JS]
    assert client.get(SCALAR_JS).status_code == 200


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
