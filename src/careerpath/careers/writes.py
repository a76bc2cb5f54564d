"""Write careers: curators' content edits and the careers an O*NET release brings.

The careers tables are written here and nowhere else (the demo loader aside); every write
counts for the cache generation, so pages and documents showing a changed career refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
from careerpath.careers.presenters import career_read
from careerpath.careers.schemas import CareerRead, CareerRef
from careerpath.careers.service import get_career, sources_of
from careerpath.careers.titles import normalize_title, slugify
from careerpath.ingest.bulk import insert_rows

# Aliases an occupation import owns (replaced by the next release); curated ones stay.
OCCUPATION_ALIAS_KINDS = ("title", "onet_alternate", "onet_reported")
SECTION_POSITIONS = {kind: position for position, kind in enumerate(SectionKind)}
Items = list[tuple[str | None, str]]
Advance = Callable[[int], None]


@dataclass(frozen=True)
class SectionIn:
    """A section of an occupation's career: kind, title, body and (group, text) items."""

    kind: SectionKind
    title: str
    body: str
    items: Items = field(default_factory=list)


@dataclass(frozen=True)
class OccupationCareer:
    """The career an occupation becomes: its facts, named by SOC code."""

    soc_code: str
    title: str
    summary: str
    aliases: list[tuple[str, str]]  # (name, kind), kind one of OCCUPATION_ALIAS_KINDS
    sections: list[SectionIn]
    related: list[str]  # SOC codes


async def edit_career(
    db: AsyncSession, career: CareerRef, summary: str | None, sections: dict[SectionKind, str]
) -> CareerRead:
    """Set the summary and section bodies given (adding sections the career lacks)."""
    row = await get_career(db, career.id)
    if summary is not None:
        row.summary = summary
    by_kind = {section.kind: section for section in row.sections}
    for kind, body in sections.items():
        if kind in by_kind:
            by_kind[kind].body = body
        else:
            title = kind.value.replace("_", " ").capitalize()
            row.sections.append(
                CareerSection(kind=kind, position=len(row.sections), title=title, body=body)
            )
    await db.flush()
    row = await get_career(db, career.id)  # reloads the columns the flush expired
    return career_read(row, await sources_of(db, row))


async def upsert_occupation_careers(
    session: AsyncSession,
    occupations: Sequence[OccupationCareer],
    linked: dict[str, int],
    source_id: int,
    advance: Advance,
) -> tuple[dict[str, int], int]:
    """Create or update one career per occupation, with its aliases, sections and relations.

    ``linked`` maps SOC codes to careers imported before (updated in place); returns SOC code
    -> career id, and how many careers were created.
    """
    careers, created = await _upsert_careers(session, occupations, linked, source_id)
    await _replace_children(session, occupations, careers, source_id, advance)
    return careers, created


async def _upsert_careers(
    session: AsyncSession,
    occupations: Sequence[OccupationCareer],
    linked: dict[str, int],
    source_id: int,
) -> tuple[dict[str, int], int]:
    taken = set(await session.scalars(select(Career.slug)))
    existing = {
        c.id: c for c in await session.scalars(select(Career).where(Career.id.in_(linked.values())))
    }
    created = 0
    careers: dict[str, Career] = {}
    for occupation in occupations:
        career = existing.get(linked.get(occupation.soc_code, 0))
        if career is None:
            career = Career(slug=_free_slug(occupation, taken), is_stub=False)
            session.add(career)
            created += 1
        career.title, career.summary = occupation.title, occupation.summary
        career.onet_soc_code, career.source_id = occupation.soc_code, source_id
        careers[occupation.soc_code] = career
    await session.flush()
    return {code: career.id for code, career in careers.items()}, created


def _free_slug(occupation: OccupationCareer, taken: set[str]) -> str:
    slug = slugify(occupation.title)
    if slug in taken:
        slug = f"{slug}-{slugify(occupation.soc_code)}"
    taken.add(slug)
    return slug


async def _replace_children(
    session: AsyncSession,
    occupations: Sequence[OccupationCareer],
    careers: dict[str, int],
    source_id: int,
    advance: Advance,
) -> None:
    ids = list(careers.values())
    await session.execute(
        delete(CareerAlias).where(
            CareerAlias.career_id.in_(ids), CareerAlias.kind.in_(OCCUPATION_ALIAS_KINDS)
        )
    )
    await session.execute(delete(CareerSection).where(CareerSection.career_id.in_(ids)))
    await session.execute(delete(CareerRelation).where(CareerRelation.career_id.in_(ids)))
    aliases = [
        row
        for occupation in occupations
        for row in _alias_rows(careers[occupation.soc_code], occupation, source_id)
    ]
    await insert_rows(session, CareerAlias, aliases)
    advance(len(ids) // 3)
    await _insert_sections(session, occupations, careers, source_id)
    advance(len(ids) // 3)
    relations = await _relation_rows(session, occupations, careers, source_id)
    await insert_rows(session, CareerRelation, relations)
    advance(len(ids) - 2 * (len(ids) // 3))


def _alias_rows(
    career_id: int, occupation: OccupationCareer, source_id: int
) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for name, kind in occupation.aliases:
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


async def _insert_sections(
    session: AsyncSession,
    occupations: Sequence[OccupationCareer],
    careers: dict[str, int],
    source_id: int,
) -> None:
    section_rows: list[dict[str, Any]] = []
    items_by_key: dict[tuple[int, str], Items] = {}
    for occupation in occupations:
        career_id = careers[occupation.soc_code]
        for section in occupation.sections:
            section_rows.append(
                {
                    "career_id": career_id,
                    "kind": section.kind,
                    "position": SECTION_POSITIONS[section.kind],
                    "title": section.title,
                    "body": section.body,
                    "source_id": source_id,
                }
            )
            items_by_key[(career_id, section.kind.value)] = section.items
    await insert_rows(session, CareerSection, section_rows)
    created = await session.execute(
        select(CareerSection.id, CareerSection.career_id, CareerSection.kind).where(
            CareerSection.career_id.in_(list(careers.values()))
        )
    )
    item_rows = [
        {
            "section_id": section_id,
            "position": position,
            "group": group,
            "text": text,
            "source_id": source_id,
        }
        for section_id, career_id, kind in created
        for position, (group, text) in enumerate(
            items_by_key.get((career_id, kind.value), []), start=1
        )
    ]
    await insert_rows(session, CareerSectionItem, item_rows)


async def _relation_rows(
    session: AsyncSession,
    occupations: Sequence[OccupationCareer],
    careers: dict[str, int],
    source_id: int,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for occupation in occupations:
        code = occupation.soc_code
        for position, related in enumerate(occupation.related, start=1):
            if related in careers and related != code:
                rows.append(
                    {
                        "career_id": careers[code],
                        "related_career_id": careers[related],
                        "kind": RelationKind.RELATED,
                        "position": position,
                        "source_id": source_id,
                    }
                )
    imported = set(careers.values())
    curated = await session.execute(
        select(Career.id, Career.onet_soc_code).where(Career.onet_soc_code.is_not(None))
    )
    for career_id, soc in curated.all():
        if career_id not in imported and soc is not None and soc in careers:
            # The curated career refines the occupation: shown as its specialisation.
            rows.append(
                {
                    "career_id": careers[soc],
                    "related_career_id": career_id,
                    "kind": RelationKind.SPECIALISATION,
                    "position": 0,
                    "source_id": source_id,
                }
            )
    return rows
