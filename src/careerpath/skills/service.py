"""Skills services other domains call: the process-wide extractor, skill lookups."""

from __future__ import annotations

import threading

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.skills.extract import Extractor
from careerpath.skills.models import OnetImport, Skill, SkillAlias
from careerpath.skills.taxonomy import alias_patterns, reviewed_aliases

_EXTRACTORS: dict[str, tuple[str | None, Extractor]] = {}
_LOCK = threading.Lock()


async def get_extractor(session: AsyncSession) -> Extractor:
    """Return the extractor for the taxonomy in the database, built once per process.

    It is rebuilt only when a newer taxonomy was loaded. ``extract(text)`` gives mentions and
    ``skill_ids(text)`` the distinct skill ids: catalog and matching use it to tag items.
    """
    latest = (
        await session.execute(
            select(OnetImport.id, OnetImport.release)
            .where(OnetImport.kind == "taxonomy")
            .order_by(OnetImport.id.desc())
            .limit(1)
        )
    ).first()
    version = f"{latest[0]}:{latest[1]}" if latest else None
    database = str(session.get_bind().engine.url)
    cached = _EXTRACTORS.get(database)
    if cached is not None and cached[0] == version:
        return cached[1]
    rows = await session.execute(
        select(SkillAlias.name, SkillAlias.skill_id, Skill.name, Skill.kind).join(
            Skill, Skill.id == SkillAlias.skill_id
        )
    )
    extractor = Extractor(alias_patterns(rows.all(), reviewed_aliases()))
    with _LOCK:
        _EXTRACTORS[database] = (version, extractor)
    return extractor
