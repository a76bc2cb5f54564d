"""Percentiles equal numpy's default to the cent; the IQR fence drops outliers."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.salaries.stats import PERCENTILES, summarize_groups
from tests.salaries.oracle import percentile, summarize

amounts = st.lists(
    st.floats(min_value=1, max_value=5_000_000, allow_nan=False), min_size=1, max_size=200
)


@given(amounts, st.floats(min_value=0, max_value=100))
def test_percentile_equals_numpy(values: list[float], q: float) -> None:
    assert percentile(sorted(values), q) == float(np.percentile(values, q))  # bit for bit


@given(amounts)
def test_summary_equals_numpy_after_the_fence(values: list[float]) -> None:
    q1, q3 = np.percentile(values, [25, 75])
    kept = [v for v in values if q1 - 1.5 * (q3 - q1) <= v <= q3 + 1.5 * (q3 - q1)]
    summary = summarize(values)
    assert summary.n == len(kept)
    assert summary.outliers == len(values) - len(kept)
    for q in PERCENTILES:
        assert summary.percentiles[q] == round(float(np.percentile(kept, q)), 2)


@settings(max_examples=50)
@given(st.lists(st.tuples(st.integers(0, 6), st.floats(1, 1e6)), min_size=1, max_size=300))
def test_vectorised_groups_equal_one_by_one(rows: list[tuple[int, float]]) -> None:
    groups = np.array([g for g, _ in rows], dtype=np.int64)
    values = np.array([v for _, v in rows], dtype=np.float64)
    batch = summarize_groups(groups, values)
    for index, group in enumerate(batch.group_ids):
        single = summarize(v for g, v in rows if g == group)
        assert batch.n[index] == single.n
        assert batch.outliers[index] == single.outliers
        for q in PERCENTILES:
            assert round(float(batch.percentiles[q][index]), 2) == single.percentiles[q]


def test_outlier_is_excluded_and_counted() -> None:
    summary = summarize([100, 101, 102, 103, 104, 105, 10_000])
    assert (summary.n, summary.outliers) == (6, 1)
    assert summary.percentiles[50] == 102.5
    assert summary.enough


def test_four_reports_are_not_enough() -> None:
    assert not summarize([1, 2, 3, 4]).enough
