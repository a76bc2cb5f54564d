"""What keeping a search to the reader's language costs: 150,000 generated resources, in-process.

A search now keeps the reader's language by default and counts the same search in every
language (the language facet and ``other_languages``): one more facet aggregation per
query, over the query without its language. The baseline, same run and same index: the
same 1,000 mixed queries with every language kept (``language=any``, what every search did
before). Medians of 5 runs each, the two interleaved run by run (a shared machine's load
falls on both).
Run: .venv/bin/python benchmarks/search_language.py
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from _search_queries import BenchQuery, make_queries
from _stats import median, percentile, print_table
from careerpath.search.reader import IndexHolder, OpenIndex
from careerpath.search.service import SearchRequest, run_search
from careerpath.search.store import index_root
from search_bench import indexed_catalog, time_queries

RUNS = 5


def _runner(live: OpenIndex, reader: str | None):  # type: ignore[no-untyped-def]
    """Return a function running one query, kept to ``reader``'s language unless it names one."""

    def run(query: BenchQuery) -> None:
        filters = query.filters
        if reader is not None and filters.language is None:
            filters = replace(filters, language=reader)
        run_search(live, SearchRequest(q=query.text, filters=filters, page_size=20))

    return run


def _timed(var_dir: Path, queries: list[BenchQuery]) -> dict[str | None, tuple[float, float]]:
    """Return p50 and p99 (medians over RUNS) per reader, the two interleaved run by run."""
    live = IndexHolder(index_root(var_dir)).current()
    if live is None:
        raise SystemExit("the index was not built")
    runners = {reader: _runner(live, reader) for reader in (None, "en")}
    runs: dict[str | None, list[list[float]]] = {reader: [] for reader in runners}
    for run in runners.values():
        time_queries(run, queries[:100])  # warm-up
    for _ in range(RUNS):
        for reader, run in runners.items():
            runs[reader].append(time_queries(run, queries))
    return {
        reader: (
            median([percentile(r, 0.5) for r in timed]),
            median([percentile(r, 0.99) for r in timed]),
        )
        for reader, timed in runs.items()
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        var_dir = indexed_catalog(Path(folder))
        queries = make_queries()
        timed = _timed(var_dir, queries)
        every, english = timed[None], timed["en"]
    print_table(
        "Search kept to the reader's language, 150,000 resources, 1,000 mixed queries (ms)",
        ["queries", "p50", "p99"],
        [
            ["every language (baseline)", f"{every[0]:.2f}", f"{every[1]:.2f}"],
            [
                "reader's language (en) + count of the others",
                f"{english[0]:.2f}",
                f"{english[1]:.2f}",
            ],
            ["ratio", f"{english[0] / every[0]:.2f}x", f"{english[1] / every[1]:.2f}x"],
        ],
    )


if __name__ == "__main__":
    main()
