"""Which moves between two snapshots are worth a digest."""

from __future__ import annotations

import pytest

from careerpath.alerts.changes import Snapshot, changes

BASE = Snapshot("US", 100_000.0, 400, ("Python", "SQL", "Spark"), ("A", "B", "C"))


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (BASE, []),
        (Snapshot("US", 104_000.0, 400, BASE.skills, BASE.courses), []),  # under 5 %
        (
            Snapshot("US", 106_000.0, 400, BASE.skills, BASE.courses),
            ["Median salary (US) moved +6%"],
        ),
        (
            Snapshot("US", 90_000.0, 400, BASE.skills, BASE.courses),
            ["Median salary (US) moved -10%"],
        ),
        (Snapshot("GB", 150_000.0, 400, BASE.skills, BASE.courses), []),  # another headline group
        (
            Snapshot("US", 100_000.0, 500, BASE.skills, BASE.courses),
            ["Salary reports (US): 400 → 500"],
        ),
        (Snapshot("US", 100_000.0, 499, BASE.skills, BASE.courses), []),
        (
            Snapshot("US", 100_000.0, 400, ("SQL", "Python", "Spark"), BASE.courses),
            ["Top skills now"],
        ),
        (
            Snapshot("US", 100_000.0, 400, BASE.skills, ("A", "D", "B")),
            ["New in the top courses: D."],
        ),
        (Snapshot("US", None, 0, (), ()), []),  # the figures were withdrawn: nothing to compare
    ],
)
def test_changes(after: Snapshot, expected: list[str]) -> None:
    found = changes(BASE, after)
    assert len(found) == len(expected)
    for sentence, start in zip(found, expected, strict=True):
        assert sentence.startswith(start)


def test_a_first_snapshot_without_figures_reports_no_salary_move() -> None:
    empty = Snapshot()
    assert changes(empty, BASE) == ["Top skills now: Python, SQL, Spark."]


def test_snapshots_survive_json() -> None:
    assert Snapshot.from_dict(BASE.as_dict()) == BASE
