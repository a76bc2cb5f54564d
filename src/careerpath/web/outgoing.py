"""The send side of every HTTP request: stamped fields, ETag and 304, gzip, HEAD without a body.

One wrapper around the server's ``send`` replaces what used to be three middlewares and two
``before_send`` hooks. It holds a response only when it must see the whole body: to tag a 200
GET (hashing the identity body, before compression) or to gzip a compressible one for a client
that takes it. Bodies over ``MAX_BUFFERED_BYTES`` pass through as they come, untagged and
uncompressed. Everything else is stamped and passed on at once.
"""

from __future__ import annotations

import gzip
from typing import Any, cast

from litestar.types import Message, Scope, Send
from litestar.types.asgi_types import HTTPResponseBodyEvent, HTTPResponseStartEvent

from careerpath.httpapi.client_headers import client_headers
from careerpath.httpapi.conditional import entity_tag, gzip_tag, matches, not_modified_headers
from careerpath.security.headers import security_headers

MAX_BUFFERED_BYTES = 4 * 1024 * 1024
MIN_GZIP_BYTES = 1024
GZIP_LEVEL = 6
COMPRESSIBLE = (
    b"text/",
    b"application/json",
    b"application/problem+json",
    b"application/javascript",
    b"application/xml",
    b"image/svg",
)
Headers = list[tuple[bytes, bytes]]
_VARY = (b"vary", b"Accept-Encoding")


FIELDS_KEY = "request_fields"


def header(headers: Any, name: bytes) -> bytes | None:
    """Return the first value of field ``name`` (lower-case) among raw ``headers``."""
    for key, value in headers:
        if key.lower() == name:
            return bytes(value)
    return None


def request_fields(scope: Scope) -> dict[bytes, bytes]:
    """Return the request's header fields by lower-case name (read once per request)."""
    state: dict[str, Any] = scope.setdefault("state", {})
    fields: dict[bytes, bytes] | None = state.get(FIELDS_KEY)
    if fields is None:
        fields = state[FIELDS_KEY] = {bytes(k).lower(): bytes(v) for k, v in scope["headers"]}
    return fields


def accepts_gzip(fields: dict[bytes, bytes]) -> bool:
    """Say whether a client's request fields take gzip (not refused with ``q=0``)."""
    value = fields.get(b"accept-encoding")
    if not value:
        return False
    for part in value.decode("latin-1").lower().split(","):
        coding, _, weight = part.strip().partition(";")
        if coding.strip() in {"gzip", "*"}:
            return weight.strip().replace(" ", "") not in {"q=0", "q=0.0", "q=0.00"}
    return False


def _body(body: bytes) -> Message:
    return {"type": "http.response.body", "body": body, "more_body": False}


class Outgoing:
    """Wrap one request's ``send``; ``status`` tells the access log what was answered."""

    __slots__ = (
        "_chunks",
        "_held",
        "_size",
        "_skip_body",
        "gzip_ok",
        "head",
        "if_none_match",
        "production",
        "request_id",
        "scope",
        "send",
        "status",
    )

    def __init__(
        self, send: Send, scope: Scope, request_id: str, *, production: bool, head: bool
    ) -> None:
        self.send, self.scope, self.production, self.head = send, scope, production, head
        self.request_id = request_id.encode()
        fields = request_fields(scope)
        self.gzip_ok = accepts_gzip(fields)
        found = fields.get(b"if-none-match")
        self.if_none_match = found.decode("latin-1") if found else None
        self.status = 500
        self._held: dict[str, Any] | None = None
        self._chunks: list[bytes] = []
        self._size = 0
        self._skip_body = head

    async def __call__(self, message: Message) -> None:
        """Pass one ASGI message on, holding a response start while its body must be seen."""
        kind = message["type"]
        if kind == "http.response.start":
            await self._on_start(dict(message))
        elif kind != "http.response.body":
            await self._flush()
            await self.send(message)
        elif self._held is not None:
            body = cast("HTTPResponseBodyEvent", message)
            await self._on_chunk(body.get("body", b""), body.get("more_body", False))
        elif self._skip_body:
            if not message.get("more_body", False):
                await self.send(_body(b""))
        else:
            await self.send(message)

    async def send_whole(self, status: int, headers: Headers, body: bytes) -> None:
        """Send a complete answer whose fields (ETag, encoding, length) are final: a cache hit."""
        self.status = status
        tag = header(headers, b"etag")
        if tag is not None and matches(self.if_none_match, tag.decode("latin-1")):
            await self._not_modified(headers, final=True)
            return
        await self._send_start(status, headers)
        await self.send(_body(b"" if self._skip_body else body))

    def _taggable(self, start: dict[str, Any], headers: Headers) -> bool:
        return (
            self.scope.get("method") == "GET"
            and start["status"] == 200
            and b"no-store" not in (header(headers, b"cache-control") or b"")
        )

    def _compressible(self, headers: Headers) -> bool:
        media = header(headers, b"content-type") or b""
        return media.startswith(COMPRESSIBLE) and header(headers, b"content-encoding") is None

    async def _on_start(self, start: dict[str, Any]) -> None:
        self.status = start["status"]
        headers = [(bytes(k).lower(), bytes(v)) for k, v in start.get("headers", ())]
        start["headers"] = headers
        own_tag = header(headers, b"etag")
        taggable = self._taggable(start, headers)
        if (self.gzip_ok and self._compressible(headers)) or (taggable and own_tag is None):
            self._held = start
        elif taggable and own_tag is not None and matches(self.if_none_match, own_tag.decode()):
            await self._not_modified(headers, final=False)
        else:
            await self._send_start(start["status"], headers)

    async def _on_chunk(self, chunk: bytes, more: bool) -> None:
        self._chunks.append(chunk)
        self._size += len(chunk)
        if self._size > MAX_BUFFERED_BYTES:
            await self._flush()
            if more:
                return
            await self.send(_body(b""))
        elif not more:
            start, self._held = self._held, None
            if start is not None:
                await self._finish(start, b"".join(self._chunks))

    async def _flush(self) -> None:
        start, self._held = self._held, None
        if start is None:
            return
        await self._send_start(start["status"], start["headers"])
        body, self._chunks = b"".join(self._chunks), []
        if body and not self._skip_body:
            await self.send({"type": "http.response.body", "body": body, "more_body": True})

    async def _finish(self, start: dict[str, Any], body: bytes) -> None:
        headers: Headers = start["headers"]
        compressible = self._compressible(headers)
        zipped = compressible and self.gzip_ok and len(body) >= MIN_GZIP_BYTES
        if self._taggable(start, headers):
            own = header(headers, b"etag")
            tag = own.decode("latin-1") if own else entity_tag(body)
            tag = gzip_tag(tag) if zipped else tag
            headers = [(k, v) for k, v in headers if k != b"etag"]
            headers.append((b"etag", tag.encode("latin-1")))
            if matches(self.if_none_match, tag):
                await self._not_modified(headers, final=True)
                return
        if zipped:
            body = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
            headers.append((b"content-encoding", b"gzip"))
        if compressible and header(headers, b"vary") is None:
            headers.append(_VARY)
        headers = [(k, v) for k, v in headers if k != b"content-length"]
        headers.append((b"content-length", str(len(body)).encode()))
        await self._send_start(start["status"], headers)
        await self.send(_body(b"" if self._skip_body else body))

    async def _not_modified(self, headers: Headers, *, final: bool) -> None:
        self.status = 304
        self._skip_body = True  # the body still to come is swallowed, and ends with b""
        await self._send_start(304, not_modified_headers(headers))
        if final:
            await self.send(_body(b""))

    async def _send_start(self, status: int, headers: Headers) -> None:
        present = {k for k, _ in headers}
        stamped = [(b"x-request-id", self.request_id)]
        fields = security_headers(self.scope, self.production, present)
        stamped += [f for f in fields if f[0] not in present]
        extra = client_headers(self.scope, status, present)
        replaced = {k for k, _ in extra if k != b"link"}
        if replaced & present:
            headers = [(k, v) for k, v in headers if k not in replaced]
        start: HTTPResponseStartEvent = {
            "type": "http.response.start",
            "status": status,
            "headers": [*headers, *stamped, *extra],
        }
        await self.send(start)
