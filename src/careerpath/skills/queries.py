"""Read skills, their aliases and demand for the API, the page and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.skills.models import Posting, PostingSkill, Skill


@dataclass(frozen=True)
class SkillCount:
    """A skill with the number and share of postings that mention it."""

    skill_id: int
    name: str
    category: str
    postings: int
    share: float


async def top_skills(session: AsyncSession, *, source: str | None, limit: int) -> list[SkillCount]:
    """Return the skills most postings mention (optionally of one source)."""
    postings = select(Posting.id)
    if source:
        postings = postings.where(Posting.source == source)
    total = await session.scalar(select(func.count()).select_from(postings.subquery())) or 0
    counted = func.count(PostingSkill.posting_id)
    rows = await session.execute(
        select(Skill.id, Skill.display_name, Skill.category, counted)
        .join(PostingSkill, PostingSkill.skill_id == Skill.id)
        .where(PostingSkill.posting_id.in_(postings))
        .group_by(Skill.id, Skill.display_name, Skill.category)
        .order_by(counted.desc(), Skill.display_name)
        .limit(limit)
    )
    return [SkillCount(i, name, cat, n, n / total if total else 0.0) for i, name, cat, n in rows]
