"""HEAD answers on every GET route: the GET's status and headers, without the body."""

from __future__ import annotations

from litestar import Litestar
from litestar.routes import HTTPRoute
from litestar.testing import TestClient

SAMPLES = {
    "{slug:str}": "back-end-engineer",
    "{resource_id:int}": "1",
    "{token:str}": "unknown",
    "{list_id:int}": "1",
    "{path:path}": "site.css",
}


def concrete(path: str) -> str:
    for placeholder, value in SAMPLES.items():
        path = path.replace(placeholder, value)
    return path


def get_paths(app: Litestar) -> list[str]:
    paths = [
        concrete(route.path)
        for route in app.routes
        if isinstance(route, HTTPRoute) and "GET" in route.methods
    ]
    return sorted(p for p in paths if "{" not in p)


def test_every_get_route_answers_head(app: Litestar, client: TestClient[Litestar]) -> None:
    paths = get_paths(app)
    assert len(paths) > 30
    for path in paths:
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code, path
        assert head.content == b"", path
        if "content-length" in got.headers and "content-encoding" not in got.headers:
            assert head.headers["content-length"] == got.headers["content-length"], path


def test_head_carries_the_get_etag_and_revalidates(client: TestClient[Litestar]) -> None:
    for path in ("/careers/back-end-engineer", "/api/v1/careers/back-end-engineer", "/healthz"):
        tag = client.get(path).headers["etag"]
        head = client.head(path)
        assert head.headers["etag"] == tag, path
        assert client.head(path, headers={"If-None-Match": tag}).status_code == 304, path
