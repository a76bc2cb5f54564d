"""Vectorised grouping equals summarising each career x place x level group one by one."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from careerpath.salaries.aggregates import aggregate_rows
from careerpath.salaries.fx import DatedRates
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
        sources = json.loads(figure["breakdown"])["sources"]
        assert {s["key"] for s in sources} <= {m[7] for m in members}
        assert sum(s["n"] for s in sources) == figure["n"]


RATES = DatedRates(
    days={"INR": np.array([date(2023, 1, 1).toordinal(), date(2024, 1, 1).toordinal()])},
    values={"INR": np.array([0.0125, 0.0120])},
)


def usd(row: tuple) -> float:  # type: ignore[type-arg]
    if row[4] == "USD":
        return float(row[5])
    day = row[6]
    # Nearest dated rate; no date: the newest.
    return float(row[5]) * (0.0125 if day is not None and day < date(2023, 7, 2) else 0.0120)


@settings(max_examples=40, deadline=None)
@given(st.lists(report, min_size=1, max_size=120))
def test_every_currency_counts_once_in_the_merged_group(rows: list[tuple]) -> None:  # type: ignore[type-arg]
    expected: dict[tuple, list[float]] = defaultdict(list)  # type: ignore[type-arg]
    for row in rows:
        career, country, city, level = row[:4]
        for c in {"", city or ""}:
            for lv in {"", level or ""}:
                expected[(career, country, c, lv)].append(usd(row))
    merged = [f for f in aggregate_rows(rows, RATES) if f["currency"] == ""]
    assert len(merged) == len(expected)
    for figure in merged:
        key = tuple(figure[k] for k in ("career_id", "country_code", "city", "level"))
        single = summarize(expected[key])
        assert (figure["n"], figure["outliers"]) == (single.n, single.outliers)
        assert figure["n"] + figure["outliers"] == len(expected[key])
        if single.enough:
            assert abs(float(figure["p50"]) - single.percentiles[50]) < 0.006
        currencies = json.loads(figure["breakdown"])["currencies"]
        assert sum(currencies.values()) == figure["n"]


def test_reports_without_a_rate_are_counted_apart() -> None:
    day = date(2024, 6, 1)
    rows = [(1, "US", None, None, "USD", 100_000.0 + i, day, "a") for i in range(6)]
    rows += [
        (1, "US", None, None, "XYZ", 5_000.0, day, "a"),
        (1, "KE", None, None, "XYZ", 1.0, day, "a"),
    ]
    merged = {f["country_code"]: f for f in aggregate_rows(rows, RATES) if f["currency"] == ""}
    us, ke = merged["US"], merged["KE"]
    assert (us["n"] + us["outliers"], ke["n"]) == (6, 0)
    assert json.loads(us["breakdown"])["unconverted"] == {"XYZ": 1}
    assert json.loads(ke["breakdown"])["unconverted"] == {"XYZ": 1}
    assert ke["p50"] is None
