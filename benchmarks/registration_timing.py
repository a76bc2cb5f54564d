"""Sign-up timing for a new and a taken email: can a stopwatch tell them apart?

One served worker (granian) on a fresh SQLite database. A taken address is registered (and
confirmed when the app mails a link) first; then pairs of sign-ups, one new address and the
taken one, alternate their order (new first, then taken first) so that neither side always
runs on a warmer server. Reported: medians and p90 of each side over every pair, per order and
overall, and the gap (taken minus new) with its ratio.

    .venv/bin/python benchmarks/registration_timing.py              # this checkout
    .venv/bin/python benchmarks/registration_timing.py --src DIR    # another tree's src/ (before)

``BENCH_PAIRS`` (default 300) pairs, ``BENCH_PORT`` (default 8114) the port.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _stats import median, percentile, print_table

PAIRS = int(os.environ.get("BENCH_PAIRS", "300"))
PORT = int(os.environ.get("BENCH_PORT", "8114"))
PASSWORD = "correct horse battery staple"  # noqa: S105 (a benchmark account)
TAKEN = "taken@example.org"
LINK = re.compile(r"/confirm-email\?token=([\w-]+)")


def serve(src: Path, folder: Path) -> subprocess.Popen[bytes]:
    """Start one worker of the app in ``src`` on a fresh database in ``folder``."""
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "CAREERPATH_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'site.db'}",
        "CAREERPATH_VAR_DIR": str(folder),
        "CAREERPATH_LOG_LEVEL": "ERROR",
        "CAREERPATH_WORKERS": "1",
        "CAREERPATH_PUBLIC_URL": f"http://127.0.0.1:{PORT}",
        **{
            f"CAREERPATH_RATE_LIMIT_{name}": "1000000/minute"
            for name in ("IP", "PER_API_CLIENT", "REGISTRATION")
        },
    }
    env.pop("CAREERPATH_REDIS_URL", None)
    cli = [sys.executable, "-m", "careerpath.cli"]
    subprocess.run([*cli, "init"], env=env, check=True, capture_output=True)
    process = subprocess.Popen([*cli, "serve", "--port", str(PORT)], env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{PORT}/healthz", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def take_address(client: httpx.Client, folder: Path) -> None:
    """Register ``TAKEN`` and follow its mailed link, when the app sends one."""
    client.post("/api/v1/auth/register", json={"email": TAKEN, "password": PASSWORD})
    time.sleep(1)  # the mail goes out after the answer
    outbox = folder / "outbox"
    bodies = [p.read_text() for p in sorted(outbox.glob("*.txt"))] if outbox.exists() else []
    for body in bodies:
        if TAKEN in body and (found := LINK.search(body)):
            client.post("/api/v1/auth/confirm-email", json={"token": found.group(1)})
    client.cookies.clear()
    status = client.post("/api/v1/auth/login", json={"email": TAKEN, "password": PASSWORD})
    if status.status_code != 200:
        raise SystemExit("the taken address has no account")
    client.cookies.clear()


def sign_up_ms(client: httpx.Client, email: str) -> float:
    """Time one sign-up, in milliseconds."""
    started = time.perf_counter()
    answer = client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
    elapsed = (time.perf_counter() - started) * 1000
    if answer.status_code not in {201, 202}:
        raise SystemExit(f"sign-up refused: {answer.status_code} {answer.text}")
    return elapsed


def measure(client: httpx.Client) -> dict[str, dict[str, list[float]]]:
    """Time ``PAIRS`` pairs of sign-ups, alternating which of the two goes first."""
    times: dict[str, dict[str, list[float]]] = {
        order: {"new": [], "taken": []} for order in ("new first", "taken first")
    }
    for number in range(20):  # warm-up, not counted
        sign_up_ms(client, f"warm-{number}@example.org")
        sign_up_ms(client, TAKEN)
    for number in range(PAIRS):
        order = "new first" if number % 2 == 0 else "taken first"
        sides = ["new", "taken"] if order == "new first" else ["taken", "new"]
        for side in sides:
            email = f"new-{number}@example.org" if side == "new" else TAKEN
            times[order][side].append(sign_up_ms(client, email))
    return times


def report(times: dict[str, dict[str, list[float]]]) -> None:
    """Print medians and p90 per side and order, and the gap."""
    rows = []
    both = {side: [t for order in times.values() for t in order[side]] for side in ("new", "taken")}
    for label, sides in [*times.items(), ("both orders", both)]:
        new, taken = median(sides["new"]), median(sides["taken"])
        rows.append(
            [
                label,
                len(sides["new"]),
                f"{new:.1f}",
                f"{taken:.1f}",
                f"{percentile(sides['new'], 0.9):.1f}",
                f"{percentile(sides['taken'], 0.9):.1f}",
                f"{taken - new:+.1f}",
                f"{taken / new:.3f}",
            ]
        )
    header = ["order", "pairs", "new p50", "taken p50", "new p90", "taken p90", "gap ms", "ratio"]
    print_table("Sign-up latency (ms), new vs taken email", header, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[1] / "src")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        process = serve(args.src.resolve(), folder)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{PORT}", timeout=30) as client:
                take_address(client, folder)
                report(measure(client))
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
