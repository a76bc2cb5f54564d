"""Read skills, their aliases and demand for the API, the page and the CLI."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import Career, CareerSection, CareerSectionItem, SectionKind
from careerpath.careers.schemas import CareerRef
from careerpath.errors import NotFoundError
from careerpath.skills.categories import CATEGORY_ORDER
from careerpath.skills.fuzzy import similar_skill_ids
from careerpath.skills.models import (
    CareerDemand,
    CareerDemandMonth,
    CareerSkillDemand,
    OccupationSkill,
    OnetOccupation,
    Posting,
    PostingSkill,
    Skill,
    SkillAlias,
    UnlinkedMention,
)
from careerpath.skills.schemas import (
    CareerShareRead,
    CareerSkillsRead,
    CategoryRead,
    MonthRead,
    SkillShareRead,
)


@dataclass(frozen=True)
class SkillCount:
    """A skill with the number and share of postings that mention it."""

    skill_id: int
    name: str
    category: str
    postings: int
    share: float
    kind: str = "tool"


async def top_skills(
    session: AsyncSession,
    *,
    source: str | None,
    limit: int,
    kinds: Collection[str] = (),
    without: Collection[str] = (),
) -> list[SkillCount]:
    """Return the skills most postings mention (of one source, of ``kinds``, not ``without``)."""
    postings = select(Posting.id)
    if source:
        postings = postings.where(Posting.source == source)
    total = await session.scalar(select(func.count()).select_from(postings.subquery())) or 0
    counted = func.count(PostingSkill.posting_id)
    query = (
        select(Skill.id, Skill.display_name, Skill.category, counted, Skill.kind)
        .join(PostingSkill, PostingSkill.skill_id == Skill.id)
        .where(PostingSkill.posting_id.in_(postings))
        .group_by(Skill.id, Skill.display_name, Skill.category, Skill.kind)
        .order_by(counted.desc(), Skill.display_name)
        .limit(limit)
    )
    if kinds:
        query = query.where(Skill.kind.in_(list(kinds)))
    if without:
        query = query.where(Skill.kind.not_in(list(without)))
    rows = await session.execute(query)
    return [
        SkillCount(i, name, category, n, n / total if total else 0.0, kind)
        for i, name, category, n, kind in rows
    ]


MIN_POSTINGS = 30
TOP_PER_CATEGORY = 8
ONET_PER_CATEGORY = 12


async def search_skills(
    session: AsyncSession, *, query: str | None, category: str | None, limit: int, offset: int
) -> tuple[list[Skill], int]:
    """Return skills with a name or alias word starting with ``query``, most demanded first.

    Whole words only: "ORM" finds Hibernate ORM, never Terraform; "REST" never Pinterest.
    When no word starts with ``query``, the closest names by edit similarity answer (typos).
    """
    statement = select(Skill)
    if query:
        key = _escape(" ".join(query.strip().lower().split()))
        alias_hit = select(SkillAlias.skill_id).where(
            or_(SkillAlias.key.like(f"{key}%", "\\"), SkillAlias.key.like(f"% {key}%", "\\"))
        )
        statement = statement.where(Skill.id.in_(alias_hit))
    if category:
        statement = statement.where(Skill.category == category)
    total = await session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    if query and not total:
        return await _similar_skills(session, query, category, limit, offset)
    demand = (
        select(func.count(PostingSkill.posting_id))
        .where(PostingSkill.skill_id == Skill.id)
        .correlate(Skill)
        .scalar_subquery()
    )
    rows = await session.scalars(
        statement.order_by(
            demand.desc(), Skill.hot.desc(), func.length(Skill.display_name), Skill.display_name
        )
        .limit(limit)
        .offset(offset)
    )
    return list(rows), total


async def _similar_skills(
    session: AsyncSession, query: str, category: str | None, limit: int, offset: int
) -> tuple[list[Skill], int]:
    """The typo fallback: skills whose names are closest to ``query``, closest first."""
    ids = await similar_skill_ids(session, query)
    if not ids:
        return [], 0
    statement = select(Skill).where(Skill.id.in_(ids))
    if category:
        statement = statement.where(Skill.category == category)
    found = {skill.id: skill for skill in await session.scalars(statement)}
    ranked = [found[i] for i in ids if i in found]
    return ranked[offset : offset + limit], len(ranked)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def skill_by_slug(session: AsyncSession, slug: str) -> Skill:
    """Return the skill with ``slug`` or raise NotFoundError."""
    skill = await session.scalar(select(Skill).where(Skill.slug == slug))
    if skill is None:
        raise NotFoundError(f"No skill has the slug {slug!r}.")
    return skill


async def get_skill(session: AsyncSession, skill_id: int) -> Skill:
    """Return one skill or raise NotFoundError."""
    skill = await session.get(Skill, skill_id)
    if skill is None:
        raise NotFoundError(f"Skill {skill_id} does not exist.")
    return skill


async def skill_aliases(session: AsyncSession, skill_id: int) -> list[str]:
    """Return the names a skill is written as."""
    rows = await session.scalars(
        select(SkillAlias.name).where(SkillAlias.skill_id == skill_id).order_by(SkillAlias.name)
    )
    return list(rows)


async def careers_asking_for(
    session: AsyncSession, skill_id: int, limit: int = 20, min_mentions: int = 1
) -> list[CareerShareRead]:
    """Return the careers whose postings mention the skill most (by share, enough postings)."""
    share = CareerSkillDemand.postings * 1.0 / CareerDemand.postings
    rows = await session.execute(
        select(Career.slug, Career.title, CareerSkillDemand.postings, share)
        .join(CareerDemand, CareerDemand.career_id == CareerSkillDemand.career_id)
        .join(Career, Career.id == CareerSkillDemand.career_id)
        .where(
            CareerSkillDemand.skill_id == skill_id,
            CareerDemand.postings >= MIN_POSTINGS,
            CareerSkillDemand.postings >= min_mentions,
        )
        .order_by(share.desc(), Career.title)
        .limit(limit)
    )
    return [CareerShareRead(slug, title, n, round(float(s), 4)) for slug, title, n, s in rows]


@dataclass(frozen=True)
class OccupationListing:
    """An O*NET occupation that lists a skill, and its career page's slug when it has one."""

    title: str
    slug: str | None


async def occupations_using(
    session: AsyncSession, skill_id: int, limit: int | None = 20
) -> list[OccupationListing]:
    """Return the O*NET occupations that list the skill: hot ones first, then by title; all
    of them when ``limit`` is None."""
    query = (
        select(OnetOccupation.title, Career.slug)
        .join(OccupationSkill, OccupationSkill.occupation_id == OnetOccupation.id)
        .outerjoin(Career, Career.id == OnetOccupation.career_id)
        .where(OccupationSkill.skill_id == skill_id)
        .order_by(OccupationSkill.hot.desc(), OnetOccupation.title)
        .limit(limit)
    )
    return [OccupationListing(title, slug) for title, slug in await session.execute(query)]


async def _demand_source(
    session: AsyncSession, career: CareerRef
) -> tuple[CareerRef, CareerDemand | None]:
    """A curated career with too few postings of its own shows those of the occupation it
    refines (same O*NET-SOC code), and says so."""
    demand = await session.scalar(select(CareerDemand).where(CareerDemand.career_id == career.id))
    if (demand and demand.postings >= MIN_POSTINGS) or career.onet_soc_code is None:
        return career, demand
    parent = (
        await session.execute(
            select(Career.id, Career.slug, Career.title, Career.onet_soc_code)
            .join(OnetOccupation, OnetOccupation.career_id == Career.id)
            .where(OnetOccupation.soc_code == career.onet_soc_code, Career.id != career.id)
        )
    ).first()
    if parent is None:
        return career, demand
    inherited = await session.scalar(
        select(CareerDemand).where(CareerDemand.career_id == parent.id)
    )
    if inherited is None or inherited.postings < MIN_POSTINGS:
        return career, demand
    return CareerRef(*parent), inherited


async def demand_source(session: AsyncSession, career: CareerRef) -> tuple[CareerRef, int]:
    """Return the career whose postings stand for ``career``, and how many there are."""
    source, demand = await _demand_source(session, career)
    return source, demand.postings if demand else 0


async def career_skills(session: AsyncSession, career: CareerRef) -> CareerSkillsRead:
    """Return a career's demand figures (when enough postings) and its O*NET skills."""
    source, demand = await _demand_source(session, career)
    postings = demand.postings if demand else 0
    flags = await onet_flags(session, career.onet_soc_code)
    enough = postings >= MIN_POSTINGS
    categories = await _demand_categories(session, source.id, postings, flags) if enough else []
    trend = await session.execute(
        select(CareerDemandMonth.month, CareerDemandMonth.postings)
        .where(CareerDemandMonth.career_id == source.id)
        .order_by(CareerDemandMonth.month)
    )
    inherited = source.id != career.id
    return CareerSkillsRead(
        based_on_slug=source.slug if inherited else None,
        based_on_title=source.title if inherited else None,
        slug=career.slug,
        title=career.title,
        postings=postings,
        enough_postings=enough,
        min_postings=MIN_POSTINGS,
        first_posted_on=demand.first_posted_on if demand else None,
        last_posted_on=demand.last_posted_on if demand else None,
        categories=categories,
        trend=[MonthRead(month, n) for month, n in trend],
        onet_soc_code=career.onet_soc_code,
        onet=await _onet_categories(session, flags),
    )


async def onet_flags(session: AsyncSession, soc_code: str | None) -> dict[int, tuple[bool, bool]]:
    """Return O*NET's (hot, in demand) flags of an occupation's skills."""
    if soc_code is None:
        return {}
    rows = await session.execute(
        select(OccupationSkill.skill_id, OccupationSkill.hot, OccupationSkill.in_demand)
        .join(OnetOccupation, OnetOccupation.id == OccupationSkill.occupation_id)
        .where(OnetOccupation.soc_code == soc_code)
    )
    return {skill_id: (hot, in_demand) for skill_id, hot, in_demand in rows}


async def _demand_categories(
    session: AsyncSession, career_id: int, postings: int, flags: dict[int, tuple[bool, bool]]
) -> list[CategoryRead]:
    shares = await skill_shares(session, career_id, postings, flags)
    return _group(shares, TOP_PER_CATEGORY)


async def skill_shares(
    session: AsyncSession, career_id: int, postings: int, flags: dict[int, tuple[bool, bool]]
) -> list[SkillShareRead]:
    """Return every skill a career's postings mention, most asked for first."""
    rows = await session.execute(
        select(
            Skill.id,
            Skill.display_name,
            Skill.category,
            CareerSkillDemand.postings,
            Skill.kind,
            Skill.slug,
        )
        .join(CareerSkillDemand, CareerSkillDemand.skill_id == Skill.id)
        .where(CareerSkillDemand.career_id == career_id)
        .order_by(CareerSkillDemand.postings.desc(), Skill.display_name)
    )
    return [
        SkillShareRead(
            i, name, cat, n, round(n / postings, 4), *flags.get(i, (False, False)), kind, slug
        )
        for i, name, cat, n, kind, slug in rows
    ]


async def _onet_categories(
    session: AsyncSession, flags: dict[int, tuple[bool, bool]]
) -> list[CategoryRead]:
    if not flags:
        return []
    rows = await session.execute(
        select(Skill.id, Skill.display_name, Skill.category, Skill.kind, Skill.slug).where(
            Skill.id.in_(list(flags))
        )
    )
    skills = [
        SkillShareRead(i, name, cat, 0, 0.0, *flags[i], kind, slug)
        for i, name, cat, kind, slug in rows
    ]
    skills.sort(key=lambda s: (not s.in_demand, not s.hot, s.name.lower()))
    return _group(skills, None)


async def listed_skills(
    session: AsyncSession, skill_ids: set[int], flags: dict[int, tuple[bool, bool]]
) -> list[SkillShareRead]:
    """Return ``skill_ids`` as shares without postings (O*NET's list), with kinds and flags."""
    if not skill_ids:
        return []
    rows = await session.execute(
        select(Skill.id, Skill.display_name, Skill.category, Skill.kind, Skill.slug).where(
            Skill.id.in_(list(skill_ids))
        )
    )
    return [
        SkillShareRead(i, name, category, 0, 0.0, *flags.get(i, (False, False)), kind, slug)
        for i, name, category, kind, slug in rows
    ]


async def tool_texts(session: AsyncSession, career_id: int) -> list[str]:
    """Return a career's own tools section (what curators wrote): its text, its items listed."""
    section = select(CareerSection.id).where(
        CareerSection.career_id == career_id, CareerSection.kind == SectionKind.TOOLS
    )
    body = await session.scalar(select(CareerSection.body).where(CareerSection.id.in_(section)))
    items = await session.scalars(
        select(CareerSectionItem.text)
        .where(CareerSectionItem.section_id.in_(section))
        .order_by(CareerSectionItem.position)
    )
    # Items read as one list, so that "Go" or "Spring" has its neighbours for evidence.
    return [text for text in (body, ", ".join(items)) if text]


def _group(skills: list[SkillShareRead], per_category: int | None) -> list[CategoryRead]:
    by_category: dict[str, list[SkillShareRead]] = {}
    for skill in skills:
        by_category.setdefault(skill.category, []).append(skill)
    order = {name: position for position, name in enumerate(CATEGORY_ORDER)}
    return [
        CategoryRead(category, items[:per_category] if per_category else items)
        for category, items in sorted(by_category.items(), key=lambda kv: order.get(kv[0], 99))
    ]


async def skill_names(session: AsyncSession, skill_ids: set[int]) -> dict[int, str]:
    """Return display names of ``skill_ids``."""
    if not skill_ids:
        return {}
    rows = await session.execute(
        select(Skill.id, Skill.display_name).where(Skill.id.in_(list(skill_ids)))
    )
    return dict(rows.all())


async def careers_by_id(session: AsyncSession, career_ids: list[int]) -> dict[int, Career]:
    """Return careers by id."""
    if not career_ids:
        return {}
    rows = await session.scalars(select(Career).where(Career.id.in_(career_ids)))
    return {career.id: career for career in rows}


async def emerging_skills(
    session: AsyncSession, limit: int, min_postings: int = 1
) -> list[UnlinkedMention]:
    """Return the unlinked names most postings use (candidates for the taxonomy)."""
    rows = await session.scalars(
        select(UnlinkedMention)
        .where(UnlinkedMention.postings >= min_postings)
        .order_by(UnlinkedMention.postings.desc(), UnlinkedMention.key)
        .limit(limit)
    )
    return list(rows)
