"""Bump the cache generation in the same transaction as any write to cached tables.

The hooks sit on every SQLAlchemy session, so the CLI, the curation API, the imports and any
later job invalidate what they change without having to remember to. Tables that no cached
read shows are left out, so that signing in does not empty the cache, and neither does every
batch of a long salary import: cached pages read the salary aggregates, which the import
rebuilds (and so retires the cache) once, at its end.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, update
from sqlalchemy.orm import ORMExecuteState, Session

from careerpath.freshness.models import ROW_ID, CacheGeneration

_DIRTY = "careerpath_cache_dirty"
# Writes here never change a cached page or document: accounts, clicks, and raw salary
# reports with their import records (pages show ``salary_aggregate``, never a report).
UNCACHED_TABLES = frozenset(
    {
        "cache_generation",
        "salary_report",
        "salary_import",
        "user_account",
        "user_session",
        "api_token",
        "password_reset",
        "saved_list",
        "saved_item",
        "outbound_click",
    }
)


def _touches_cached(tables: set[str]) -> bool:
    return bool(tables - UNCACHED_TABLES)


def _after_flush(session: Session, _context: Any) -> None:
    changed = [*session.new, *session.dirty, *session.deleted]
    tables = {getattr(obj, "__tablename__", "") for obj in changed}
    if _touches_cached(tables):
        session.info[_DIRTY] = True


def _on_execute(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if table is not None and _touches_cached({str(getattr(table, "name", table))}):
        state.session.info[_DIRTY] = True


def _before_commit(session: Session) -> None:
    if session.info.pop(_DIRTY, False):
        session.execute(
            update(CacheGeneration)
            .where(CacheGeneration.id == ROW_ID)
            .values(value=CacheGeneration.value + 1)
        )


def _after_rollback(session: Session, _previous: Any) -> None:
    session.info.pop(_DIRTY, None)


def track_writes() -> None:
    """Install the hooks on every session (idempotent)."""
    for name, hook in (
        ("after_flush", _after_flush),
        ("do_orm_execute", _on_execute),
        ("before_commit", _before_commit),
        ("after_soft_rollback", _after_rollback),
    ):
        if not event.contains(Session, name, hook):
            event.listen(Session, name, hook)


def mark_changed(session: Session) -> None:
    """Count a write made below SQLAlchemy (driver-level bulk inserts) as one to cached data."""
    session.info[_DIRTY] = True
