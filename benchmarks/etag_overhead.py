"""What the ETag middleware costs a GET: hashing the body, and un-gzipping a compressed one.

An ASGI stub answers a page-sized body (the demo career page is about 60 KB of HTML; 6 KB and
600 KB are shown too), plain and gzip-compressed, 2,000 times; the same stub without the
middleware is the baseline. Prints microseconds per response (median of 5 runs), the overhead,
and what a 304 saves: the body bytes not sent.
"""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

from litestar.types import ASGIApp, Message, Receive, Scope, Send

from _stats import median, print_table, time_runs
from careerpath.httpapi.conditional import conditional_get_middleware

REQUESTS = 2_000
SIZES = (6_000, 60_000, 600_000)
SCOPE: Scope = {"type": "http", "method": "GET", "path": "/", "headers": []}  # type: ignore[typeddict-item]


def stub(body: bytes, coding: str | None) -> ASGIApp:
    """Return an app that answers ``body`` in two chunks, as a template response does."""
    headers = [(b"content-type", b"text/html")]
    if coding:
        headers.append((b"content-encoding", coding.encode()))

    async def app(_scope: Scope, _receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        half = len(body) // 2
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:], "more_body": False})

    return app


async def _drive(app: ASGIApp) -> None:
    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(_message: Message) -> None:
        return None

    for _ in range(REQUESTS):
        await app(SCOPE, receive, send)  # type: ignore[arg-type]


def microseconds(app: ASGIApp) -> float:
    """Return the median microseconds per response over 5 runs."""
    return median(time_runs(lambda: asyncio.run(_drive(app)))) / REQUESTS * 1e6


def main() -> None:
    """Print the table."""
    page = (Path(__file__).resolve().parents[1] / "README.md").read_bytes()
    rows = []
    for size in SIZES:
        body = (page * (size // len(page) + 1))[:size]
        for coding, sent in ((None, body), ("gzip", gzip.compress(body))):
            bare = microseconds(stub(sent, coding))
            tagged = microseconds(conditional_get_middleware(stub(sent, coding)))
            label = f"{size // 1000} KB {coding or 'plain'} ({len(sent) // 1000} KB sent)"
            rows.append([label, f"{bare:.1f}", f"{tagged:.1f}", f"+{tagged - bare:.1f}"])
    print_table(
        f"ETag middleware, {REQUESTS} GETs per run, median of 5 runs (µs per response)",
        ["body", "without", "with ETag", "overhead"],
        rows,
    )


if __name__ == "__main__":
    main()
