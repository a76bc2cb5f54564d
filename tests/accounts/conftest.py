"""An accounts app per test module, with HTTPS so the ``__Host-`` cookie is honoured."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from careerpath.config import Settings
from tests.accounts.actors import generous_settings, running_client
from tests.accounts.fakes import FakeCatalogPort


@pytest.fixture(scope="module")
def api(settings: Settings) -> Iterator[TestClient[Litestar]]:
    """A client of a fresh app (fresh throttles) on the suite's database."""
    with running_client(generous_settings(settings), {"items_port": FakeCatalogPort()}) as client:
        yield client
