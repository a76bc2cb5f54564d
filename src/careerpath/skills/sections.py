"""View models of skills on pages: a career's "skills employers ask for", a skill's own page.

A skill counts as asked for only when enough postings name it: at least ``MIN_SKILL_POSTINGS``
of them and at least ``SHARE_FLOOR`` of the career's postings. Fewer is noise (one recruiter's
boilerplate), and a confidently shown 1-in-169 is worse than not showing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.schemas import CareerRef
from careerpath.skills import queries
from careerpath.skills.curated import BACKGROUND_KINDS, KINDS, TECHNOLOGY_KINDS
from careerpath.skills.schemas import CareerShareRead, CareerSkillsRead, SkillShareRead
from careerpath.skills.service import get_extractor

SHARE_FLOOR = 0.02
MIN_SKILL_POSTINGS = 5
SHOWN_FIRST = 30
# O*NET marks most of an occupation's list hot (Database Architects: Revit, Webex, PowerPoint …):
# before "show all", only this many of its picks join a career's own tools.
ONET_PICKS_SHOWN_FIRST = 12
CAREERS_SHOWN = 20


@dataclass(frozen=True)
class KindGroup:
    """Skills of one kind (languages, frameworks, …), most asked for first."""

    kind: str
    label: str
    skills: list[SkillShareRead]


@dataclass(frozen=True)
class SkillsSection:
    """A career's skills section: the top skills by kind, the rest behind "show all"."""

    demand: CareerSkillsRead
    first: list[KindGroup]
    rest: list[KindGroup]
    not_shown: int
    # Fields of study, spoken languages, industries, certificates: shown apart, not ranked
    # among the skills (a degree in computer science is not a tool employers ask for).
    background: list[KindGroup] = field(default_factory=list)
    share_floor: float = SHARE_FLOOR
    min_postings: int = MIN_SKILL_POSTINGS
    # Without enough postings: O*NET's technology list for the occupation (no shares).
    from_onet: bool = False

    @property
    def heading(self) -> str:
        """Return the section's title: postings' shares, or O*NET's list said to be one."""
        if self.from_onet:
            return "Technologies O*NET lists for this occupation"
        return "Skills and tools employers ask for"

    @property
    def shown(self) -> bool:
        """Say whether the section has anything to show (shares or O*NET's list)."""
        return bool(self.first or self.rest or self.background or self.demand.onet)


@dataclass(frozen=True)
class SkillSummary:
    """What a skill page says about the skill itself, and who asks for it."""

    id: int
    slug: str
    name: str
    kind_label: str
    category: str
    commodity_title: str | None
    aliases: list[str]
    careers: list[CareerShareRead]
    occupations: list[queries.OccupationListing]  # all O*NET occupations listing it, by title
    min_postings: int = MIN_SKILL_POSTINGS


def asked_for(share: SkillShareRead) -> bool:
    """Say whether enough postings name a skill for the page to call it asked for."""
    return share.postings >= MIN_SKILL_POSTINGS and share.share >= SHARE_FLOOR


def group_by_kind(shares: list[SkillShareRead]) -> list[KindGroup]:
    """Group skills by kind, technologies first, keeping each group's order."""
    groups: dict[str, list[SkillShareRead]] = {}
    for share in shares:
        groups.setdefault(share.kind if share.kind in KINDS else "tool", []).append(share)
    return [KindGroup(kind, label, groups[kind]) for kind, label in KINDS.items() if kind in groups]


@dataclass(frozen=True)
class Arranged:
    """A career's asked-for skills: the top by kind, the rest, background facts apart."""

    first: list[KindGroup]
    rest: list[KindGroup]
    background: list[KindGroup]
    not_shown: int


def arrange(shares: list[SkillShareRead]) -> Arranged:
    """Rank the skills asked for (top ``SHOWN_FIRST`` first); background facts go apart."""
    kept = sorted((s for s in shares if asked_for(s)), key=lambda s: (-s.share, s.name.lower()))
    skills = [s for s in kept if s.kind not in BACKGROUND_KINDS]
    background = [s for s in kept if s.kind in BACKGROUND_KINDS]
    return Arranged(
        group_by_kind(skills[:SHOWN_FIRST]),
        group_by_kind(skills[SHOWN_FIRST:]),
        group_by_kind(background),
        len(shares) - len(kept),
    )


async def career_skills_section(session: AsyncSession, career: CareerRef) -> SkillsSection:
    """Return the skills section of a career page."""
    demand = await queries.career_skills(session, career)
    if not demand.enough_postings:
        first, rest = await _onet_list(session, career)
        return SkillsSection(demand, first, rest, 0, from_onet=True)
    source, postings = await queries.demand_source(session, career)
    flags = await queries.onet_flags(session, career.onet_soc_code)
    arranged = arrange(await queries.skill_shares(session, source.id, postings, flags))
    return SkillsSection(
        demand, arranged.first, arranged.rest, arranged.not_shown, arranged.background
    )


def arrange_listed(
    skills: list[SkillShareRead], own: set[int]
) -> tuple[list[KindGroup], list[KindGroup]]:
    """Return (at most ``SHOWN_FIRST`` preferred skills by kind, the rest by kind) of a list.

    Without postings there are no shares to rank by, so the career's own tools come first,
    then at most ``ONET_PICKS_SHOWN_FIRST`` of what O*NET marks in demand or hot for the
    occupation, technologies before practices; the rest of O*NET's long list (often a hundred
    names) waits behind "show all".
    """

    def rank(skill: SkillShareRead) -> tuple[bool, bool, bool, bool, str]:
        preferred = (skill.id not in own, not skill.in_demand, not skill.hot)
        return (*preferred, skill.kind not in TECHNOLOGY_KINDS, skill.name.lower())

    ordered = sorted(skills, key=rank)
    picks = [s for s in ordered if s.id not in own and (s.in_demand or s.hot)]
    preferred = [s for s in ordered if s.id in own] + picks[:ONET_PICKS_SHOWN_FIRST]
    preferred = preferred[:SHOWN_FIRST]
    first = preferred or ordered[:SHOWN_FIRST]
    chosen = {s.id for s in first}
    rest = sorted((s for s in skills if s.id not in chosen), key=lambda s: s.name.lower())
    return group_by_kind(first), group_by_kind(rest)


async def _onet_list(
    session: AsyncSession, career: CareerRef
) -> tuple[list[KindGroup], list[KindGroup]]:
    flags = await queries.onet_flags(session, career.onet_soc_code)
    extractor = await get_extractor(session)
    own = {
        skill
        for text in await queries.tool_texts(session, career.id)
        for skill in extractor.mentioned_ids(text)
    }
    return arrange_listed(await queries.listed_skills(session, set(flags) | own, flags), own)


async def skill_summary(session: AsyncSession, slug: str) -> SkillSummary:
    """Return what a skill page shows about the skill (raises NotFoundError)."""
    skill = await queries.skill_by_slug(session, slug)
    return SkillSummary(
        id=skill.id,
        slug=slug,
        name=skill.display_name,
        kind_label=KINDS.get(skill.kind, skill.kind),
        category=skill.category,
        commodity_title=skill.commodity_title,
        aliases=[a for a in await queries.skill_aliases(session, skill.id) if a != skill.name],
        careers=[
            career
            for career in await queries.careers_asking_for(
                session, skill.id, CAREERS_SHOWN, MIN_SKILL_POSTINGS
            )
            if career.share >= SHARE_FLOOR
        ],
        occupations=sorted(
            await queries.occupations_using(session, skill.id, limit=None), key=lambda o: o.title
        ),
    )
