"""Write the taxonomy and the O*NET occupation skills to the database, touching only changes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.ingest.bulk import insert_rows
from careerpath.ingest.report import content_hash
from careerpath.skills.models import (
    OccupationSkill,
    OnetImport,
    OnetOccupation,
    Skill,
    SkillAlias,
)
from careerpath.skills.onet import TechnologyRow
from careerpath.skills.taxonomy import SkillSpec

# Rows per executemany call (and per ``IN (...)`` list below SQLite's variable limit).
CHUNK = 500


def taxonomy_fingerprint(specs: Iterable[SkillSpec]) -> str:
    """Return a hash of everything the taxonomy stores, to skip re-loading the same one."""
    return content_hash(
        {
            s.name: [s.display_name, s.category, s.commodity_code, s.hot, s.aliases, s.kind, s.slug]
            for s in specs
        }
    )


async def already_imported(session: AsyncSession, kind: str, release: str) -> bool:
    """Say whether ``release`` of ``kind`` was imported before."""
    found = await session.scalar(
        select(OnetImport.id).where(OnetImport.kind == kind, OnetImport.release == release)
    )
    return found is not None


async def sync_taxonomy(session: AsyncSession, specs: list[SkillSpec]) -> bool:
    """Bring skills and aliases in line with ``specs``; return False when nothing changed."""
    fingerprint = taxonomy_fingerprint(specs)
    if await already_imported(session, "taxonomy", fingerprint):
        return False
    ids = await _sync_skills(session, specs)
    await _sync_aliases(session, specs, ids)
    session.add(OnetImport(kind="taxonomy", release=fingerprint, occupations=0))
    await session.flush()
    return True


def _skill_values(spec: SkillSpec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "display_name": spec.display_name,
        "category": spec.category,
        "commodity_code": spec.commodity_code,
        "commodity_title": spec.commodity_title,
        "hot": spec.hot,
        "kind": spec.kind,
        "slug": spec.slug,
    }


async def _sync_skills(session: AsyncSession, specs: list[SkillSpec]) -> dict[str, int]:
    existing = {skill.name: skill for skill in await session.scalars(select(Skill))}
    wanted = {spec.name for spec in specs}
    new_rows = [_skill_values(s) for s in specs if s.name not in existing]
    gone = [skill.id for name, skill in existing.items() if name not in wanted]
    if gone:
        await session.execute(delete(Skill).where(Skill.id.in_(gone)))
    moved = [
        skill.id
        for spec in specs
        if (skill := existing.get(spec.name)) is not None and skill.slug != spec.slug
    ]
    if moved:
        # Slugs are unique: free the ones that move before any skill takes another's.
        for offset in range(0, len(moved), CHUNK):
            chunk = moved[offset : offset + CHUNK]
            await session.execute(update(Skill).where(Skill.id.in_(chunk)).values(slug=None))
    for spec in specs:
        skill = existing.get(spec.name)
        if skill is not None:
            for field, value in _skill_values(spec).items():
                if getattr(skill, field) != value:
                    setattr(skill, field, value)
    await insert_rows(session, Skill, new_rows)
    await session.flush()
    rows = await session.execute(select(Skill.name, Skill.id))
    return dict(rows.all())


async def _sync_aliases(session: AsyncSession, specs: list[SkillSpec], ids: dict[str, int]) -> None:
    wanted = {
        alias.key: {
            "skill_id": ids[spec.name],
            "name": alias.name,
            "key": alias.key,
            "kind": alias.kind,
        }
        for spec in specs
        for alias in spec.aliases
    }
    current = {
        row.key: row
        for row in await session.execute(
            select(
                SkillAlias.id, SkillAlias.key, SkillAlias.skill_id, SkillAlias.name, SkillAlias.kind
            )
        )
    }
    stale = [
        row.id
        for key, row in current.items()
        if key not in wanted
        or (row.skill_id, row.name, row.kind)
        != (wanted[key]["skill_id"], wanted[key]["name"], wanted[key]["kind"])
    ]
    for offset in range(0, len(stale), CHUNK):
        chunk = stale[offset : offset + CHUNK]
        await session.execute(delete(SkillAlias).where(SkillAlias.id.in_(chunk)))
    kept = {key for key in current if key in wanted} - {
        row.key for row in current.values() if row.id in set(stale)
    }
    await insert_rows(session, SkillAlias, [v for k, v in wanted.items() if k not in kept])


async def sync_occupation_skills(
    session: AsyncSession,
    occupations: dict[str, int],
    rows: Iterable[TechnologyRow],
    skill_ids: dict[str, int],
) -> None:
    """Make each occupation's technology list equal to ``rows`` (only the given occupations)."""
    wanted: dict[int, dict[int, tuple[bool, bool]]] = defaultdict(dict)
    for row in rows:
        occupation_id = occupations.get(row.soc_code)
        if occupation_id is not None and row.name in skill_ids:
            wanted[occupation_id][skill_ids[row.name]] = (row.hot, row.in_demand)
    existing = await session.scalars(
        select(OccupationSkill).where(OccupationSkill.occupation_id.in_(list(occupations.values())))
    )
    have: dict[tuple[int, int], OccupationSkill] = {
        (o.occupation_id, o.skill_id): o for o in existing
    }
    new_rows = []
    for occupation_id, skills in wanted.items():
        for skill_id, (hot, in_demand) in skills.items():
            current = have.pop((occupation_id, skill_id), None)
            if current is None:
                new_rows.append(
                    {
                        "occupation_id": occupation_id,
                        "skill_id": skill_id,
                        "hot": hot,
                        "in_demand": in_demand,
                    }
                )
            elif (current.hot, current.in_demand) != (hot, in_demand):
                current.hot, current.in_demand = hot, in_demand
    for leftover in have.values():
        await session.delete(leftover)
    await insert_rows(session, OccupationSkill, new_rows)
    await session.flush()


async def ensure_occupations(
    session: AsyncSession, titles: dict[str, str], release: str
) -> dict[str, int]:
    """Create missing occupation rows for ``titles`` (code → title); return code → id."""
    rows = await session.scalars(
        select(OnetOccupation).where(OnetOccupation.soc_code.in_(list(titles)))
    )
    found = {row.soc_code: row for row in rows}
    for code, title in titles.items():
        if code not in found:
            found[code] = OnetOccupation(soc_code=code, title=title, release=release)
            session.add(found[code])
    await session.flush()
    return {code: row.id for code, row in found.items()}
