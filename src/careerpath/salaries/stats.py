"""Pure salary statistics: percentiles by linear interpolation and an IQR outlier fence.

Method (documented in the README): values outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR] of the group
are outliers, counted and left out; n, p10, p25, median, p75 and p90 are then taken over the
remaining values with linear interpolation between closest ranks, numpy's default ("linear",
type 7 of Hyndman and Fan), rounded to the cent. Fewer than ``MIN_REPORTS`` values give a
count but no figures. Every group is computed at once over sorted arrays
(``summarize_sorted``); tests check it against a plain one-group oracle and numpy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

PERCENTILES = (10, 25, 50, 75, 90)
IQR_FENCE = 1.5
MIN_REPORTS = 5


@dataclass(frozen=True, slots=True)
class GroupSummaries:
    """Figures of many groups at once, as parallel arrays ordered by group id."""

    group_ids: NDArray[np.int64]
    n: NDArray[np.int64]
    outliers: NDArray[np.int64]
    percentiles: dict[int, NDArray[np.float64]]
    kept: NDArray[np.bool_]  # per input value (sorted order): inside its group's fences


def summarize_groups(groups: NDArray[np.int64], values: NDArray[np.float64]) -> GroupSummaries:
    """Return the figures of every group at once."""
    order = np.lexsort((values, groups))
    return summarize_sorted(groups[order], values[order])


def summarize_sorted(
    sorted_groups: NDArray[np.int64], sorted_values: NDArray[np.float64]
) -> GroupSummaries:
    """Like ``summarize_groups`` for input already sorted by group, then by value."""
    starts, counts = runs(sorted_groups)
    q1 = group_percentiles(sorted_values, starts, counts, 25)
    q3 = group_percentiles(sorted_values, starts, counts, 75)
    spread = IQR_FENCE * (q3 - q1)
    owner = np.repeat(np.arange(len(starts)), counts)
    keep = (sorted_values >= (q1 - spread)[owner]) & (sorted_values <= (q3 + spread)[owner])
    kept_values = sorted_values[keep]
    kept_starts, kept_counts = runs(sorted_groups[keep])
    return GroupSummaries(
        group_ids=sorted_groups[starts],
        n=kept_counts,
        outliers=counts - kept_counts,
        # Unrounded: callers round to the cent with Python's correctly rounded ``round``
        # (numpy's scale-and-round can land on the other side of a half cent).
        percentiles={
            q: group_percentiles(kept_values, kept_starts, kept_counts, q) for q in PERCENTILES
        },
        kept=keep,
    )


def runs(sorted_groups: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Return where each run of equal group ids starts in a sorted array, and its length."""
    if len(sorted_groups) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    boundaries = np.flatnonzero(sorted_groups[1:] != sorted_groups[:-1]) + 1
    starts = np.concatenate(([0], boundaries)).astype(np.int64)
    counts = np.diff(np.concatenate((starts, [len(sorted_groups)]))).astype(np.int64)
    return starts, counts


def group_percentiles(
    values: NDArray[np.float64], starts: NDArray[np.int64], counts: NDArray[np.int64], q: float
) -> NDArray[np.float64]:
    """Return the ``q``-th percentile (0-100) of each run of ``values``, numpy's way.

    Runs start at ``starts`` with ``counts`` values each, in ascending order. Like numpy, the
    interpolation starts from the nearer end when the fraction is 0.5 or more, so the result is
    bit-for-bit numpy's rather than merely close (tests/salaries/oracle.py is the plain version).
    """
    position = (counts - 1) * (q / 100)
    below = np.floor(position).astype(np.int64)
    above = np.minimum(below + 1, counts - 1)
    fraction = position - below
    low, high = values[starts + below], values[starts + above]
    difference = high - low
    result: NDArray[np.float64] = np.where(
        fraction >= 0.5, high - difference * (1 - fraction), low + difference * fraction
    )
    return result
