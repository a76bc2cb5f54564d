"""Typo-tolerant skill lookup: the fallback of skill search when no word starts with the query.

"kubernets", "postgress" or "pyhton" find Kubernetes, PostgreSQL and Python by edit similarity
over every alias key. The index is built once per process and taxonomy version.
"""

from __future__ import annotations

import threading

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.skills.models import SkillAlias

# Below this similarity (0-100) a name is another word, not a typo of the query.
MIN_SCORE = 80
# Shorter queries are prefixes being typed, or acronyms: no guessing.
MIN_QUERY = 4
CANDIDATES = 50

_INDEXES: dict[str, tuple[tuple[int | None, int], list[str], list[int]]] = {}
_LOCK = threading.Lock()


async def _index(session: AsyncSession) -> tuple[list[str], list[int]]:
    """Return (alias keys, their skill ids), rebuilt when the aliases change."""
    found = (await session.execute(select(func.max(SkillAlias.id), func.count()))).one()
    version = (found[0], int(found[1]))
    database = str(session.get_bind().engine.url)
    cached = _INDEXES.get(database)
    if cached is not None and cached[0] == version:
        return cached[1], cached[2]
    rows = (await session.execute(select(SkillAlias.key, SkillAlias.skill_id))).all()
    keys, ids = [key for key, _ in rows], [skill_id for _, skill_id in rows]
    with _LOCK:
        _INDEXES[database] = (version, keys, ids)
    return keys, ids


async def similar_skill_ids(session: AsyncSession, query: str) -> list[int]:
    """Return the skills whose name or alias is a likely typo of ``query``, closest first."""
    folded = " ".join(query.lower().split())
    if len(folded) < MIN_QUERY:
        return []
    keys, ids = await _index(session)
    matches = process.extract(
        folded, keys, scorer=fuzz.ratio, score_cutoff=MIN_SCORE, limit=CANDIDATES
    )
    return list(dict.fromkeys(ids[position] for _key, _score, position in matches))
