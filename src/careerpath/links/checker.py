"""Check URLs politely: bounded concurrency, one request per host per interval, robots.txt.

HEAD first, GET when HEAD is refused; redirects followed by hand so that each hop is paced
and recorded. No database here: the service stores what this returns.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from careerpath.links.models import LinkStatus

USER_AGENT = "careerpath-linkcheck/1.0 (+https://github.com/careerpath)"
MAX_REDIRECTS = 5
HEAD_REFUSED = frozenset({403, 405, 501})
BLOCKED = frozenset({401, 403, 429})


@dataclass(frozen=True)
class Policy:
    """How politely to check: requests at once, seconds between two to one host, time limit."""

    concurrency: int = 8
    per_host_interval: float = 1.0
    timeout: float = 10.0


@dataclass(frozen=True)
class LinkResult:
    """The verdict on one URL."""

    status: LinkStatus
    http_status: int | None = None
    final_url: str | None = None
    detail: str | None = None
    hops: tuple[str, ...] = ()


@dataclass
class HostPacer:
    """Space the requests to each host by ``interval`` seconds, one at a time."""

    interval: float
    clock: Callable[[], float] = time.monotonic
    _next: dict[str, float] = field(default_factory=dict)
    _locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    def lock(self, host: str) -> asyncio.Lock:
        """Return the lock that lets one request at a time reach ``host``."""
        return self._locks.setdefault(host, asyncio.Lock())

    async def wait_turn(self, host: str) -> None:
        """Sleep until ``host`` may get its next request (call holding its lock)."""
        delay = self._next.get(host, 0.0) - self.clock()
        if delay > 0:
            await asyncio.sleep(delay)
        self._next[host] = self.clock() + self.interval


class LinkChecker:
    """Check many URLs with one HTTP client; robots.txt is read once per host."""

    def __init__(self, client: httpx.AsyncClient, policy: Policy) -> None:
        self.client = client
        self.policy = policy
        self.pacer = HostPacer(policy.per_host_interval)
        self._robots: dict[str, asyncio.Task[RobotFileParser | None]] = {}
        self._slots = asyncio.Semaphore(policy.concurrency)

    async def check_all(
        self, urls: Iterable[str], on_done: Callable[[str, LinkResult], Awaitable[None]]
    ) -> None:
        """Check every URL (at most ``concurrency`` at once) and report each verdict."""

        async def one(url: str) -> None:
            async with self._slots:
                await on_done(url, await self.check(url))

        await asyncio.gather(*(one(url) for url in urls))

    async def check(self, url: str) -> LinkResult:
        """Return the verdict on ``url``."""
        try:
            if not await self._allowed(url):
                return LinkResult(LinkStatus.UNKNOWN, detail="robots.txt disallows checking it")
            return await self._follow(url)
        except httpx.TimeoutException:
            return LinkResult(LinkStatus.UNKNOWN, detail="timed out")
        except (httpx.ConnectError, httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            return LinkResult(LinkStatus.BROKEN, detail=f"no answer: {type(exc).__name__}")
        except httpx.HTTPError as exc:
            return LinkResult(LinkStatus.UNKNOWN, detail=f"{type(exc).__name__}")

    async def _follow(self, url: str) -> LinkResult:
        hops: list[str] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            response = await self._request(current)
            location = response.headers.get("location")
            if response.is_redirect and location:
                hops.append(current)
                current = urljoin(current, location)
                if not await self._allowed(current):
                    break
                continue
            return classify(response.status_code, current, tuple(hops))
        return LinkResult(LinkStatus.UNKNOWN, final_url=current, detail="too many redirects")

    async def _request(self, url: str) -> httpx.Response:
        response = await self._paced("HEAD", url)
        if response.status_code in HEAD_REFUSED:
            response = await self._paced("GET", url)
        return response

    async def _paced(self, method: str, url: str) -> httpx.Response:
        host = urlsplit(url).netloc
        async with self.pacer.lock(host):
            await self.pacer.wait_turn(host)
            # Stream a GET so that a large page is never downloaded just to see its status.
            request = self.client.build_request(method, url)
            response = await self.client.send(request, stream=True)
            await response.aclose()
            return response

    async def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:  # one read per origin, however many links wait on it
            self._robots[origin] = asyncio.ensure_future(self._read_robots(origin))
        robots = await self._robots[origin]
        return robots is None or robots.can_fetch(USER_AGENT, url)

    async def _read_robots(self, origin: str) -> RobotFileParser | None:
        try:
            host = urlsplit(origin).netloc
            async with self.pacer.lock(host):
                await self.pacer.wait_turn(host)
                response = await self.client.get(f"{origin}/robots.txt")
        except httpx.HTTPError:
            return None  # no robots.txt to honour; the link check reports the host's state
        if response.status_code != 200:
            return None
        parser = RobotFileParser()
        parser.parse(response.text.splitlines())
        return parser


def classify(status: int, final_url: str, hops: tuple[str, ...]) -> LinkResult:
    """Return the verdict for the final answer's status after ``hops`` redirects."""
    final = final_url if hops else None  # where the link really leads, when that differs
    if 200 <= status < 300:
        kind = LinkStatus.REDIRECTED if hops else LinkStatus.OK
        return LinkResult(kind, status, final, hops=hops)
    if status == 410:
        return LinkResult(LinkStatus.GONE, status, final, "gone (410)", hops)
    if status in BLOCKED:
        return LinkResult(LinkStatus.UNKNOWN, status, final, f"blocked ({status})", hops)
    return LinkResult(LinkStatus.BROKEN, status, final, f"HTTP {status}", hops)


def new_client(policy: Policy) -> httpx.AsyncClient:
    """Return the client a check uses: our user agent, the policy's timeout, no auto-redirects."""
    return httpx.AsyncClient(
        headers={"user-agent": USER_AGENT},
        timeout=policy.timeout,
        follow_redirects=False,
    )
