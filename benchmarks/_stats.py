"""Small helpers every benchmark shares: timing, percentiles, and a printed table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def percentile(values: Sequence[float], fraction: float) -> float:
    """Return the ``fraction`` quantile (0..1) by linear interpolation, as numpy does."""
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def time_runs(work: Callable[[], object], runs: int = 5) -> list[float]:
    """Return the wall-clock seconds of ``runs`` calls of ``work``."""
    durations = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        durations.append(time.perf_counter() - started)
    return durations


def median(values: Sequence[float]) -> float:
    """Return the median."""
    return statistics.median(values)


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print an aligned plain-text table (benchmarks print, they never assert)."""
    cells = [list(map(str, header)), *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    print(f"\n{title}")
    for number, row in enumerate(cells):
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            print("  " + "  ".join("-" * width for width in widths))
