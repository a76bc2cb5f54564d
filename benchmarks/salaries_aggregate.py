"""Aggregate 1,000,000 synthetic salary reports into every career x country x level group.

Compares careerpath's vectorised aggregation (salaries/grouping.py) with DuckDB computing the
same figures (IQR fence per group, then n and linear-interpolated p10-p90, date range) over
the same data in the same run; prints medians of several runs and the ratio (target <= 2x).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import numpy as np

from _salaries_synthetic import as_report_columns, generate
from _stats import median, print_table, time_runs
from careerpath.salaries.aggregates import aggregate_rows
from careerpath.salaries.fx import DatedRates
from careerpath.salaries.grouping import GroupFigures, aggregate

REPORTS = 1_000_000
RUNS = 5
DUCKDB_SQL = """
WITH m AS (
    SELECT career, country, currency, level, amount, day FROM r
    UNION ALL
    SELECT career, country, currency, 0 AS level, amount, day FROM r
),
fence AS (
    SELECT career, country, currency, level, count(*) AS total,
           quantile_cont(amount, 0.25) AS q1, quantile_cont(amount, 0.75) AS q3
    FROM m GROUP BY ALL
)
SELECT m.career, m.country, m.currency, m.level, count(*) AS n,
       any_value(fence.total) - count(*) AS outliers,
       quantile_cont(m.amount, [0.1, 0.25, 0.5, 0.75, 0.9]) AS p,
       min(m.day) AS first_day, max(m.day) AS last_day
FROM m JOIN fence USING (career, country, currency, level)
WHERE m.amount BETWEEN fence.q1 - 1.5 * (fence.q3 - fence.q1)
                   AND fence.q3 + 1.5 * (fence.q3 - fence.q1)
GROUP BY ALL
"""


def main() -> None:
    """Run both engines on the same data and print times, ratio and agreement."""
    data = generate(REPORTS)
    columns = as_report_columns(data)
    connection = duckdb.connect()
    connection.execute("CREATE TABLE r AS SELECT * FROM data")
    ours = aggregate(columns)
    theirs = connection.execute(DUCKDB_SQL).fetchall()
    ours_times = time_runs(lambda: aggregate(columns), RUNS)
    duck_times = time_runs(lambda: connection.execute(DUCKDB_SQL).fetchall(), RUNS)
    rows = _db_shaped_rows(data)
    rows_times = time_runs(lambda: aggregate_rows(rows), 3)
    rates = _rates(data)
    merged_times = time_runs(lambda: aggregate_rows(rows, rates), 3)
    agree = _agreement(ours, theirs)
    ratio = median(ours_times) / median(duck_times)
    print_table(
        f"Salary aggregation, {REPORTS:,} reports -> {len(ours.n):,} groups (median of {RUNS})",
        ["engine", "median s", "min s", "groups"],
        [
            [
                "careerpath (numpy)",
                f"{median(ours_times):.3f}",
                f"{min(ours_times):.3f}",
                len(ours.n),
            ],
            ["DuckDB", f"{median(duck_times):.3f}", f"{min(duck_times):.3f}", len(theirs)],
            [
                "careerpath from row tuples, one currency per group",
                f"{median(rows_times):.3f}",
                f"{min(rows_times):.3f}",
                len(ours.n),
            ],
            [
                "… and every currency merged at dated rates (as recompute does)",
                f"{median(merged_times):.3f}",
                f"{min(merged_times):.3f}",
                "",
            ],
        ],
    )
    print(f"  ratio careerpath / DuckDB: {ratio:.2f}x (target <= 2x)")
    print(f"  groups whose n, outliers and five percentiles agree to the cent: {agree}")


def _rates(data: dict[str, Any]) -> DatedRates:
    """Two dated rates per synthetic currency, a year apart."""
    days = np.array([date(2023, 1, 1).toordinal(), date(2024, 1, 1).toordinal()])
    codes = [f"X{c}" for c in np.unique(data["currency"])]
    return DatedRates(
        dict.fromkeys(codes, days),
        {code: np.array([0.5 + i / 100, 0.6 + i / 100]) for i, code in enumerate(codes)},
    )


def _db_shaped_rows(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The same reports as the tuples ``aggregates.recompute`` gets from the database."""
    levels = (None, "entry", "mid", "senior", "executive")
    days = {int(d): date.fromordinal(int(d)) for d in np.unique(data["day"])}
    return [
        (int(c), f"C{k}", None, levels[int(lv)], f"X{cur}", float(a), days[int(d)], "synthetic")
        for c, k, lv, cur, a, d in zip(
            data["career"],
            data["country"],
            data["level"],
            data["currency"],
            data["amount"],
            data["day"],
            strict=True,
        )
    ]


def _agreement(ours: GroupFigures, theirs: list[tuple[Any, ...]]) -> str:
    keyed = {
        (int(c), int(k), int(cur), int(lv)): i
        for i, (c, k, cur, lv) in enumerate(
            zip(ours.career, ours.country, ours.currency, ours.level, strict=True)
        )
    }
    same = 0
    for career, country, currency, level, n, outliers, p, _first, _last in theirs:
        i = keyed.get((career, country, currency, level))
        if i is None or int(ours.n[i]) != n or int(ours.outliers[i]) != outliers:
            continue
        mine = np.array([ours.percentiles[q][i] for q in (10, 25, 50, 75, 90)])
        same += bool(np.all(np.abs(mine - np.round(np.array(p), 2)) < 0.006))
    return f"{same:,} of {len(theirs):,}"


if __name__ == "__main__":
    main()
