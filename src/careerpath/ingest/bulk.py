"""Every import's batching and bulk inserts, in the session's (one) transaction.

``batches`` cuts a stream of records into lists. ``insert_rows`` inserts mappings with a Core
executemany (SQLAlchemy converts every column type); ``bulk_insert`` is the fast path for rows
already in storage form (numbers, text, dates): PostgreSQL COPY or SQLite's own executemany on
the session's connection, about three times faster on salary reports. Both stay inside the
session's transaction, so an import remains all-or-nothing, and both count as writes for the
cache generation.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from itertools import islice
from typing import Any, TypeVar, cast

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.db import Base
from careerpath.freshness.tracking import mark_changed

T = TypeVar("T")
# Rows per executemany call of ``insert_rows``.
INSERT_CHUNK = 10_000

# SQLAlchemy's own SQLite storage formats, so rows written here read back like its own.
# The sqlite3 module adapts these types in C as it binds, far cheaper than a Python pass;
# SQLAlchemy converts values itself before binding, so its statements never reach these.
sqlite3.register_adapter(Decimal, str)
sqlite3.register_adapter(date, date.isoformat)
sqlite3.register_adapter(datetime, lambda value: value.strftime("%Y-%m-%d %H:%M:%S.%f"))


async def bulk_insert(
    session: AsyncSession, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table`` as fast as the driver can."""
    if not rows:
        return
    mark_changed(session.sync_session)  # the driver-level paths bypass SQLAlchemy's events
    connection = await session.connection()
    dialect = connection.dialect.name
    raw: Any = (await connection.get_raw_connection()).driver_connection
    if dialect == "postgresql":
        await raw.copy_records_to_table(table.name, records=rows, columns=list(columns))
    elif dialect == "sqlite":
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
        await raw.executemany(sql, rows)
    else:
        await connection.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])


async def insert_rows(
    session: AsyncSession, model: type[Base], rows: Sequence[Mapping[str, Any]]
) -> None:
    """Insert ``rows`` into ``model``'s table with a Core executemany, in chunks."""
    await session.flush()
    table = cast("Table", model.__table__)  # Core insert: no ORM bookkeeping per row
    for offset in range(0, len(rows), INSERT_CHUNK):
        await session.execute(insert(table), list(rows[offset : offset + INSERT_CHUNK]))


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Yield ``items`` in lists of ``size`` (the last one shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
