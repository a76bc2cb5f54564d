"""Ingestion end to end (parse, hash, normalise title, extract, store, update demand).

SQLite always (100,000 postings by default; pass another count as the first argument);
PostgreSQL too when CAREERPATH_BENCH_POSTGRES_URL names a database this benchmark may empty.
"""

from __future__ import annotations

import asyncio
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from _postings import postings
from _stats import print_table
from careerpath import migrate
from careerpath.db import create_engine, create_session_factory
from careerpath.demo.loader import load_demo
from careerpath.skills.postings import build_mapping, ingest_postings

SQLITE_POSTINGS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
POSTGRES_POSTINGS = 20_000


def write_postings(path: Path, count: int) -> float:
    """Write ``count`` dated synthetic postings as CSV; return the size in MB."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("jobtitle", "jobdescription", "postdate"))
        for number, (title, body) in enumerate(postings(count, seed=7)):
            writer.writerow((title, body, f"2024-{number % 12 + 1:02d}-{number % 28 + 1:02d}"))
    return path.stat().st_size / 1e6


async def prepare(url: str) -> None:
    """Migrate an empty database and load the demo (taxonomy and careers)."""
    if url.startswith("postgresql"):
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()
    await asyncio.to_thread(migrate.upgrade, url)
    engine = create_engine(url)
    async with create_session_factory(engine)() as session, session.begin():
        await load_demo(session)
    await engine.dispose()


async def run(url: str, path: Path) -> tuple[float, int]:
    """Ingest ``path`` into ``url``; return seconds and postings stored."""
    await prepare(url)
    engine = create_engine(url)
    mapping = build_mapping("dice", date_col="postdate")
    started = time.perf_counter()
    async with create_session_factory(engine)() as session, session.begin():
        report = await ingest_postings(session, path, mapping, source="bench")
    seconds = time.perf_counter() - started
    await engine.dispose()
    return seconds, report.imported


def main() -> None:
    """Print postings/s on SQLite (and PostgreSQL when configured)."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        targets = [("SQLite", f"sqlite+aiosqlite:///{base / 'bench.db'}", SQLITE_POSTINGS)]
        if pg := os.environ.get("CAREERPATH_BENCH_POSTGRES_URL"):
            targets.append(("PostgreSQL", pg, POSTGRES_POSTINGS))
        for name, url, count in targets:
            path = base / f"postings-{count}.csv"
            if not path.exists():
                megabytes = write_postings(path, count)
            seconds, stored = asyncio.run(run(url, path))
            rows.append(
                (
                    name,
                    f"{stored:,}",
                    f"{megabytes:.0f}",
                    f"{seconds:.1f}",
                    f"{stored / seconds:,.0f}",
                )
            )
    print_table(
        "Postings ingestion end to end (one process, batches of 1,000 in transactions)",
        ("database", "postings", "MB", "seconds", "postings/s"),
        rows,
    )
    print("  target: >= 2,000 postings/s on SQLite")


if __name__ == "__main__":
    main()
