"""The one place salaries ask which career and level a job title names.

It matches ``careers.titles.normalize_title`` keys against career aliases (titles too), after
taking seniority words off. Deliberately exact: the skills domain's fuzzy title normaliser was
tried here and, over a small set of careers, put "Machine Learning Engineer" on Front End Engineer
and "Manager" on Engineering Manager. A salary figure must never rest on such a guess, so a title
no alias spells stays unmatched (and is counted by the audit) until a curator adds the alias.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import Career, CareerAlias
from careerpath.careers.titles import ALIAS_KIND_RANK, normalize_title
from careerpath.salaries.levels import split_level


@dataclass(frozen=True, slots=True)
class CareerMatch:
    """The career a title names and the level its seniority words imply (None if none)."""

    career_id: int
    level: str | None


@lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """Return the matching key of a title without its seniority words."""
    return normalize_title(split_level(title)[0])


async def match_career(session: AsyncSession, title: str) -> CareerMatch | None:
    """Return the career and level of one job title, or None when no career has that title."""
    return (await match_careers(session, [title])).get(title)


async def match_careers(
    session: AsyncSession, titles: Iterable[str]
) -> dict[str, CareerMatch | None]:
    """Match many titles with one query; the result maps each title to its match."""
    unique = set(titles)
    keys = {title: title_key(title) for title in unique}
    careers = await _careers_by_key(session, set(keys.values()))
    result: dict[str, CareerMatch | None] = {}
    for title, key in keys.items():
        career_id = careers.get(key)
        result[title] = None if career_id is None else CareerMatch(career_id, split_level(title)[1])
    return result


async def _careers_by_key(session: AsyncSession, keys: set[str]) -> dict[str, int]:
    if not keys:
        return {}
    rows = await session.execute(
        select(CareerAlias.normalized, CareerAlias.career_id, CareerAlias.kind, Career.is_stub)
        .join(Career, Career.id == CareerAlias.career_id)
        .where(CareerAlias.normalized.in_(keys))
    )
    ranked = sorted(rows, key=lambda r: (r.is_stub, ALIAS_KIND_RANK.get(r.kind, 9), r.career_id))
    found: dict[str, int] = {}
    for row in ranked:
        found.setdefault(row.normalized, row.career_id)
    return found
