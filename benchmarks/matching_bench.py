"""Matching speed: rank one career against 150,000 resources, recompute 1,000 careers,
build a learning path, check a skill gap on a 2-page résumé. Medians of several runs.

The catalog comes from catalog/generator.py (the `careerpath ingest scale` rows) with the
generator's publisher skills as skill ids; the résumé is real Dice posting text (a stand-in
for a 2-page CV, 7,000 characters) run through the real extractor of the demo taxonomy.
Ranking times exclude the BM25 query (a 2,000-hit text-fit map is passed in) and the database;
path and gap times exclude loading the courses from the database.
"""

from __future__ import annotations

import asyncio
import csv
import tempfile
from decimal import Decimal
from pathlib import Path

from _stats import median, print_table, time_runs
from careerpath import migrate
from careerpath.catalog.generator import SKILLS, generate
from careerpath.db import create_engine, create_session_factory
from careerpath.demo.loader import load_demo
from careerpath.matching.catalog_view import CatalogItem
from careerpath.matching.demand import Demand
from careerpath.matching.fastpath import path_from, prepare, skill_gap_fast
from careerpath.matching.fastrank import CatalogMatrix, rank_matrix
from careerpath.matching.paths import PathOptions, prune_courses
from careerpath.matching.scoring import SkillShare
from careerpath.matching.service import (
    CANDIDATES,
    KINDS,
    RELEVANCE_FLOOR,
    STORED_PER_LANGUAGE,
    Curation,
    catalog_matrix,
    curated,
)
from careerpath.skills.extract import Extractor
from careerpath.skills.service import get_extractor

COURSES, BOOKS = 100_000, 50_000
RESUME_CHARS = 7_000
DICE = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "jobs-dice-sample"


def catalog() -> list[CatalogItem]:
    """Return 150,000 generated resources as matching sees them."""
    ids = {name: number for number, name in enumerate(SKILLS, start=1)}
    return [
        CatalogItem(n, str(row.kind), frozenset(ids[s] for s in row.skills if s in ids),
                    row.rating, row.ratings_count or 0, row.is_free,
                    Decimal(0) if row.is_free else (row.price_amount or Decimal(0)),
                    row.duration_hours, str(row.level) if row.level else None)
        for n, row in enumerate(generate(COURSES, BOOKS), start=1)
    ]  # fmt: skip


def demand() -> Demand:
    """Return a demand over the generator's skills with falling shares."""
    shares = {n: SkillShare(n, s, round(0.7 / n**0.5, 3)) for n, s in enumerate(SKILLS, start=1)}
    return Demand(shares, "postings", 5000)


def rank_one(matrix: CatalogMatrix, need: Demand, fits: dict[int, float]) -> None:
    """Rank both kinds and keep the stored top, as recompute does for one career."""
    for kind in KINDS:
        ranked = rank_matrix(matrix, need.shares, fits, kind, CANDIDATES, floor=RELEVANCE_FLOOR)
        curated(ranked, Curation({}, frozenset()), STORED_PER_LANGUAGE)


async def demo_extractor(folder: str) -> Extractor:
    """Return the real extractor over the demo taxonomy."""
    engine = create_engine(f"sqlite+aiosqlite:///{folder}/bench.db")
    async with create_session_factory(engine)() as session, session.begin():
        await load_demo(session)
        extractor = await get_extractor(session)
    await engine.dispose()
    return extractor


def resume_text() -> str:
    """Return ~2 pages of real posting text."""
    text: list[str] = []
    with (DICE / "dice_com-job_us_sample.csv").open(encoding="utf-8", errors="replace") as handle:
        for row in csv.DictReader(handle):
            text.append(row.get("jobdescription", ""))
            if sum(map(len, text)) >= RESUME_CHARS:
                break
    return "\n".join(text)[:RESUME_CHARS]


def main() -> None:
    """Run every measurement and print the table with the targets."""
    items = catalog()
    need = demand()
    fits = {i.resource_id: 1.0 / (1 + n) for n, i in enumerate(items[::75])}
    build = median(time_runs(lambda: catalog_matrix(items), runs=3))
    matrix = catalog_matrix(items)
    ranking = median(time_runs(lambda: rank_one(matrix, need, fits), runs=5))
    all_courses = [i.course() for i in items if i.kind == "course"]
    weights = need.weights()
    prune = median(time_runs(lambda: prepare(prune_courses(all_courses, weights), weights), runs=3))
    courses = prepare(prune_courses(all_courses, weights), weights)
    options = PathOptions(max_hours=80)
    path = median(time_runs(lambda: path_from(courses, weights, options), runs=5))
    with tempfile.TemporaryDirectory() as folder:
        migrate.upgrade(f"sqlite+aiosqlite:///{folder}/bench.db")
        extractor = asyncio.run(demo_extractor(folder))
    text = resume_text()

    def gap() -> None:
        skill_gap_fast(extractor.mentioned_ids(text) | {1, 2}, weights, courses)

    gap_time = median(time_runs(gap, runs=5))
    rows = [
        ("catalog arrays, 150,000 resources (once)", f"{build * 1000:.0f} ms", "-", "-"),
        ("rank 1 career vs 150,000 resources", f"{ranking * 1000:.1f} ms", "<= 50 ms",
         f"{ranking / 0.050:.2f}"),
        ("recompute 1,000 careers (ranking x1,000)", f"{ranking * 1000 + build:.1f} s", "-", "-"),
        ("prune + arrays, 100,000 courses (cached)", f"{prune * 1000:.0f} ms", "-", "-"),
        (f"learning path ({len(courses.pool):,} pruned courses, 80 h)", f"{path * 1000:.2f} ms",
         "<= 20 ms", f"{path / 0.020:.2f}"),
        (f"gap check, {len(text):,}-char resume", f"{gap_time * 1000:.2f} ms", "<= 30 ms",
         f"{gap_time / 0.030:.2f}"),
    ]  # fmt: skip
    print_table(
        "Matching (medians of 5 runs; ratio = time / target)",
        ["what", "median", "target", "ratio"],
        rows,
    )


if __name__ == "__main__":
    main()
