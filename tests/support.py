"""Helpers the tests share: where optional services live, and skipping honestly."""

from __future__ import annotations

import os
import re
import shutil
import socket
import time
import urllib.request
from pathlib import Path
from typing import NoReturn

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
IN_CI = os.environ.get("CI", "").lower() == "true"
POSTGRES_URL = os.environ.get("CAREERPATH_TEST_POSTGRES_URL")
REDIS_URL = os.environ.get("CAREERPATH_TEST_REDIS_URL")
CHROMIUM = os.environ.get("CAREERPATH_TEST_CHROMIUM", "/usr/bin/chromium")


def unavailable(reason: str) -> NoReturn:
    """Skip for a missing optional service, except in CI, where it must be there."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this must not be skipped)")
    pytest.skip(reason)


def free_port() -> int:
    """Return a TCP port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(url: str, seconds: float = 30) -> None:
    """Wait until ``url`` answers (a server just started)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):  # noqa: S310 (localhost only)
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not start")


def require_shared_data(*parts: str) -> Path:
    """Return a path under ../shared/data, or skip (fail in CI) when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        unavailable(f"{path} is absent: the real data lives in ../shared/data")
    return path


def require_chromium() -> str:
    """Return the Chromium binary, or skip (fail in CI) when it is not installed."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        unavailable(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    return CHROMIUM


def scratch_postgres_url(name: str) -> str:
    """Return the URL of an empty sibling database ``<test db>_<name>``, created on demand."""
    if not POSTGRES_URL:
        unavailable("PostgreSQL not configured: set CAREERPATH_TEST_POSTGRES_URL")
    import asyncio

    from sqlalchemy import make_url, text

    from careerpath.db import create_engine

    base = make_url(POSTGRES_URL)
    database = f"{base.database}_{name}"

    async def _recreate() -> None:
        engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        async with engine.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            await connection.execute(text(f'CREATE DATABASE "{database}"'))
        await engine.dispose()

    asyncio.run(_recreate())
    return base.set(database=database).render_as_string(hide_password=False)


def forget_throttle_counts(database_url: str) -> None:
    """Empty the throttle counters kept in the database (without Redis they outlive an app).

    A test app starts with fresh limits, as it did when the counters lived in its memory.
    Nothing happens for a database without the table (one a test made unreachable on purpose).
    """
    import asyncio

    from sqlalchemy import delete, inspect

    from careerpath.db import create_engine
    from careerpath.security.models import ThrottleHit

    table = ThrottleHit.__tablename__

    async def forget() -> None:
        engine = create_engine(database_url)
        try:
            async with engine.begin() as connection:
                if await connection.run_sync(lambda c: inspect(c).has_table(table)):
                    await connection.execute(delete(ThrottleHit))
        finally:
            await engine.dispose()

    asyncio.run(forget())


def confirmation_token(var_dir: Path, email: str) -> str:
    """Return the token of the newest sign-up link mailed to ``email`` (the dev outbox)."""
    return _newest_link(var_dir, email).group(1)


def confirmation_path(var_dir: Path, email: str) -> str:
    """Return the path and query of the newest sign-up link mailed to ``email``."""
    return _newest_link(var_dir, email).group(0)


def _newest_link(var_dir: Path, email: str, seconds: float = 30) -> re.Match[str]:
    """Wait for the link: a served app writes its mail after the answer is out."""
    from careerpath.accounts.mail import outbox_mails

    deadline = time.monotonic() + seconds
    while True:
        for body in reversed(outbox_mails(var_dir, email)):
            if found := CONFIRM_LINK.search(body):
                return found
        if time.monotonic() > deadline:
            raise AssertionError(f"no confirmation link mailed to {email}")
        time.sleep(0.02)


CONFIRM_LINK = re.compile(r"/confirm-email\?token=([\w-]+)\S*")
