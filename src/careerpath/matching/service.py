"""Precomputed rankings per career and reader language, recomputed when their inputs change.

Each career is ranked against its own profile (``profile.py``); only resources that share a
skill or a topic with it and score at least ``RELEVANCE_FLOOR`` are kept. Every language gets
its own arranged list (``arrange.py``), so a reader sees a full list in their language and a
count of what was left out, and every item carries a plain-words note (``notes.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import service as careers_service
from careerpath.careers.schemas import CareerRef
from careerpath.catalog.models import Resource, ResourceSkill
from careerpath.db import utcnow
from careerpath.matching.arrange import Placed, arrange, collapse
from careerpath.matching.catalog_view import CatalogItem, load_catalog
from careerpath.matching.demand import Demand
from careerpath.matching.fastrank import CatalogMatrix, rank_matrix
from careerpath.matching.models import CareerCuration, CareerProfile, CareerRanking
from careerpath.matching.notes import note, taught
from careerpath.matching.profile import ProfileContext, build_profile, load_context
from careerpath.matching.scoring import Scored, grounded, rank
from careerpath.matching.terms import phrases
from careerpath.matching.textfit import CORE_WEIGHT, TextFit, open_index, text_fits
from careerpath.search.reader import OpenIndex

STORED_PER_LANGUAGE = 200
CANDIDATES = 1000
RELEVANCE_FLOOR = 0.2  # "we've curated N" counts the distinct items at or above it
KINDS = ("course", "book")
CHUNK = 5000  # ids per IN (…) query


@dataclass(frozen=True)
class Curation:
    """A career's pins (resource id -> position) and hidden resources."""

    pins: dict[int, int]
    hidden: frozenset[int]


def explanation(
    scored: Scored, item: CatalogItem, demand: Demand, *, pinned: bool = False
) -> dict[str, Any]:
    """Return the stored explanation: the plain-words note, the profile, the covered skills."""
    evidence = (item.title_skills, item.tagged)
    named = taught(demand.shares, evidence, item.topic, scored.covered)
    because = note(
        named, demand.quoted, postings_label=demand.postings_label(),
        career=demand.title, topic=item.topic, level=item.level,
    )  # fmt: skip
    return {
        "because": because,
        "basis": demand.basis,
        "profile": demand.describe(),
        "covered": [
            {"skill_id": s.skill_id, "name": s.name, "share": demand.quoted.get(s.skill_id)}
            for s in scored.covered
        ],
        "pinned": pinned,
        "about": scored.about,
    }


def rank_career(
    items: Sequence[CatalogItem], demand: Demand, fit: TextFit, kind: str
) -> list[Scored]:
    """Rank the resources of ``kind`` that share a skill or a topic with the career (reference).

    Text relevance is scaled per kind (best book = 1) so books are not judged against courses.
    """
    matched = [
        item
        for item in items
        if item.kind == kind
        and (item.resource_id in fit.on_topic or not item.skill_ids.isdisjoint(demand.shares))
    ]
    best = max((fit.fits.get(item.resource_id, 0.0) for item in matched), default=0.0) or 1.0
    peak = max((fit.topic.get(item.resource_id, 0.0) for item in matched), default=0.0) or 1.0
    return rank(
        (
            item.signals(
                fit.fits.get(item.resource_id, 0.0) / best,
                fit.topic.get(item.resource_id, 0.0) / peak,
            )
            for item in matched
        ),
        demand.shares,
    )


def curated(ranked: list[Scored], curation: Curation, limit: int) -> list[tuple[Scored, bool]]:
    """Drop hidden resources, then move pinned ones to their positions (1-based)."""
    kept = [(s, False) for s in ranked if s.resource_id not in curation.hidden]
    by_id = {s.resource_id: s for s, _ in kept}
    rest = [(s, p) for s, p in kept if s.resource_id not in curation.pins]
    for resource_id, position in sorted(curation.pins.items(), key=lambda kv: kv[1]):
        found = by_id.get(resource_id)
        if found is not None:
            rest.insert(max(0, position - 1), (found, True))
    return rest[:limit]


async def load_curation(session: AsyncSession, career_id: int) -> Curation:
    """Return the curators' pins and hides of a career."""
    rows = await session.execute(
        select(CareerCuration.resource_id, CareerCuration.action, CareerCuration.position).where(
            CareerCuration.career_id == career_id
        )
    )
    pins, hidden = {}, set()
    for resource_id, action, position in rows:
        if action == "hide":
            hidden.add(resource_id)
        else:
            pins[resource_id] = position or 1
    return Curation(pins, frozenset(hidden))


@dataclass(frozen=True)
class RankingInputs:
    """What every career's ranking reads: the catalog (as arrays), the index, the profiles."""

    items: dict[int, CatalogItem]
    matrix: CatalogMatrix
    live: OpenIndex | None
    context: ProfileContext
    placed: dict[int, Placed]  # built once: arranging reads it for every career


def catalog_matrix(items: Sequence[CatalogItem]) -> CatalogMatrix:
    """Return the catalog's arrays, built once per recompute and shared by every career."""
    return CatalogMatrix.build([item.signals(0.0) for item in items], [i.kind for i in items])


def _by_language(
    inputs: RankingInputs, demand: Demand, fit: TextFit, kind: str, curation: Curation
) -> dict[str, tuple[int, list[tuple[Scored, bool]]]]:
    """Return per language: how many items pass the floor, and the stored (capped) list."""
    scored = rank_matrix(
        inputs.matrix, demand.shares, fit.fits, kind, CANDIDATES, topic_fit=fit.topic,
        floor=RELEVANCE_FLOOR, kept=frozenset(curation.pins),
    )  # fmt: skip
    relevant = [
        s
        for s in scored
        if s.resource_id in curation.pins
        or (
            s.score >= RELEVANCE_FLOOR
            and grounded(
                inputs.items[s.resource_id].skill_ids, demand.anchors, s.resource_id in fit.named
            )
        )
    ]
    groups: dict[str, list[Scored]] = {}
    for s in relevant:
        groups.setdefault(inputs.items[s.resource_id].language, []).append(s)
    return {
        language: (
            len(collapse(group, lambda s: inputs.placed[s.resource_id])),
            curated(
                arrange(group, lambda s: inputs.placed[s.resource_id]),
                curation,
                STORED_PER_LANGUAGE,
            ),
        )
        for language, group in groups.items()
    }


async def recompute_career(session: AsyncSession, career: CareerRef, inputs: RankingInputs) -> int:
    """Replace a career's stored rankings; return how many rows were stored."""
    demand = build_profile(inputs.context, career)
    fit = text_fits(inputs.live, demand.terms) if inputs.live is not None else TextFit()
    curation = await load_curation(session, career.id)
    await _store_profile(session, career, demand)
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for kind in KINDS:
        for language, (relevant, ranked) in _by_language(
            inputs, demand, fit, kind, curation
        ).items():
            rows.extend(
                {"career_id": career.id, "resource_id": s.resource_id, "kind": kind,
                 "language": language, "position": position, "score": s.score,
                 "computed_at": now,
                 "explanation": explanation(s, inputs.items[s.resource_id], demand, pinned=p)
                 | {"relevant": relevant}}
                for position, (s, p) in enumerate(ranked, start=1)
            )  # fmt: skip
    await session.execute(delete(CareerRanking).where(CareerRanking.career_id == career.id))
    if rows:
        await session.execute(insert(CareerRanking), rows)
    return len(rows)


async def ranking_inputs(
    session: AsyncSession, var_dir: Path, careers: Sequence[CareerRef]
) -> RankingInputs:
    """Load the catalog, the search index and the profile data of ``careers``."""
    items = await load_catalog(session)
    live = await open_index(session, var_dir) if items else None
    context = await load_context(session, careers)
    return RankingInputs(
        {item.resource_id: item for item in items},
        catalog_matrix(items),
        live,
        context,
        {item.resource_id: item.placed() for item in items},
    )


async def _features(
    session: AsyncSession, resource_ids: Sequence[int]
) -> tuple[set[int], set[str]]:
    """Return the skill ids and the title and topic words of the given resources."""
    skills: set[int] = set()
    words: set[str] = set()
    for start in range(0, len(resource_ids), CHUNK):
        chunk = list(resource_ids[start : start + CHUNK])
        rows = await session.execute(
            select(ResourceSkill.skill_id, ResourceSkill.skill_name).where(
                ResourceSkill.resource_id.in_(chunk)
            )
        )
        for skill_id, name in rows:
            if skill_id is not None:
                skills.add(skill_id)
            words.update(phrases(name))
        for title in await session.scalars(select(Resource.title).where(Resource.id.in_(chunk))):
            words.update(phrases(title))
    return skills, words


async def affected_careers(session: AsyncSession, resource_ids: Sequence[int]) -> list[int]:
    """Return the careers whose lists the given (new or changed) resources may enter or leave.

    A resource ranks for a career only when it shares a skill or a core word with the profile
    the career was last ranked by, so only those careers, those whose stored lists hold it and
    those never ranked need ranking again. (Search statistics such as word rarity shift a
    little with any import; the next full recompute takes them in.)
    """
    if not resource_ids:
        return []
    skills, words = await _features(session, resource_ids)
    affected: set[int] = set()
    for start in range(0, len(resource_ids), CHUNK):
        chunk = list(resource_ids[start : start + CHUNK])
        affected.update(
            await session.scalars(
                select(CareerRanking.career_id).where(CareerRanking.resource_id.in_(chunk))
            )
        )
    stored = {
        career_id: (set(skill_ids), set(core))
        for career_id, skill_ids, core in await session.execute(
            select(CareerProfile.career_id, CareerProfile.skill_ids, CareerProfile.core_terms)
        )
    }
    for career in await careers_service.career_refs(session):
        known = stored.get(career.id)
        if known is None or not skills.isdisjoint(known[0]) or not words.isdisjoint(known[1]):
            affected.add(career.id)
    return sorted(affected)


async def _store_profile(session: AsyncSession, career: CareerRef, demand: Demand) -> None:
    core = sorted(term for term, weight in demand.terms.items() if weight >= CORE_WEIGHT)
    await session.execute(delete(CareerProfile).where(CareerProfile.career_id == career.id))
    session.add(
        CareerProfile(
            career_id=career.id, basis=demand.basis, description=demand.describe()[:1000],
            skill_ids=sorted(demand.shares), core_terms=core, computed_at=utcnow(),
        )
    )  # fmt: skip


async def recompute(
    session: AsyncSession,
    var_dir: Path,
    career_ids: Sequence[int] | None = None,
    on_career: Callable[[CareerRef], None] | None = None,
) -> int:
    """Recompute the rankings of the given careers (all when None); the ingest paths call it."""
    careers = await careers_service.career_refs(session, career_ids)
    if not careers:
        return 0
    inputs = await ranking_inputs(session, var_dir, careers)
    stored = 0
    for career in careers:
        stored += await recompute_career(session, career, inputs)
        if on_career is not None:
            on_career(career)
    await session.flush()
    return stored
