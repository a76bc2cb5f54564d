"""A local HTTP server answering 200, 301, 404, 410, 500, slowly, and refusing HEAD."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

SLOW_SECONDS = 3.0
ROBOTS = b"User-agent: *\nDisallow: /private\n"
# path -> (status, location); every other path is 404
ROUTES: dict[str, tuple[int, str | None]] = {
    "/ok": (200, None),
    "/moved": (301, "/ok"),
    "/hop": (302, "/moved"),
    "/missing": (404, None),
    "/gone": (410, None),
    "/error": (500, None),
    "/slow": (200, None),
    "/no-head": (200, None),
    "/private/page": (200, None),
}


@dataclass
class Traffic:
    """What the server saw: requests by method and path, and the most handled at once."""

    requests: list[tuple[str, str]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


class FixtureHandler(BaseHTTPRequestHandler):
    """Answer the fixture routes and count the traffic."""

    traffic: ClassVar[Traffic]

    def do_HEAD(self) -> None:
        self._answer("HEAD")

    def do_GET(self) -> None:
        self._answer("GET")

    def log_message(self, *_args: object) -> None:
        """Keep the test output clean."""

    def _answer(self, method: str) -> None:
        # The slow page outlives the client's timeout: it is left out of the overlap count.
        counted = self.path != "/slow"
        traffic = self.traffic
        with traffic.lock:
            traffic.requests.append((method, self.path))
            traffic.in_flight += counted
            traffic.most_in_flight = max(traffic.most_in_flight, traffic.in_flight)
        try:
            self._respond(method)
        finally:
            with traffic.lock:
                traffic.in_flight -= counted

    def _respond(self, method: str) -> None:
        if self.path == "/robots.txt":
            self._send(200, None, ROBOTS)
            return
        if self.path == "/no-head" and method == "HEAD":
            self._send(405, None, b"")
            return
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
        status, location = ROUTES.get(self.path, (404, None))
        self._send(status, location, b"hello" if method == "GET" else b"")

    def _send(self, status: int, location: str | None, body: bytes) -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


@contextmanager
def fixture_server() -> Iterator[tuple[str, Traffic]]:
    """Serve the fixture routes on a free local port; yield its base URL and its traffic."""
    traffic = Traffic()
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), type("Handler", (FixtureHandler,), {"traffic": traffic})
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", traffic
    finally:
        server.shutdown()
        server.server_close()
