"""Fit the title resolver's confidence on titles held out of the evaluation's training side.

Needs ../shared/data/onet. The split `careerpath titles evaluate` reports on is split again
(``CALIBRATION_SEED``) on its training side only; a resolver trained on what is left resolves
the titles held out there, and on those answers are fitted the map of a candidate's blended
probability to its share of right answers (isotonic) and the confidence model of the first
candidate (``title_confidence``), printed for ``title_settings.py``. The titles the evaluation
reports on are never seen. The confidence model also learns from the hand-judged real titles of
the tuning files (``titles_real.TUNING``; the held-out file is never read here), each weighing
``REAL_WEIGHT`` O*NET names: real titles are often word for word a known name, which held-out
O*NET names never are. Then, on the reported split, the reliability table and the
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
from titles_real import TUNING, build_world, read_gold

ONET = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "onet"
CALIBRATION_SEED = 20251201
TARGET_PRECISION = 0.90
FINE_THRESHOLDS = tuple(round(0.3 + i / 100, 2) for i in range(70))
# How many held-out O*NET names one judged real title weighs in the confidence fit: at 10 the
# held-out real titles gain coverage at the same precision while O*NET's precision at the
# threshold stays above 0.90 (at 20 it reaches 0.90).
REAL_WEIGHT = 10.0


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


def _real_rows() -> tuple[np.ndarray, list[bool]]:
    """Return the signals of the first candidate of each judged real title of the tuning files
    (the service's resolver: all of O*NET, the curated careers, the shipped artefact) and
    whether a reader accepts it or a curated career refining it."""
    resolver, slugs = build_world()
    refined_by: dict[int, set[str]] = {}
    for career, parent in resolver.names.parents.items():
        if parent is not None:
            refined_by.setdefault(parent, set()).add(slugs[career])
    judged = [item for path in TUNING for item in read_gold(path) if item.accepted]
    rows, known = resolver.confidence_signals([item.title for item in judged])
    firsts = resolver.first_careers([item.title for item in judged])
    right = [
        slugs[career] in item.accepted or bool(refined_by.get(career, set()) & item.accepted)
        for item, career in zip(judged, firsts, strict=True)
    ]
    kept = np.flatnonzero(known)
    return rows[kept], [right[i] for i in kept]


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
    real_rows, real_right = _real_rows()
    model = title_confidence.fit(
        np.vstack([rows[kept], real_rows]),
        [right[i] for i in kept] + real_right,
        [1.0] * len(kept) + [REAL_WEIGHT] * len(real_right),
    )
    print(
        f"Fitted on {len(kept):,} titles held out (seed {CALIBRATION_SEED}) of the training side "
        f"of the reported split and {len(real_right)} judged real titles (x{REAL_WEIGHT:g}):"
        f"\n  CALIBRATION_RAW = {mapped[0]}\n  CALIBRATION_MAP = {mapped[1]}"
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
