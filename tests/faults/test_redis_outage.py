"""Redis stopped under a bounded read load: 0 answers 5xx while it is down and after it is back.

Redis only accelerates (caches, rate-limit counters); pages, API reads and sign-ins go on
without it, and the app reconnects by itself when it returns: the proxy sees new connections.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import httpx
from redis import Redis
from sqlalchemy import make_url

from tests.faults.proxy import TcpProxy, proxied
from tests.faults.server import PASSWORD, Tally, new_token, serving
from tests.support import REDIS_URL, unavailable

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


async def outage_under_load(base_url: str, proxy: TcpProxy) -> tuple[Tally, int, int]:
    """Stop Redis in the middle of the read load; return the tally and sign-in statuses."""
    tally = Tally()
    restored = asyncio.Event()
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        token = await new_token(client, "reader")
        load = [
            asyncio.create_task(reader(client, token, tally, restored, n)) for n in range(READERS)
        ]
        await asyncio.sleep(1)
        proxy.cut()
        await asyncio.sleep(OUTAGE_SECONDS / 2)
        account = {"email": "reader@example.org", "password": PASSWORD}
        during = (await client.post("/api/v1/auth/login", json=account)).status_code
        await asyncio.sleep(OUTAGE_SECONDS / 2)
        accepted_before = proxy.accepted
        proxy.restore()
        restored.set()
        await asyncio.wait_for(asyncio.gather(*load), timeout=120)
        client.cookies.clear()
        after = (await client.post("/api/v1/auth/login", json=account)).status_code
        assert proxy.accepted > accepted_before  # the app went back to Redis by itself
    return tally, during, after


def test_redis_outage_under_read_load(tmp_path: Path) -> None:
    if not REDIS_URL:
        unavailable("Redis not configured: set CAREERPATH_TEST_REDIS_URL")
    with Redis.from_url(REDIS_URL) as redis:
        redis.flushdb()
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
    target = make_url(REDIS_URL.replace("redis://", "redis+x://", 1))
    with proxied(target.host or "127.0.0.1", target.port or 6379) as proxy:
        redis_url = f"redis://127.0.0.1:{proxy.port}/{target.database or 0}"
        with serving(database_url, tmp_path, redis_url=redis_url) as (base_url, _pid):
            tally, during, after = asyncio.run(outage_under_load(base_url, proxy))
    log = (tmp_path / "server.log").read_text()
    assert tally.server_errors() == [], log[-3000:]
    assert set(tally.statuses) == {200}
    assert (during, after) == (200, 200)
    assert "Traceback" not in log, log[-3000:]
    with Redis.from_url(REDIS_URL) as redis:
        redis.flushdb()
