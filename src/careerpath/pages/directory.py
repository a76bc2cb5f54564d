"""The careers directory and the home page's career list: curated careers first, then families.

Families are ordered by the site's focus, not by size (size put Production and Healthcare
first on a guide to technology careers): first the families holding curated guides (most
guides first), then the other families where technology careers live (FOCUS, in that order),
then the rest, largest first; ties by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import service as careers_service
from careerpath.careers.families import MAJOR_GROUPS, family_of
from careerpath.careers.presenters import career_summary
from careerpath.careers.schemas import CareerSummary

# The SOC major groups nearest the catalog's subjects, by how much of their work the courses
# and books serve: computing, engineering, design and media, management, business and finance
# (analysts), science (data and research).
FOCUS = tuple(MAJOR_GROUPS[code] for code in ("15", "17", "27", "11", "13", "19"))


@dataclass(frozen=True)
class Family:
    """One job family and its careers, by title."""

    name: str
    careers: list[CareerSummary] = field(default_factory=list)


@dataclass(frozen=True)
class CareerDirectory:
    """The curated careers, and every career grouped by job family (in the site's focus order)."""

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
    guides = Counter(family_of(career.onet_soc_code) for career, written in rows if written)
    return CareerDirectory(curated, in_focus_order(families, guides), len(rows))


def in_focus_order(families: list[Family], guides: Mapping[str, int]) -> list[Family]:
    """Return the families by guides held, then the FOCUS order, then size, then name."""

    def key(family: Family) -> tuple[int, int, int, str]:
        rank = FOCUS.index(family.name) if family.name in FOCUS else len(FOCUS)
        return (-guides.get(family.name, 0), rank, -len(family.careers), family.name)

    return sorted(families, key=key)
