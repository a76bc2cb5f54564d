"""Fixtures: the app built from settings, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath import migrate
from careerpath.config import Settings
from careerpath.db import create_engine, create_session_factory
from careerpath.demo.loader import load_demo
from careerpath.main import create_app
from careerpath.matching.service import recompute
from tests.support import POSTGRES_URL, forget_throttle_counts, unavailable

BACKENDS = ["sqlite", "postgresql"]


def reset_postgres(url: str) -> None:
    """Empty the test database's public schema."""

    async def _reset() -> None:
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()

    asyncio.run(_reset())


def fresh_database_url(backend: str, folder: Path) -> str:
    """Return the URL of an empty database of ``backend`` (skipping when it is absent)."""
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{folder / 'test.db'}"
    if not POSTGRES_URL:
        unavailable("PostgreSQL not configured: set CAREERPATH_TEST_POSTGRES_URL")
    reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


def run_async(coroutine_function, database_url: str):  # type: ignore[no-untyped-def]
    """Run ``coroutine_function(session)`` in one committed transaction."""

    async def _run():  # type: ignore[no-untyped-def]
        engine = create_engine(database_url)
        try:
            async with create_session_factory(engine)() as session, session.begin():
                return await coroutine_function(session)
        finally:
            await engine.dispose()

    return asyncio.run(_run())


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database backend this run of the suite targets."""
    return str(request.param)


@pytest.fixture(scope="session")
def database_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database loaded with the demo data."""
    url = fresh_database_url(backend, tmp_path_factory.mktemp(backend))
    migrate.upgrade(url)
    run_async(load_demo, url)
    return url


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings of the app under test: no environment variables involved."""
    return Settings(
        env="test",
        database_url=database_url,
        var_dir=tmp_path_factory.mktemp("var"),
        secret_key="test-secret-key-not-for-production",
        access_log=False,
        log_level="WARNING",
        public_url="http://testserver.local",
        # Caching on, with the generation read on every request: a test's write is seen by its
        # next request. tests/web/test_freshness.py tests the polled mode across workers.
        cache_seconds=60,
        cache_check_seconds=0,
        allowed_hosts="testserver.local,testserver",
        scheduled_jobs=False,  # no daily link check of real URLs from a test
    )


@pytest.fixture(scope="session")
def app(settings: Settings) -> Litestar:
    """The ASGI app for the test settings."""
    forget_throttle_counts(settings.database_url)
    return create_app(settings)


@pytest.fixture(scope="session")
def client(app: Litestar) -> Iterator[TestClient[Litestar]]:
    """A test client that runs the app's lifespan once per backend."""
    with TestClient(app=app, base_url="http://testserver.local") as test_client:
        yield test_client


@pytest.fixture
async def session(database_url: str) -> AsyncIterator[AsyncSession]:
    """A session whose work is rolled back after the test."""
    engine = create_engine(database_url)
    async with engine.connect() as connection:
        transaction = await connection.begin()
        async with AsyncSession(bind=connection, expire_on_commit=False) as db_session:
            yield db_session
        await transaction.rollback()
    await engine.dispose()


@pytest.fixture(scope="session")
def rankings(database_url: str, settings: Settings) -> int:
    """Recompute every career's rankings on the demo database, as `careerpath demo` does after
    loading; return the rows stored. Paths, gaps and ranked lists read them."""

    async def work(session: AsyncSession) -> int:
        return await recompute(session, settings.var_dir)

    stored: int = run_async(work, database_url)
    return stored
