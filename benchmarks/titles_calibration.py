"""Fit the title resolver's confidence on titles held out of the evaluation's training side.

Needs ../shared/data/onet. The split `careerpath titles evaluate` reports on is split again
(``CALIBRATION_SEED``) on its training side only; a resolver trained on what is left resolves
the titles held out there, and on those answers are fitted the map of a candidate's blended
probability to its share of right answers (isotonic) and the confidence model of the first
candidate (``title_confidence``), printed for ``title_settings.py``. The titles the evaluation
reports on are never seen. Then, on the reported split, the reliability table and the
coverage/precision curve are printed, for the confidence model and, as the baseline, for the
one-score map alone, with the lowest threshold whose precision reaches the target.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from careerpath.careers import title_confidence
from careerpath.careers.resolver import TitleResolver
from careerpath.careers.title_calibration import CurvePoint, calibration_map, threshold_curve
from careerpath.careers.title_evaluation import Split, evaluate, leak_free_split
from careerpath.cli.titles import occupation_names, print_evaluation
from careerpath.skills.onet import read_onet

ONET = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "onet"
CALIBRATION_SEED = 20251201
TARGET_PRECISION = 0.90
FINE_THRESHOLDS = tuple(round(0.3 + i / 100, 2) for i in range(70))


def _raw_and_right(
    split: Split, resolver: TitleResolver
) -> tuple[np.ndarray, np.ndarray, list[bool], list[bool]]:
    """Return the signals of each held-out title's first candidate, its blended probability
    lowered by the role check (what the map reads), whether it was right, and which titles
    had a known word."""
    rows, known = resolver.confidence_signals([held.title for held in split.held])
    right = [r for _, r in evaluate(split, resolver).answers]
    role = title_confidence.SIGNALS.index("role")
    raw = 1.0 / (1.0 + np.exp(-rows[:, 0])) * np.exp(rows[:, role])
    return rows, raw, right, known


def _print_lowest(label: str, answers: list[tuple[float, bool]]) -> None:
    curve = threshold_curve(answers, FINE_THRESHOLDS)
    reaching: list[CurvePoint] = [p for p in curve if p.precision >= TARGET_PRECISION]
    if not reaching:
        print(f"  {label}: no threshold up to 0.99 reaches precision {TARGET_PRECISION}")
        return
    first = reaching[0]
    print(
        f"  {label}: lowest threshold with precision >= {TARGET_PRECISION}: "
        f"{first.threshold:.2f} (coverage {first.coverage:.3f}, precision {first.precision:.3f})"
    )


def main() -> None:
    """Print the fitted settings, then the evaluation and threshold curves that use them."""
    if not ONET.exists():
        print(f"titles_calibration: skipped, {ONET} is absent")
        return
    report = leak_free_split(occupation_names(read_onet(ONET)))
    fitting = report.nested(CALIBRATION_SEED)
    rows, raw, right, known = _raw_and_right(fitting, fitting.resolver())
    kept = np.flatnonzero(known)
    mapped = calibration_map([(float(raw[i]), right[i]) for i in kept])
    model = title_confidence.fit(rows[kept], [right[i] for i in kept])
    print(
        f"Fitted on {len(kept):,} titles held out (seed {CALIBRATION_SEED}) of the training side "
        f"of the reported split:\n  CALIBRATION_RAW = {mapped[0]}\n  CALIBRATION_MAP = {mapped[1]}"
        f"\n  CONFIDENCE_WEIGHTS = {model.weights}\n  CONFIDENCE_BIAS = {model.bias}"
    )
    resolver = report.resolver()
    resolver.calibration = mapped
    resolver.confidence = model
    figures = evaluate(report, resolver)
    print_evaluation(figures)
    _, raw, right, known = _raw_and_right(report, resolver)
    one_score = [
        (float(np.interp(raw[i], *mapped)) if known[i] else 0.0, right[i])
        for i in range(len(right))
    ]
    print("Baseline, the one-score map alone: threshold → coverage / precision")
    for point in threshold_curve(one_score):
        print(f"  {point.threshold:.2f} → {point.coverage:.3f} / {point.precision:.3f}")
    _print_lowest("confidence model", figures.answers)
    _print_lowest("one-score map", one_score)


if __name__ == "__main__":
    main()
