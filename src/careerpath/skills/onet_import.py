"""Import an O*NET release: occupations become careers, linked to curated careers by SOC code.

Versioned by release: the same release again changes nothing; a newer one updates the same
careers in place (their O*NET-sourced aliases, sections and relations are replaced).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import (
    Career,
    CareerAlias,
    CareerRelation,
    CareerSection,
    CareerSectionItem,
    RelationKind,
    SectionKind,
)
from careerpath.careers.titles import ONET_ALIAS_KINDS, normalize_title, slugify
from careerpath.errors import InvalidInputError
from careerpath.ingest.report import ImportReport
from careerpath.provenance.models import Source
from careerpath.provenance.service import upsert_source
from careerpath.skills.models import OnetImport, OnetOccupation, Skill
from careerpath.skills.onet import ATTRIBUTION, Occupation, OnetRelease
from careerpath.skills.store import (
    already_imported,
    insert_chunks,
    sync_occupation_skills,
    sync_taxonomy,
)
from careerpath.skills.taxonomy import build_taxonomy, reviewed_aliases

SECTION_POSITIONS = {kind: position for position, kind in enumerate(SectionKind)}

Advance = Callable[[int], None]


def _no_progress(_steps: int) -> None:
    """Progress callback that ignores progress."""


@dataclass
class _Context:
    release: OnetRelease
    source_id: int
    careers: dict[str, int]


async def onet_source(session: AsyncSession, release: str) -> Source:
    """Return the provenance source of an O*NET release, with the required attribution."""
    return await upsert_source(
        session,
        key="onet",
        name=f"O*NET {release} Database",
        licence="CC BY 4.0",
        url="https://www.onetcenter.org/database.html",
        note=ATTRIBUTION.format(release=release),
    )


async def import_onet(
    session: AsyncSession, release: OnetRelease, advance: Advance = _no_progress
) -> ImportReport:
    """Import ``release``; a no-op when that release was imported already."""
    started = time.perf_counter()
    report = ImportReport(read=len(release.occupations))
    if await already_imported(session, "onet", release.release):
        report.unchanged = report.read
        advance(report.read)
        return _done(report, started)
    await _refuse_older(session, release.release)
    source = await onet_source(session, release.release)
    await sync_taxonomy(session, build_taxonomy(release.technology, reviewed_aliases()))
    careers, created = await _upsert_careers(session, release, source.id)
    report.imported, report.updated = created, report.read - created
    context = _Context(release, source.id, careers)
    await _replace_children(session, context, advance)
    occupation_ids = await _upsert_occupations(session, context)
    skill_ids = dict((await session.execute(select(Skill.name, Skill.id))).all())
    await sync_occupation_skills(session, occupation_ids, release.technology, skill_ids)
    session.add(OnetImport(kind="onet", release=release.release, occupations=report.read))
    await session.flush()
    return _done(report, started)


def _done(report: ImportReport, started: float) -> ImportReport:
    report.seconds = time.perf_counter() - started
    return report


def _version(release: str) -> tuple[int, ...]:
    return tuple(int(part) for part in release.split(".") if part.isdigit())


async def _refuse_older(session: AsyncSession, release: str) -> None:
    imported = await session.scalars(select(OnetImport.release).where(OnetImport.kind == "onet"))
    newest = max(imported, key=_version, default=None)
    if newest is not None and _version(release) < _version(newest):
        raise InvalidInputError(f"O*NET {newest} is imported already; {release} is older.")


async def _upsert_careers(
    session: AsyncSession, release: OnetRelease, source_id: int
) -> tuple[dict[str, int], int]:
    """Create or update one career per occupation; return SOC code → career id, created."""
    linked = dict(
        (
            await session.execute(
                select(OnetOccupation.soc_code, OnetOccupation.career_id).where(
                    OnetOccupation.career_id.is_not(None)
                )
            )
        ).all()
    )
    taken = set(await session.scalars(select(Career.slug)))
    existing = {
        c.id: c
        for c in await session.scalars(
            select(Career).where(Career.id.in_([i for i in linked.values() if i is not None]))
        )
    }
    created = 0
    careers: dict[str, Career] = {}
    for code, occupation in release.occupations.items():
        career = existing.get(linked.get(code) or 0)
        if career is None:
            career = Career(slug=_free_slug(occupation, taken), is_stub=False)
            session.add(career)
            created += 1
        career.title, career.summary = occupation.title, occupation.description
        career.onet_soc_code, career.source_id = code, source_id
        careers[code] = career
    await session.flush()
    return {code: career.id for code, career in careers.items()}, created


def _free_slug(occupation: Occupation, taken: set[str]) -> str:
    slug = slugify(occupation.title)
    if slug in taken:
        slug = f"{slug}-{slugify(occupation.soc_code)}"
    taken.add(slug)
    return slug


async def _replace_children(session: AsyncSession, context: _Context, advance: Advance) -> None:
    ids = list(context.careers.values())
    await session.execute(
        delete(CareerAlias).where(
            CareerAlias.career_id.in_(ids), CareerAlias.kind.in_(ONET_ALIAS_KINDS)
        )
    )
    await session.execute(delete(CareerSection).where(CareerSection.career_id.in_(ids)))
    await session.execute(delete(CareerRelation).where(CareerRelation.career_id.in_(ids)))
    aliases: list[dict[str, Any]] = []
    for code, occupation in context.release.occupations.items():
        aliases.extend(_alias_rows(context.careers[code], occupation, context.source_id))
    await insert_chunks(session, CareerAlias, aliases)
    advance(len(ids) // 3)
    await _insert_sections(session, context)
    advance(len(ids) // 3)
    await insert_chunks(session, CareerRelation, await _relation_rows(session, context))
    advance(len(ids) - 2 * (len(ids) // 3))


def _alias_rows(career_id: int, occupation: Occupation, source_id: int) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    names = [(occupation.title, "title")]
    names += [(t, "onet_alternate") for t in occupation.alternate_titles]
    names += [(t, "onet_reported") for t in occupation.reported_titles]
    for name, kind in names:
        clipped = name[:300]
        if clipped and clipped not in rows:
            rows[clipped] = {
                "career_id": career_id,
                "name": clipped,
                "normalized": normalize_title(clipped)[:300],
                "slug": slugify(clipped)[:300],
                "kind": kind,
                "source_id": source_id,
            }
    return list(rows.values())


Items = list[tuple[str | None, str]]


def _sections_of(
    occupation: Occupation, context: _Context
) -> list[tuple[SectionKind, str, str, Items]]:
    sections: list[tuple[SectionKind, str, str, Items]] = []
    if occupation.tasks:
        tasks: Items = [(None, task) for task in occupation.tasks]
        sections.append(
            (SectionKind.RESPONSIBILITIES, "Tasks", "Tasks O*NET lists for this occupation:", tasks)
        )
    if occupation.tools:
        tools: Items = [
            (group, name) for name, group in sorted(occupation.tools, key=lambda t: t[1])
        ]
        sections.append((SectionKind.TOOLS, "Tools used", "", tools))
    zone = context.release.job_zones.get(occupation.job_zone or 0)
    if zone is not None:
        body = f"{zone['Name']}. {zone['Education']} {zone['Experience']}"
        sections.append((SectionKind.EDUCATION, "Preparation", body, []))
    return sections


async def _insert_sections(session: AsyncSession, context: _Context) -> None:
    section_rows: list[dict[str, Any]] = []
    items_by_key: dict[tuple[int, str], list[tuple[str | None, str]]] = {}
    for code, occupation in context.release.occupations.items():
        career_id = context.careers[code]
        for kind, title, body, items in _sections_of(occupation, context):
            section_rows.append(
                {
                    "career_id": career_id,
                    "kind": kind,
                    "position": SECTION_POSITIONS[kind],
                    "title": title,
                    "body": body,
                    "source_id": context.source_id,
                }
            )
            items_by_key[(career_id, kind.value)] = items
    await insert_chunks(session, CareerSection, section_rows)
    created = await session.execute(
        select(CareerSection.id, CareerSection.career_id, CareerSection.kind).where(
            CareerSection.career_id.in_(list(context.careers.values()))
        )
    )
    item_rows = [
        {
            "section_id": section_id,
            "position": position,
            "group": group,
            "text": text,
            "source_id": context.source_id,
        }
        for section_id, career_id, kind in created
        for position, (group, text) in enumerate(
            items_by_key.get((career_id, kind.value), []), start=1
        )
    ]
    await insert_chunks(session, CareerSectionItem, item_rows)


async def _relation_rows(session: AsyncSession, context: _Context) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for code, occupation in context.release.occupations.items():
        career_id = context.careers[code]
        for position, related in enumerate(occupation.related, start=1):
            if related in context.careers and related != code:
                rows.append(
                    {
                        "career_id": career_id,
                        "related_career_id": context.careers[related],
                        "kind": RelationKind.RELATED,
                        "position": position,
                        "source_id": context.source_id,
                    }
                )
    imported = set(context.careers.values())
    curated = await session.execute(
        select(Career.id, Career.onet_soc_code).where(Career.onet_soc_code.is_not(None))
    )
    for career_id, soc in curated.all():
        if career_id not in imported and soc is not None and soc in context.careers:
            # The curated career refines the occupation: shown as its specialisation.
            rows.append(
                {
                    "career_id": context.careers[soc],
                    "related_career_id": career_id,
                    "kind": RelationKind.SPECIALISATION,
                    "position": 0,
                    "source_id": context.source_id,
                }
            )
    return rows


async def _upsert_occupations(session: AsyncSession, context: _Context) -> dict[str, int]:
    rows = await session.scalars(select(OnetOccupation))
    found = {row.soc_code: row for row in rows}
    for code, occupation in context.release.occupations.items():
        row = found.get(code)
        if row is None:
            row = found[code] = OnetOccupation(soc_code=code)
            session.add(row)
        row.title, row.career_id = occupation.title, context.careers[code]
        row.job_zone, row.release = occupation.job_zone, context.release.release
    await session.flush()
    return {code: found[code].id for code in context.release.occupations}
