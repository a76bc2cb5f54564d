"""PostgreSQL restarted under a bounded write load: 0 answers 500, 0 acknowledged writes lost.

The cluster is the test's own (``backing.py``), on a spare port: it is stopped for real (a fast
shutdown: every backend is terminated, SQLSTATE 57P01), stays down two seconds and starts again,
while twenty users write through a two-worker server the whole time.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from sqlalchemy import select

from careerpath import migrate
from careerpath.accounts.models import SavedList
from careerpath.db import create_engine
from tests.faults.backing import PostgresCluster, postgres_cluster
from tests.faults.server import Tally, new_token, serving

USERS = 20
OUTAGE_SECONDS = 2.0
WRITES_AFTER_RESTORE = 3  # per user: the pool must recover by itself


async def saved_list_ids(url: str) -> set[int]:
    """Return the ids of every list in the database."""
    engine = create_engine(url)
    async with engine.connect() as connection:
        ids = set((await connection.scalars(select(SavedList.id))).all())
    await engine.dispose()
    return ids


async def writer(
    client: httpx.AsyncClient, token: str, tally: Tally, restored: asyncio.Event, label: str
) -> None:
    """Create lists until ``WRITES_AFTER_RESTORE`` succeeded after the restore."""
    headers = {"authorization": f"Bearer {token}"}
    after = 0
    for number in range(100_000):
        was_restored = restored.is_set()
        response = await client.post(
            "/api/v1/lists", json={"name": f"{label} {number}"}, headers=headers
        )
        tally.record(response)
        if response.status_code == 201:
            tally.acknowledged.append(int(response.json()["id"]))
            after += was_restored
            if after >= WRITES_AFTER_RESTORE:
                return
        else:
            await asyncio.sleep(0.05)  # a 503 says wait; do not spin


async def restart_under_load(base_url: str, cluster: PostgresCluster, var_dir: Path) -> Tally:
    """Run the write load, restart the database in the middle, and tally the answers."""
    tally = Tally()
    restored = asyncio.Event()
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        tokens = [await new_token(client, f"writer-{n}", var_dir) for n in range(USERS)]
        load = [
            asyncio.create_task(writer(client, token, tally, restored, f"w{n}"))
            for n, token in enumerate(tokens)
        ]
        await asyncio.sleep(1)  # writes are under way
        await asyncio.to_thread(cluster.stop, "fast")
        await asyncio.sleep(OUTAGE_SECONDS)
        await asyncio.to_thread(cluster.start)
        restored.set()
        await asyncio.wait_for(asyncio.gather(*load), timeout=120)
    return tally


def test_postgres_restart_under_write_load(tmp_path: Path) -> None:
    with postgres_cluster() as cluster:
        migrate.upgrade(cluster.url)
        with serving(cluster.url, tmp_path) as (base_url, _pid):
            tally = asyncio.run(restart_under_load(base_url, cluster, tmp_path))
        log = (tmp_path / "server.log").read_text()
        assert tally.server_errors(allowed=frozenset({503})) == [], log[-3000:]
        assert 503 in tally.statuses  # the outage was seen, and answered as one
        assert tally.missing_retry_after == 0
        lost = set(tally.acknowledged) - asyncio.run(saved_list_ids(cluster.url))
        assert lost == set()
        assert "Traceback" not in log, log[-3000:]
