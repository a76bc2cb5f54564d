"""The one place accounts asks other domains about the things users save and click.

Careers come from the careers tables, courses, books and their provider links from the catalog.
Tests may install their own port on ``app.state.items_port``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts.models import ItemKind
from careerpath.careers.models import Career
from careerpath.catalog.models import Resource, ResourceKind


@dataclass(frozen=True, slots=True)
class ItemInfo:
    """How a saved thing is shown: its title and page."""

    title: str
    url: str | None


@dataclass(frozen=True, slots=True)
class ResourceLink:
    """A provider resource's stored URL and its provider's affiliate parameters."""

    url: str
    affiliate_params: Mapping[str, str] = field(default_factory=dict)


@runtime_checkable
class ItemsPort(Protocol):
    """Lookups accounts needs from the careers and catalog domains."""

    async def describe(
        self, db: AsyncSession, kind: ItemKind, ref_ids: Iterable[int]
    ) -> dict[int, ItemInfo]: ...

    async def resource_link(self, db: AsyncSession, resource_id: int) -> ResourceLink | None: ...


class CatalogPort:
    """The production port: careers from the careers tables, courses and books from the catalog."""

    def __init__(self, affiliate_params: Mapping[str, Mapping[str, str]] | None = None) -> None:
        # Provider name (as the catalog stores it) -> query parameters added to its links.
        self.affiliate_params = {k.casefold(): dict(v) for k, v in (affiliate_params or {}).items()}

    async def describe(
        self, db: AsyncSession, kind: ItemKind, ref_ids: Iterable[int]
    ) -> dict[int, ItemInfo]:
        """Return the existing items among ``ref_ids``; missing ids are absent from the answer."""
        ids = list(ref_ids)
        if not ids:
            return {}
        if kind is ItemKind.CAREER:
            rows = await db.execute(
                select(Career.id, Career.title, Career.slug).where(Career.id.in_(ids))
            )
            return {row.id: ItemInfo(row.title, f"/careers/{row.slug}") for row in rows}
        resource_kind = ResourceKind.COURSE if kind is ItemKind.COURSE else ResourceKind.BOOK
        rows = await db.execute(
            select(Resource.id, Resource.title).where(
                Resource.id.in_(ids), Resource.kind == resource_kind
            )
        )
        return {row.id: ItemInfo(row.title, f"/{kind.value}s/{row.id}") for row in rows}

    async def resource_link(self, db: AsyncSession, resource_id: int) -> ResourceLink | None:
        """Return a resource's stored URL and its provider's affiliate parameters."""
        row = (
            await db.execute(
                select(Resource.url, Resource.provider).where(Resource.id == resource_id)
            )
        ).first()
        if row is None:
            return None
        params = self.affiliate_params.get((row.provider or "").casefold(), {})
        return ResourceLink(row.url, params)
