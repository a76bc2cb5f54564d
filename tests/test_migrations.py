"""The one migration chain runs up, down and up again on every database."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import inspect

from careerpath import migrate
from careerpath.db import create_engine, load_all_models
from tests.support import scratch_postgres_url


def empty_database(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'roundtrip.db'}"
    return scratch_postgres_url("migrations")


def table_names(url: str) -> set[str]:
    async def _names() -> set[str]:
        engine = create_engine(url)
        async with engine.connect() as connection:
            names = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
        await engine.dispose()
        return names - {"alembic_version"}

    return asyncio.run(_names())


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_upgrade_downgrade_upgrade(backend: str, tmp_path: Path) -> None:
    url = empty_database(backend, tmp_path)
    expected = set(load_all_models().tables)
    migrate.upgrade(url)
    assert table_names(url) == expected
    migrate.downgrade(url)
    assert table_names(url) == set()
    migrate.upgrade(url)
    assert table_names(url) == expected


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_models_match_migrations(backend: str, tmp_path: Path) -> None:
    url = empty_database(backend, tmp_path)
    migrate.upgrade(url)
    migrate.check(url)
