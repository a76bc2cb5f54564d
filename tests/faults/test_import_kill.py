"""kill -9 during an HTTP import: the search index never holds rows the database does not.

A watcher kills the server the moment the index changes. Changed before the commit (the old
order), the index would hold thousands of documents of rows that were never committed.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import msgspec
from sqlalchemy import func, select

from careerpath.catalog.generator import generate
from careerpath.catalog.models import Resource, ResourceStatus
from careerpath.db import create_engine
from careerpath.search.store import index_root, open_index, read_marker
from tests.accounts.actors import grant_role
from tests.faults.server import new_token, serving

COURSES = 3000


def courses_file() -> bytes:
    """A JSON Lines file of generated courses (the generator follows the real files' shapes)."""
    return b"\n".join(msgspec.json.encode(course) for course in generate(COURSES, 0))


def indexed_documents(var_dir: Path) -> int:
    """Return how many documents the live index generation holds (0 without one)."""
    root = index_root(var_dir)
    marker = read_marker(root)
    if marker is None:
        return 0
    index = open_index(root / marker.generation)
    index.reload()
    return int(index.searcher().num_docs)


def committed_resources(database_url: str) -> int:
    """Return how many searchable resources the database holds."""

    async def count() -> int:
        engine = create_engine(database_url)
        async with engine.connect() as connection:
            query = select(func.count(Resource.id)).where(Resource.status != ResourceStatus.RETIRED)
            found = await connection.scalar(query)
        await engine.dispose()
        return int(found or 0)

    return asyncio.run(count())


def kill_when_the_index_changes(var_dir: Path, pid: int, done: threading.Event) -> list[bool]:
    """Start a watcher that SIGKILLs ``pid`` when the index marker changes; report if it did."""
    root = index_root(var_dir)
    before = read_marker(root)
    killed: list[bool] = []

    def watch() -> None:
        while not done.is_set():
            if read_marker(root) != before:
                os.killpg(pid, signal.SIGKILL)  # the server and its workers
                killed.append(True)
                return
            time.sleep(0.002)

    threading.Thread(target=watch, daemon=True).start()
    return killed


def follow_the_job(
    base_url: str, answer: httpx.Response, token: str, killed: list[bool], timeout: float = 300
) -> None:
    """Poll the import's job (it runs in the background after the 202) until it ends or dies."""
    assert answer.status_code == 202, answer.text
    location = answer.headers["location"]
    deadline = time.monotonic() + timeout
    while not killed and time.monotonic() < deadline:
        job = httpx.get(
            f"{base_url}{location}", headers={"authorization": f"Bearer {token}"}, timeout=10
        )
        if job.json()["state"] in {"succeeded", "failed"}:
            return
        time.sleep(0.05)


async def user_token(base_url: str, var_dir: Path) -> tuple[str, int]:
    """A new user's write token and id."""
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        token = await new_token(client, "curator", var_dir)
        me = await client.get("/api/v1/me", headers={"authorization": f"Bearer {token}"})
    return token, int(me.json()["id"])


def test_kill_during_an_import_leaves_no_uncommitted_documents(tmp_path: Path) -> None:
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'site.db'}"
    env = {**os.environ, "CAREERPATH_DATABASE_URL": database_url}
    subprocess.run(
        [sys.executable, "-m", "careerpath.cli", "init"], env=env, check=True, capture_output=True
    )
    content = courses_file()
    with serving(database_url, tmp_path, workers="1") as (base_url, pid):
        token, user_id = asyncio.run(user_token(base_url, tmp_path))
        grant_role(database_url, user_id, "curator")
        first_search = httpx.get(f"{base_url}/api/v1/search", params={"q": "python"}, timeout=60)
        assert first_search.status_code == 200  # it built the index
        before = indexed_documents(tmp_path)
        done = threading.Event()
        killed = kill_when_the_index_changes(tmp_path, pid, done)
        try:
            answer = httpx.post(
                f"{base_url}/api/v1/curation/imports/courses",
                params={"format": "jsonl"},
                content=content,
                headers={"authorization": f"Bearer {token}"},
                timeout=300,
            )
            follow_the_job(base_url, answer, token, killed)
        except httpx.TransportError:
            pass  # killed mid-request
        finally:
            done.set()
    assert killed == [True]  # the import reached the index, and the server died right then
    indexed, committed = indexed_documents(tmp_path), committed_resources(database_url)
    assert indexed > before
    assert indexed <= committed  # every indexed document is a committed row
