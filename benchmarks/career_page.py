"""Career page throughput against a FastAPI + uvicorn hello-world, measured in the same run.

Servers: the baseline (FastAPI hello-world JSON on uvicorn with uvloop and httptools, from the
``bench`` dependency group) and careerpath (one granian worker, embedded SQLite, demo data).
Paths: the baseline's ``/``, careerpath's ``/healthz``, the career JSON and the career HTML page,
each loaded by ``_load.py`` with 64 keep-alive connections. The cache TTL is set to 2 s for the
run, so every 6 s run crosses at least two expiries of the cached pages. Rounds alternate the
paths so that a busier moment of the machine hits all of them; figures are medians of the rounds.
Both servers run without access logs. Targets: career HTML >= 0.7 and JSON >= 0.8 of the
hello-world's requests/s, p99 <= 25 ms.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _load import LoadResult, load
from _stats import median, print_table

HERE = Path(__file__).resolve().parent
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "6"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
CACHE_SECONDS = 2
BASELINE = "hello-world (FastAPI + uvicorn)"
TARGETS = {
    BASELINE: (PORT + 1, "/"),
    "careerpath /healthz": (PORT, "/healthz"),
    "career JSON": (PORT, "/api/v1/careers/back-end-engineer"),
    "career HTML": (PORT, "/careers/back-end-engineer"),
}


def wait_until_up(port: int, path: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300  # a busy shared machine starts slowly
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError(f"the server on port {port} did not start")


def start_careerpath(folder: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CAREERPATH_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'bench.db'}",
        "CAREERPATH_VAR_DIR": str(folder),
        "CAREERPATH_LOG_LEVEL": "WARNING",
        "CAREERPATH_ACCESS_LOG": "false",
        "CAREERPATH_WORKERS": "1",
        "CAREERPATH_CACHE_SECONDS": str(CACHE_SECONDS),
        # One load generator on one address: the page is measured, not the per-address limit.
        "CAREERPATH_RATE_LIMIT_IP": "1000000000/minute",
    }
    cli = [sys.executable, "-m", "careerpath.cli"]
    subprocess.run([*cli, "init"], env=env, check=True, capture_output=True)
    subprocess.run([*cli, "demo"], env=env, check=True, capture_output=True)
    server = subprocess.Popen([*cli, "serve", "--port", str(PORT)], env=env)
    wait_until_up(PORT, "/healthz", server)
    return server


def start_baseline() -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "uvicorn", "_hello:app", "--port", str(PORT + 1)]
    command += ["--no-access-log", "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=HERE)
    wait_until_up(PORT + 1, "/", server)
    return server


def measure() -> dict[str, list[LoadResult]]:
    results: dict[str, list[LoadResult]] = {name: [] for name in TARGETS}
    for port, path in TARGETS.values():
        load(port, path, CONNECTIONS, 1.0)  # warm-up: connection pools, caches, imports
    for _ in range(RUNS):
        for name, (port, path) in TARGETS.items():
            result = load(port, path, CONNECTIONS, SECONDS)
            if result.errors:
                raise RuntimeError(f"{name}: {result.errors} answers were not 2xx under load")
            results[name].append(result)
    return results


def report(results: dict[str, list[LoadResult]]) -> None:
    summary = {
        name: (
            median([r.rps for r in runs]),
            median([r.p(0.50) for r in runs]),
            median([r.p(0.99) for r in runs]),
        )
        for name, runs in results.items()
    }
    baseline = summary[BASELINE][0]
    rows = [
        [name, f"{rps:,.0f}", f"{p50:.2f}", f"{p99:.2f}", f"{rps / baseline:.2f}"]
        for name, (rps, p50, p99) in summary.items()
    ]
    print_table(
        f"career page, 1 worker each, {CONNECTIONS} connections, median of {RUNS} x "
        f"{SECONDS:g}s, cache TTL {CACHE_SECONDS}s (expires {SECONDS / CACHE_SECONDS:.0f}x a run)",
        ["path", "req/s", "p50 ms", "p99 ms", "ratio to hello-world"],
        rows,
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        servers = [start_baseline()]
        try:
            servers.append(start_careerpath(Path(folder)))
            results = measure()
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)
    report(results)


if __name__ == "__main__":
    main()
