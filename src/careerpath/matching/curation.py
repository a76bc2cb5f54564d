"""Curators pin a resource to a position or hide it for a career (who and when are kept)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog.models import Resource
from careerpath.db import utcnow
from careerpath.errors import InvalidInputError, NotFoundError
from careerpath.matching.models import CareerCuration
from careerpath.matching.service import recompute

MAX_PIN_POSITION = 200


async def _decide(
    session: AsyncSession,
    var_dir: Path,
    decision: tuple[int, int, str, int | None],
    curator: str,
) -> CareerCuration:
    career_id, resource_id, action, position = decision
    if await session.get(Resource, resource_id) is None:
        raise NotFoundError(f"Resource {resource_id} does not exist.")
    row = await session.scalar(
        select(CareerCuration).where(
            CareerCuration.career_id == career_id, CareerCuration.resource_id == resource_id
        )
    )
    if row is None:
        row = CareerCuration(career_id=career_id, resource_id=resource_id)
        session.add(row)
    row.action, row.position, row.curated_by, row.curated_at = action, position, curator, utcnow()
    await session.flush()
    await recompute(session, var_dir, [career_id])
    return row


async def pin(
    session: AsyncSession, var_dir: Path, career_id: int, resource_id: int, position: int, by: str
) -> CareerCuration:
    """Pin a resource at ``position`` (1-based) of the career's list and re-rank the career."""
    if not 1 <= position <= MAX_PIN_POSITION:
        raise InvalidInputError(f"position must be between 1 and {MAX_PIN_POSITION}")
    return await _decide(session, var_dir, (career_id, resource_id, "pin", position), by)


async def hide(
    session: AsyncSession, var_dir: Path, career_id: int, resource_id: int, by: str
) -> CareerCuration:
    """Hide a resource from the career's lists and re-rank the career."""
    return await _decide(session, var_dir, (career_id, resource_id, "hide", None), by)


async def clear(session: AsyncSession, var_dir: Path, career_id: int, resource_id: int) -> None:
    """Forget a curator's pin or hide, and re-rank the career."""
    await session.execute(
        delete(CareerCuration).where(
            CareerCuration.career_id == career_id, CareerCuration.resource_id == resource_id
        )
    )
    await recompute(session, var_dir, [career_id])
