"""Matching quality: NDCG@10 of the course ranking against independent judgments.

Judgments: a course is relevant to an occupation in proportion to how many of the
occupation's O*NET technologies its *publisher* tagged it with (Coursera/Stepik skill tags,
grade 0–3). The ranker under test never sees those tags: its skills come from the course's
title and description only, and its text relevance reads title and description only.
Baselines, same run: BM25 text search for the career title; rating order (Bayesian average).

Run: .venv/bin/python benchmarks/matching_quality.py   (needs ../shared/data; ~1 minute)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path
from statistics import mean

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath import migrate
from careerpath.careers.models import Career
from careerpath.catalog import service as catalog_service
from careerpath.catalog.models import Resource, ResourceKind, ResourceSkill, SkillOrigin
from careerpath.catalog.profiles import PROFILES
from careerpath.db import create_engine, create_session_factory
from careerpath.matching.catalog_view import CatalogItem, load_catalog
from careerpath.matching.demand import career_demand
from careerpath.matching.evaluation import grade, ndcg_at
from careerpath.matching.scoring import bayesian_rating
from careerpath.matching.service import profile_text, rank_career
from careerpath.matching.textfit import text_fits
from careerpath.search import service as search_service
from careerpath.skills.models import OccupationSkill, OnetOccupation
from careerpath.skills.onet import read_onet
from careerpath.skills.onet_import import import_onet
from careerpath.skills.service import get_extractor

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
KIZAK = ("coursera_clear.json", "stepik_clear.json")
EVAL_FIELDS = ("title", "description")  # never the publisher's skill tags
MIN_RELEVANT = 5  # an occupation needs this many relevant courses to be judged
SOC_CODES = (
    "15-1252.00", "15-2051.00", "15-1242.00", "15-1244.00", "15-1212.00", "15-1254.00",
    "15-1255.00", "15-1253.00", "15-1243.00", "15-1241.00", "15-1211.00", "15-1221.00",
    "15-2041.00", "13-2011.00", "11-2021.00", "27-1024.00", "15-1299.08", "15-1251.00",
)  # fmt: skip


async def load(session: AsyncSession, var_dir: Path) -> None:
    """Import O*NET (careers, skills, occupations) and the Coursera/Stepik courses."""
    await import_onet(session, read_onet(DATA / "onet"))
    profile = PROFILES["kizak"]
    for name in KIZAK:
        path = DATA / "courses-coursera-stepik-kizak" / name
        parsed = catalog_service.parse_file(path, profile, ResourceKind.COURSE)
        await catalog_service.import_parsed(session, profile, ResourceKind.COURSE, parsed)
    await session.flush()
    await search_service.rebuild(session, var_dir)


async def held_out_items(
    session: AsyncSession,
) -> tuple[list[CatalogItem], dict[int, frozenset[int]]]:
    """Return the catalog as the ranker may see it (text-extracted skills) and the judgments."""
    extractor = await get_extractor(session)
    judged: dict[int, set[int]] = {}
    rows = select(ResourceSkill.resource_id, ResourceSkill.skill_id).where(
        ResourceSkill.origin == SkillOrigin.PUBLISHER, ResourceSkill.skill_id.is_not(None)
    )
    for rid, sid in await session.execute(rows):
        judged.setdefault(rid, set()).add(sid)
    texts = dict(
        (
            await session.execute(
                select(Resource.id, Resource.title + " \n" + Resource.description)
            )
        ).all()
    )
    items = [
        CatalogItem(i.resource_id, i.kind, frozenset(extractor.mentioned_ids(texts[i.resource_id])),
                    i.rating, i.ratings_count, i.is_free, i.price, i.hours, i.level)
        for i in await load_catalog(session, "course")
    ]  # fmt: skip
    return items, {rid: frozenset(s) for rid, s in judged.items()}


async def occupation_skills(
    session: AsyncSession, soc: str
) -> tuple[Career | None, frozenset[int]]:
    """Return the career of an O*NET occupation and its technology skill ids."""
    occupation = await session.scalar(select(OnetOccupation).where(OnetOccupation.soc_code == soc))
    if occupation is None or occupation.career_id is None:
        return None, frozenset()
    ids = await session.scalars(
        select(OccupationSkill.skill_id).where(OccupationSkill.occupation_id == occupation.id)
    )
    return await session.get(Career, occupation.career_id), frozenset(ids)


async def evaluate(
    session: AsyncSession, var_dir: Path
) -> list[tuple[str, int, float, float, float]]:
    """Return per career: title, relevant courses, NDCG@10 of matching, title search, rating."""
    items, judged = await held_out_items(session)
    live = await search_service.ensure_index(session, var_dir)
    by_rating = sorted(
        items, key=lambda i: (-bayesian_rating(i.rating, i.ratings_count), i.resource_id)
    )
    results = []
    for soc in SOC_CODES:
        career, relevant = await occupation_skills(session, soc)
        if career is None:
            continue
        grades = {rid: g for rid, skills in judged.items() if (g := grade(skills, relevant))}
        if len(grades) < MIN_RELEVANT:
            continue
        demand = await career_demand(session, career)
        fits = text_fits(live, profile_text(career, demand), fields=EVAL_FIELDS)
        ours = [s.resource_id for s in rank_career(items, demand, fits, "course")[:10]]
        title_fits = text_fits(live, career.title, fields=EVAL_FIELDS)
        search = sorted(title_fits, key=lambda rid: (-title_fits[rid], rid))[:10]
        rating = [i.resource_id for i in by_rating[:10]]
        results.append(
            (
                career.title,
                len(grades),
                ndcg_at(ours, grades),
                ndcg_at(search, grades),
                ndcg_at(rating, grades),
            )
        )
    return results


async def run(folder: str) -> tuple[float, list[tuple[str, int, float, float, float]]]:
    """Load into a migrated SQLite file under ``folder`` and evaluate."""
    url = f"sqlite+aiosqlite:///{folder}/eval.db"
    engine = create_engine(url)
    started = time.perf_counter()
    async with create_session_factory(engine)() as session, session.begin():
        await load(session, Path(folder))
        loaded = time.perf_counter() - started
        results = await evaluate(session, Path(folder))
    await engine.dispose()
    return loaded, results


def main() -> None:
    """Load, evaluate and print the table."""
    with tempfile.TemporaryDirectory() as folder:
        migrate.upgrade(f"sqlite+aiosqlite:///{folder}/eval.db")
        loaded, results = asyncio.run(run(folder))
    print(f"loaded O*NET and {len(KIZAK)} course files in {loaded:.1f}s")
    print(f"{'career':45} {'relevant':>8} {'matching':>9} {'title-BM25':>10} {'rating':>7}")
    for title, relevant, ours, search, rating in results:
        print(f"{title[:45]:45} {relevant:8d} {ours:9.3f} {search:10.3f} {rating:7.3f}")
    if not results:
        sys.exit("no occupation had enough judged courses")
    means = [mean(r[i] for r in results) for i in (2, 3, 4)]
    print(
        f"{f'mean NDCG@10 over {len(results)} careers':54} "
        f"{means[0]:9.3f} {means[1]:10.3f} {means[2]:7.3f}"
    )
    print(
        f"ratios: matching / title search = {means[0] / max(means[1], 1e-9):.2f}x, "
        f"matching / rating order = {means[0] / max(means[2], 1e-9):.2f}x"
    )


if __name__ == "__main__":
    main()
