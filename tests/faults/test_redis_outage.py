"""Redis stopped under a bounded read load: 0 answers 5xx while it is down and after it is back.

The Redis is the test's own (``backing.py``), on a spare port, stopped for real and started
again on the same port. Redis only accelerates (caches, rate-limit counters); pages, API reads
and sign-ins go on without it, ``/readyz`` says "degraded", and the app reconnects by itself
when it returns: the new server holds the app's cache entries again.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import httpx
from redis import Redis

from tests.faults.backing import RedisServer, redis_server
from tests.faults.server import PASSWORD, Tally, new_token, serving

READERS = 10
OUTAGE_SECONDS = 3.0
READS_AFTER_RESTORE = 20  # per reader
PATHS = (
    "/careers/back-end-engineer",
    "/api/v1/careers",
    "/api/v1/careers/back-end-engineer",
    "/api/v1/search?q=python",
    "/api/v1/me",
)


async def reader(
    client: httpx.AsyncClient, token: str, tally: Tally, restored: asyncio.Event, number: int
) -> None:
    """Read pages and documents, anonymously and with a token, until enough came after."""
    after = 0
    for step in range(100_000):
        path = PATHS[(number + step) % len(PATHS)]
        headers = {"authorization": f"Bearer {token}"} if step % 2 or path == "/api/v1/me" else {}
        tally.record(await client.get(path, headers=headers))
        after += restored.is_set()
        if after >= READS_AFTER_RESTORE:
            return
        await asyncio.sleep(0.01)


async def outage_under_load(
    base_url: str, redis: RedisServer, var_dir: Path
) -> tuple[Tally, list[str], int, int]:
    """Stop Redis in the middle of the read load; return the tally, readiness and sign-ins."""
    tally = Tally()
    restored = asyncio.Event()
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        token = await new_token(client, "reader", var_dir)
        load = [
            asyncio.create_task(reader(client, token, tally, restored, n)) for n in range(READERS)
        ]
        await asyncio.sleep(1)
        await asyncio.to_thread(redis.stop)
        await asyncio.sleep(OUTAGE_SECONDS / 2)
        account = {"email": "reader@example.org", "password": PASSWORD}
        during = (await client.post("/api/v1/auth/login", json=account)).status_code
        readiness = [(await client.get("/readyz")).json()["status"]]
        await asyncio.sleep(OUTAGE_SECONDS / 2)
        await asyncio.to_thread(redis.start)
        restored.set()
        await asyncio.wait_for(asyncio.gather(*load), timeout=120)
        readiness.append((await client.get("/readyz")).json()["status"])
        client.cookies.clear()
        after = (await client.post("/api/v1/auth/login", json=account)).status_code
    return tally, readiness, during, after


def test_redis_outage_under_read_load(tmp_path: Path) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'site.db'}"
    env = {
        **os.environ,
        "CAREERPATH_DATABASE_URL": database_url,
        "CAREERPATH_VAR_DIR": str(tmp_path),
    }
    env.pop("CAREERPATH_REDIS_URL", None)
    for command in ("init", "demo"):
        subprocess.run(
            [sys.executable, "-m", "careerpath.cli", command],
            env=env,
            check=True,
            capture_output=True,
        )
    with redis_server() as redis:
        with serving(database_url, tmp_path, redis_url=redis.url) as (base_url, _pid):
            tally, readiness, during, after = asyncio.run(
                outage_under_load(base_url, redis, tmp_path)
            )
        with Redis.from_url(redis.url) as client:
            entries = client.dbsize()  # written since the restart: the app came back by itself
    log = (tmp_path / "server.log").read_text()
    assert tally.server_errors() == [], log[-3000:]
    assert set(tally.statuses) == {200}
    assert (during, after) == (200, 200)
    assert readiness == ["degraded", "ok"]
    assert entries > 0
    assert "Traceback" not in log, log[-3000:]
