"""An app per module with generous limits, and its OpenAPI document."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from careerpath.config import Settings
from tests.accounts.actors import generous_settings, running_client


@pytest.fixture(scope="module")
def api(settings: Settings) -> Iterator[TestClient[Litestar]]:
    """A running app whose general limits no test here reaches."""
    with running_client(generous_settings(settings)) as client:
        yield client


@pytest.fixture(scope="module")
def document(api: TestClient[Litestar]) -> dict[str, Any]:
    """The OpenAPI document as the app serves it."""
    response = api.get("/api/docs/openapi.json")
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def each_operation(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Yield (METHOD, path, operation) for every operation of the document."""
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in {"get", "put", "post", "patch", "delete"}:
                yield method.upper(), path, operation
