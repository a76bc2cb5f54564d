"""Vectorised grouping equals summarising each career x place x level group one by one."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.salaries.aggregates import aggregate_rows
from tests.salaries.oracle import summarize

report = st.tuples(
    st.integers(1, 3),
    st.sampled_from(["US", "IN"]),
    st.sampled_from([None, "Austin", "Bengaluru"]),
    st.sampled_from([None, "entry", "senior"]),
    st.sampled_from(["USD", "INR"]),
    st.floats(1000, 1e6),
    st.sampled_from([None, date(2023, 1, 1), date(2024, 6, 1)]),
    st.sampled_from(["a", "b"]),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(report, min_size=1, max_size=120))
def test_groups_equal_one_by_one(rows: list[tuple]) -> None:  # type: ignore[type-arg]
    expected: dict[tuple, list[tuple]] = defaultdict(list)  # type: ignore[type-arg]
    for row in rows:
        career, country, city, level, currency = row[:5]
        for c in {"", city or ""}:
            for lv in {"", level or ""}:
                expected[(career, country, c, lv, currency)].append(row)
    result = aggregate_rows(rows)
    assert len(result) == len(expected)
    for figure in result:
        key = tuple(figure[k] for k in ("career_id", "country_code", "city", "level", "currency"))
        members = expected[key]
        single = summarize(m[5] for m in members)
        assert (figure["n"], figure["outliers"]) == (single.n, single.outliers)
        if single.enough:
            assert abs(float(figure["p50"]) - single.percentiles[50]) < 0.006
        else:
            assert figure["p50"] is None
        dates = [m[6] for m in members if m[6]]
        assert figure["first_reported_on"] == (min(dates) if dates else None)
        assert figure["last_reported_on"] == (max(dates) if dates else None)
        assert figure["source_keys"] == ",".join(sorted({m[7] for m in members}))
