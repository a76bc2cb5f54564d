"""Search at scale: 150,000 generated courses and books, tantivy against SQLite FTS5.

Prints: catalog generation and import time; index build time (median of runs) and size;
p50/p99 of 1,000 mixed queries (top 20 with highlights and all facet counts) in-process and
through HTTP (granian, 1 worker); the same queries on SQLite FTS5 over the same rows, with the
ratio; and the memory of a worker with the index open.
Run: .venv/bin/python benchmarks/search_bench.py [--full-fts]
"""

from __future__ import annotations

import asyncio
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from _fts5 import build_fts, run_query
from _search_queries import BenchQuery, make_queries
from _stats import median, percentile, print_table
from careerpath import migrate
from careerpath.catalog.generator import SCALE, generate
from careerpath.catalog.importer import upsert_resources
from careerpath.catalog.models import ResourceKind
from careerpath.db import create_engine, create_session_factory
from careerpath.ingest.report import ImportReport
from careerpath.search import builder
from careerpath.search.labels import load_labels
from careerpath.search.reader import IndexHolder
from careerpath.search.service import SearchRequest, run_search
from careerpath.search.store import index_root

COURSES, BOOKS = 50_000, 100_000
BUILD_RUNS = 2
QUERY_RUNS = 3
# FTS5 answers a query in ~200 ms on average here, so by default it gets every 5th query (the
# same mix, 200 queries, under a minute); --full-fts runs all 1,000. The ratio compares both
# engines on exactly the queries FTS5 ran.
FTS_EVERY = 1 if "--full-fts" in sys.argv else 5
ROOT = Path(__file__).resolve().parents[1]


async def _in_session(url: str, work):  # type: ignore[no-untyped-def]
    engine = create_engine(url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            return await work(session)
    finally:
        await engine.dispose()


def load_catalog(url: str) -> tuple[float, float]:
    """Generate and import the catalog; return (generate seconds, import seconds)."""
    started = time.perf_counter()
    rows = list(generate(COURSES, BOOKS, seed=42))
    generated = time.perf_counter() - started
    started = time.perf_counter()
    for kind in ResourceKind:
        subset = [row for row in rows if row.kind is kind]

        async def work(session: AsyncSession, k=kind, r=subset) -> None:  # type: ignore[no-untyped-def]
            await upsert_resources(session, SCALE, k, r, ImportReport())

        asyncio.run(_in_session(url, work))
    return generated, time.perf_counter() - started


def build_index(url: str, var_dir: Path) -> tuple[float, list[float]]:
    """Read the catalog once, then build BUILD_RUNS generations; return the seconds of each."""
    started = time.perf_counter()

    async def read(session: AsyncSession):  # type: ignore[no-untyped-def]
        return (
            await builder.load_rows(session),
            await builder.catalog_fingerprint(session),
            await load_labels(session),
        )

    rows, fingerprint, labels = asyncio.run(_in_session(url, read))
    read_seconds = time.perf_counter() - started
    writes = []
    for _ in range(BUILD_RUNS):
        started = time.perf_counter()
        builder.build_generation(index_root(var_dir), rows, fingerprint, labels)
        writes.append(time.perf_counter() - started)
    return read_seconds, writes


def indexed_catalog(folder: Path) -> Path:
    """Generate, import and index the catalog in a database under ``folder``; return the
    folder the index lives in (what `search_language.py` and `search_phrase.py` query)."""
    url = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
    var_dir = folder / "var"
    migrate.upgrade(url)
    load_catalog(url)
    build_index(url, var_dir)
    return var_dir


def folder_size(path: Path) -> int:
    """Return the bytes of every file under ``path``."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def time_queries(run, queries: list[BenchQuery]) -> list[float]:  # type: ignore[no-untyped-def]
    """Return the milliseconds of each query."""
    timings = []
    for query in queries:
        started = time.perf_counter()
        run(query)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def summarise(runs: list[list[float]]) -> tuple[float, float]:
    """Return the medians over runs of p50 and p99."""
    return (
        median([percentile(r, 0.50) for r in runs]),
        median([percentile(r, 0.99) for r in runs]),
    )


def in_process(var_dir: Path, queries: list[BenchQuery]) -> tuple[float, float, list[list[float]]]:
    live = IndexHolder(index_root(var_dir)).current()
    if live is None:
        raise SystemExit("the index was not built")

    def run(query: BenchQuery) -> None:
        run_search(live, SearchRequest(q=query.text, filters=query.filters, page_size=20))

    time_queries(run, queries[:100])  # warm-up
    runs = [time_queries(run, queries) for _ in range(QUERY_RUNS)]
    return (*summarise(runs), runs)


def fts5(db_path: Path, queries: list[BenchQuery]) -> tuple[float, float, float, list[float]]:
    build_seconds = build_fts(str(db_path))
    db = sqlite3.connect(str(db_path))
    time_queries(lambda q: run_query(db, q), queries[:50])
    runs = [time_queries(lambda q: run_query(db, q), queries)]
    db.close()
    return build_seconds, *summarise(runs), runs[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_of_children(pid: int) -> int:
    """Return the resident memory (KiB) of the largest child process of ``pid`` (the worker)."""
    biggest = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            biggest = max(biggest, int(fields.get("VmRSS", "0 kB").split()[0]))
    return biggest


def through_http(url: str, var_dir: Path, queries: list[BenchQuery]) -> tuple[float, float, int]:
    port = free_port()
    env = {**os.environ, "CAREERPATH_DATABASE_URL": url, "CAREERPATH_VAR_DIR": str(var_dir),
           "CAREERPATH_LOG_LEVEL": "WARNING", "CAREERPATH_ACCESS_LOG": "false",
           # One client on one address: the search is measured, not the per-address limit.
           "CAREERPATH_RATE_LIMIT_IP": "1000000000/minute"}  # fmt: skip
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/careerpath"), "serve", "--port", str(port), "--workers", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(100):
                try:
                    client.get("/healthz")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)

            def run(query: BenchQuery) -> None:
                params = {k: v for k, v in query.filters.__dict__.items() if v is not None}
                response = client.get("/api/v1/search", params={"q": query.text, **params})
                response.raise_for_status()

            time_queries(run, queries[:100])
            runs = [time_queries(run, queries)]
            return (*summarise(runs), rss_of_children(server.pid))
    finally:
        server.terminate()
        server.wait(timeout=10)


def by_kind(queries: list[BenchQuery], timings: list[float]) -> list[list[object]]:
    rows = []
    for kind in ("one", "two", "prefix", "typo", "filtered", "browse"):
        picked = [t for q, t in zip(queries, timings, strict=True) if q.kind == kind]
        rows.append(
            [kind, len(picked), f"{percentile(picked, 0.5):.2f}", f"{percentile(picked, 0.99):.2f}"]
        )
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "bench.db"
        url = f"sqlite+aiosqlite:///{db_path}"
        var_dir = Path(folder) / "var"
        migrate.upgrade(url)
        generated, imported = load_catalog(url)
        total = COURSES + BOOKS
        print(f"generated {total} resources in {generated:.1f}s, imported in {imported:.1f}s")
        read_s, writes = build_index(url, var_dir)
        index_s = median(writes)
        generations = sorted(p for p in index_root(var_dir).iterdir() if p.is_dir())
        size_mb = folder_size(generations[-1]) / 1e6
        queries = make_queries()
        tp50, tp99, truns = in_process(var_dir, queries)
        ttimes = truns[0]
        sample = queries[::FTS_EVERY]
        sp50, sp99 = summarise([run[::FTS_EVERY] for run in truns])
        fts_build, fp50, fp99, ftimes = fts5(db_path, sample)
        hp50, hp99, rss_kib = through_http(url, var_dir, queries)
    print_table(
        "Search, 150,000 resources, 1,000 mixed queries (top 20 + highlights + 7 facets)",
        ["measure", "value"],
        [
            ["index build: read DB", f"{read_s:.1f} s"],
            [f"index build: write index (median of {BUILD_RUNS})", f"{index_s:.1f} s"],
            ["index build: total (target <= 60 s)", f"{read_s + index_s:.1f} s"],
            ["index size", f"{size_mb:.0f} MB"],
            ["FTS5 table build", f"{fts_build:.1f} s"],
            ["tantivy in-process p50 / p99", f"{tp50:.2f} / {tp99:.2f} ms (target p99 <= 10)"],
            ["tantivy via HTTP p50 / p99", f"{hp50:.2f} / {hp99:.2f} ms"],
            [f"FTS5 queries run (every {FTS_EVERY})", str(len(sample))],
            ["SQLite FTS5 p50 / p99 on them", f"{fp50:.2f} / {fp99:.2f} ms"],
            ["tantivy in-process p50 / p99 on them", f"{sp50:.2f} / {sp99:.2f} ms"],
            ["ratio FTS5 / tantivy at p99", f"{fp99 / sp99:.1f}x (target >= 10x)"],
            ["ratio FTS5 / tantivy at p50", f"{fp50 / sp50:.1f}x"],
            ["worker RSS with index open", f"{rss_kib / 1024:.0f} MiB"],
        ],
    )
    print_table(
        "tantivy in-process by query kind (ms)",
        ["kind", "n", "p50", "p99"],
        by_kind(queries, ttimes),
    )
    print_table("FTS5 by query kind (ms)", ["kind", "n", "p50", "p99"], by_kind(sample, ftimes))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
