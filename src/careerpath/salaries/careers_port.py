"""The one place salaries ask which career and level a job title names: the careers resolver.

A report attaches to a career only when the resolver's calibrated confidence clears its
threshold; below it the report is kept unattached and the audit counts its title.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import resolution
from careerpath.careers.resolution import Attachment
from careerpath.careers.titles import normalize_title

__all__ = ["Attachment", "match_careers", "salary_level", "title_key"]

# The resolver's levels in the salaries' vocabulary (``salaries.levels.LEVELS``).
_SALARY_LEVELS = {
    "Junior": "entry",
    "Senior": "senior",
    "Lead": "senior",
    "Principal": "senior",
    "Manager": "executive",
    "Executive": "executive",
}


def title_key(title: str) -> str:
    """Return the folded key of a raw title (grouping in the audit)."""
    return normalize_title(title)


def salary_level(level: str | None) -> str | None:
    """Return the salaries' level for the level a title states (None when it states none)."""
    return None if level is None else _SALARY_LEVELS.get(level)


async def match_careers(session: AsyncSession, titles: Iterable[str]) -> dict[str, Attachment]:
    """Resolve many titles at once; the result maps each distinct title to its attachment."""
    return await resolution.attachments(session, titles)
