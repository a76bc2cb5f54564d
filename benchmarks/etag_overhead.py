"""What the send wrapper costs an uncached GET: stamping its fields, hashing it, compressing it.

An ASGI stub answers a page-sized body (the demo career page is about 60 KB of HTML; 6 KB and
600 KB are shown too) 2,000 times; the same stub sending straight to the server is the
baseline. With ``web/outgoing.py`` in between, the identity body is hashed for its ETag and,
for a client that takes gzip, compressed (level 6). Cached answers skip both: their tag and
gzip form are stored with them. Prints microseconds per response (median of 5 runs).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from litestar.types import Message, Scope, Send

from _stats import median, print_table, time_runs
from careerpath.web.outgoing import Outgoing

REQUESTS = int(__import__("os").environ.get("BENCH_REQUESTS", "2000"))
SIZES = (6_000, 60_000, 600_000)
Wrap = Any  # (send, scope) -> send


async def _stub(body: bytes, send: Send) -> None:
    """Answer ``body`` in two chunks, as a template response does."""
    headers = [(b"content-type", b"text/html; charset=utf-8")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    half = len(body) // 2
    await send({"type": "http.response.body", "body": body[:half], "more_body": True})
    await send({"type": "http.response.body", "body": body[half:], "more_body": False})


def _scope(accept_encoding: bytes | None) -> Scope:
    headers = [(b"accept-encoding", accept_encoding)] if accept_encoding else []
    scope: Any = {"type": "http", "method": "GET", "path": "/careers/x", "headers": headers}
    return scope  # type: ignore[no-any-return]


async def _drive(body: bytes, wrap: Wrap, accept_encoding: bytes | None) -> None:
    async def send(_message: Message) -> None:
        return None

    for _ in range(REQUESTS):
        scope = _scope(accept_encoding)
        await _stub(body, wrap(send, scope))


def microseconds(body: bytes, wrap: Wrap, accept_encoding: bytes | None = None) -> float:
    """Return the median microseconds per response over 5 runs."""
    runs = time_runs(lambda: asyncio.run(_drive(body, wrap, accept_encoding)))
    return median(runs) / REQUESTS * 1e6


def bare(send: Send, _scope: Scope) -> Send:
    return send


def wrapped(send: Send, scope: Scope) -> Send:
    return Outgoing(send, scope, "0123456789abcdef", production=False, head=False)


def main() -> None:
    """Print the table."""
    page = (Path(__file__).resolve().parents[1] / "README.md").read_bytes()
    rows = []
    for size in SIZES:
        body = (page * (size // len(page) + 1))[:size]
        base = microseconds(body, bare)
        tagged = microseconds(body, wrapped)
        zipped = microseconds(body, wrapped, b"gzip")
        rows.append(
            [f"{size // 1000} KB", f"{base:.1f}", f"+{tagged - base:.1f}", f"+{zipped - base:.1f}"]
        )
    print_table(
        f"send wrapper on an uncached GET, {REQUESTS} GETs per run, median of 5 runs (µs)",
        ["body", "bare", "fields + ETag", "fields + ETag + gzip"],
        rows,
    )


if __name__ == "__main__":
    main()
