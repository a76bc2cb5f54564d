"""Precomputed rankings per career, recomputed when demand, catalog or curation change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers import service as careers_service
from careerpath.careers.schemas import CareerRef
from careerpath.db import utcnow
from careerpath.matching.catalog_view import CatalogItem, load_catalog
from careerpath.matching.demand import Demand, career_demand
from careerpath.matching.fastrank import CatalogMatrix, rank_matrix
from careerpath.matching.models import CareerCuration, CareerRanking
from careerpath.matching.scoring import Scored, rank
from careerpath.matching.textfit import open_index, text_fits
from careerpath.search.reader import OpenIndex

STORED_PER_KIND = 200
PROFILE_SKILLS = 6
KINDS = ("course", "book")


@dataclass(frozen=True)
class Curation:
    """A career's pins (resource id -> position) and hidden resources."""

    pins: dict[int, int]
    hidden: frozenset[int]


def profile_text(career: CareerRef, demand: Demand) -> str:
    """Return the text the search index matches: the career title and its top skills."""
    return " ".join([career.title, *demand.top_names(PROFILE_SKILLS)])


def explanation(scored: Scored, demand: Demand, *, pinned: bool = False) -> dict[str, Any]:
    """Return the stored explanation: covered skills with shares, and the signals."""
    because = scored.because()
    if demand.basis == "onet" and scored.covered:
        because = "covers " + ", ".join(s.name for s in scored.covered) + f" ({demand.describe()})"
    return {
        "because": because,
        "basis": demand.basis,
        "demand": demand.describe(),
        "covered": [
            {"skill_id": s.skill_id, "name": s.name, "share": s.share} for s in scored.covered
        ],
        "signals": [
            {"name": s.name, "contribution": s.contribution, "effect": s.effect}
            for s in scored.signals
        ],
        "pinned": pinned,
    }


def rank_career(
    items: Sequence[CatalogItem], demand: Demand, fits: dict[int, float], kind: str
) -> list[Scored]:
    """Rank the resources of ``kind`` that match the career by skills or by text.

    Text relevance is scaled per kind (best book = 1) so books are not judged against courses.
    """
    matched = [
        item
        for item in items
        if item.kind == kind
        and (item.resource_id in fits or not item.skill_ids.isdisjoint(demand.shares))
    ]
    best = max((fits.get(item.resource_id, 0.0) for item in matched), default=0.0) or 1.0
    return rank(
        (item.signals(fits.get(item.resource_id, 0.0) / best) for item in matched), demand.shares
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


def catalog_matrix(items: Sequence[CatalogItem]) -> CatalogMatrix:
    """Return the catalog's arrays, built once per recompute and shared by every career."""
    return CatalogMatrix.build([item.signals(0.0) for item in items], [i.kind for i in items])


def rank_fast(
    matrix: CatalogMatrix, demand: Demand, fits: dict[int, float], kind: str, extra: int = 0
) -> list[Scored]:
    """Rank a kind with the vectorised ranker: what is stored, plus room for curated rows."""
    return rank_matrix(matrix, demand.shares, fits, kind, STORED_PER_KIND + extra)


async def recompute_career(
    session: AsyncSession, career: CareerRef, matrix: CatalogMatrix, live: OpenIndex | None
) -> int:
    """Replace a career's stored rankings; return how many rows were stored."""
    demand = await career_demand(session, career)
    fits = text_fits(live, profile_text(career, demand)) if live is not None else {}
    curation = await load_curation(session, career.id)
    now = utcnow()
    rows: list[dict[str, Any]] = []
    for kind in KINDS:
        extra = len(curation.pins) + len(curation.hidden)
        ranked = curated(rank_fast(matrix, demand, fits, kind, extra), curation, STORED_PER_KIND)
        rows.extend(
            {"career_id": career.id, "resource_id": scored.resource_id, "kind": kind,
             "position": position, "score": scored.score, "computed_at": now,
             "explanation": explanation(scored, demand, pinned=pinned)}
            for position, (scored, pinned) in enumerate(ranked, start=1)
        )  # fmt: skip
    await session.execute(delete(CareerRanking).where(CareerRanking.career_id == career.id))
    if rows:
        await session.execute(insert(CareerRanking), rows)
    return len(rows)


async def recompute(
    session: AsyncSession,
    var_dir: Path,
    career_ids: Sequence[int] | None = None,
    on_career: Callable[[CareerRef], None] | None = None,
) -> int:
    """Recompute the rankings of the given careers (all when None); the ingest paths call it."""
    careers = await careers_service.career_refs(session, career_ids)
    items = await load_catalog(session)
    live = await open_index(session, var_dir) if items else None
    matrix = catalog_matrix(items)
    stored = 0
    for career in careers:
        stored += await recompute_career(session, career, matrix, live)
        if on_career is not None:
            on_career(career)
    await session.flush()
    return stored
