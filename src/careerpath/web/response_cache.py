"""Whole-response cache for anonymous readers: hits are answered by the front door, first thing.

A request with a cookie or an Authorization header may see personal content: it is never
served from, nor stored into, the cache. Only routes marked ``opt={CACHE_ANONYMOUS: True}``
are stored (``response_cache_middleware`` runs after routing), and only their 200 answers
without a ``Set-Cookie``; the front door (``web/front_door.py``) serves what is stored before
any session, limit or routing work, since only such routes' answers are ever there. Entries
hold the identity body, its gzip form and its ETag (all computed once, when stored); each
request gets the form its Accept-Encoding takes, with ``Vary: Accept-Encoding``. Keys carry the
cache generation, so a committed write retires every entry. An entry is fresh for the TTL and
then kept a while as a stale copy (``STALE_SECONDS``, or the TTL if longer): while one request
of a worker refreshes a key, the others get the stale copy (or, with no copy, wait for that one
refresh) instead of all recomputing. A stale copy is only ever served during a refresh, and
never across a write (the generation is in the key).
Each worker keeps the entries it used last in memory, so a hit costs no store round trip;
without Redis that memory is the whole cache (a shared in-process store, with its lock, would
make 64 concurrent hits queue behind each other).
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

from careerpath.cache import CACHE_ANONYMOUS
from careerpath.catalog.language import preferred
from careerpath.httpapi.conditional import entity_tag, gzip_tag
from careerpath.ops import metrics
from careerpath.security.headers import NONCE_KEY
from careerpath.web.outgoing import (
    COMPRESSIBLE,
    GZIP_LEVEL,
    MIN_GZIP_BYTES,
    accepts_gzip,
    request_fields,
)

WAIT_FOR_REFRESH_SECONDS = 10.0
# Long enough to cover a refresh on a busy worker (a page render waits behind every hit).
STALE_SECONDS = 30
# Entries each worker keeps decoded in memory (the newest used; a page and its gzip form each).
LOCAL_ENTRIES = 256
_DROPPED_HEADERS = frozenset({b"content-length", b"content-encoding", b"vary", b"etag"})


class CachedResponse(msgspec.Struct, array_like=True):
    """A stored answer: status, headers, identity and gzip bodies, tag, when it goes stale."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    gzipped: bytes | None
    fresh_until: float
    etag: str = ""
    # The CSP nonce the body was rendered with: replayed, so inline scripts still match.
    nonce: str | None = None


def is_anonymous(scope: Scope) -> bool:
    """Say whether the request carries no credentials (no cookie, no Authorization)."""
    fields = request_fields(scope)
    return b"cookie" not in fields and b"authorization" not in fields


def cache_key(generation: int, scope: Scope) -> str:
    """Key an anonymous GET by generation, reader language, path and query (never by host)."""
    query = scope.get("query_string", b"").decode("latin-1")
    header = request_fields(scope).get(b"accept-language")
    language = (preferred(header.decode("latin-1")) if header else None) or "-"
    return f"{generation}:{language}:{scope['path']}?{query}"


def _entry(start: dict[str, Any], body: bytes, ttl: int, scope: Scope) -> CachedResponse | None:
    headers = [(bytes(k).lower(), bytes(v)) for k, v in start.get("headers", [])]
    if start["status"] != 200 or any(k == b"set-cookie" for k, _ in headers):
        return None
    kept = [(k, v) for k, v in headers if k not in _DROPPED_HEADERS]
    media = next((v for k, v in kept if k == b"content-type"), b"")
    zipped = None
    if len(body) >= MIN_GZIP_BYTES and media.startswith(COMPRESSIBLE):
        zipped = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
    nonce = scope.get("state", {}).get(NONCE_KEY)
    return CachedResponse(200, kept, body, zipped, time.time() + ttl, entity_tag(body), nonce)


def cached_answer(entry: CachedResponse, scope: Scope) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """Return a stored answer's fields and body in the encoding the client takes."""
    body, headers, tag = entry.body, list(entry.headers), entry.etag
    if entry.gzipped is not None and accepts_gzip(request_fields(scope)):
        body, tag = entry.gzipped, gzip_tag(tag)
        headers.append((b"content-encoding", b"gzip"))
    headers += [
        (b"content-length", str(len(body)).encode()),
        (b"vary", b"Accept-Encoding"),
        (b"etag", tag.encode()),
    ]
    if entry.nonce is not None:
        scope.setdefault("state", {})[NONCE_KEY] = entry.nonce
    return headers, body


async def send_cached(entry: CachedResponse, scope: Scope, send: Send) -> None:
    """Send a stored answer, with its tag, in the encoding the client takes."""
    headers, body = cached_answer(entry, scope)
    await send({"type": "http.response.start", "status": entry.status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})


class ResponseCache:
    """Stored anonymous answers of one app, with one refresh per key in this worker."""

    def __init__(
        self, store: Store | None, generation: Callable[[], Awaitable[int]], ttl: int
    ) -> None:
        self.store = store
        self.generation = generation
        self.ttl = ttl
        self._encoder = msgspec.msgpack.Encoder()
        self._decoder = msgspec.msgpack.Decoder(CachedResponse)
        self._refreshing: dict[str, asyncio.Future[CachedResponse | None]] = {}
        self._local: dict[str, CachedResponse] = {}
        self.stale_seconds = max(ttl, STALE_SECONDS)

    async def get(self, key: str) -> CachedResponse | None:
        """Return the answer under ``key`` (fresh or stale): this worker's copy if fresh."""
        local = self._local.get(key)
        if self.store is None or (local is not None and local.fresh_until > time.time()):
            found = self._unexpired(key, local)
            metrics.count_cache("responses", hit=found is not None)
            return found
        try:
            raw = await self.store.get(key)
            stored = None if raw is None else self._decoder.decode(raw)
        except (RedisError, OSError, msgspec.DecodeError):
            return local
        metrics.count_cache("responses", hit=stored is not None)
        if stored is None:
            return local
        self._remember(key, stored)
        return stored

    async def put(self, key: str, entry: CachedResponse) -> None:
        """Store an answer for its fresh period plus the time it may serve as a stale copy."""
        self._remember(key, entry)
        if self.store is None:
            return
        try:
            expires_in = self.ttl + self.stale_seconds
            await self.store.set(key, self._encoder.encode(entry), expires_in=expires_in)
        except (RedisError, OSError):
            return

    def _unexpired(self, key: str, local: CachedResponse | None) -> CachedResponse | None:
        if local is not None and local.fresh_until + self.stale_seconds < time.time():
            del self._local[key]
            return None
        return local

    def _remember(self, key: str, entry: CachedResponse) -> None:
        self._local.pop(key, None)
        while len(self._local) >= LOCAL_ENTRIES:
            del self._local[next(iter(self._local))]
        self._local[key] = entry

    async def hit(self, scope: Scope) -> CachedResponse | None:
        """Return what may answer ``scope`` now: a fresh entry, or a stale one during a refresh."""
        key = cache_key(await self.generation(), scope)
        entry = await self.get(key)
        running = self._refreshing.get(key)
        if entry is None and running is not None:
            entry = await _outcome(running)
        if entry is not None and (running is not None or entry.fresh_until > time.time()):
            return entry
        return None

    async def serve(self, scope: Scope, receive: Receive, send: Send, app: ASGIApp) -> None:
        """Answer from the cache when possible, else run ``app`` once and keep its answer."""
        entry = await self.hit(scope)
        key = cache_key(await self.generation(), scope)
        running = self._refreshing.get(key)  # again: the lookup may have let another start
        if entry is None and running is not None:
            entry = await _outcome(running) or await self.get(key)
        if entry is not None:
            await send_cached(entry, scope, send)
            return
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

        await app(scope, receive, capture)
        start, *rest = [cast("dict[str, Any]", m) for m in messages]
        body = b"".join(bytes(m.get("body", b"")) for m in rest)
        entry = _entry(start, body, self.ttl, scope)
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
    """Store the anonymous GET answers of cached routes (and serve what a refresh just made)."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        cache: ResponseCache | None = Litestar.from_scope(scope).state.get("response_cache")
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
