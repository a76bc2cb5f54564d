"""The test oracle: plain one-group salary statistics, the method of ``salaries.stats``.

Production computes every group at once with numpy (``stats.summarize_sorted``); this readable
version states the method and checks it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from careerpath.salaries.stats import IQR_FENCE, MIN_REPORTS, PERCENTILES


@dataclass(frozen=True, slots=True)
class Summary:
    """One group's figures; ``percentiles`` maps 10/25/50/75/90 to amounts."""

    n: int
    outliers: int
    percentiles: dict[int, float]

    @property
    def enough(self) -> bool:
        """Say whether the group has enough reports to publish a figure."""
        return self.n >= MIN_REPORTS


def _lerp(low: float, high: float, fraction: float) -> float:
    # numpy interpolates from the nearer end for fraction >= 0.5; doing the same keeps us
    # bit-for-bit equal rather than merely close.
    difference = high - low
    return high - difference * (1 - fraction) if fraction >= 0.5 else low + difference * fraction


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """Return the ``q``-th percentile (0-100) of ascending ``sorted_values``, numpy's way."""
    if not sorted_values:
        raise ValueError("percentile of no values")
    position = (len(sorted_values) - 1) * (q / 100)  # numpy's order of operations
    below = math.floor(position)
    above = min(below + 1, len(sorted_values) - 1)
    return _lerp(sorted_values[below], sorted_values[above], position - below)


def fences(sorted_values: Sequence[float]) -> tuple[float, float]:
    """Return the low and high IQR fences of ascending ``sorted_values``."""
    q1, q3 = percentile(sorted_values, 25), percentile(sorted_values, 75)
    spread = IQR_FENCE * (q3 - q1)
    return q1 - spread, q3 + spread


def summarize(values: Iterable[float]) -> Summary:
    """Return n, outliers and percentiles of one group of yearly amounts."""
    ordered = sorted(values)
    if not ordered:
        return Summary(0, 0, {})
    low, high = fences(ordered)
    kept = [v for v in ordered if low <= v <= high]
    figures = {q: round(percentile(kept, q), 2) for q in PERCENTILES}
    return Summary(len(kept), len(ordered) - len(kept), figures)
