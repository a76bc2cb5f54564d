"""Sign-up timing for a new and a taken email: can a stopwatch tell them apart?

One served worker (granian) on a fresh SQLite database per tree. A taken address is registered
(and confirmed when the app mails a link) first; then pairs of sign-ups, one new address and the
taken one, alternate their order (new first, then taken first) so that neither side always
runs on a warmer server. With ``--baseline DIR`` (another checkout, e.g. ``git archive`` of the
code before) both servers run at once and take turns pair by pair, so that the machine's load
falls on both alike. Reported per tree: medians and p90 of each side, per order and overall, the
gap (taken minus new) with its ratio, and the paired gap (median difference within a pair).

    .venv/bin/python benchmarks/registration_timing.py [--baseline /tmp/before]

``BENCH_PAIRS`` (default 300) pairs, ``BENCH_PORT`` (default 8114) the first port.
"""

from __future__ import annotations

import argparse
import contextlib
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


def serve(src: Path, folder: Path, port: int) -> subprocess.Popen[bytes]:
    """Start one worker of the app in ``src`` on a fresh database in ``folder``."""
    env = {
        **os.environ,
        "PYTHONPATH": str(src),
        "CAREERPATH_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'site.db'}",
        "CAREERPATH_VAR_DIR": str(folder),
        "CAREERPATH_LOG_LEVEL": "ERROR",
        "CAREERPATH_WORKERS": "1",
        "CAREERPATH_PUBLIC_URL": f"http://127.0.0.1:{port}",
        **{
            f"CAREERPATH_RATE_LIMIT_{name}": "1000000/minute"
            for name in ("IP", "PER_API_CLIENT", "REGISTRATION")
        },
    }
    env.pop("CAREERPATH_REDIS_URL", None)
    cli = [sys.executable, "-m", "careerpath.cli"]
    tree = src.parent  # its migrations are found from the tree's root
    subprocess.run([*cli, "init"], env=env, check=True, capture_output=True, cwd=tree)
    process = subprocess.Popen([*cli, "serve", "--port", str(port)], env=env, cwd=tree)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
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


Times = dict[str, dict[str, list[float]]]


def measure(clients: dict[str, httpx.Client]) -> dict[str, Times]:
    """Time ``PAIRS`` pairs of sign-ups per server, alternating which side and server go first."""
    times: dict[str, Times] = {
        name: {order: {"new": [], "taken": []} for order in ("new first", "taken first")}
        for name in clients
    }
    for client in clients.values():
        for number in range(20):  # warm-up, not counted
            sign_up_ms(client, f"warm-{number}@example.org")
            sign_up_ms(client, TAKEN)
    names = list(clients)
    for number in range(PAIRS):
        order = "new first" if number % 2 == 0 else "taken first"
        sides = ["new", "taken"] if order == "new first" else ["taken", "new"]
        for name in names if (number // 2) % 2 == 0 else names[::-1]:
            for side in sides:
                email = f"new-{number}@example.org" if side == "new" else TAKEN
                times[name][order][side].append(sign_up_ms(clients[name], email))
    return times


def report(name: str, times: Times) -> None:
    """Print one server's medians and p90 per side and order, and the gap."""
    rows = []
    both = {side: [t for order in times.values() for t in order[side]] for side in ("new", "taken")}
    for label, sides in [*times.items(), ("both orders", both)]:
        new, taken = median(sides["new"]), median(sides["taken"])
        paired = median([t - n for n, t in zip(sides["new"], sides["taken"], strict=True)])
        rows.append(
            [
                label,
                len(sides["new"]),
                f"{new:.1f}",
                f"{taken:.1f}",
                f"{percentile(sides['new'], 0.9):.1f}",
                f"{percentile(sides['taken'], 0.9):.1f}",
                f"{taken - new:+.1f}",
                f"{paired:+.1f}",
                f"{taken / new:.3f}",
            ]
        )
    # "paired gap": the median of taken minus new within each pair (the two ran back to back,
    # under the same load), steadier than the gap between the two medians.
    header = [
        "order", "pairs", "new p50", "taken p50", "new p90", "taken p90", "gap ms",
        "paired gap", "ratio",
    ]  # fmt: skip
    print_table(f"Sign-up latency (ms), new vs taken email: {name}", header, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout to measure alongside")
    args = parser.parse_args()
    trees = {"this checkout": Path(__file__).resolve().parents[1]}
    if args.baseline:
        trees["baseline"] = args.baseline.resolve()
    with contextlib.ExitStack() as stack:
        clients = {}
        for offset, (name, tree) in enumerate(trees.items()):
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            process = serve(tree / "src", folder, PORT + offset)
            stack.callback(process.wait, 30)
            stack.callback(process.terminate)
            client = stack.enter_context(
                httpx.Client(base_url=f"http://127.0.0.1:{PORT + offset}", timeout=30)
            )
            take_address(client, folder)
            clients[name] = client
        for name, times in measure(clients).items():
            report(name, times)


if __name__ == "__main__":
    main()
