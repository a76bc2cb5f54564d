"""A read whose database connection dies mid-request is run once more; a write never is.

The failure is real: the app's own PostgreSQL backend is terminated (SQLSTATE 57P01, as a
server shutdown does) just before the route's query runs, through the connection it runs on.
The cluster is the test's own (``backing.py``), never a shared server.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import event

from careerpath import migrate
from careerpath.config import Settings
from tests.accounts.actors import PASSWORD, generous_settings, running_client
from tests.faults.backing import postgres_cluster


class ConnectionKiller:
    """Terminate the backend under the next query that reads ``table``."""

    def __init__(self, app: Litestar) -> None:
        self.engine = app.state.engine.sync_engine
        self.table = ""
        self.kills = 0
        event.listen(self.engine, "before_cursor_execute", self._before)

    def arm(self, table: str) -> None:
        """Kill the connection of the next query that reads ``table``."""
        self.table, self.kills = table, 0

    def _before(self, connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if self.table and f"FROM {self.table}" in statement:
            self.table = ""
            self.kills += 1
            connection.exec_driver_sql("SELECT pg_terminate_backend(pg_backend_pid())")


@pytest.fixture(scope="module")
def cluster_url() -> Iterator[str]:
    """A migrated PostgreSQL cluster of the module's own."""
    with postgres_cluster() as cluster:
        migrate.upgrade(cluster.url)
        yield cluster.url


@pytest.fixture
def killer_client(
    settings: Settings, backend: str, cluster_url: str
) -> Iterator[tuple[TestClient[Litestar], ConnectionKiller]]:
    """An app on the module's cluster without response caching, and its connection killer."""
    if backend != "sqlite":
        pytest.skip("runs once: its database is the module's own cluster, whatever the backend")
    own = generous_settings(settings, cache_seconds=0, database_url=cluster_url)
    with running_client(own) as client:
        yield client, ConnectionKiller(client.app)


def test_a_read_survives_its_connection_dying(
    killer_client: tuple[TestClient[Litestar], ConnectionKiller],
) -> None:
    client, killer = killer_client
    expected = client.get("/api/v1/careers")
    killer.arm("career")
    response = client.get("/api/v1/careers")
    assert killer.kills == 1
    assert response.status_code == 200, response.text
    assert response.json() == expected.json()


def test_a_write_is_not_run_twice(
    killer_client: tuple[TestClient[Litestar], ConnectionKiller],
) -> None:
    client, killer = killer_client
    killer.arm("user_account")
    body = {"email": "nobody@example.org", "password": PASSWORD}
    response = client.post("/api/v1/auth/login", json=body)
    assert killer.kills == 1
    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert client.get("/api/v1/careers").status_code == 200  # the pool recovered by itself
