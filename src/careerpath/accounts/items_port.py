"""The one place accounts asks other domains about the things users save and click.

Careers are answered here. Courses, books and provider resources belong to the catalog domain:
``CatalogPort`` says they do not exist until the catalog is wired in (after the merge, replace the
two marked methods with calls to the catalog service). Tests install their own port on
``app.state.items_port``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts.models import ItemKind
from careerpath.careers.models import Career


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
    """The production port: careers from the careers tables; the catalog once merged."""

    async def describe(
        self, db: AsyncSession, kind: ItemKind, ref_ids: Iterable[int]
    ) -> dict[int, ItemInfo]:
        """Return the existing items among ``ref_ids``; missing ids are absent from the answer."""
        ids = list(ref_ids)
        if kind is ItemKind.CAREER and ids:
            rows = await db.execute(
                select(Career.id, Career.title, Career.slug).where(Career.id.in_(ids))
            )
            return {row.id: ItemInfo(row.title, f"/careers/{row.slug}") for row in rows}
        # Courses and books: wire to the catalog service after the merge.
        return {}

    async def resource_link(self, db: AsyncSession, resource_id: int) -> ResourceLink | None:
        """Return a resource's stored URL (wire to the catalog service after the merge)."""
        del db, resource_id
        return None
