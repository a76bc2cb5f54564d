"""Salary report ingestion end to end (read, normalise, hash, insert, re-aggregate): reports/s.

Writes 100,000 synthetic rows with the aijobs.net columns, then imports them with the aijobs
profile into a fresh, migrated, demo-loaded database: SQLite always, PostgreSQL when
CAREERPATH_BENCH_POSTGRES_URL (or CAREERPATH_TEST_POSTGRES_URL) is set. Target: >= 20,000/s
on SQLite. Also times a re-import of the same file (every row unchanged).
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from _salaries_synthetic import write_aijobs_csv
from _stats import median, print_table
from careerpath import migrate
from careerpath.db import create_engine, create_session_factory
from careerpath.demo.loader import load_demo
from careerpath.salaries.ingest import IngestResult, ingest_file
from careerpath.salaries.reports import AIJOBS
from careerpath.salaries.sources import AIJOBS_SOURCE

REPORTS = 100_000
RUNS = 3


async def _reset_postgres(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


async def _ingest(url: str, path: Path) -> tuple[float, float, IngestResult]:
    engine = create_engine(url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            started, cpu = time.perf_counter(), time.process_time()
            result = await ingest_file(session, path, AIJOBS, AIJOBS_SOURCE)
        # The commit counts too. CPU time is this process's (SQLite runs in it; a PostgreSQL
        # server's work is not in it): on a shared, busy machine it shows the cost per row.
        return time.perf_counter() - started, time.process_time() - cpu, result
    finally:
        await engine.dispose()


async def _prepare(url: str, folder: Path, run: int) -> str:
    if url.startswith("sqlite"):
        url = f"sqlite+aiosqlite:///{folder / f'bench-{run}.db'}"
    else:
        await _reset_postgres(url)
    await asyncio.to_thread(migrate.upgrade, url)
    engine = create_engine(url)
    async with create_session_factory(engine)() as session, session.begin():
        await load_demo(session)
    await engine.dispose()
    return url


def _measure(name: str, url: str, path: Path, folder: Path) -> list[object]:
    first, cpu, again = [], [], []
    imported = 0
    for run in range(RUNS):
        fresh = asyncio.run(_prepare(url, folder, run))
        seconds, cpu_seconds, result = asyncio.run(_ingest(fresh, path))
        first.append(seconds)
        cpu.append(cpu_seconds)
        imported = result.report.imported
        seconds, _, _ = asyncio.run(_ingest(fresh, path))
        again.append(seconds)
    return [
        name,
        f"{imported:,}",
        f"{median(first):.2f}",
        f"{REPORTS / median(first):,.0f}",
        f"{REPORTS / median(cpu):,.0f}",
        f"{REPORTS / median(again):,.0f}",
    ]


def main() -> None:
    """Print reports/s of a first import and of a re-import, per database."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "salaries.csv"
        write_aijobs_csv(path, REPORTS)
        rows = [_measure("SQLite", "sqlite", path, folder)]
        postgres = os.environ.get("CAREERPATH_BENCH_POSTGRES_URL") or os.environ.get(
            "CAREERPATH_TEST_POSTGRES_URL"
        )
        if postgres:
            rows.append(_measure("PostgreSQL", postgres, path, folder))
        else:
            print("PostgreSQL skipped: set CAREERPATH_BENCH_POSTGRES_URL")
    print_table(
        f"Salary ingestion, {REPORTS:,} aijobs-shaped reports (median of {RUNS})",
        ["database", "imported", "wall s", "reports/s", "per CPU-s", "re-import reports/s"],
        rows,
    )
    print("  target: >= 20,000 reports/s on SQLite (first import, wall clock)")
    print(f"  load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
