"""Fixtures of the skills tests: a session factory whose batches roll back after the test."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from careerpath.db import create_engine


@pytest.fixture
async def factory(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions that commit into savepoints of one outer transaction, rolled back at the end."""
    engine = create_engine(database_url)
    async with engine.connect() as connection:
        outer = await connection.begin()
        if connection.dialect.name == "sqlite":
            # pysqlite defers BEGIN to the first write, and a SAVEPOINT outside a transaction
            # is one that its RELEASE commits: open the transaction first so nothing escapes.
            await connection.exec_driver_sql("SAVEPOINT test_outer")
        yield async_sessionmaker(
            bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        await outer.rollback()
    await engine.dispose()
