"""Two web processes, separate var/ folders, one PostgreSQL and one Redis: an import through
node A shows in node B's search results (node B refreshes its index on a Redis announcement).
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest
from redis import Redis

from careerpath import migrate
from careerpath.demo.loader import load_demo
from tests.accounts.actors import PASSWORD
from tests.conftest import run_async
from tests.jobs.support import finished_job
from tests.support import (
    PROJECT_ROOT,
    REDIS_URL,
    confirmation_token,
    require_shared_data,
    scratch_postgres_url,
    unavailable,
)

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.slow]
CLI = PROJECT_ROOT / ".venv" / "bin" / "careerpath"
# A bound on waiting for a busy machine, not the 5 s the issue asks for (the log line reports it).
WAIT_SECONDS = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def node_env(
    database_url: str, redis_url: str, var_dir: Path, port: int, worker: str
) -> dict[str, str]:
    return {
        **os.environ,
        "CAREERPATH_DATABASE_URL": database_url,
        "CAREERPATH_REDIS_URL": redis_url,
        "CAREERPATH_VAR_DIR": str(var_dir),
        "CAREERPATH_PORT": str(port),
        "CAREERPATH_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "CAREERPATH_SECRET_KEY": "two-node-test-secret",
        "CAREERPATH_JOB_WORKER": worker,
        "CAREERPATH_SCHEDULED_JOBS": "false",
        "CAREERPATH_LOG_LEVEL": "WARNING",
        "CAREERPATH_ACCESS_LOG": "false",
        "CAREERPATH_CACHE_SECONDS": "0",
        "CAREERPATH_RATE_LIMIT_IP": "100000/minute",
        "CAREERPATH_RATE_LIMIT_REGISTRATION": "100000/minute",
        "CAREERPATH_RATE_LIMIT_LOGIN": "100000/minute",
    }


@contextmanager
def node(env: dict[str, str]) -> Iterator[httpx.Client]:
    """Serve careerpath in its own process; yield a client once it answers."""
    process = subprocess.Popen([str(CLI), "serve", "--workers", "1"], env=env)
    base = env["CAREERPATH_PUBLIC_URL"]
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            deadline = time.monotonic() + WAIT_SECONDS
            while time.monotonic() < deadline:
                try:
                    if client.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            yield client
    finally:
        process.terminate()
        process.wait(timeout=30)


class Curator:
    """A signed-in curator of node A (cookie and CSRF token sent by hand)."""

    def __init__(self, client: httpx.Client, email: str, env: dict[str, str]) -> None:
        client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
        token = confirmation_token(Path(env["CAREERPATH_VAR_DIR"]), email)
        client.post("/api/v1/auth/confirm-email", json={"token": token}).raise_for_status()
        client.cookies.clear()
        subprocess.run([str(CLI), "users", "set-role", email, "curator"], env=env, check=True)
        login = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
        login.raise_for_status()
        self.client = client
        self.headers = {
            "cookie": "; ".join(f"{k}={v}" for k, v in login.cookies.items()),
            "x-csrf-token": login.json()["csrf_token"],
            "origin": env["CAREERPATH_PUBLIC_URL"],
        }
        client.cookies.clear()

    def request(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        """Send a request as the curator."""
        headers = {**self.headers, **kwargs.pop("headers", {})}  # type: ignore[dict-item]
        return self.client.request(method, url, headers=headers, **kwargs)  # type: ignore[arg-type]


def titles_found(client: httpx.Client, text: str) -> list[str]:
    items = client.get("/api/v1/search", params={"q": text}).json().get("items", [])
    return [item["title"] for item in items]


def test_an_import_through_node_a_shows_in_node_b_search(tmp_path: Path) -> None:
    if not REDIS_URL:
        unavailable("Redis not configured: set CAREERPATH_TEST_REDIS_URL")
    books = require_shared_data("catalog-free-programming-books", "free_programming_books_en.csv")
    database_url = scratch_postgres_url("nodes")
    migrate.upgrade(database_url)
    run_async(load_demo, database_url)
    Redis.from_url(REDIS_URL).flushdb()
    lines = books.read_text(encoding="utf-8").splitlines(keepends=True)
    content = "".join(lines[:41]).encode()
    title = lines[40].split(",")[5]  # the last book of the upload: the title column
    env_a = node_env(database_url, REDIS_URL, tmp_path / "a", free_port(), "inline")
    env_b = node_env(database_url, REDIS_URL, tmp_path / "b", free_port(), "external")
    with ExitStack() as stack:
        node_a = stack.enter_context(node(env_a))
        node_b = stack.enter_context(node(env_b))
        assert title not in titles_found(node_b, title)  # node B has built its own index
        curator = Curator(node_a, "curator@nodes.example", env_a)
        accepted = curator.request(
            "POST",
            "/api/v1/curation/imports/books",
            params={"format": "csv"},
            content=content,
            headers={"content-type": "application/octet-stream"},
        )
        job = finished_job(curator, accepted)
        assert job["state"] == "succeeded", job
        assert title in titles_found(node_a, title)
        done = time.monotonic()
        while title not in titles_found(node_b, title) and time.monotonic() - done < WAIT_SECONDS:
            time.sleep(0.1)
        seen_after = time.monotonic() - done
        assert title in titles_found(node_b, title)
        print(f"node B found the import {seen_after:.2f}s after node A's job ended")  # noqa: T201
    assert (tmp_path / "a").exists() and (tmp_path / "b").exists()
