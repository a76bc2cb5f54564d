"""What ranking neighbouring query words as a phrase buys and costs.

A search of several words scores each pair of neighbours found side by side in a title or a
description higher (``search.query.PHRASE_BOOST``): "business intelligence" puts courses on BI
before courses saying "business" in one place and "artificial intelligence" in another. The
baseline, same run and same index: the same searches without the phrase clauses
(``PHRASE_FIELDS`` emptied).

Relevance, on the real catalog of ../shared/data (skipped when it is absent): the four course
and book files imported as an operator would (`careerpath ingest`, `careerpath search
reindex`), then 25 two- and three-word subjects searched; for each, R-precision of the
documents whose title or description holds the subject's words side by side (R = how many of
the first 100 results hold them, at most 10). A proxy for relevance, not a judgement: a
document naming the subject is more likely about it than one holding its words apart.

Speed: 150,000 generated resources, the 1,000 mixed queries of `search_bench.py`, in-process,
medians of 5 runs, the two interleaved run by run.
Run: .venv/bin/python benchmarks/search_phrase.py
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from _search_queries import BenchQuery, make_queries
from _stats import median, percentile, print_table
from careerpath.search import query as search_query
from careerpath.search.reader import IndexHolder, OpenIndex
from careerpath.search.service import SearchRequest, run_search
from careerpath.search.store import index_root
from search_bench import indexed_catalog, time_queries

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CATALOG_FILES = [
    ("courses", DATA / "courses-coursera-stepik-kizak" / "coursera_clear.json"),
    ("courses", DATA / "courses-coursera-stepik-kizak" / "stepik_clear.json"),
    ("courses", DATA / "catalog-free-programming-books" / "free_courses_en.csv"),
    ("books", DATA / "catalog-free-programming-books" / "free_programming_books_en.csv"),
]
SUBJECTS = [
    "business intelligence", "machine learning", "data science", "computer vision",
    "natural language processing", "deep learning", "software engineering",
    "project management", "web development", "cloud computing", "operating systems",
    "data structures", "linear algebra", "neural networks", "game development",
    "version control", "functional programming", "object oriented programming",
    "computer networks", "information security", "mobile development", "data visualization",
    "big data", "time series", "user experience",
]  # fmt: skip
RUNS = 5


@contextmanager
def phrases(on: bool) -> Iterator[None]:
    """Run the block with the phrase clauses, or without them (the baseline)."""
    kept = search_query.PHRASE_FIELDS
    search_query.PHRASE_FIELDS = kept if on else ()
    try:
        yield
    finally:
        search_query.PHRASE_FIELDS = kept


def _open(var_dir: Path) -> OpenIndex:
    live = IndexHolder(index_root(var_dir)).current()
    if live is None:
        raise SystemExit("the index was not built")
    return live


def _import_real_catalog(folder: Path) -> tuple[Path, Path]:
    """Import the real catalog files with the CLI into a new database; return it and var."""
    database, var_dir = folder / "real.db", folder / "var"
    env = os.environ | {
        "CAREERPATH_DATABASE_URL": f"sqlite+aiosqlite:///{database}",
        "CAREERPATH_VAR_DIR": str(var_dir),
    }
    cli = [str(Path(sys.executable).parent / "careerpath")]
    steps = [["init"], *(["ingest", kind, str(path)] for kind, path in CATALOG_FILES)]
    for step in [*steps, ["search", "reindex"]]:
        subprocess.run([*cli, *step], env=env, check=True, capture_output=True)
    return database, var_dir


def _holds(text: str, subject: str) -> bool:
    pattern = r"\b" + r"[\W_]+".join(map(re.escape, subject.split())) + r"\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _r_precision(live: OpenIndex, texts: Callable[[int], str]) -> list[tuple[str, int, float]]:
    """Return (subject, R, R-precision) for each subject some result names."""
    found = []
    for subject in SUBJECTS:
        hits = run_search(live, SearchRequest(q=subject + " ", page_size=100)).items
        named = [_holds(texts(hit.id), subject) for hit in hits]
        r = min(10, sum(named))
        if r:
            found.append((subject, r, sum(named[:r]) / r))
    return found


def relevance() -> None:
    """Print R-precision with and without the phrase clauses on the real catalog."""
    if not all(path.exists() for _, path in CATALOG_FILES):
        print(f"search_phrase: relevance skipped, the catalog files under {DATA} are absent")
        return
    with tempfile.TemporaryDirectory() as folder:
        database, var_dir = _import_real_catalog(Path(folder))
        connection = sqlite3.connect(database)

        def texts(resource_id: int) -> str:
            row = connection.execute(
                "SELECT title || ' ' || coalesce(description, '') FROM resource WHERE id = ?",
                (resource_id,),
            ).fetchone()
            return str(row[0]) if row else ""

        live = _open(var_dir)
        with phrases(on=False):
            before = _r_precision(live, texts)
        with phrases(on=True):
            after = _r_precision(live, texts)
    rows = [
        [subject, str(r), f"{old:.2f}", f"{new:.2f}"]
        for (subject, r, old), (_, _, new) in zip(before, after, strict=True)
    ]
    mean_before = sum(p for _, _, p in before) / len(before)
    mean_after = sum(p for _, _, p in after) / len(after)
    rows.append(["mean", "", f"{mean_before:.3f}", f"{mean_after:.3f}"])
    print_table(
        "Real catalog: R-precision of results naming the subject (proxy for relevance)",
        ["subject", "R", "without phrases", "with phrases"],
        rows,
    )


def speed() -> None:
    """Print p50 and p99 of the mixed queries with and without the phrase clauses."""
    with tempfile.TemporaryDirectory() as folder:
        live = _open(indexed_catalog(Path(folder)))
        queries = make_queries()

        def run(query: BenchQuery) -> None:
            run_search(live, SearchRequest(q=query.text, filters=query.filters, page_size=20))

        runs: dict[bool, list[list[float]]] = {False: [], True: []}
        time_queries(run, queries[:100])  # warm-up
        for _ in range(RUNS):
            for on in (False, True):
                with phrases(on):
                    runs[on].append(time_queries(run, queries))
    p50 = {on: median([percentile(r, 0.5) for r in timed]) for on, timed in runs.items()}
    p99 = {on: median([percentile(r, 0.99) for r in timed]) for on, timed in runs.items()}
    print_table(
        "Search with phrase clauses, 150,000 resources, 1,000 mixed queries (ms)",
        ["queries", "p50", "p99"],
        [
            ["without phrase clauses (baseline)", f"{p50[False]:.2f}", f"{p99[False]:.2f}"],
            ["with phrase clauses", f"{p50[True]:.2f}", f"{p99[True]:.2f}"],
            ["ratio", f"{p50[True] / p50[False]:.2f}x", f"{p99[True] / p99[False]:.2f}x"],
        ],
    )


def main() -> None:
    relevance()
    speed()


if __name__ == "__main__":
    main()
