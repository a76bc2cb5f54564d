"""Services of the title resolver: the database's resolver, built once per process and version.

Every caller that asks "which career is this job title?" comes here: the title API, postings
and salary ingestion and their recompute commands, and free-text career search.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from careerpath.careers.models import (
    Career,
    CareerAlias,
    CareerSection,
    CareerSectionItem,
    SectionKind,
)
from careerpath.careers.resolver import TitleResolver
from careerpath.careers.schemas import TitleCandidateRead, TitleResolutionRead
from careerpath.careers.title_settings import RESOLVER_VERSION
from careerpath.careers.title_training import shipped
from careerpath.careers.title_types import CareerNode, Resolution, TitleName

logger = logging.getLogger(__name__)
_RESOLVERS: dict[str, tuple[tuple[object, ...], TitleResolver]] = {}
_LOCK = threading.Lock()
ONET_LISTS = ("onet_alternate", "onet_reported")
# Search lists a candidate from this confidence on, and from this share of the best one's:
# a query need not name one career (answers need THRESHOLD), but a distant guess is noise.
SEARCH_MIN = 0.05
SEARCH_SHARE_OF_BEST = 0.5


@dataclass(frozen=True, slots=True)
class Attachment:
    """What a stored posting or report keeps of its title's resolution."""

    career_id: int | None
    confidence: float
    level: str | None
    version: str = RESOLVER_VERSION


async def get_resolver(session: AsyncSession) -> TitleResolver:
    """Return the resolver over the database's careers, rebuilt only when they change."""
    version = await _version(session)
    database = str(session.get_bind().engine.url)
    cached = _RESOLVERS.get(database)
    if cached is not None and cached[0] == version:
        return cached[1]
    names, nodes, context = await _names(session), await _nodes(session), await _context(session)
    # Built off the event loop: other requests go on while it counts.
    resolver = await asyncio.to_thread(TitleResolver, names, nodes, context, shipped())
    with _LOCK:
        _RESOLVERS[database] = (version, resolver)
    return resolver


async def warm_resolver(session_factory: async_sessionmaker[AsyncSession]) -> None:
    """Build the resolver when the app starts, so that no request waits for it."""
    try:
        async with session_factory() as session:
            await get_resolver(session)
    except SQLAlchemyError as error:
        # Not migrated yet, or unreachable: the first request that needs it builds it.
        logger.warning("Title resolver not warmed at startup: %s", error)


async def resolve_title(session: AsyncSession, title: str) -> Resolution:
    """Resolve one job title to a career, or abstain with candidates."""
    return (await get_resolver(session)).resolve(title)


async def resolve_titles(session: AsyncSession, titles: Iterable[str]) -> dict[str, Resolution]:
    """Resolve many titles; each distinct title is resolved once."""
    resolver = await get_resolver(session)
    return {title: resolver.resolve(title) for title in set(titles)}


async def names_a_career(session: AsyncSession, query: str) -> bool:
    """Whether the resolver is sure which career ``query`` names (it answers, not abstains)."""
    return (await get_resolver(session)).resolve(query, explain=False).career_id is not None


async def search_careers(session: AsyncSession, query: str) -> list[int]:
    """Return the ids of the careers a free-text query most likely names, best first."""
    answer = (await get_resolver(session)).resolve(query, explain=False)
    if not answer.candidates:
        return []
    floor = max(SEARCH_MIN, SEARCH_SHARE_OF_BEST * answer.candidates[0].confidence)
    return list(dict.fromkeys(c.career_id for c in answer.candidates if c.confidence >= floor))


async def attachments(session: AsyncSession, titles: Iterable[str]) -> dict[str, Attachment]:
    """Return what postings and reports store for each distinct title."""
    resolved = await resolve_titles(session, titles)
    return {
        title: Attachment(r.career_id, round(r.confidence, 4), r.level)
        for title, r in resolved.items()
    }


async def _version(session: AsyncSession) -> tuple[object, ...]:
    aliases = (
        await session.execute(select(func.max(CareerAlias.id), func.count(CareerAlias.id)))
    ).one()
    careers = (await session.execute(select(func.max(Career.id), func.count(Career.id)))).one()
    return (RESOLVER_VERSION, *aliases, *careers)


async def _names(session: AsyncSession) -> list[TitleName]:
    rows = await session.execute(select(Career.id, Career.title))
    names = [TitleName(career_id, title, "title") for career_id, title in rows]
    aliases = await session.execute(
        select(CareerAlias.career_id, CareerAlias.name, CareerAlias.kind)
    )
    names += [TitleName(*row) for row in aliases]
    return names


async def _nodes(session: AsyncSession) -> list[CareerNode]:
    """Each career, and for one that refines an imported occupation, that occupation's career.

    An imported occupation is the career that carries O*NET's alternate or reported titles (a
    curated career also has an alias of kind "title": its own title).
    """
    imported = dict(
        (
            await session.execute(
                select(Career.onet_soc_code, Career.id)
                .join(CareerAlias, CareerAlias.career_id == Career.id)
                .where(CareerAlias.kind.in_(ONET_LISTS), Career.onet_soc_code.is_not(None))
                .distinct()
            )
        ).all()
    )
    occupations = set(imported.values())
    rows = await session.execute(select(Career.id, Career.onet_soc_code))
    nodes = []
    for career_id, code in rows:
        parent = imported.get(code)
        nodes.append(
            CareerNode(
                career_id,
                parent_id=parent if parent not in (None, career_id) else None,
                curated=career_id not in occupations,
                group=(code or "")[:2],
                code=code or "",
            )
        )
    return nodes


async def _context(session: AsyncSession) -> dict[int, str]:
    """Each career's summary and responsibilities: topical words for titles never seen."""
    texts = {
        career_id: summary or ""
        for career_id, summary in await session.execute(select(Career.id, Career.summary))
    }
    items = await session.execute(
        select(CareerSection.career_id, CareerSectionItem.text)
        .join(CareerSectionItem, CareerSectionItem.section_id == CareerSection.id)
        .where(CareerSection.kind == SectionKind.RESPONSIBILITIES)
    )
    for career_id, text in items:
        texts[career_id] = f"{texts.get(career_id, '')} {text}"
    return texts


async def explain_titles(session: AsyncSession, titles: list[str]) -> list[TitleResolutionRead]:
    """Resolve ``titles`` and describe each answer: career, confidence, level, reasons."""
    resolved = await resolve_titles(session, titles)
    ids = {c.career_id for r in resolved.values() for c in r.candidates}
    careers = {
        row.id: row
        for row in await session.execute(
            select(Career.id, Career.slug, Career.title).where(Career.id.in_(ids))
        )
    }

    def candidate(career_id: int, confidence: float) -> TitleCandidateRead:
        row = careers[career_id]
        return TitleCandidateRead(row.slug, row.title, round(confidence, 4))

    return [
        TitleResolutionRead(
            title=title,
            career=None
            if (r := resolved[title]).career_id is None
            else candidate(r.career_id, r.confidence),
            confidence=round(r.confidence, 4),
            level=r.level,
            reasons=list(r.reasons),
            candidates=[candidate(c.career_id, c.confidence) for c in r.candidates],
            resolver_version=RESOLVER_VERSION,
        )
        for title in titles
    ]
