"""Matching quality: NDCG@10 and precision@15 of course rankings against independent judgments.

Relevance rule, stated before measuring: a course is relevant to a career when the skill tags
its *publisher* gave it (the Coursera/Stepik skill lists, and the topics derived from them)
intersect the career's skills: its occupation's O*NET technologies plus its curated tools.
Under the strict rule a technology that more than 5% of all occupations list (Microsoft Excel,
Python, SQL, Linux …) does not make a course relevant on its own; the lenient rule counts every
technology, which makes most Coursera courses relevant to most IT careers. The grade is the
size of the intersection, capped at 3 (precision counts grade > 0). The ranker
under test never sees those tags: its skills come from the course's title and description only,
and its text relevance reads title and description only. The language rule is applied to all
three rankings: the reader is English, so the Russian courses are left out. Careers: every
curated career and 20 O*NET ones. Baselines, same run: a BM25 search for the career's title;
rating order (Bayesian average). The ranking measured is the score order above the relevance
floor with near-duplicates collapsed (all three rankings alike); the list's provider and
language caps are tested apart.

Run: .venv/bin/python benchmarks/matching_quality.py   (needs ../shared/data; ~1 minute)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from statistics import mean

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath import migrate
from careerpath.careers.models import Career, CareerSection, CareerSectionItem, SectionKind
from careerpath.catalog import service as catalog_service
from careerpath.catalog.models import Resource, ResourceKind, ResourceSkill, SkillOrigin
from careerpath.catalog.profiles import PROFILES
from careerpath.db import create_engine, create_session_factory
from careerpath.demo.loader import load_demo
from careerpath.matching.arrange import collapse
from careerpath.matching.catalog_view import CatalogItem, load_catalog
from careerpath.matching.evaluation import grade, ndcg_at, precision_at
from careerpath.matching.profile import career_demand
from careerpath.matching.scoring import Scored, bayesian_rating
from careerpath.matching.service import RELEVANCE_FLOOR, rank_career
from careerpath.matching.textfit import text_fits
from careerpath.search import service as search_service
from careerpath.skills.models import OccupationSkill, OnetOccupation
from careerpath.skills.onet import read_onet
from careerpath.skills.onet_import import import_onet
from careerpath.skills.service import get_extractor

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
KIZAK = ("coursera_clear.json", "stepik_clear.json")
READER_LANGUAGE = "en"
EVAL_BOOSTS = {"title": 3.0, "description": 1.0}  # never the publisher's skill tags
JUDGED_ORIGINS = (SkillOrigin.PUBLISHER, SkillOrigin.TOPIC)
WIDESPREAD = 0.05  # the strict rule ignores technologies more than 5% of occupations list
MIN_RELEVANT = 5  # a career needs this many relevant courses to be judged
CURATED = (
    "back-end-engineer", "front-end-engineer", "full-stack-engineer", "cloud-architect",
    "data-engineer", "security-engineer", "engineering-manager",
)  # fmt: skip
SOC_CODES = (
    "15-1252.00", "15-2051.00", "15-1242.00", "15-1244.00", "15-1212.00", "15-1254.00",
    "15-1255.00", "15-1253.00", "15-1243.00", "15-1241.00", "15-1211.00", "15-1221.00",
    "15-2041.00", "13-2011.00", "11-2021.00", "27-1024.00", "15-1299.08", "15-1251.00",
    "15-1299.09", "11-3021.00",
)  # fmt: skip
Row = tuple[str, bool, int, list[float]]


async def load(session: AsyncSession, var_dir: Path) -> None:
    """Import the demo careers, O*NET and the Coursera/Stepik courses."""
    await load_demo(session)
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
    """Return the English catalog as the ranker may see it (text skills) and the judgments."""
    extractor = await get_extractor(session)
    judged: dict[int, set[int]] = {}
    rows = select(ResourceSkill.resource_id, ResourceSkill.skill_id).where(
        ResourceSkill.origin.in_(JUDGED_ORIGINS), ResourceSkill.skill_id.is_not(None)
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
        replace(i, skill_ids=frozenset(extractor.mentioned_ids(texts[i.resource_id])))
        for i in await load_catalog(session, "course")
        if i.language == READER_LANGUAGE
    ]
    return items, {rid: frozenset(s) for rid, s in judged.items()}


async def career_skills(
    session: AsyncSession, career: Career, widespread: frozenset[int] = frozenset()
) -> frozenset[int]:
    """Return the career's skills for judging: its occupation's technologies (less the
    ``widespread`` ones), and its curated tools."""
    ids: set[int] = set()
    if career.onet_soc_code:
        ids |= (
            set(
                await session.scalars(
                    select(OccupationSkill.skill_id)
                    .join(OnetOccupation, OnetOccupation.id == OccupationSkill.occupation_id)
                    .where(OnetOccupation.soc_code == career.onet_soc_code)
                )
            )
            - widespread
        )
    extractor = await get_extractor(session)
    for text in await session.scalars(
        select(CareerSectionItem.text)
        .join(CareerSection, CareerSection.id == CareerSectionItem.section_id)
        .where(CareerSection.career_id == career.id, CareerSection.kind == SectionKind.TOOLS)
    ):
        ids |= extractor.skill_ids(text)
    return frozenset(ids)


async def widespread_skills(session: AsyncSession) -> frozenset[int]:
    """Return the technologies more than WIDESPREAD of all O*NET occupations list."""
    total = await session.scalar(select(func.count(OnetOccupation.id))) or 1
    rows = await session.execute(
        select(OccupationSkill.skill_id)
        .group_by(OccupationSkill.skill_id)
        .having(func.count() > WIDESPREAD * total)
    )
    return frozenset(skill_id for (skill_id,) in rows)


async def careers(session: AsyncSession) -> list[tuple[Career, bool]]:
    """Return the curated careers, then the O*NET careers of SOC_CODES (with "is curated")."""
    curated = list(await session.scalars(select(Career).where(Career.slug.in_(CURATED))))
    onet = await session.scalars(
        select(Career)
        .join(OnetOccupation, OnetOccupation.career_id == Career.id)
        .where(OnetOccupation.soc_code.in_(SOC_CODES))
        .order_by(OnetOccupation.soc_code)
    )
    ordered = sorted(curated, key=lambda c: CURATED.index(c.slug))
    return [(c, True) for c in ordered] + [(c, False) for c in onet]


def relevant_order(scored: list[Scored]) -> list[int]:
    """Return the ids above the relevance floor in score order."""
    return [s.resource_id for s in scored if s.score >= RELEVANCE_FLOOR]


def distinct(ranked: list[int], items: dict[int, CatalogItem]) -> list[int]:
    """Collapse near-duplicates as the site does (applied to every ranking alike)."""
    return collapse(ranked, lambda rid: items[rid].placed())


async def evaluate(session: AsyncSession, var_dir: Path, *, strict: bool = True) -> list[Row]:
    """Return per career: title, curated?, relevant courses, NDCG@10 and P@15 of the three."""
    widespread = await widespread_skills(session) if strict else frozenset()
    items, judged = await held_out_items(session)
    by_id = {item.resource_id: item for item in items}
    english = set(by_id)
    live = await search_service.ensure_index(session, var_dir)
    by_rating = [
        i.resource_id
        for i in sorted(
            items, key=lambda i: (-bayesian_rating(i.rating, i.ratings_count), i.resource_id)
        )
    ]
    results: list[Row] = []
    for career, is_curated in await careers(session):
        relevant = await career_skills(session, career, widespread)
        grades = {
            rid: g
            for rid, skills in judged.items()
            if rid in english and (g := grade(skills, relevant))
        }
        if len(grades) < MIN_RELEVANT:
            continue
        demand = await career_demand(session, career)
        fits = text_fits(live, demand.terms, boosts=EVAL_BOOSTS)
        ours = relevant_order(rank_career(items, demand, fits, "course"))
        words = dict.fromkeys(career.title.lower().split(), 1.0)  # a plain title search
        title_fits = text_fits(live, words, boosts=EVAL_BOOSTS).fits
        search = [r for r in sorted(title_fits, key=lambda r: (-title_fits[r], r)) if r in english]
        rankings = [distinct(r, by_id) for r in (ours, search, by_rating)]
        figures = [f(r, grades) for r in rankings for f in (ndcg_at, precision_at)]
        results.append((career.title, is_curated, len(grades), figures))
    return results


async def run(folder: str) -> tuple[float, list[Row], list[Row]]:
    """Load into a migrated SQLite file under ``folder`` and evaluate."""
    url = f"sqlite+aiosqlite:///{folder}/eval.db"
    engine = create_engine(url)
    started = time.perf_counter()
    async with create_session_factory(engine)() as session, session.begin():
        await load(session, Path(folder))
        loaded = time.perf_counter() - started
        results = await evaluate(session, Path(folder))
        lenient = await evaluate(session, Path(folder), strict=False)
    await engine.dispose()
    return loaded, results, lenient


def report(results: list[Row]) -> None:
    """Print the table, the means and how far matching is ahead of each baseline."""
    print("English reader; NDCG@10 / precision@15; * = curated career")
    print(f"{'career':42} {'relevant':>8} {'matching':>13} {'title-BM25':>13} {'rating':>13}")
    for title, is_curated, relevant, figures in results:
        pairs = [f"{figures[i]:.3f}/{figures[i + 1]:.3f}" for i in (0, 2, 4)]
        name = ("* " if is_curated else "  ") + title[:40]
        print(f"{name:42} {relevant:8d} {pairs[0]:>13} {pairs[1]:>13} {pairs[2]:>13}")
    means = [mean(r[3][i] for r in results) for i in range(6)]
    print(
        f"{f'mean over {len(results)} careers':51} {means[0]:.3f}/{means[1]:.3f} "
        f"{means[2]:.3f}/{means[3]:.3f} {means[4]:.3f}/{means[5]:.3f}"
    )
    print(
        f"matching minus title search: NDCG {means[0] - means[2]:+.3f}, P@15 "
        f"{means[1] - means[3]:+.3f}; minus rating order: NDCG {means[0] - means[4]:+.3f}, "
        f"P@15 {means[1] - means[5]:+.3f}"
    )
    behind = [r[0] for r in results if r[1] and not all(r[3][i] > r[3][i + 2] for i in (0, 1))]
    behind += [r[0] for r in results if r[1] and not all(r[3][i] > r[3][i + 4] for i in (0, 1))]
    print(f"curated careers not ahead of both baselines on both: {sorted(set(behind)) or 'none'}")


def main() -> None:
    """Load, evaluate and print the table."""
    with tempfile.TemporaryDirectory() as folder:
        migrate.upgrade(f"sqlite+aiosqlite:///{folder}/eval.db")
        loaded, results, lenient = asyncio.run(run(folder))
    print(f"loaded demo careers, O*NET and {len(KIZAK)} course files in {loaded:.1f}s")
    if not results or not lenient:
        sys.exit("no career had enough judged courses")
    print(f"Strict rule: technologies listed by more than {WIDESPREAD:.0%} of occupations ignored")
    report(results)
    print("\nLenient rule: every technology of the occupation counts")
    report(lenient)


if __name__ == "__main__":
    main()
