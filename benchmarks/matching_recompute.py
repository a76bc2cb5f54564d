"""Ranking recompute on the shared data: every career, wall and CPU seconds, median of runs.

Loads what a new user loads (demo careers, O*NET, the dice and google postings, both catalogs)
into a fresh SQLite database, builds the search index, then recomputes every career's rankings
``RUNS`` times. CPU seconds (``time.process_time``, every thread of the process) are printed
beside wall seconds: on a shared, loaded machine they are the comparable figure. To compare
with older code, run this file with PYTHONPATH pointing at that code's src/.
Run: .venv/bin/python benchmarks/matching_recompute.py   (needs ../shared/data; minutes)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from _stats import median
from careerpath import migrate
from careerpath.db import create_engine, create_session_factory
from careerpath.matching.service import recompute

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
# The real-data tests load the shared data as a new user would; the same loader, reused.
from tests.matching.test_relevance_real import _load

RUNS = 2


async def recompute_all(url: str, folder: Path) -> tuple[float, float, int]:
    """Recompute every career once; return wall and CPU seconds and rows stored."""
    engine = create_engine(url)
    async with create_session_factory(engine)() as session, session.begin():
        started, cpu = time.perf_counter(), time.process_time()
        rows = await recompute(session, folder)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    await engine.dispose()
    return wall, cpu, rows


def main() -> None:
    """Print the median wall and CPU seconds of a full recompute."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = f"sqlite+aiosqlite:///{folder / 'real.db'}"
        migrate.upgrade(url)
        asyncio.run(_load(url, folder))
        runs = [asyncio.run(recompute_all(url, folder)) for _ in range(RUNS)]
    wall, cpu = median([r[0] for r in runs]), median([r[1] for r in runs])
    print(f"recompute every career on the shared data (median of {RUNS}), {runs[-1][2]:,} rows")
    print(f"  {wall:.1f} s wall, {cpu:.1f} s CPU")


if __name__ == "__main__":
    main()
