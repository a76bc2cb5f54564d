"""Career page throughput: the server (one granian worker) under a bounded load from wrk.

Prints requests/s, p50 and p99 for /healthz (the ceiling of this stack), the career JSON and the
career HTML page, and each page's ratio to the ceiling, all measured in the same run.
Targets: JSON >= 0.5 of the ceiling, HTML >= 0.4, p99 < 25 ms at 64 connections.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _stats import median, print_table

PATHS = ["/healthz", "/api/v1/careers/back-end-engineer", "/careers/back-end-engineer"]
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "8"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def start_server(folder: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CAREERPATH_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'bench.db'}",
        "CAREERPATH_VAR_DIR": str(folder),
        "CAREERPATH_LOG_LEVEL": "WARNING",
        "CAREERPATH_WORKERS": "1",
        # One load generator on one address: the page is measured, not the per-address limit.
        "CAREERPATH_RATE_LIMIT_IP": "1000000000/minute",
    }
    cli = [sys.executable, "-m", "careerpath.cli"]
    subprocess.run([*cli, "init"], env=env, check=True, capture_output=True)
    subprocess.run([*cli, "demo"], env=env, check=True, capture_output=True)
    server = subprocess.Popen([*cli, "serve", "--port", str(PORT)], env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("server did not start")


def to_ms(value: str) -> float:
    found = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if found is None:
        raise RuntimeError(f"unexpected wrk latency {value!r}")
    number, unit = found.groups()
    return float(number) * UNITS[unit]


def wrk(path: str) -> tuple[float, float, float]:
    """Return requests/s, p50 ms and p99 ms of one wrk run against ``path``."""
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "--latency",
            f"http://127.0.0.1:{PORT}{path}",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    # Anchored: a stdev column such as "87.50%" must not pass for the 50th percentile.
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    if "Non-2xx" in out:
        raise RuntimeError(f"{path} answered errors under load:\n{out}")
    return rps, p50, p99


def main() -> None:
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk); skipping the career page benchmark")
        return
    with tempfile.TemporaryDirectory() as folder:
        server = start_server(Path(folder))
        try:
            for path in PATHS:
                wrk(path)  # warm-up: caches, connection pools, JIT-free but still real
            results = {path: [wrk(path) for _ in range(RUNS)] for path in PATHS}
        finally:
            server.terminate()
            server.wait(timeout=10)
    report(results)


def report(results: dict[str, list[tuple[float, float, float]]]) -> None:
    summary = {
        path: tuple(median([run[i] for run in runs]) for i in range(3))
        for path, runs in results.items()
    }
    ceiling = summary["/healthz"][0]
    rows = [
        [path, f"{rps:,.0f}", f"{p50:.2f}", f"{p99:.2f}", f"{rps / ceiling:.2f}"]
        for path, (rps, p50, p99) in summary.items()
    ]
    print_table(
        f"career page, 1 granian worker, wrk {CONNECTIONS} connections, "
        f"median of {RUNS} x {SECONDS}s",
        ["path", "req/s", "p50 ms", "p99 ms", "ratio to /healthz"],
        rows,
    )


if __name__ == "__main__":
    main()
