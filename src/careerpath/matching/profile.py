"""Build each career's own profile (its postings, or its skills, tools, O*NET data and words).

A career with enough postings of its own is ranked by them. Otherwise its profile is built from
what belongs to it: the skills and tools curators listed, its occupation's O*NET technologies
(hot and in-demand ones weigh more, technologies many occupations share weigh less), the skills
its tasks name, and the words of its title, aliases, summary and tasks. A parent occupation's
postings only lift skills the profile already has: a weak prior, never the profile itself.

A curated career that refines an occupation (Back End Engineer refines Software Developers)
shares that occupation's technology list with every other specialisation of it: Android and
iOS are on it for the mobile developers. So when the career names technologies of its own
(curated tools, skills its title, aliases, summary or own tasks name, or, with ten postings of
its own, skills three of them name), the occupation's
other technologies are borrowed, weakly: half weight in a category its own technologies are in
(Kafka beside PostgreSQL), a quarter elsewhere (Android), and the parent's postings neither lift
nor are quoted for them. A career that names none keeps the occupation's list as it is: there
is nothing of its own to filter it by.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import (
    Career,
    CareerAlias,
    CareerSection,
    CareerSectionItem,
    SectionKind,
)
from careerpath.careers.schemas import CareerRef
from careerpath.matching.demand import BASIS_POSTINGS, BASIS_PROFILE, Demand
from careerpath.matching.notes import possessive
from careerpath.matching.scoring import SkillShare
from careerpath.matching.terms import profile_terms, title_frequencies
from careerpath.skills.categories import (
    CERTIFICATIONS,
    DOMAIN,
    FIELDS,
    INDUSTRIES,
    METHODS,
    OFFICE,
    OTHER,
    SPOKEN,
)
from careerpath.skills.extract import Extractor
from careerpath.skills.models import (
    CareerDemand,
    CareerSkillDemand,
    OccupationSkill,
    OnetOccupation,
    Skill,
)
from careerpath.skills.queries import MIN_POSTINGS
from careerpath.skills.service import get_extractor

# Without postings, an O*NET technology weighs by its flags …
ONET_WEIGHTS = {(True, True): 0.9, (True, False): 0.6, (False, True): 0.6, (False, False): 0.2}
CURATED_WEIGHT = 1.0
TASK_SKILL_WEIGHT = 0.5
UNKNOWN_SPECIFICITY = 0.5
SHARED_KINDS = frozenset({"methodology"})
PRIOR_WEIGHT = 0.3  # how much a parent's posting share lifts a skill the profile has
# A refining career's share of a technology it borrows from its occupation's list …
NEAR_FACTOR = 0.5  # … in a category its own technologies are in
FAR_FACTOR = 0.25  # … in any other
# Too few postings for a profile, enough to say which borrowed technologies are the career's:
# with EVIDENCE_POSTINGS of its own, a technology EVIDENCE_MENTIONS of them name is its own.
EVIDENCE_POSTINGS = 10
EVIDENCE_MENTIONS = 3
# A skill this share of the postings ask for makes a resource that teaches it relevant alone.
ANCHOR_SHARE = 0.05
CORE_PARENT_SHARE = 0.2  # … and a core skill (``Demand.core``) by this share of them
# Categories too broad to say two technologies are alike, or of no technology at all.
LOOSE_CATEGORIES = frozenset({
    OTHER, METHODS, DOMAIN, CERTIFICATIONS, FIELDS, INDUSTRIES, SPOKEN, OFFICE,
})  # fmt: skip
# … and where the words come from.
# The summary and the tasks form one group: a word counts by how many of them use it.
TERM_SOURCES = {
    "title": 1.0, "alias": 0.6, "curated": 0.5, "occupation": 0.45, "description": 0.3,
}  # fmt: skip
CURATED_KINDS = (SectionKind.TOOLS, SectionKind.SKILLS)
TASK_KINDS = (SectionKind.RESPONSIBILITIES,)


@dataclass
class CareerFacts:
    """What the database holds about one career, as profile input."""

    career: CareerRef
    summary: str = ""
    aliases: list[str] = field(default_factory=list)
    occupation_titles: list[str] = field(default_factory=list)
    curated: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)
    own_tasks: list[str] = field(default_factory=list)
    occupation_career_id: int | None = None

    def own_words(self) -> list[str]:
        """Return the texts that are the career's own (not its occupation's)."""
        return [self.career.title, *self.aliases, self.summary, *self.own_tasks]


@dataclass
class ProfileContext:
    """Data shared by every career's profile, loaded once per recompute."""

    extractor: Extractor
    names: dict[int, str]
    categories: dict[int, str]
    practices: frozenset[int]  # skills of a kind many roles share (version control, testing)
    occupations_per_skill: dict[int, int]
    occupation_count: int
    frequencies: dict[str, int]
    title_count: int
    onet: dict[str, dict[int, tuple[bool, bool]]]  # soc code -> skill -> (hot, in demand)
    occupation_career: dict[str, int]  # soc code -> the O*NET career's id
    postings: dict[int, int]  # career id -> postings
    skill_postings: dict[int, dict[int, int]] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)  # careers and their occupations'
    facts: dict[int, CareerFacts] = field(default_factory=dict)

    def specificity(self, skill_id: int) -> float:
        """Return how particular a skill is to few occupations, in (0, 1].

        A skill no occupation lists (a practice such as version control, added by the curated
        layer) has an unknown spread: it gets a middling value, not the rarest one, or every
        general practice would outweigh the career's own tools.
        """
        total = max(self.occupation_count, 2)
        seen = self.occupations_per_skill.get(skill_id, 0)
        if not seen:
            return UNKNOWN_SPECIFICITY
        return max(0.1, math.log((total + 1) / (seen + 1)) / math.log(total + 1))


async def load_context(session: AsyncSession, careers: Sequence[CareerRef]) -> ProfileContext:
    """Load the shared data and the facts of ``careers`` (and of their occupations' careers)."""
    extractor = await get_extractor(session)
    names: dict[int, str] = {}
    categories: dict[int, str] = {}
    practices: set[int] = set()
    for skill_id, name, kind, category in await session.execute(
        select(Skill.id, Skill.display_name, Skill.kind, Skill.category)
    ):
        names[skill_id] = name
        categories[skill_id] = category
        if kind in SHARED_KINDS:
            practices.add(skill_id)
    per_skill = select(OccupationSkill.skill_id, func.count()).group_by(OccupationSkill.skill_id)
    titles = [t for (t,) in await session.execute(select(CareerAlias.name))]
    titles += [t for (t,) in await session.execute(select(Career.title))]
    onet: dict[str, dict[int, tuple[bool, bool]]] = defaultdict(dict)
    occupation_career: dict[str, int] = {}
    for soc, career_id, skill_id, hot, in_demand in await session.execute(
        select(
            OnetOccupation.soc_code,
            OnetOccupation.career_id,
            OccupationSkill.skill_id,
            OccupationSkill.hot,
            OccupationSkill.in_demand,
        ).outerjoin(OccupationSkill, OccupationSkill.occupation_id == OnetOccupation.id)
    ):
        if career_id is not None:
            occupation_career[soc] = career_id
        if skill_id is not None:
            onet[soc][skill_id] = (hot, in_demand)
    context = ProfileContext(
        extractor=extractor,
        names=names,
        categories=categories,
        practices=frozenset(practices),
        occupations_per_skill=dict((await session.execute(per_skill)).all()),
        occupation_count=len(onet),
        frequencies=dict(title_frequencies(titles)),
        title_count=len(titles),
        onet=dict(onet),
        occupation_career=occupation_career,
        postings=dict(
            (await session.execute(select(CareerDemand.career_id, CareerDemand.postings))).all()
        ),
    )
    await _load_facts(session, context, careers)
    return context


async def _load_facts(
    session: AsyncSession, context: ProfileContext, careers: Sequence[CareerRef]
) -> None:
    facts = {c.id: CareerFacts(c) for c in careers}
    for fact in facts.values():
        soc = fact.career.onet_soc_code
        occupation = context.occupation_career.get(soc) if soc else None
        fact.occupation_career_id = occupation if occupation != fact.career.id else None
    wanted = set(facts) | {f.occupation_career_id for f in facts.values()} - {None}
    ids = [i for i in wanted if i is not None]
    aliases: dict[int, list[str]] = defaultdict(list)
    for career_id, name in await session.execute(
        select(CareerAlias.career_id, CareerAlias.name).where(CareerAlias.career_id.in_(ids))
    ):
        aliases[career_id].append(name)
    sections: dict[tuple[int, str], list[str]] = defaultdict(list)
    for career_id, kind, text in await session.execute(
        select(CareerSection.career_id, CareerSection.kind, CareerSectionItem.text)
        .join(CareerSectionItem, CareerSectionItem.section_id == CareerSection.id)
        .where(CareerSection.career_id.in_(ids))
        .order_by(CareerSectionItem.position)
    ):
        sections[(career_id, str(kind))].append(text)
    for fact in facts.values():
        fact.aliases = aliases.get(fact.career.id, [])
        fact.curated = [t for k in CURATED_KINDS for t in sections.get((fact.career.id, k), [])]
        own_tasks = [t for k in TASK_KINDS for t in sections.get((fact.career.id, k), [])]
        parent = fact.occupation_career_id
        inherited = [t for k in TASK_KINDS for t in sections.get((parent or 0, k), [])]
        fact.tasks = own_tasks + inherited
        fact.own_tasks = own_tasks
        fact.occupation_titles = aliases.get(parent, []) if parent is not None else []
    summaries = select(Career.id, Career.summary).where(Career.id.in_(list(facts)))
    for career_id, summary in await session.execute(summaries):
        facts[career_id].summary = summary or ""
    context.facts = facts
    context.titles = dict(
        (await session.execute(select(Career.id, Career.title).where(Career.id.in_(ids)))).all()
    )
    await _load_skill_postings(session, context, ids)


async def _load_skill_postings(
    session: AsyncSession, context: ProfileContext, career_ids: Iterable[int]
) -> None:
    wanted = [i for i in career_ids if context.postings.get(i, 0) >= EVIDENCE_POSTINGS]
    counts: dict[int, dict[int, int]] = defaultdict(dict)
    for career_id, skill_id, n in await session.execute(
        select(
            CareerSkillDemand.career_id, CareerSkillDemand.skill_id, CareerSkillDemand.postings
        ).where(CareerSkillDemand.career_id.in_(wanted))
    ):
        counts[career_id][skill_id] = n
    context.skill_postings = dict(counts)


def _shares_of(context: ProfileContext, career_id: int) -> dict[int, float]:
    total = context.postings.get(career_id, 0)
    if total < MIN_POSTINGS:
        return {}
    return {s: n / total for s, n in context.skill_postings.get(career_id, {}).items()}


def build_profile(context: ProfileContext, career: CareerRef) -> Demand:
    """Return the career's profile: its own postings when enough, else its own profile."""
    facts = context.facts[career.id]
    terms = _terms(context, facts)
    own = _shares_of(context, career.id)
    if own:
        shares = {s: SkillShare(s, context.names.get(s, str(s)), w) for s, w in own.items()}
        postings = context.postings[career.id]
        anchors = frozenset(s for s, share in own.items() if share >= ANCHOR_SHARE)
        return Demand(
            shares, BASIS_POSTINGS, postings, None, terms, own, (), career.title, anchors, anchors
        )
    borrowed = _borrowing(context, facts)
    weights, parts = _profile_weights(context, facts, borrowed)
    parent_id = facts.occupation_career_id
    quoted = _shares_of(context, parent_id) if parent_id is not None else {}
    # The parent's postings speak only for the skills the career holds as its own or near them.
    quoted = {s: q for s, q in quoted.items() if s in weights and borrowed(s) >= NEAR_FACTOR}
    for skill_id, share in quoted.items():
        weights[skill_id] = min(1.0, weights[skill_id] + PRIOR_WEIGHT * share * borrowed(skill_id))
    shares = {s: SkillShare(s, context.names.get(s, str(s)), w) for s, w in weights.items()}
    based_on = context.titles.get(parent_id) if quoted and parent_id is not None else None
    postings = context.postings.get(parent_id, 0) if based_on and parent_id is not None else 0
    anchors, core = _anchors(context, facts, borrowed, quoted)
    return Demand(
        shares, BASIS_PROFILE, postings, based_on, terms, quoted, parts, career.title, anchors, core
    )


def _anchors(
    context: ProfileContext,
    facts: CareerFacts,
    borrowed: Callable[[int], float],
    quoted: dict[int, float],
) -> tuple[frozenset[int], frozenset[int]]:
    """Return the skills that are the career's beyond doubt: curated, named in its own words,
    flagged in demand by O*NET for its occupation (and its own, for a refining career), or
    asked for in ANCHOR_SHARE of its parent's postings; and its core: the same with
    CORE_PARENT_SHARE of the parent's postings."""
    texts = [*facts.curated, *facts.own_words()]
    anchors = {s for text in texts for s in context.extractor.skill_ids(text)}
    soc = facts.career.onet_soc_code
    flags = context.onet.get(soc, {}) if soc else {}
    anchors |= {s for s, (_, in_demand) in flags.items() if in_demand and borrowed(s) >= 1.0}
    core = anchors | {s for s, share in quoted.items() if share >= CORE_PARENT_SHARE}
    anchors |= {s for s, share in quoted.items() if share >= ANCHOR_SHARE}
    return frozenset(anchors), frozenset(core)


def _own_technologies(context: ProfileContext, facts: CareerFacts) -> set[int]:
    """Return the skills its curated lists, its own words and enough of its postings name."""
    texts = [*facts.curated, *facts.own_words()]
    named = {s for text in texts for s in context.extractor.skill_ids(text)}
    if context.postings.get(facts.career.id, 0) < EVIDENCE_POSTINGS:
        return named
    counts = context.skill_postings.get(facts.career.id, {})
    return named | {s for s, n in counts.items() if n >= EVIDENCE_MENTIONS}


@dataclass(frozen=True)
class Borrowing:
    """What a refining career holds as its own, and so how much of a borrowed skill it takes."""

    own: frozenset[int]
    near: frozenset[str]  # the categories its own technologies are in
    categories: dict[int, str]

    def __call__(self, skill_id: int) -> float:
        """Return the share of the skill's weight the career takes from its occupation's list."""
        if skill_id in self.own:
            return 1.0
        return NEAR_FACTOR if self.categories.get(skill_id) in self.near else FAR_FACTOR


def _keep_all(_: int) -> float:
    return 1.0


def _borrowing(context: ProfileContext, facts: CareerFacts) -> Callable[[int], float]:
    """Return skill id -> how much of its weight the career takes from its occupation's list."""
    if facts.occupation_career_id is None:
        return _keep_all
    own = _own_technologies(context, facts)
    near = {c for s in own if (c := context.categories.get(s))} - LOOSE_CATEGORIES
    return Borrowing(frozenset(own), frozenset(near), context.categories) if near else _keep_all


def _profile_weights(
    context: ProfileContext, facts: CareerFacts, borrowed: Callable[[int], float]
) -> tuple[dict[int, float], tuple[str, ...]]:
    weights: dict[int, float] = {}
    parts: list[str] = []

    def lift(skill_id: int, weight: float) -> None:
        weights[skill_id] = max(weights.get(skill_id, 0.0), round(weight, 4))

    curated = {s for text in facts.curated for s in context.extractor.skill_ids(text)}
    for skill_id in curated:
        lift(skill_id, CURATED_WEIGHT * (0.5 + 0.5 * context.specificity(skill_id)))
    if curated:
        parts.append("its curated skills and tools")
    soc = facts.career.onet_soc_code
    flags = context.onet.get(soc, {}) if soc else {}
    for skill_id, flag in flags.items():
        weight = (0.5 + 0.5 * ONET_WEIGHTS[flag]) * context.specificity(skill_id)
        lift(skill_id, weight * borrowed(skill_id))
    if flags:
        parts.append(_onet_part(context, facts, borrowed))
    tasks = {s for text in facts.tasks for s in context.extractor.skill_ids(text)}
    for skill_id in tasks:
        lift(skill_id, TASK_SKILL_WEIGHT * context.specificity(skill_id) * borrowed(skill_id))
    if facts.tasks:
        parts.append("its tasks")
    parts.append("the words of its title, aliases and summary")
    return weights, tuple(parts)


def _onet_part(
    context: ProfileContext, facts: CareerFacts, borrowed: Callable[[int], float]
) -> str:
    parent = context.titles.get(facts.occupation_career_id or 0)
    if parent is None or not isinstance(borrowed, Borrowing):
        return "its O*NET technologies (hot and in-demand flags)"
    return f"{possessive(parent)} O*NET technologies, weakly where they are not its own"


def _curated_names(context: ProfileContext, facts: CareerFacts) -> list[str]:
    """Return the names of the curated tools, each once: they are topics of the career too.

    Practices many roles share (version control, test automation) stay skills of the profile
    but are not topics: a book about them is not about this career in particular.
    """
    ids = {s for text in facts.curated for s in context.extractor.skill_ids(text)}
    return sorted(context.names[i] for i in ids - context.practices if i in context.names)


def _terms(context: ProfileContext, facts: CareerFacts) -> dict[str, float]:
    groups: list[tuple[list[str], float]] = [
        ([facts.career.title], TERM_SOURCES["title"]),
        (facts.aliases, TERM_SOURCES["alias"]),
        (facts.occupation_titles, TERM_SOURCES["occupation"]),
        (_curated_names(context, facts), TERM_SOURCES["curated"]),
        ([facts.summary, *facts.tasks], TERM_SOURCES["description"]),
    ]
    return profile_terms(groups, context.frequencies, context.title_count)


async def career_demand(session: AsyncSession, career: CareerRef) -> Demand:
    """Return one career's profile (the path, gap and evaluation use it)."""
    context = await load_context(session, [career])
    return build_profile(context, career)
