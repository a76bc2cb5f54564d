"""A small HTTP/1.1 load generator: N keep-alive connections, each sending its next request as
soon as the previous answer is complete (what wrk does), with per-request latencies.

Pure asyncio, so ``make bench`` needs nothing outside the project's own dependencies.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from _stats import percentile


@dataclass
class LoadResult:
    """Requests per second, latency percentiles (ms) and how many answers were not 2xx."""

    requests: int
    seconds: float
    latencies_ms: list[float] = field(repr=False)
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def p(self, fraction: float) -> float:
        return percentile(self.latencies_ms, fraction)


class _Connection(asyncio.Protocol):
    """One keep-alive connection that replays the same request until the deadline."""

    def __init__(self, request: bytes, deadline: float, result: LoadResult) -> None:
        self.request, self.deadline, self.result = request, deadline, result
        self.buffer = b""
        self.started = 0.0
        self.closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.transport: asyncio.WriteTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if not isinstance(transport, asyncio.WriteTransport):
            raise TypeError("a stream transport was expected")
        self.transport = transport
        self._send()

    def _send(self) -> None:
        self.started = time.perf_counter()
        if self.transport is not None:
            self.transport.write(self.request)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        head_end = self.buffer.find(b"\r\n\r\n")
        if head_end < 0:
            return
        head = self.buffer[:head_end].lower()
        length_at = head.find(b"content-length:")
        if length_at < 0:
            raise RuntimeError("the load generator needs Content-Length answers")
        length = int(head[length_at + 15 : head.find(b"\r\n", length_at)])
        end = head_end + 4 + length
        if len(self.buffer) < end:
            return
        now = time.perf_counter()
        self.result.requests += 1
        self.result.latencies_ms.append((now - self.started) * 1000)
        if not head.startswith(b"http/1.1 2"):
            self.result.errors += 1
        self.buffer = self.buffer[end:]
        if now < self.deadline:
            self._send()
        elif self.transport is not None:
            self.transport.close()

    def connection_lost(self, _exc: Exception | None) -> None:
        if not self.closed.done():
            self.closed.set_result(None)


async def _load(port: int, path: str, connections: int, seconds: float) -> LoadResult:
    request = (
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Accept: */*\r\nAccept-Encoding: gzip\r\n\r\n"
    ).encode()
    result = LoadResult(0, seconds, [], 0)
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
    deadline = started + seconds
    made = [
        await loop.create_connection(
            lambda: _Connection(request, deadline, result), "127.0.0.1", port
        )
        for _ in range(connections)
    ]
    await asyncio.gather(*(protocol.closed for _, protocol in made))
    result.seconds = time.perf_counter() - started
    return result


def load(port: int, path: str, connections: int, seconds: float) -> LoadResult:
    """Keep ``connections`` busy on ``path`` for ``seconds``; return what was measured."""
    return asyncio.run(_load(port, path, connections, seconds))
