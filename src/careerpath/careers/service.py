"""Read careers: list and search them, resolve slugs and aliases, assemble a career."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from careerpath.cache import DocumentCache
from careerpath.careers import resolution
from careerpath.careers.models import (
    Career,
    CareerAlias,
    CareerRelation,
    CareerSection,
)
from careerpath.careers.presenters import career_read
from careerpath.careers.schemas import CareerRead
from careerpath.careers.titles import ALIAS_KIND_RANK, normalize_title, slugify
from careerpath.errors import NotFoundError
from careerpath.provenance.models import Source
from careerpath.salaries.models import PublishedSalary


@dataclass(frozen=True, slots=True)
class SlugResolution:
    """The career a slug names, and whether the slug was already its canonical one."""

    career_id: int
    canonical_slug: str
    is_canonical: bool


async def resolve_slug(session: AsyncSession, slug: str) -> SlugResolution:
    """Find the career a URL slug names: its own slug first, then any alias of it."""
    found = await session.execute(select(Career.id, Career.slug).where(Career.slug == slug))
    row = found.first()
    if row is not None:
        return SlugResolution(row.id, row.slug, is_canonical=True)
    key = normalize_title(slug)
    candidates = await session.execute(
        select(Career.id, Career.slug, CareerAlias.kind, Career.is_stub)
        .join(CareerAlias, CareerAlias.career_id == Career.id)
        .where(CareerAlias.normalized == key)
    )
    ranked = sorted(candidates, key=lambda r: (r.is_stub, ALIAS_KIND_RANK.get(r.kind, 9), r.slug))
    if not ranked:
        raise NotFoundError(f"No career is called {slug!r}.")
    best = ranked[0]
    return SlugResolution(best.id, best.slug, is_canonical=False)


async def get_career_document(
    session: AsyncSession, cache: DocumentCache, slug: str
) -> CareerRead | SlugResolution:
    """Return the read model of the career at ``slug``, or where an alias slug should point."""
    key = f"career:{slug}"
    cached = await cache.get(key, CareerRead)
    if cached is not None:
        return cached
    found = await resolve_slug(session, slug)
    if not found.is_canonical:
        return found
    career = await get_career(session, found.career_id)
    document = career_read(career, await sources_of(session, career))
    await cache.set(key, document)
    return document


async def get_career(session: AsyncSession, career_id: int) -> Career:
    """Return a career with its aliases, sections, ladder and relations loaded."""
    career = await session.scalar(_career_with_children().where(Career.id == career_id))
    if career is None:
        raise NotFoundError(f"Career {career_id} does not exist.")
    return career


async def get_career_row(session: AsyncSession, career_id: int) -> Career:
    """Return a career's own row, without its children."""
    career = await session.get(Career, career_id)
    if career is None:
        raise NotFoundError(f"Career {career_id} does not exist.")
    return career


async def get_career_by_slug(session: AsyncSession, slug: str) -> Career:
    """Return the career whose canonical slug is ``slug``."""
    career = await session.scalar(_career_with_children().where(Career.slug == slug))
    if career is None:
        raise NotFoundError(f"No career is called {slug!r}.")
    return career


def _career_with_children() -> Select[Career]:
    return select(Career).options(
        selectinload(Career.source),
        selectinload(Career.aliases).selectinload(CareerAlias.source),
        selectinload(Career.sections).selectinload(CareerSection.items),
        selectinload(Career.sections).selectinload(CareerSection.source),
        selectinload(Career.levels),
        selectinload(Career.relations).selectinload(CareerRelation.related),
    )


async def list_careers(
    session: AsyncSession, *, query: str | None, limit: int, offset: int
) -> tuple[list[Career], int]:
    """Return one page of careers: all by title, or those ``query`` names, best first.

    A query is read by the title resolver ("Sr. Backend Dev" finds Back End Engineer); careers
    whose title or alias contains the query's text follow, so a partial word still finds them.
    """
    if not query:
        total = await session.scalar(select(func.count(Career.id)))
        page = await session.scalars(
            select(Career).order_by(Career.is_stub, Career.title).limit(limit).offset(offset)
        )
        return list(page), total or 0
    ranked = await resolution.search_careers(session, query)
    spelled = await session.scalars(
        select(Career.id).where(_matches(query)).order_by(Career.is_stub, Career.title)
    )
    ids = list(dict.fromkeys([*ranked, *spelled]))
    wanted = ids[offset : offset + limit]
    found = {c.id: c for c in await session.scalars(select(Career).where(Career.id.in_(wanted)))}
    return [found[i] for i in wanted if i in found], len(ids)


async def sources_of(session: AsyncSession, career: Career) -> list[Source]:
    """Return every source that a fact of ``career`` (or its published salaries) cites."""
    ids = {career.source_id, *(a.source_id for a in career.aliases)}
    ids |= {level.source_id for level in career.levels}
    for section in career.sections:
        ids |= {section.source_id, *(item.source_id for item in section.items)}
    salary_sources = select(PublishedSalary.source_id).where(PublishedSalary.career_id == career.id)
    rows = await session.scalars(
        select(Source)
        .where(or_(Source.id.in_([i for i in ids if i is not None]), Source.id.in_(salary_sources)))
        .order_by(Source.name)
    )
    return list(rows)


def _matches(query: str) -> ColumnElement[bool]:
    key = normalize_title(query)
    pattern = f"%{key}%"
    alias_hit = (
        select(CareerAlias.id)
        .where(CareerAlias.career_id == Career.id, CareerAlias.normalized.like(pattern))
        .exists()
    )
    return or_(Career.slug.like(f"%{slugify(query)}%"), alias_hit)
