"""Fast bulk inserts: PostgreSQL COPY and SQLite executemany on the session's own connection.

Both run inside the session's transaction, so an import stays all-or-nothing. Other
databases fall back to a Core ``insert`` with many parameter sets.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncSession

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
