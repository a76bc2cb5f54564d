"""Database engine, sessions and the declarative base shared by every domain."""

from __future__ import annotations

import enum
import importlib
import logging
import pkgutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from sqlalchemy import DateTime, Enum, MetaData, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import Dialect, Engine, ExceptionContext
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.types import TypeDecorator

logger = logging.getLogger(__name__)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend.

    PostgreSQL keeps the zone; SQLite stores text without one and gives back naive values, which
    would reach the API without an offset. Values are stored in UTC and come back marked as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, _dialect: Dialect) -> datetime | None:
        """Store aware values in UTC."""
        if value is not None and value.tzinfo is not None:
            return value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, _dialect: Dialect) -> datetime | None:
        """Mark values read back as UTC."""
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    """Base of every table; constraints get predictable names for migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime}  # noqa: RUF012


class TimestampMixin:
    """``created_at`` and ``updated_at`` kept by the database layer."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def text_enum(kind: type[enum.StrEnum], name: str, length: int) -> Enum:
    """Store an enum as its values in a plain string column (portable across databases)."""
    return Enum(
        kind,
        name=name,
        native_enum=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
    )


def load_all_models() -> MetaData:
    """Import every domain's ``models`` module so the metadata knows all tables."""
    package = importlib.import_module("careerpath")
    for module in pkgutil.iter_modules(package.__path__):
        if module.ispkg and _has_models(Path(package.__path__[0]) / module.name):
            importlib.import_module(f"careerpath.{module.name}.models")
    return Base.metadata


def _has_models(package_dir: Path) -> bool:
    return (package_dir / "models.py").exists() or (package_dir / "models").is_dir()


# SQLSTATE classes and codes of a server that is going away, coming up or out of resources:
# connection exceptions, operator intervention (shutdown, "starting up"), resources, and
# serialization failures and deadlocks, which a retry resolves.
TRANSIENT_SQLSTATE_PREFIXES = ("08", "57P", "53", "40001", "40P01")
# Driver messages of a connection that can no longer be used (a request cancelled mid-query
# leaves asyncpg's connection "in progress"; returned to the pool it fails every later use).
BROKEN_CONNECTION_MESSAGES = ("another operation is in progress", "connection is closed")


def is_transient(error: BaseException) -> bool:
    """Say whether a database error is the server or the network failing, not the request."""
    if isinstance(error, sa_exc.DBAPIError):
        if error.connection_invalidated or isinstance(
            error, (sa_exc.OperationalError, sa_exc.InterfaceError)
        ):
            return True
        return _transient_driver_error(error.orig)
    if isinstance(error, (sa_exc.DisconnectionError, sa_exc.TimeoutError)):
        return True
    return isinstance(error, (ConnectionError, TimeoutError))


def is_retryable(error: BaseException) -> bool:
    """Say whether running a read again may succeed: a transient error, not a full pool."""
    # A pool timeout means every connection is busy; waiting as long again helps nobody.
    return is_transient(error) and not isinstance(error, sa_exc.TimeoutError)


RETRIED_METHODS = frozenset({"GET", "HEAD"})
RETRY_MARK = "careerpath.retry_read"


def mark_retryable(scope: Scope, error: BaseException) -> None:
    """Note on the request that ``error`` may not happen again (for ``retry_reads_middleware``)."""
    if is_retryable(error):
        scope.setdefault("state", {})[RETRY_MARK] = True


def retry_reads_middleware(app: ASGIApp) -> ASGIApp:
    """Run a GET or HEAD once more when the database failed it transiently.

    Litestar turns the error into a 503 inside the route, so the answer it marked (see
    ``mark_retryable``) is held back here instead and the read runs again. A read changes
    nothing, and the broken connection was discarded, so the second run gets a fresh one.
    Writes never run twice: the first may have committed before the connection broke.
    """

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or scope.get("method") not in RETRIED_METHODS:
            await app(scope, receive, send)
            return
        held: list[Message] = []

        async def hold_failure(message: Message) -> None:
            if held or (message["type"] == "http.response.start" and _marked(scope)):
                held.append(message)
            else:
                await send(message)

        await app(scope, receive, hold_failure)
        if held:
            scope["state"].pop(RETRY_MARK, None)
            logger.info("retrying %s once after a database failure", scope["path"])
            await app(scope, receive, send)

    return middleware


def _marked(scope: Scope) -> bool:
    return bool(scope.get("state", {}).get(RETRY_MARK))


def _transient_driver_error(error: BaseException | None) -> bool:
    state = str(getattr(error, "sqlstate", "") or "")
    if state.startswith(TRANSIENT_SQLSTATE_PREFIXES):
        return True
    return any(message in str(error) for message in BROKEN_CONNECTION_MESSAGES)


def _discard_broken_connections(context: ExceptionContext) -> None:
    """Invalidate the connection (and the pool) when the driver error is a dead server."""
    if not context.is_disconnect and _transient_driver_error(context.original_exception):
        context.is_disconnect = True


def create_engine(database_url: str, **kwargs: Any) -> AsyncEngine:
    """Create the async engine; SQLite gets WAL, foreign keys and a parent folder.

    SQL parameters never reach error messages or logs (they hold emails and password hashes).
    PostgreSQL connections are pinged before use and discarded when the server went away.
    """
    kwargs.setdefault("hide_parameters", True)
    if database_url.startswith("sqlite"):
        _ensure_sqlite_dir(database_url)
        engine = create_async_engine(database_url, **kwargs)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    engine = create_async_engine(database_url, **kwargs)
    event.listen(engine.sync_engine, "handle_error", _discard_broken_connections)
    return engine


def _ensure_sqlite_dir(database_url: str) -> None:
    """Create the database file's folder and the file itself, readable by this user only."""
    path = database_url.split(":///", 1)[-1].split("?", 1)[0]
    if path and path != ":memory:":
        Path(path).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        Path(path).touch(mode=0o600, exist_ok=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Return a session factory whose objects stay usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)


async def transaction(factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """Yield a session inside one transaction: committed on success, rolled back on error."""
    async with factory() as session, session.begin():
        yield session


def sync_engine_of(engine: AsyncEngine) -> Engine:
    """Return the synchronous engine behind an async one (for Alembic)."""
    return engine.sync_engine
