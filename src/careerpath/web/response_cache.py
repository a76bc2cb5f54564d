"""Whole-response cache for anonymous readers, served before sessions, limits and handlers.

A request with a cookie or an Authorization header may see personal content: it is never
served from, nor stored into, the cache. Only routes marked ``opt={CACHE_ANONYMOUS: True}``
are cached, and only their 200 answers without a ``Set-Cookie``. Entries hold the identity
body plus its gzip form (compressed once, when stored); each request gets the one its
Accept-Encoding takes, with ``Vary: Accept-Encoding``. Keys carry the cache generation, so a
committed write retires every entry. An entry is fresh for the TTL and kept as long again as a
stale copy: while one request of a worker refreshes a key, the others get the stale copy (or,
with no copy, wait for that one refresh) instead of all recomputing at once.
"""

from __future__ import annotations

import asyncio
import gzip
import time
from collections.abc import Awaitable, Callable
from typing import Any, cast

import msgspec
from litestar import Litestar
from litestar.enums import ScopeType
from litestar.stores.base import Store
from litestar.types import ASGIApp, Message, Receive, Scope, Send
from redis.exceptions import RedisError

from careerpath.accounts.auth import client_ip
from careerpath.cache import CACHE_ANONYMOUS
from careerpath.httpapi.rate_limit import spend
from careerpath.matching.language import preferred
from careerpath.ops import metrics
from careerpath.security.throttle import LocalLimit

MIN_GZIP_BYTES = 1024
WAIT_FOR_REFRESH_SECONDS = 10.0
_PERSONAL_HEADERS = frozenset({b"cookie", b"authorization"})
_DROPPED_HEADERS = frozenset({b"content-length", b"content-encoding", b"vary"})
_COMPRESSIBLE = (b"text/", b"application/json", b"application/problem+json", b"image/svg")


class CachedResponse(msgspec.Struct, array_like=True):
    """A stored answer: status, headers, identity and gzip bodies, and when it goes stale."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    gzipped: bytes | None
    fresh_until: float


def is_anonymous(scope: Scope) -> bool:
    """Say whether the request carries no credentials (no cookie, no Authorization)."""
    return not any(name.lower() in _PERSONAL_HEADERS for name, _ in scope["headers"])


def accepts_gzip(scope: Scope) -> bool:
    """Say whether the client takes gzip (and did not refuse it with ``q=0``)."""
    for name, value in scope["headers"]:
        if name.lower() == b"accept-encoding":
            for part in value.decode("latin-1").lower().split(","):
                coding, _, weight = part.strip().partition(";")
                if coding.strip() in {"gzip", "*"}:
                    return weight.strip().replace(" ", "") not in {"q=0", "q=0.0", "q=0.00"}
    return False


def cache_key(generation: int, scope: Scope) -> str:
    """Key an anonymous GET by generation, reader language, path and query (never by host)."""
    query = scope.get("query_string", b"").decode("latin-1")
    header = next((v for k, v in scope["headers"] if k.lower() == b"accept-language"), b"")
    language = preferred(header.decode("latin-1")) or "-"
    return f"{generation}:{language}:{scope['path']}?{query}"


def _identity_scope(scope: Scope) -> Scope:
    headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]
    return {**scope, "headers": headers}  # type: ignore[return-value]


def _entry(start: dict[str, Any], body: bytes, ttl: int) -> CachedResponse | None:
    headers = [(bytes(k).lower(), bytes(v)) for k, v in start.get("headers", [])]
    if start["status"] != 200 or any(k == b"set-cookie" for k, _ in headers):
        return None
    kept = [(k, v) for k, v in headers if k not in _DROPPED_HEADERS]
    media = next((v for k, v in kept if k == b"content-type"), b"")
    zipped = None
    if len(body) >= MIN_GZIP_BYTES and media.startswith(_COMPRESSIBLE):
        zipped = gzip.compress(body, compresslevel=6, mtime=0)
    return CachedResponse(200, kept, body, zipped, time.time() + ttl)


async def send_cached(entry: CachedResponse, scope: Scope, send: Send) -> None:
    """Send a stored answer in the encoding the client takes."""
    body, headers = entry.body, list(entry.headers)
    if entry.gzipped is not None and accepts_gzip(scope):
        body = entry.gzipped
        headers.append((b"content-encoding", b"gzip"))
    headers += [(b"content-length", str(len(body)).encode()), (b"vary", b"Accept-Encoding")]
    await send({"type": "http.response.start", "status": entry.status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


class ResponseCache:
    """Stored anonymous answers of one app, with one refresh per key in this worker."""

    def __init__(
        self,
        store: Store,
        generation: Callable[[], Awaitable[int]],
        ttl: int,
        limit: LocalLimit | None = None,
    ) -> None:
        self.store = store
        self.generation = generation
        self.ttl = ttl
        self.limit = limit
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder = msgspec.msgpack.Decoder(CachedResponse)
        self._refreshing: dict[str, asyncio.Future[CachedResponse | None]] = {}

    async def get(self, key: str) -> CachedResponse | None:
        """Return the stored answer under ``key`` (fresh or stale), or None."""
        try:
            raw = await self.store.get(key)
        except (RedisError, OSError):
            return None
        metrics.count_cache("responses", hit=raw is not None)
        return None if raw is None else self._decoder.decode(raw)

    async def put(self, key: str, entry: CachedResponse) -> None:
        """Store an answer for its fresh period plus as long again as a stale copy."""
        try:
            await self.store.set(key, self._encoder.encode(entry), expires_in=2 * self.ttl)
        except (RedisError, OSError):
            return

    async def serve(self, scope: Scope, receive: Receive, send: Send, app: ASGIApp) -> None:
        """Answer from the cache when possible, else run ``app`` once and keep its answer."""
        key = cache_key(await self.generation(), scope)
        entry = await self.get(key)
        running = self._refreshing.get(key)
        if entry is None and running is not None:
            entry = await _outcome(running)
        fresh = entry is not None and entry.fresh_until > time.time()
        if entry is not None and (fresh or running is not None):
            if self.limit is not None:
                spend(scope, self.limit.hit(client_ip(scope)))
            await send_cached(entry, scope, send)
            return
        await self._refresh(key, scope, receive, send, app)

    async def _refresh(
        self, key: str, scope: Scope, receive: Receive, send: Send, app: ASGIApp
    ) -> None:
        done: asyncio.Future[CachedResponse | None] = asyncio.get_running_loop().create_future()
        self._refreshing[key] = done
        entry = None
        try:
            entry = await self._render(key, scope, receive, send, app)
        finally:
            del self._refreshing[key]
            done.set_result(entry)

    async def _render(
        self, key: str, scope: Scope, receive: Receive, send: Send, app: ASGIApp
    ) -> CachedResponse | None:
        messages: list[Message] = []

        async def capture(message: Message) -> None:
            messages.append(message)

        await app(_identity_scope(scope), receive, capture)
        start, *rest = [cast("dict[str, Any]", m) for m in messages]
        entry = _entry(start, b"".join(bytes(m.get("body", b"")) for m in rest), self.ttl)
        if entry is None:
            for message in messages:
                await send(message)
            return None
        await self.put(key, entry)
        await send_cached(entry, scope, send)
        return entry


async def _outcome(running: asyncio.Future[CachedResponse | None]) -> CachedResponse | None:
    try:
        return await asyncio.wait_for(asyncio.shield(running), WAIT_FOR_REFRESH_SECONDS)
    except TimeoutError:
        return None


def _is_cached_route(scope: Scope) -> bool:
    handler: Any = scope.get("route_handler")
    return handler is not None and bool(handler.opt.get(CACHE_ANONYMOUS))


def response_cache_middleware(app: ASGIApp) -> ASGIApp:
    """Serve anonymous GETs of cached routes from the response cache."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        state = Litestar.from_scope(scope).state
        cache: ResponseCache | None = state.get("response_cache")
        if (
            cache is None
            or scope["type"] != ScopeType.HTTP
            or scope.get("method") != "GET"
            or not _is_cached_route(scope)
            or not is_anonymous(scope)
        ):
            await app(scope, receive, send)
            return
        await cache.serve(scope, receive, send, app)

    return middleware
