"""Confidence that means something: the resolver's calibration map and threshold curve. Pure.

The resolver's raw confidence is the blended softmax probability of its best class. On held-out
O*NET titles of a seed other than the reported one, pool-adjacent-violators (isotonic
regression) turns it into the share of answers that were right; the knots of that monotone map
are pasted into ``title_settings.py``. The coverage/precision curve then shows what each threshold
keeps and how often it is right (README: quality table).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

KNOTS = 13
CURVE_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)


@dataclass(frozen=True, slots=True)
class CurvePoint:
    """Among all titles: the share answered at ``threshold`` or more, and the share right."""

    threshold: float
    coverage: float
    precision: float
    answers: int


def isotonic(answers: Sequence[tuple[float, bool]]) -> list[tuple[float, float, int]]:
    """Pool adjacent violators: (mean confidence, accuracy, size) blocks, accuracy rising."""
    blocks: list[tuple[float, float, int]] = []
    for confidence, right in sorted(answers):
        block = (confidence, float(right), 1)
        while blocks and blocks[-1][1] >= block[1]:
            last = blocks.pop()
            size = last[2] + block[2]
            block = (
                (last[0] * last[2] + block[0] * block[2]) / size,
                (last[1] * last[2] + block[1] * block[2]) / size,
                size,
            )
        blocks.append(block)
    return blocks


def calibration_map(
    answers: Sequence[tuple[float, bool]], knots: int = KNOTS
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Return (raw, calibrated) knots of the isotonic map, at equal shares of the answers."""
    blocks = isotonic(answers)
    expanded = [(c, a) for c, a, size in blocks for _ in range(size)]
    picked = [expanded[round(i * (len(expanded) - 1) / (knots - 1))] for i in range(knots)]
    # A candidate with no chance is never right: the map starts at (0, 0). The lowest block's
    # share of right answers, fitted on first candidates, would otherwise lift every distant
    # candidate to it (to 0.14 once, so that career search listed them all).
    raw = [0.0] + [round(c, 3) for c, _ in picked[1:]]
    calibrated = [0.0] + [round(a, 3) for _, a in picked[1:]]
    # Equal raw knots would make np.interp's map ambiguous: keep the first of each.
    kept = [i for i in range(knots) if i == 0 or raw[i] > raw[i - 1]]
    return tuple(raw[i] for i in kept), tuple(calibrated[i] for i in kept)


def threshold_curve(
    answers: Sequence[tuple[float, bool]], thresholds: Sequence[float] = CURVE_THRESHOLDS
) -> list[CurvePoint]:
    """Return coverage and precision of the answers kept at each threshold."""
    total = max(len(answers), 1)
    points = []
    for threshold in thresholds:
        kept = [right for confidence, right in answers if confidence >= threshold]
        points.append(
            CurvePoint(threshold, len(kept) / total, sum(kept) / max(len(kept), 1), len(kept))
        )
    return points
