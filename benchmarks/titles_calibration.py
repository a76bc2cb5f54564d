"""Fit the title resolver's calibration map on one held-out seed; show the curve on another.

Needs ../shared/data/onet. The map (raw blended probability → share right, isotonic) is fitted
on the titles held out with ``CALIBRATION_SEED`` and printed for ``title_settings.py``; then, on the
seed `careerpath titles evaluate` reports, the reliability table and the coverage/precision
curve are printed with that map, and the lowest threshold whose precision reaches the target.
"""

from __future__ import annotations

from pathlib import Path

from careerpath.careers.title_calibration import calibration_map, threshold_curve
from careerpath.careers.title_evaluation import evaluate, leak_free_split
from careerpath.cli.titles import occupation_names, print_evaluation
from careerpath.skills.onet import read_onet

ONET = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "onet"
CALIBRATION_SEED = 20251201
TARGET_PRECISION = 0.90
FINE_THRESHOLDS = tuple(round(0.5 + i / 100, 2) for i in range(50))


def main() -> None:
    """Print the fitted knots, then the evaluation and threshold curve that use them."""
    if not ONET.exists():
        print(f"titles_calibration: skipped, {ONET} is absent")
        return
    occupations = occupation_names(read_onet(ONET))
    fitting = leak_free_split(occupations, seed=CALIBRATION_SEED)
    resolver = fitting.resolver()
    resolver.calibration = ((0.0, 1.0), (0.0, 1.0))
    raw, calibrated = calibration_map(evaluate(fitting, resolver).answers)
    print(f"Fitted on {len(fitting.held):,} titles held out with seed {CALIBRATION_SEED}:")
    print(f"  CALIBRATION_RAW = {raw}\n  CALIBRATION_MAP = {calibrated}")
    report = leak_free_split(occupations)
    resolver = report.resolver()
    resolver.calibration = (raw, calibrated)
    figures = evaluate(report, resolver)
    print_evaluation(figures)
    reaching = [
        p
        for p in threshold_curve(figures.answers, FINE_THRESHOLDS)
        if p.precision >= TARGET_PRECISION
    ]
    if reaching:
        first = reaching[0]
        print(
            f"  lowest threshold with precision >= {TARGET_PRECISION}: {first.threshold:.2f} "
            f"(coverage {first.coverage:.3f}, precision {first.precision:.3f})"
        )
    else:
        print(f"  no threshold up to 0.99 reaches precision {TARGET_PRECISION}")


if __name__ == "__main__":
    main()
