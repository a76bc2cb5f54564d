"""Catalog import speed: a 10,000-row CSV of any shape, read through --map, into SQLite.

The file is written from the seeded catalog generator with column names of its own (so the
generic profile and its mapping are exercised); each run imports it into a fresh migrated
database holding the demo data and the shipped taxonomy (rows are tagged with skills). The
baseline, same run: a second import of the same file, where every row is unchanged.
Rows per CPU-second are printed beside rows per second: on a shared, loaded machine they are
the comparable figure. To compare with older code, run this file with PYTHONPATH pointing at
that code's src/ (as the README's row did).
Run: .venv/bin/python benchmarks/catalog_ingest.py [ROWS]
"""

from __future__ import annotations

import asyncio
import csv
import sys
import tempfile
import time
from pathlib import Path

from _stats import median
from careerpath import migrate
from careerpath.catalog import service as catalog_service
from careerpath.catalog.generator import generate
from careerpath.catalog.models import ResourceKind
from careerpath.db import create_engine, create_session_factory
from careerpath.demo.loader import load_demo
from careerpath.skills.service import get_extractor

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
RUNS = 3
MAP = ("title=Name", "url=Link", "provider=Platform", "description=About", "price=Cost",
       "level=Difficulty", "duration_hours=Hours", "skills=Tags")  # fmt: skip


def write_file(path: Path, rows: int) -> None:
    """Write ``rows`` generated courses with column names of their own."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ("Name", "Link", "Platform", "About", "Cost", "Difficulty", "Hours", "Tags")
        )
        for row in generate(rows, 0, seed=11):
            price = "0" if row.is_free else (str(row.price_amount or ""))
            tags = ";".join(row.skills)
            level, hours = row.level or "", row.duration_hours or ""
            writer.writerow(
                (row.title, row.url, row.provider, row.description, price, level, hours, tags)
            )


async def import_once(url: str, path: Path) -> tuple[float, float, int]:
    """Import the file once; return wall and CPU seconds and rows imported or unchanged."""
    engine = create_engine(url)
    started, cpu = time.perf_counter(), time.process_time()
    async with create_session_factory(engine)() as session, session.begin():
        profile = catalog_service.choose_profile(path, None, None, overrides=MAP, currency="USD")
        parsed = catalog_service.parse_file(path, profile, ResourceKind.COURSE)
        await catalog_service.import_parsed(session, profile, ResourceKind.COURSE, parsed)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    await engine.dispose()
    return seconds, cpu, parsed.report.imported + parsed.report.unchanged


async def fresh(url: str) -> None:
    """Load the demo data (and so the taxonomy) and build the skills extractor, untimed.

    The extractor is built once per process (about 10 s) and reused by every import after.
    """
    engine = create_engine(url)
    async with create_session_factory(engine)() as session, session.begin():
        await load_demo(session)
        await get_extractor(session)
    await engine.dispose()


def main() -> None:
    """Print rows per second for first imports and unchanged re-imports (medians)."""
    first, again, first_cpu = [], [], []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.csv"
        write_file(path, ROWS)
        for run in range(RUNS):
            url = f"sqlite+aiosqlite:///{folder}/run{run}.db"
            migrate.upgrade(url)
            asyncio.run(fresh(url))
            seconds, cpu, rows = asyncio.run(import_once(url, path))
            first.append(rows / seconds)
            first_cpu.append(rows / cpu)
            seconds, _, rows = asyncio.run(import_once(url, path))
            again.append(rows / seconds)
    print(f"catalog import, {ROWS:,} rows through --map on SQLite (median of {RUNS})")
    print(f"  first import:      {median(first):,.0f} rows/s (target >= 5,000)")
    print(f"  first import:      {median(first_cpu):,.0f} rows per CPU-second (load-independent)")
    ratio = median(first) / median(again)
    print(f"  unchanged re-run:  {median(again):,.0f} rows/s; first / unchanged {ratio:.2f}")


if __name__ == "__main__":
    main()
