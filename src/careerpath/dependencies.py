"""Request-scoped dependencies shared by API routes and pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TypeAlias

from litestar.datastructures import State
from litestar.di import NamedDependency
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.cache import DocumentCache
from careerpath.config import Settings

DbSession: TypeAlias = NamedDependency[AsyncSession]
AppSettings: TypeAlias = NamedDependency[Settings]
DocCache: TypeAlias = NamedDependency[DocumentCache]


async def provide_session(state: State) -> AsyncIterator[AsyncSession]:
    """Give the request its session; the request owns the one transaction it runs in."""
    async with state.session_factory() as session, session.begin():
        yield session


def provide_settings(state: State) -> Settings:
    """Give the request the app's settings."""
    settings: Settings = state.settings
    return settings


def provide_cache(state: State) -> DocumentCache:
    """Give the request the shared read-model cache."""
    cache: DocumentCache = state.cache
    return cache
