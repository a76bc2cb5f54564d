"""Strong ETags, and ``If-None-Match`` answered with 304, on every successful GET.

One mechanism for the API and the pages alike: the tag is a hash of the content sent, taken
outside the response cache and the compression, so a response the anonymous cache replays gets
the same tag as a freshly rendered one, and a gzip body gets its own (the content's, marked
``-gzip``). A response that brings its own ETag (static files) keeps it; responses with
``Cache-Control: no-store`` and bodies over ``MAX_BUFFERED_BYTES`` pass through untagged.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
from collections.abc import Iterable

from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from litestar.types.asgi_types import HTTPResponseBodyEvent, HTTPResponseStartEvent

MAX_BUFFERED_BYTES = 4 * 1024 * 1024
# What a 304 leaves out: it describes the representation the client already holds (RFC 9110).
NOT_MODIFIED_DROPS = (b"content-length", b"content-type", b"content-encoding")


def entity_tag(body: bytes, content_coding: str | None = None) -> str:
    """Return the strong entity tag of a body: of its content, marked with its coding.

    gzip writes the time of compression into its header, so one content compressed a second
    later has other bytes; the tag is taken of the content and ends in ``-gzip`` instead.
    """
    suffix = ""
    if content_coding == "gzip":
        body, suffix = gzip.decompress(body), "-gzip"
    digest = hashlib.blake2b(body, digest_size=16).digest()
    return '"' + base64.urlsafe_b64encode(digest).decode().rstrip("=") + suffix + '"'


def matches(if_none_match: str | None, tag: str) -> bool:
    """Tell whether an ``If-None-Match`` value matches ``tag`` (weak comparison, RFC 9110)."""
    if not if_none_match:
        return False
    candidates = [part.strip().removeprefix("W/") for part in if_none_match.split(",")]
    return "*" in candidates or tag.removeprefix("W/") in candidates


def _header(headers: Iterable[tuple[bytes, bytes]], name: bytes) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _body(body: bytes, more: bool = False) -> HTTPResponseBodyEvent:
    return {"type": "http.response.body", "body": body, "more_body": more}


class _ConditionalSend:
    """Hold a 200 answer until its body is complete, tag it, and send it or a 304."""

    def __init__(self, send: Send, if_none_match: str | None) -> None:
        self.send = send
        self.if_none_match = if_none_match
        self.start: HTTPResponseStartEvent | None = None
        self.chunks: list[bytes] = []
        self.size = 0
        self.mode = "hold"  # or "pass" (untouched) or "drop" (304 sent, body swallowed)

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            await self._on_start(message)
        elif message["type"] != "http.response.body" or self.mode == "pass":
            await self.send(message)
        elif self.mode == "drop":
            if not message.get("more_body", False):
                await self.send(_body(b""))
        else:
            await self._on_body(message)

    async def _on_start(self, message: HTTPResponseStartEvent) -> None:
        headers = list(message.get("headers", ()))
        own_tag = _header(headers, b"etag")
        if message["status"] != 200 or "no-store" in (_header(headers, b"cache-control") or ""):
            self.mode = "pass"
            await self.send(message)
        elif own_tag is not None:
            self.mode = "drop" if matches(self.if_none_match, own_tag) else "pass"
            await self.send(_not_modified(message) if self.mode == "drop" else message)
        else:
            self.start = message

    async def _on_body(self, message: HTTPResponseBodyEvent) -> None:
        start = self.start
        if start is None:  # ASGI sends the start first; nothing to hold otherwise
            await self.send(message)
            return
        self.chunks.append(message.get("body", b""))
        self.size += len(self.chunks[-1])
        more = message.get("more_body", False)
        if self.size > MAX_BUFFERED_BYTES:
            self.mode = "pass"
            await self.send(start)
            await self.send(_body(b"".join(self.chunks), more))
        elif not more:
            await self._finish(start, b"".join(self.chunks))

    async def _finish(self, start: HTTPResponseStartEvent, body: bytes) -> None:
        tag = entity_tag(body, _header(start.get("headers", ()), b"content-encoding"))
        MutableScopeHeaders.from_message(start)["ETag"] = tag
        if matches(self.if_none_match, tag):
            await self.send(_not_modified(start))
            await self.send(_body(b""))
        else:
            await self.send(start)
            await self.send(_body(body))


def _not_modified(start: HTTPResponseStartEvent) -> HTTPResponseStartEvent:
    headers = [(k, v) for k, v in start.get("headers", ()) if k.lower() not in NOT_MODIFIED_DROPS]
    return {"type": "http.response.start", "status": 304, "headers": headers}


def conditional_get_middleware(app: ASGIApp) -> ASGIApp:
    """Tag every successful GET response with an ETag; answer a matching If-None-Match with 304."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or scope["method"] != "GET":
            await app(scope, receive, send)
            return
        wanted = _header(scope.get("headers", ()), b"if-none-match")
        await app(scope, receive, _ConditionalSend(send, wanted))

    return middleware
