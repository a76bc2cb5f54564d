"""What matching reads of the catalog: every available resource with its skill ids."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog.models import Resource, ResourceSkill, ResourceStatus
from careerpath.matching.paths import Course
from careerpath.matching.scoring import ResourceSignals


@dataclass(frozen=True, slots=True)
class CatalogItem:
    """One active resource: its kind, skill ids, rating and what a path needs of it."""

    resource_id: int
    kind: str
    skill_ids: frozenset[int]
    rating: float | None
    ratings_count: int
    is_free: bool
    price: Decimal
    hours: float | None
    level: str | None

    def signals(self, text_fit: float) -> ResourceSignals:
        """Return the scorer's view of the resource with its text fit for one career."""
        return ResourceSignals(
            self.resource_id, self.skill_ids, text_fit, self.rating, self.ratings_count
        )

    def course(self) -> Course:
        """Return the path builder's view of the resource."""
        return Course(self.resource_id, self.skill_ids, self.hours, self.price, self.level)


async def load_catalog(session: AsyncSession, kind: str | None = None) -> list[CatalogItem]:
    """Return every active resource (of ``kind``) with its taxonomy skill ids."""
    skills: dict[int, set[int]] = {}
    links = select(ResourceSkill.resource_id, ResourceSkill.skill_id).where(
        ResourceSkill.skill_id.is_not(None)
    )
    for resource_id, skill_id in await session.execute(links):
        if skill_id is not None:
            skills.setdefault(resource_id, set()).add(skill_id)
    query = select(
        Resource.id,
        Resource.kind,
        Resource.rating,
        Resource.ratings_count,
        Resource.is_free,
        Resource.price_amount,
        Resource.duration_hours,
        Resource.level,
    ).where(Resource.status == ResourceStatus.ACTIVE)
    if kind is not None:
        query = query.where(Resource.kind == kind)
    return [
        CatalogItem(
            rid,
            str(k),
            frozenset(skills.get(rid, ())),
            rating,
            count or 0,
            free,
            Decimal(0) if free or price is None else price,
            hours,
            str(level) if level else None,
        )
        for rid, k, rating, count, free, price, hours, level in await session.execute(query)
    ]
