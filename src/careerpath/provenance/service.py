"""Create and find sources."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.provenance.models import Source
from careerpath.provenance.schemas import SourceRead, source_read


async def upsert_source(
    session: AsyncSession,
    *,
    key: str,
    name: str,
    licence: str,
    url: str | None = None,
    seen_on: date | None = None,
    published_on: date | None = None,
    published_precision: str = "day",
    note: str | None = None,
) -> Source:
    """Return the source with ``key``, created or brought up to date."""
    source = await session.scalar(select(Source).where(Source.key == key))
    if source is None:
        source = Source(key=key)
        session.add(source)
    source.name, source.licence, source.url, source.note = name, licence, url, note
    source.seen_on, source.published_on = seen_on, published_on
    source.published_precision = published_precision
    await session.flush()
    return source


async def read_sources(session: AsyncSession, keys: Collection[str]) -> list[SourceRead]:
    """Return the sources with ``keys``, by name."""
    if not keys:
        return []
    rows = await session.scalars(select(Source).where(Source.key.in_(keys)).order_by(Source.name))
    return [source_read(source) for source in rows]
