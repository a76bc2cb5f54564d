"""What matching reads of the catalog: every available resource with its skill ids.

Each item's programming languages and subjects are read with the current taxonomy, from its
skill tags, its topic's ancestors and the skills its title names: a row tagged before the
taxonomy knew a skill, or a source without topics (Coursera), still has its language known.
A library found in its words that belongs to another language than the one it is filed under
is left out (``ecosystems``: "PHP Pandas" is a PHP book, not a pandas one).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog.models import (
    Resource,
    ResourceSkill,
    ResourceStatus,
    ResourceTopic,
    SkillOrigin,
    Topic,
)
from careerpath.matching.arrange import Placed
from careerpath.matching.ecosystems import (
    FAMILIES,
    Ecosystems,
    ecosystems,
    families,
    nearest_language,
)
from careerpath.matching.paths import Course
from careerpath.matching.scoring import ResourceSignals
from careerpath.skills.curated import TECHNOLOGY_KINDS
from careerpath.skills.extract import Extractor
from careerpath.skills.models import Skill
from careerpath.skills.service import get_extractor

LANGUAGE_CATEGORY = "Programming languages"
LANGUAGE_KIND = "language"
# What a title can be about for the per-subject cap: technologies, and practices too (a list
# of ten Agile or TDD courses is as narrow as ten PostgreSQL ones).
SUBJECT_KINDS = TECHNOLOGY_KINDS | {"methodology"}


@dataclass(frozen=True, slots=True)
class CatalogItem:
    """One active resource: its kind, skill ids, rating and what a path needs of it."""

    resource_id: int
    kind: str
    skill_ids: frozenset[int]
    rating: float | None
    ratings_count: int
    is_free: bool
    price: Decimal
    hours: float | None
    level: str | None
    title: str = ""
    provider: str | None = None
    url: str = ""
    language: str = "en"
    languages: frozenset[int] = frozenset()  # programming languages it teaches
    topic: str | None = None  # its first topic heading, for the plain-words note
    subjects: frozenset[int] = frozenset()  # tools and practices its title names (Git, TDD)
    title_skills: frozenset[int] = frozenset()  # the skills its title names
    tagged: frozenset[int] = frozenset()  # the skills its source's own tags and topics name

    def placed(self) -> Placed:
        """Return what the list arrangement needs of the resource."""
        return Placed(
            self.resource_id, self.title, self.provider, self.url, self.level, self.languages,
            self.subjects,
        )  # fmt: skip

    def signals(self, text_fit: float, topic_fit: float = 0.0) -> ResourceSignals:
        """Return the scorer's view of the resource with its text fits for one career."""
        return ResourceSignals(
            self.resource_id, self.skill_ids, text_fit, self.rating, self.ratings_count,
            topic_fit=topic_fit,
        )  # fmt: skip

    def course(self) -> Course:
        """Return the path builder's view of the resource."""
        return Course(self.resource_id, self.skill_ids, self.hours, self.price, self.level)


async def _skills(
    session: AsyncSession,
) -> tuple[dict[int, set[int]], dict[int, set[int]], dict[int, str]]:
    """Return each resource's taxonomy skill ids, those its source tagged, its first topic."""
    skills: dict[int, set[int]] = {}
    tagged: dict[int, set[int]] = {}
    topics: dict[int, str] = {}
    links = select(
        ResourceSkill.resource_id, ResourceSkill.skill_id, ResourceSkill.origin,
        ResourceSkill.skill_name,
    ).order_by(ResourceSkill.resource_id, ResourceSkill.position)  # fmt: skip
    for resource_id, skill_id, origin, name in await session.execute(links):
        if skill_id is not None:
            skills.setdefault(resource_id, set()).add(skill_id)
            if origin != SkillOrigin.EXTRACTED:
                tagged.setdefault(resource_id, set()).add(skill_id)
        if origin == SkillOrigin.TOPIC:
            topics.setdefault(resource_id, name)
    return skills, tagged, topics


def _title_skills(extractor: Extractor, titles: Iterable[str]) -> dict[str, frozenset[int]]:
    """Return the skills each distinct title names (a title names what the item is about)."""
    return {title: frozenset(extractor.mentioned_ids(title)) for title in set(titles)}


@dataclass(frozen=True, slots=True)
class Filing:
    """Where the topic tree files resources and libraries, by programming language."""

    resources: dict[int, int]  # resource id -> the nearest language among its topic's ancestors
    ecosystems: Ecosystems  # which language owns each library


async def _filing(session: AsyncSession, languages: frozenset[int]) -> Filing:
    """Return where the topic tree files each resource and library.

    "JavaScript › Node.js" books teach JavaScript even when only the leaf is tagged.
    """
    extractor = await get_extractor(session)
    names = {name: frozenset(extractor.skill_ids(name)) & languages for g in FAMILIES for name in g}
    tree = {
        tid: (parent, frozenset(extractor.skill_ids(name)))
        for tid, parent, name in await session.execute(
            select(Topic.id, Topic.parent_id, Topic.name)
        )
    }
    root_language = {tid: nearest_language(tree, languages, tid) for tid in tree}
    filed: dict[int, int] = {}
    for rid, tid in await session.execute(
        select(ResourceTopic.resource_id, ResourceTopic.topic_id)
    ):
        if (language := root_language.get(tid)) is not None:
            filed[rid] = language
    return Filing(filed, Ecosystems(languages, ecosystems(tree, languages), families(names)))


async def load_catalog(session: AsyncSession, kind: str | None = None) -> list[CatalogItem]:
    """Return every active resource (of ``kind``) with its taxonomy skill ids."""
    skills, tagged, topics = await _skills(session)
    kinds = dict((await session.execute(select(Skill.id, Skill.kind))).all())
    is_language = or_(Skill.category == LANGUAGE_CATEGORY, Skill.kind == LANGUAGE_KIND)
    languages = frozenset(await session.scalars(select(Skill.id).where(is_language)))
    subjects = {i for i, k in kinds.items() if k in SUBJECT_KINDS} - languages
    filing = await _filing(session, languages)
    filed = filing.resources
    query = select(
        Resource.id, Resource.kind, Resource.rating, Resource.ratings_count, Resource.is_free,
        Resource.price_amount, Resource.duration_hours, Resource.level, Resource.title,
        Resource.provider, Resource.url, Resource.language,
    ).where(Resource.status == ResourceStatus.ACTIVE)  # fmt: skip
    if kind is not None:
        query = query.where(Resource.kind == kind)
    rows = (await session.execute(query)).all()
    named = _title_skills(await get_extractor(session), (row[8] for row in rows))
    items = []
    for row in rows:
        rid, k, rating, count, free, price, hours, level, title, provider, url, lang = row
        own_tags = frozenset(tagged.get(rid, ()))
        taught, in_title = frozenset(skills.get(rid, ())), named[title]
        stated = (taught | in_title) & languages | ({filed[rid]} if rid in filed else set())
        denied = filing.ecosystems.denied(taught | in_title, own_tags, in_title, stated)
        taught, in_title = taught - denied, in_title - denied
        items.append(
            CatalogItem(
                rid, str(k), taught, rating, count or 0, free,
                Decimal(0) if free or price is None else price, hours,
                str(level) if level else None, title, provider, url, lang,
                stated,
                topics.get(rid), in_title & subjects,
                in_title, own_tags,
            )
        )  # fmt: skip
    return items
