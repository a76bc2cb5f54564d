"""Read the precomputed rankings, and build learning paths and skill gaps on request."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Select

from careerpath.careers.schemas import CareerRef
from careerpath.catalog.language import DEFAULT_LANGUAGE
from careerpath.catalog.models import Resource
from careerpath.errors import InvalidInputError, PayloadTooLargeError
from careerpath.matching.catalog_view import load_catalog
from careerpath.matching.demand import Demand
from careerpath.matching.fastpath import PreparedCourses, path_from, prepare, skill_gap_fast
from careerpath.matching.models import CareerRanking
from careerpath.matching.paths import PathOptions, prune_courses
from careerpath.matching.profile import career_demand
from careerpath.matching.schemas import (
    MAX_GAP_TEXT_BYTES,
    CourseGainRead,
    DemandedSkillRead,
    GapIn,
    GapRead,
    LanguageCount,
    PathRead,
    PathStepRead,
    RankedPage,
    RankedResource,
)
from careerpath.matching.service import RELEVANCE_FLOOR
from careerpath.search.builder import catalog_fingerprint
from careerpath.skills.service import get_extractor

LEVELS = ("beginner", "intermediate", "advanced")
MAX_SKILLS_LISTED = 200
MAX_PREPARED = 64
MIN_RELEVANCE = 0.01  # a stored score of 0 (a pinned item) still lets a course count a little
_PREPARED: dict[tuple[object, ...], PreparedCourses] = {}


@dataclass(frozen=True)
class RankFilters:
    """Filters of a ranked list."""

    free: bool = False
    level: str | None = None
    max_hours: float | None = None
    language: str = DEFAULT_LANGUAGE

    def unfiltered(self) -> bool:
        """Return whether only the language narrows the list."""
        return not self.free and self.level is None and self.max_hours is None


def _filtered(
    query: Select[CareerRanking, Resource], filters: RankFilters
) -> Select[CareerRanking, Resource]:
    if filters.level is not None and filters.level not in LEVELS:
        raise InvalidInputError(f"level must be one of {', '.join(LEVELS)}")
    if filters.free:
        query = query.where(Resource.is_free.is_(True))
    if filters.level:
        query = query.where(Resource.level == filters.level)
    if filters.max_hours is not None:
        query = query.where(Resource.duration_hours <= filters.max_hours)
    return query


async def ranked(
    session: AsyncSession,
    career: CareerRef,
    kind: str,
    filters: RankFilters,
    limit: int,
    offset: int = 0,
) -> RankedPage:
    """Return a page of the career's stored ranking of ``kind`` in the filters' language."""
    language = filters.language
    base = _filtered(
        select(CareerRanking, Resource)
        .join(Resource, Resource.id == CareerRanking.resource_id)
        .where(CareerRanking.career_id == career.id, CareerRanking.kind == kind),
        filters,
    )
    query = base.where(CareerRanking.language == language)
    total = await session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = await session.execute(query.order_by(CareerRanking.position).limit(limit).offset(offset))
    if filters.unfiltered():
        total = max(total, await _relevant(session, career, kind, language))
    items = [
        RankedResource(
            position=row.position, resource_id=res.id, kind=kind, title=res.title, url=res.url,
            provider=res.provider, is_free=res.is_free, level=str(res.level) if res.level else None,
            duration_hours=res.duration_hours, rating=res.rating, score=row.score,
            because=str(row.explanation.get("because", "")), explanation=row.explanation,
        )
        for row, res in rows.all()
    ]  # fmt: skip
    profile = str(items[0].explanation.get("profile", "")) if items else ""
    return RankedPage(
        career.slug, career.title, kind, total, profile, items, language, RELEVANCE_FLOOR,
        await _left_out(session, base, language),
    )  # fmt: skip


async def _relevant(session: AsyncSession, career: CareerRef, kind: str, language: str) -> int:
    """Return how many distinct items passed the relevance floor (more than are stored)."""
    first = await session.scalar(
        select(CareerRanking.explanation).where(
            CareerRanking.career_id == career.id,
            CareerRanking.kind == kind,
            CareerRanking.language == language,
            CareerRanking.position == 1,
        )
    )
    return int(first.get("relevant", 0)) if first else 0


async def _left_out(
    session: AsyncSession, base: Select[CareerRanking, Resource], language: str
) -> list[LanguageCount]:
    sub = base.where(CareerRanking.language != language).subquery()
    rows = await session.execute(
        select(sub.c.language, func.count()).group_by(sub.c.language).order_by(sub.c.language)
    )
    return [LanguageCount(lang, n) for lang, n in rows]


def _refs(ids: Iterable[int], demand: Demand, *, by_share: bool = False) -> list[DemandedSkillRead]:
    refs = [
        DemandedSkillRead(i, demand.shares[i].name, round(demand.shares[i].share, 4))
        for i in ids
        if i in demand.shares
    ]
    return sorted(refs, key=lambda r: (-r.share, r.id)) if by_share else refs


async def known_skill_ids(session: AsyncSession, names: list[str]) -> set[int]:
    """Map skill names (as people write them) to taxonomy ids."""
    if len(names) > MAX_SKILLS_LISTED:
        raise InvalidInputError(f"list at most {MAX_SKILLS_LISTED} skills")
    extractor = await get_extractor(session)
    return {i for name in names for i in extractor.mentioned_ids(name[:200])}


async def _titles(
    session: AsyncSession, ids: list[int]
) -> dict[int, tuple[str, str, bool, str | None]]:
    """Return each course's title, link, whether it is free, and its price's currency."""
    if not ids:
        return {}
    rows = await session.execute(
        select(
            Resource.id, Resource.title, Resource.url, Resource.is_free, Resource.price_currency
        ).where(Resource.id.in_(ids))
    )
    return {rid: (title, url, free, currency) for rid, title, url, free, currency in rows}


async def _courses(
    session: AsyncSession,
    career: CareerRef,
    demand: Demand,
    language: str,
    options: PathOptions | None = None,
) -> PreparedCourses:
    """Return the career's relevant courses in the reader's language (those its ranking kept).

    A course that teaches some demanded skill but is not about the career (a robotics course
    "teaching" MATLAB to a Data Engineer) never joins a path or a gap's advice: the path and
    the ranked list agree. Kept per process for the same catalog (search fingerprint), ranking,
    demand and options, so a request does not reload and re-prune the whole catalog.
    """
    options = options or PathOptions()
    by_price = options.max_price is not None
    relevant = await _ranked_courses(session, career, language)
    key = (
        str(session.get_bind().engine.url),
        await catalog_fingerprint(session),
        tuple(sorted(relevant.items())),
        tuple(sorted(demand.weights().items())),
        demand.core,
        options.free_only,
        by_price,
    )
    cached = _PREPARED.get(key)
    if cached is not None:
        return cached
    best = max(relevant.values(), default=1.0) or 1.0
    courses = [
        replace(item.course(), relevance=max(relevant[item.resource_id] / best, MIN_RELEVANCE))
        for item in await load_catalog(session, "course")
        if item.resource_id in relevant and (item.is_free or not options.free_only)
    ]
    pruned = prune_courses(courses, demand.shares, price_matters=by_price)
    prepared = prepare(pruned, demand.weights(), core=demand.core)
    if len(_PREPARED) >= MAX_PREPARED:
        _PREPARED.pop(next(iter(_PREPARED)))
    _PREPARED[key] = prepared
    return prepared


async def _ranked_courses(
    session: AsyncSession, career: CareerRef, language: str
) -> dict[int, float]:
    """Return the courses in ``language`` the career's stored ranking kept, with their scores."""
    rows = await session.execute(
        select(CareerRanking.resource_id, CareerRanking.score).where(
            CareerRanking.career_id == career.id,
            CareerRanking.kind == "course",
            CareerRanking.language == language,
        )
    )
    return {resource_id: float(score) for resource_id, score in rows}


async def learning_path(
    session: AsyncSession,
    career: CareerRef,
    options: PathOptions,
    language: str = DEFAULT_LANGUAGE,
) -> PathRead:
    """Build the career's learning path from its courses in ``language`` within ``options``."""
    demand = await career_demand(session, career)
    courses = await _courses(session, career, demand, language, options)
    built = path_from(courses, demand.weights(), options)
    titles = await _titles(session, [s.course.course_id for s in built.steps])
    steps = [
        PathStepRead(
            resource_id=s.course.course_id, title=titles[s.course.course_id][0],
            url=titles[s.course.course_id][1], level=s.course.level, hours=s.course.hours,
            price=str(s.course.price), is_free=titles[s.course.course_id][2],
            currency=titles[s.course.course_id][3],
            new_skills=_refs(s.new_skill_ids, demand, by_share=True),
            demand_gained=s.demand_gained,
        )
        for s in built.steps
    ]  # fmt: skip
    known = _refs(sorted(options.known_skill_ids), demand)
    return PathRead(
        career.slug, career.title, demand.describe(), built.coverage, round(built.total_hours, 2),
        str(built.total_price), steps, known,
    )  # fmt: skip


async def gap_check(
    session: AsyncSession, career: CareerRef, body: GapIn, language: str = DEFAULT_LANGUAGE
) -> GapRead:
    """Compare skills (listed, or found in résumé text that is not stored) with the demand."""
    if body.text is not None and len(body.text.encode()) > MAX_GAP_TEXT_BYTES:
        raise PayloadTooLargeError(f"the text is over {MAX_GAP_TEXT_BYTES // 1000} KB")
    known = await known_skill_ids(session, body.skills or [])
    if body.text:
        known |= (await get_extractor(session)).mentioned_ids(body.text)
    demand = await career_demand(session, career)
    courses = await _courses(session, career, demand, language)
    gap = skill_gap_fast(known, demand.weights(), courses)
    titles = await _titles(session, [g.course.course_id for g in gap.best_courses])
    best = [
        CourseGainRead(
            g.course.course_id, *titles[g.course.course_id][:2],
            _refs(g.closes, demand, by_share=True), g.gain_per_hour,
        )
        for g in gap.best_courses
    ]  # fmt: skip
    return GapRead(
        career.slug, career.title, demand.describe(), gap.coverage,
        _refs(gap.present, demand), _refs(gap.missing, demand), best,
    )  # fmt: skip


def path_options(
    free: bool, max_hours: float | None, max_price: float | None, known: set[int]
) -> PathOptions:
    """Return the path builder's options from the request's."""
    return PathOptions(
        free_only=free,
        max_hours=max_hours,
        max_price=Decimal(str(max_price)) if max_price is not None else None,
        known_skill_ids=frozenset(known),
    )
