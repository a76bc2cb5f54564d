"""Pure, vectorised aggregation of many reports into every career x place x level group.

Each report counts in its country and (when it has one) its city, for all levels and (when
known) its own level. Columns are integer codes so numpy sorts once for all groups. Beside the
figures, every group tallies the reports it kept per source (with their date range) and per
original currency, so a figure can say where its reports came from.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from careerpath.salaries.stats import PERCENTILES, runs, summarize_sorted

Ints = NDArray[np.int64]
NO_DAY = np.iinfo(np.int64).max


@dataclass(frozen=True)
class ReportColumns:
    """Reports as parallel arrays of codes; city 0 and level 0 mean none, day 0 unknown."""

    career: Ints
    country: Ints
    city: Ints
    level: Ints
    currency: Ints
    source: Ints
    day: Ints
    amount: NDArray[np.float64]
    origin: Ints  # the report's own currency (differs from ``currency`` in merged groups)


@dataclass(frozen=True)
class Tally:
    """Kept reports per (group, code) pair, groups ascending: count and first and last day."""

    group: Ints  # index into the group arrays of ``GroupFigures``
    code: Ints
    n: Ints
    first_day: Ints
    last_day: Ints


@dataclass(frozen=True)
class GroupFigures:
    """Per-group results as parallel arrays (city 0: whole country; level 0: all levels)."""

    career: Ints
    country: Ints
    city: Ints
    level: Ints
    currency: Ints
    n: Ints
    outliers: Ints
    percentiles: dict[int, NDArray[np.float64]]
    first_day: Ints
    last_day: Ints
    sources: Tally
    origins: Tally


def _expand(c: ReportColumns) -> tuple[Ints, Ints, Ints]:
    """Return (row index, city, level) of every group membership of every row."""
    rows = np.arange(len(c.amount), dtype=np.int64)
    zero = np.zeros_like(rows)
    with_level, with_city = c.level > 0, c.city > 0
    both = with_level & with_city
    index = np.concatenate((rows, rows[with_level], rows[with_city], rows[both]))
    city = np.concatenate((zero, zero[with_level], c.city[with_city], c.city[both]))
    level = np.concatenate((zero, c.level[with_level], zero[with_city], c.level[both]))
    return index, city, level


def aggregate(c: ReportColumns) -> GroupFigures:
    """Return n, outliers, percentiles, date range, sources and currencies of every group."""
    index, city, level = _expand(c)
    radix = [int(a.max(initial=0)) + 1 for a in (c.country, city, level, c.currency)]
    key = c.career[index]
    for part, size in zip((c.country[index], city, level, c.currency[index]), radix, strict=True):
        key = key * size + part
    amount = c.amount[index]
    order = np.lexsort((amount, key))
    sorted_key, sorted_rows = key[order], index[order]
    summary = summarize_sorted(sorted_key, amount[order])
    starts, _ = runs(sorted_key)
    day = c.day[sorted_rows]
    known = np.where(day > 0, day, NO_DAY)
    first = np.minimum.reduceat(known, starts) if len(starts) else known[:0]
    last = np.maximum.reduceat(day, starts) if len(starts) else day[:0]
    parts = _unpack(summary.group_ids, radix)
    owner = np.repeat(np.arange(len(starts), dtype=np.int64), np.diff([*starts, len(key)]))
    kept = summary.kept
    return GroupFigures(
        *parts,
        n=summary.n,
        outliers=summary.outliers,
        percentiles={q: summary.percentiles[q] for q in PERCENTILES},
        first_day=np.where(first == NO_DAY, 0, first),
        last_day=last,
        sources=tally(owner[kept], c.source[sorted_rows][kept], day[kept]),
        origins=tally(owner[kept], c.origin[sorted_rows][kept], day[kept]),
    )


def tally(group: Ints, code: Ints, day: Ints) -> Tally:
    """Count rows per (group, code) with their first and last known day (0: none known)."""
    size = int(code.max(initial=0)) + 1
    combined = group * size + code
    order = np.argsort(combined, kind="stable")
    starts, counts = runs(combined[order])
    days = day[order]
    known = np.where(days > 0, days, NO_DAY)
    first = np.minimum.reduceat(known, starts) if len(starts) else known[:0]
    last = np.maximum.reduceat(days, starts) if len(starts) else days[:0]
    keys = combined[order][starts]
    return Tally(keys // size, keys % size, counts, np.where(first == NO_DAY, 0, first), last)


def _unpack(keys: Ints, radix: list[int]) -> tuple[Ints, Ints, Ints, Ints, Ints]:
    rest = keys
    parts: list[Ints] = []
    for size in reversed(radix):
        parts.append(rest % size)
        rest = rest // size
    currency, level, city, country = parts
    return rest, country, city, level, currency
