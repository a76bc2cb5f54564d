"""The careers directory and the home page's career list: curated careers first, then families."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import service as careers_service
from careerpath.careers.families import family_of
from careerpath.careers.presenters import career_summary
from careerpath.careers.schemas import CareerSummary


@dataclass(frozen=True)
class Family:
    """One job family and its careers, by title."""

    name: str
    careers: list[CareerSummary] = field(default_factory=list)


@dataclass(frozen=True)
class CareerDirectory:
    """The curated careers, and every career grouped by job family (largest family first)."""

    curated: list[CareerSummary]
    families: list[Family]
    total: int


async def career_directory(session: AsyncSession) -> CareerDirectory:
    """Build the directory from every career."""
    rows = await careers_service.list_directory(session)
    curated = [career_summary(career) for career, written in rows if written]
    grouped: dict[str, list[CareerSummary]] = {}
    for career, _ in rows:
        grouped.setdefault(family_of(career.onet_soc_code), []).append(career_summary(career))
    families = [Family(name, careers) for name, careers in grouped.items()]
    families.sort(key=lambda f: (-len(f.careers), f.name))
    return CareerDirectory(curated, families, len(rows))
