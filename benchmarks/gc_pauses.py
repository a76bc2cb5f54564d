"""Garbage-collection pauses on a warmed worker, with and without ``gc.freeze``, in one run.

One process builds the app on a demo SQLite database, warms it like a served worker (title
resolver, first page renders), then renders the career page and its JSON again and again with
the response and document caches off, so that every request allocates what a cache miss does.
``gc.callbacks`` time every collection. Rounds alternate "as warmed" (everything in the normal
generations) and "frozen" (``gc.collect(); gc.freeze()``, what ``careerpath.heap.settle_after``
does in a served worker). Reported: full (generation 2) collections, their median and longest
pause, and the request p99, medians over the rounds, with the frozen/unfrozen ratio.
"""

from __future__ import annotations

import asyncio
import gc
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _stats import median, percentile, print_table

ROUNDS = int(os.environ.get("BENCH_RUNS", "3"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "240"))
PATHS = ("/careers/back-end-engineer", "/api/v1/careers/back-end-engineer")


class PauseClock:
    """Times every collection of generation 2 through ``gc.callbacks``."""

    def __init__(self) -> None:
        self.pauses: list[float] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append((time.perf_counter() - self._started) * 1000)


async def one_round(client: Any, frozen: bool) -> tuple[list[float], list[float]]:
    gc.unfreeze()
    if frozen:
        gc.collect()
        gc.freeze()
    clock = PauseClock()
    gc.callbacks.append(clock)
    latencies = []
    try:
        for number in range(REQUESTS):
            started = time.perf_counter()
            response = await client.get(PATHS[number % len(PATHS)])
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise RuntimeError(f"{response.status_code} from {PATHS[number % len(PATHS)]}")
    finally:
        gc.callbacks.remove(clock)
        gc.unfreeze()
    return clock.pauses, latencies


async def measure() -> dict[bool, list[tuple[list[float], list[float]]]]:
    from litestar.testing import AsyncTestClient

    from careerpath.main import create_app

    results: dict[bool, list[tuple[list[float], list[float]]]] = {False: [], True: []}
    async with AsyncTestClient(create_app(), base_url="http://127.0.0.1") as client:
        for path in PATHS:
            await client.get(path)  # warm: resolver, templates, first renders
        for _ in range(ROUNDS):
            for frozen in (False, True):
                results[frozen].append(await one_round(client, frozen))
    return results


def prepare(folder: Path) -> None:
    os.environ.update(
        {
            "CAREERPATH_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'gc.db'}",
            "CAREERPATH_VAR_DIR": str(folder),
            "CAREERPATH_LOG_LEVEL": "WARNING",
            "CAREERPATH_ACCESS_LOG": "false",
            "CAREERPATH_CACHE_SECONDS": "0",
            "CAREERPATH_RATE_LIMIT_IP": "1000000000/minute",
        }
    )
    cli = [sys.executable, "-m", "careerpath.cli"]
    subprocess.run([*cli, "init"], check=True, capture_output=True)
    subprocess.run([*cli, "demo"], check=True, capture_output=True)


def report(results: dict[bool, list[tuple[list[float], list[float]]]]) -> None:
    def row(frozen: bool) -> list[float]:
        rounds = results[frozen]
        return [
            median([len(pauses) for pauses, _ in rounds]),
            median([median(pauses) if pauses else 0.0 for pauses, _ in rounds]),
            median([max(pauses, default=0.0) for pauses, _ in rounds]),
            median([percentile(latencies, 0.99) for _, latencies in rounds]),
        ]

    warmed, frozen = row(False), row(True)
    ratios = [f / w if w else float("nan") for f, w in zip(frozen, warmed, strict=True)]
    print_table(
        f"GC on a warmed worker, {REQUESTS} cache-miss renders a round, median of {ROUNDS} rounds",
        ["heap", "full GCs", "median pause ms", "longest pause ms", "request p99 ms"],
        [
            ["as warmed", *(f"{value:.1f}" for value in warmed)],
            ["frozen (served workers)", *(f"{value:.1f}" for value in frozen)],
            ["ratio frozen / warmed", *(f"{value:.2f}" for value in ratios)],
        ],
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        prepare(Path(folder))
        results = asyncio.run(measure())
    report(results)


if __name__ == "__main__":
    main()
