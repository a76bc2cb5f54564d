"""Read careers: list and search them, resolve slugs and aliases, assemble a career."""

from __future__ import annotations

from collections.abc import Sequence

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
from careerpath.careers.schemas import CareerRead, CareerRef, SlugLookup
from careerpath.careers.title_text import title_topic
from careerpath.careers.titles import ALIAS_KIND_RANK, normalize_title, slugify
from careerpath.errors import MovedError, NotFoundError
from careerpath.provenance.models import Source

ONET_SOURCE = "onet"  # the source key the O*NET import credits its careers to


async def lookup_slug(session: AsyncSession, slug: str) -> SlugLookup:
    """Find the career a URL slug names: its own slug first, then any alias of it."""
    own = (await session.execute(select(*_REF_COLUMNS).where(Career.slug == slug))).first()
    if own is not None:
        return SlugLookup(CareerRef(*own), is_alias=False)
    candidates = await session.execute(
        select(*_REF_COLUMNS, CareerAlias.kind)
        .join(CareerAlias, CareerAlias.career_id == Career.id)
        .where(CareerAlias.normalized == normalize_title(slug))
    )
    ranked = sorted(candidates, key=lambda r: (r.is_stub, ALIAS_KIND_RANK.get(r.kind, 9), r.slug))
    if not ranked:
        raise NotFoundError(f"No career is called {slug!r}.")
    return SlugLookup(CareerRef(*ranked[0][:5]), is_alias=True)


_REF_COLUMNS = (Career.id, Career.slug, Career.title, Career.onet_soc_code, Career.is_stub)


async def career_refs(
    session: AsyncSession, career_ids: Sequence[int] | None = None
) -> list[CareerRef]:
    """Return references to the given careers (all when None), in id order."""
    query = select(*_REF_COLUMNS).order_by(Career.id)
    if career_ids is not None:
        query = query.where(Career.id.in_(list(career_ids)))
    return [CareerRef(*row) for row in await session.execute(query)]


async def find_career(session: AsyncSession, cache: DocumentCache, slug: str) -> CareerRef:
    """Return the career ``slug`` or an alias of it names (cached)."""
    found = await cache.get_or_build(f"slug:{slug}", SlugLookup, lambda: lookup_slug(session, slug))
    return found.career


async def resolve_career(session: AsyncSession, cache: DocumentCache, slug: str) -> CareerRef:
    """Return the career at canonical ``slug``; raise ``MovedError`` for an alias slug."""
    career = await find_career(session, cache, slug)
    if career.slug != slug:
        raise MovedError(slug, career.slug)
    return career


async def get_career_document(
    session: AsyncSession, cache: DocumentCache, career: CareerRef
) -> CareerRead:
    """Return the read model of a career (cached)."""

    async def build() -> CareerRead:
        row = await get_career(session, career.id)
        return career_read(row, await sources_of(session, row))

    return await cache.get_or_build(f"career:{career.id}", CareerRead, build)


async def get_career(session: AsyncSession, career_id: int) -> Career:
    """Return a career with its aliases, sections, ladder and relations loaded."""
    career = await session.scalar(_career_with_children().where(Career.id == career_id))
    if career is None:
        raise NotFoundError(f"Career {career_id} does not exist.")
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


async def query_names_a_career(session: AsyncSession, query: str) -> bool:
    """Whether a search names one career for sure; when not, the careers listed for it are
    only the closest guesses ("Principal, Strategy, YouTube")."""
    return await resolution.names_a_career(session, query)


async def sources_of(session: AsyncSession, career: Career) -> list[Source]:
    """Return every source that a fact of ``career`` cites."""
    ids = {career.source_id, *(a.source_id for a in career.aliases)}
    ids |= {level.source_id for level in career.levels}
    for section in career.sections:
        ids |= {section.source_id, *(item.source_id for item in section.items)}
    rows = await session.scalars(
        select(Source).where(Source.id.in_([i for i in ids if i is not None])).order_by(Source.name)
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


async def list_directory(session: AsyncSession) -> list[tuple[Career, bool]]:
    """Return every career with whether people wrote it (not imported from O*NET), those first."""
    imported = (
        select(Source.id).where(Source.id == Career.source_id, Source.key == ONET_SOURCE).exists()
    )
    rows = await session.execute(
        select(Career, imported).order_by(imported, Career.is_stub, Career.title)
    )
    return [(career, not from_onet) for career, from_onet in rows]


def catalog_topic(query: str) -> str | None:
    """Return what a job-title query asks courses to be about: "Golang Engineer" finds no
    course, "Golang" does (None when the query has no role or level word to leave out)."""
    return title_topic(query)
