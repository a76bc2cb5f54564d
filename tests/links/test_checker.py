"""The checker classifies a local fixture's answers, politely: one request at a time per host."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from careerpath.links.checker import HostPacer, LinkChecker, LinkResult, Policy, new_client
from careerpath.links.models import LinkStatus
from tests.links.fixture_server import SLOW_SECONDS, fixture_server

EXPECTED = [
    ("/ok", LinkStatus.OK, 200, None),
    ("/moved", LinkStatus.REDIRECTED, 200, "/ok"),
    ("/hop", LinkStatus.REDIRECTED, 200, "/ok"),
    ("/missing", LinkStatus.BROKEN, 404, None),
    ("/gone", LinkStatus.GONE, 410, None),
    ("/error", LinkStatus.BROKEN, 500, None),
    ("/slow", LinkStatus.UNKNOWN, None, None),
    ("/no-head", LinkStatus.OK, 200, None),
    ("/private/page", LinkStatus.UNKNOWN, None, None),
]
POLICY = Policy(concurrency=8, per_host_interval=0.01, timeout=SLOW_SECONDS / 6)


async def _check_all(base: str) -> dict[str, LinkResult]:
    found: dict[str, LinkResult] = {}

    async def done(url: str, result: LinkResult) -> None:
        found[url.removeprefix(base)] = result

    async with new_client(POLICY) as client:
        await LinkChecker(client, POLICY).check_all([base + p for p, *_ in EXPECTED], done)
    return found


def test_each_answer_gets_its_status_and_requests_never_overlap() -> None:
    with fixture_server() as (base, traffic):
        found = asyncio.run(_check_all(base))
        for path, status, http_status, final in EXPECTED:
            assert found[path].status is status, (path, found[path])
            assert found[path].http_status == http_status, path
            assert found[path].final_url == (base + final if final else None), path
        assert found["/hop"].hops == (base + "/hop", base + "/moved")
        assert "robots.txt" in (found["/private/page"].detail or "")
        assert traffic.most_in_flight == 1  # one host: one request at a time
        methods = {path: method for method, path in reversed(traffic.requests)}  # first method
    assert methods["/ok"] == "HEAD"
    assert ("GET", "/no-head") in traffic.requests  # HEAD refused: GET instead
    assert ("HEAD", "/private/page") not in traffic.requests  # robots.txt honoured
    assert [r for r in traffic.requests if r[1] == "/robots.txt"] == [("GET", "/robots.txt")]


@pytest.mark.parametrize("interval", [0.0, 1.0, 2.5])
def test_the_pacer_spaces_requests_to_a_host_by_its_interval(
    interval: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [100.0]
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    async def three_turns() -> list[float]:
        pacer = HostPacer(interval, clock=lambda: now[0])
        starts = []
        for _ in range(3):
            await pacer.wait_turn("example.org")
            starts.append(now[0])
        await pacer.wait_turn("other.example")  # another host does not wait
        return starts

    monkeypatch.setattr(asyncio, "sleep", fake_sleep)
    starts = asyncio.run(three_turns())
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert gaps == [interval, interval]
    assert len(slept) == (2 if interval else 0)
