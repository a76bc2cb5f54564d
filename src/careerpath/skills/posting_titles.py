"""Resolve stored postings' titles again and rebuild demand from them.

Run after an O*NET import, new curated careers or a resolver change: each posting keeps its raw
title, so its career, confidence, level and resolver version can be redone, and the demand
figures (which depend on which career a posting belongs to) are rebuilt from the postings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import resolution
from careerpath.careers.title_settings import RESOLVER_VERSION
from careerpath.skills.demand import DemandDelta, apply_delta
from careerpath.skills.models import (
    CareerDemand,
    CareerDemandMonth,
    CareerSkillDemand,
    Posting,
    PostingSkill,
)


@dataclass(frozen=True)
class PostingRecompute:
    """How many postings were read, changed career, and are attached to a career now."""

    postings: int
    moved: int
    attached: int


async def recompute_posting_titles(session: AsyncSession) -> PostingRecompute:
    """Resolve every posting's title again, store the answers and rebuild demand."""
    rows = list(await session.execute(select(Posting.id, Posting.title, Posting.career_id)))
    found = await resolution.resolve_titles(session, [row.title for row in rows])
    moved = 0
    for title, answer in found.items():
        result = await session.execute(
            update(Posting)
            .where(Posting.title == title, Posting.career_id.is_distinct_from(answer.career_id))
            .values(career_id=answer.career_id)
        )
        moved += int(getattr(result, "rowcount", 0) or 0)
        await session.execute(
            update(Posting)
            .where(Posting.title == title)
            .values(
                title_score=round(answer.confidence, 4),
                level=answer.level,
                resolver_version=RESOLVER_VERSION,
            )
        )
    await rebuild_demand(session)
    attached = sum(1 for row in rows if found[row.title].career_id is not None)
    return PostingRecompute(len(rows), moved, attached)


async def rebuild_demand(session: AsyncSession) -> None:
    """Recount every career's demand from the stored postings and their skills."""
    for table in (CareerSkillDemand, CareerDemandMonth, CareerDemand):
        await session.execute(delete(table))
    skills: dict[int, set[int]] = defaultdict(set)
    for posting_id, skill_id in await session.execute(
        select(PostingSkill.posting_id, PostingSkill.skill_id)
    ):
        skills[posting_id].add(skill_id)
    delta = DemandDelta()
    postings = await session.execute(
        select(Posting.id, Posting.career_id, Posting.posted_on, Posting.created_at).where(
            Posting.career_id.is_not(None)
        )
    )
    for posting_id, career_id, posted_on, created_at in postings:
        if career_id is not None:
            delta.add(career_id, skills[posting_id], posted_on or created_at.date())
    await apply_delta(session, delta)
