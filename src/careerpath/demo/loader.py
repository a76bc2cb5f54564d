"""Load the demo careers, sources and published salaries idempotently."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from careerpath.careers.models import (
    Career,
    CareerAlias,
    CareerLevel,
    CareerRelation,
    CareerSection,
    CareerSectionItem,
    RelationKind,
    SectionKind,
)
from careerpath.careers.titles import normalize_title, slugify
from careerpath.demo.catalog import load_demo_catalog
from careerpath.demo.sync import assign, sync_children
from careerpath.provenance.models import Source
from careerpath.provenance.service import upsert_source
from careerpath.salaries.models import PayPeriod, PublishedSalary
from careerpath.skills.shipped import load_shipped_skills

SECTION_ORDER = list(SectionKind)


@dataclass
class DemoSummary:
    """What a demo load touched."""

    sources: int = 0
    careers: int = 0
    published_salaries: int = 0
    resources: int = 0
    skills: int = 0
    notes: list[str] = field(default_factory=list)


def read_demo_file(name: str) -> dict[str, Any]:
    """Parse one TOML file of the shipped demo data."""
    return tomllib.loads(resources.files("careerpath.demo.data").joinpath(name).read_text("utf-8"))


async def load_demo(session: AsyncSession) -> DemoSummary:
    """Load (or bring up to date) every demo career, source and published salary."""
    summary = DemoSummary()
    sources = await _load_sources(session, read_demo_file("sources.toml"))
    summary.sources = len(sources)
    careers_data = read_demo_file("careers.toml")["career"]
    careers = {c["slug"]: await _upsert_career(session, c, sources) for c in careers_data}
    for data in careers_data:
        _sync_relations(careers[data["slug"]], data, careers, sources)
    summary.careers = len(careers)
    summary.published_salaries = await _load_salaries(
        session, read_demo_file("salaries.toml"), careers, sources
    )
    codes = {c.onet_soc_code for c in careers.values() if c.onet_soc_code}
    # Skills before the catalog: resources are tagged with the taxonomy's skill ids on import.
    summary.skills = await load_shipped_skills(session, codes)
    summary.resources = await load_demo_catalog(session)
    await session.flush()
    return summary


async def _load_sources(session: AsyncSession, data: dict[str, Any]) -> dict[str, Source]:
    loaded = {}
    for entry in data["source"]:
        loaded[entry["key"]] = await upsert_source(session, **entry)
    return loaded


async def _upsert_career(
    session: AsyncSession, data: dict[str, Any], sources: dict[str, Source]
) -> Career:
    career = await session.scalar(
        select(Career)
        .where(Career.slug == data["slug"])
        .options(
            selectinload(Career.aliases),
            selectinload(Career.levels),
            selectinload(Career.relations),
            selectinload(Career.sections).selectinload(CareerSection.items),
        )
    )
    if career is None:
        career = Career(slug=data["slug"], aliases=[], levels=[], relations=[], sections=[])
        session.add(career)
    assign(career, _career_fields(data, sources))
    _sync_aliases(career, data, sources)
    _sync_levels(career, data, sources)
    _sync_sections(career, data, sources)
    await session.flush()
    return career


def _source_id(entry: dict[str, Any], sources: dict[str, Source]) -> int | None:
    key = entry.get("source")
    return sources[key].id if key else None


def _career_fields(data: dict[str, Any], sources: dict[str, Source]) -> dict[str, Any]:
    return {
        "title": data["title"],
        "summary": data.get("summary", ""),
        "onet_soc_code": data.get("onet_soc_code"),
        "is_stub": bool(data.get("stub", False)),
        "source_id": _source_id(data, sources),
    }


def _sync_aliases(career: Career, data: dict[str, Any], sources: dict[str, Source]) -> None:
    names = [(data["title"], "title"), *((name, "curated") for name in data.get("aliases", []))]
    source_id = _source_id(data, sources)
    desired = [
        {
            "name": name,
            "normalized": normalize_title(name),
            "slug": slugify(name),
            "kind": kind,
            "source_id": source_id,
        }
        for name, kind in names
    ]
    sync_children(
        career.aliases,
        desired,
        key=lambda v: v["name"],
        row_key=lambda row: row.name,
        make=lambda v: CareerAlias(**v),
    )


def _sync_levels(career: Career, data: dict[str, Any], sources: dict[str, Source]) -> None:
    desired = [
        {
            "position": position,
            "title": level["title"],
            "years_min": level.get("years_min"),
            "years_max": level.get("years_max"),
            "source_id": _source_id(level, sources),
        }
        for position, level in enumerate(data.get("ladder", []), start=1)
    ]
    sync_children(
        career.levels,
        desired,
        key=lambda v: v["position"],
        row_key=lambda row: row.position,
        make=lambda v: CareerLevel(**v),
    )


def _sync_sections(career: Career, data: dict[str, Any], sources: dict[str, Source]) -> None:
    sections = data.get("section", [])
    by_kind = {SectionKind(s["kind"]): s for s in sections}
    desired = [
        {
            "kind": kind,
            "position": SECTION_ORDER.index(kind),
            "title": section["title"],
            "body": section.get("body", ""),
            "source_id": _source_id(section, sources),
        }
        for kind, section in by_kind.items()
    ]
    sync_children(
        career.sections,
        desired,
        key=lambda v: v["kind"],
        row_key=lambda row: row.kind,
        make=lambda v: CareerSection(items=[], **v),
    )
    for section in career.sections:
        _sync_items(section, by_kind[section.kind], sources)


def _sync_items(section: CareerSection, data: dict[str, Any], sources: dict[str, Source]) -> None:
    source_id = _source_id(data, sources)
    desired = []
    for position, item in enumerate(data.get("items", []), start=1):
        entry = item if isinstance(item, dict) else {"text": item}
        desired.append(
            {
                "position": position,
                "group": entry.get("group"),
                "text": entry["text"],
                "source_id": source_id,
            }
        )
    sync_children(
        section.items,
        desired,
        key=lambda v: v["position"],
        row_key=lambda row: row.position,
        make=lambda v: CareerSectionItem(**v),
    )


def _sync_relations(
    career: Career,
    data: dict[str, Any],
    careers: dict[str, Career],
    sources: dict[str, Source],
) -> None:
    desired = [
        {
            "related_career_id": careers[link["slug"]].id,
            "kind": RelationKind(link["kind"]),
            "position": position,
            "source_id": _source_id(data, sources),
        }
        for position, link in enumerate(data.get("related", []), start=1)
    ]
    sync_children(
        career.relations,
        desired,
        key=lambda v: (v["related_career_id"], v["kind"]),
        row_key=lambda row: (row.related_career_id, row.kind),
        make=lambda v: CareerRelation(**v),
    )


async def _load_salaries(
    session: AsyncSession,
    data: dict[str, Any],
    careers: dict[str, Career],
    sources: dict[str, Source],
) -> int:
    career = careers[data["career"]]
    existing = list(
        await session.scalars(select(PublishedSalary).where(PublishedSalary.career_id == career.id))
    )
    desired = list(_salary_rows(data, career, sources))
    added, removed = sync_children(
        existing,
        desired,
        key=lambda v: (v["source_id"], v["city"], v["row_number"]),
        row_key=lambda row: (row.source_id, row.city, row.row_number),
        make=lambda v: PublishedSalary(**v),
    )
    session.add_all(added)
    for row in removed:
        await session.delete(row)
    return len(desired)


def _salary_rows(data: dict[str, Any], career: Career, sources: dict[str, Source]) -> Any:
    for position, city in enumerate(data["city"], start=1):
        rows_per_source: dict[str, int] = {}
        for figure in city["figures"]:
            source = sources[figure["source"]]
            rows_per_source[source.key] = rows_per_source.get(source.key, 0) + 1
            yield {
                "career_id": career.id,
                "source_id": source.id,
                "row_number": rows_per_source[source.key],
                "city": city["name"],
                "country_code": city["country"],
                "currency": city["currency"],
                "currency_inferred": bool(city.get("currency_inferred", False)),
                "amount": Decimal(figure["amount"]),
                "period": PayPeriod(data["period"]),
                "observed_on": source.published_on,
                "raw_place": figure.get("raw_place", city["name"]),
                "raw_amount": figure["raw"],
                "display_position": position,
            }
