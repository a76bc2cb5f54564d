"""Server-side sessions, kept in the database (``user_session``).

The cookie carries a random secret; stores key sessions by its SHA-256, so a leaked store does
not leak usable cookies. Lifetimes: 12 h absolute, 30 min idle.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts.models import UserSession
from careerpath.db import utcnow

ABSOLUTE_LIFETIME = timedelta(hours=12)
IDLE_LIFETIME = timedelta(minutes=30)
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class SessionData:
    """What a store keeps about one session."""

    key: str
    public_id: str
    user_id: int
    created_at: datetime
    last_seen_at: datetime
    user_agent: str

    def is_live(self, now: datetime) -> bool:
        """Say whether neither the absolute nor the idle lifetime has run out."""
        return now < self.created_at + ABSOLUTE_LIFETIME and now < self.last_seen_at + IDLE_LIFETIME


def session_key(secret: str) -> str:
    """Return the store key of a cookie value."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_session(user_id: int, user_agent: str) -> tuple[str, SessionData]:
    """Return a fresh cookie secret and the session it names."""
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    data = SessionData(
        session_key(secret), secrets.token_urlsafe(12), user_id, now, now, user_agent[:300]
    )
    return secret, data


@runtime_checkable
class SessionStore(Protocol):
    """Where sessions live; ``db`` is the caller's transaction."""

    async def save(self, db: AsyncSession, data: SessionData) -> None: ...
    async def get(self, db: AsyncSession, key: str) -> SessionData | None: ...
    async def delete(self, db: AsyncSession, key: str) -> None: ...
    async def delete_for_user(self, db: AsyncSession, user_id: int) -> None: ...
    async def list_for_user(self, db: AsyncSession, user_id: int) -> list[SessionData]: ...


class DatabaseSessionStore:
    """Sessions in the ``user_session`` table."""

    async def save(self, db: AsyncSession, data: SessionData) -> None:
        """Insert or update a session."""
        await db.merge(UserSession(**asdict(data)))
        await db.flush()

    async def get(self, db: AsyncSession, key: str) -> SessionData | None:
        """Return the session stored under ``key``."""
        row = await db.get(UserSession, key)
        return None if row is None else _from_row(row)

    async def delete(self, db: AsyncSession, key: str) -> None:
        """Forget one session."""
        await db.execute(delete(UserSession).where(UserSession.key == key))

    async def delete_for_user(self, db: AsyncSession, user_id: int) -> None:
        """Forget every session of a user."""
        await db.execute(delete(UserSession).where(UserSession.user_id == user_id))

    async def list_for_user(self, db: AsyncSession, user_id: int) -> list[SessionData]:
        """Return a user's sessions, newest first."""
        rows = await db.scalars(
            select(UserSession)
            .where(UserSession.user_id == user_id)
            .order_by(UserSession.created_at.desc())
        )
        return [_from_row(row) for row in rows]


def as_utc(moment: datetime) -> datetime:
    """Return ``moment`` timezone-aware (SQLite hands back naive UTC datetimes)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _from_row(row: UserSession) -> SessionData:
    return SessionData(
        row.key,
        row.public_id,
        row.user_id,
        as_utc(row.created_at),
        as_utc(row.last_seen_at),
        row.user_agent,
    )


def create_session_store() -> SessionStore:
    """Return the session store: the database, with or without Redis.

    Sessions are data, not cache: kept in Redis they made Redis a single point of failure
    (every signed-in request refused while it was down). A lookup is one primary-key read.
    """
    return DatabaseSessionStore()


def touched(data: SessionData, now: datetime) -> SessionData | None:
    """Return the session with ``last_seen_at`` moved to now, or None when no write is due."""
    return replace(data, last_seen_at=now) if now - data.last_seen_at >= TOUCH_EVERY else None
