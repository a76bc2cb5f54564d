"""The skill page, assembled from the skills domain and the catalog."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog import service as catalog_service
from careerpath.catalog.models import Resource, ResourceKind
from careerpath.skills.sections import SkillSummary, skill_summary

RESOURCES_SHOWN = 8


@dataclass(frozen=True)
class SkillView:
    """What a skill page shows: the skill, who asks for it, what teaches it."""

    skill: SkillSummary
    courses: list[Resource]
    books: list[Resource]


async def skill_view(session: AsyncSession, slug: str, language: str) -> SkillView:
    """Build the skill page's view model for a reader of ``language`` (NotFoundError if unknown).

    Only courses and books in the reader's language are listed, as in a career's rankings.
    """
    summary = await skill_summary(session, slug)
    courses = await catalog_service.resources_teaching(
        session, summary.id, ResourceKind.COURSE, language, RESOURCES_SHOWN
    )
    books = await catalog_service.resources_teaching(
        session, summary.id, ResourceKind.BOOK, language, RESOURCES_SHOWN
    )
    return SkillView(summary, courses, books)
