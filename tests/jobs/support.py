"""Follow a 202 answer's Location until its job ends."""

from __future__ import annotations

import time
from typing import Any, Protocol

import httpx

# Generous: a busy CI machine shares its cores; this is a bound on waiting, not a timing claim.
WAIT_SECONDS = 120.0
FINAL_STATES = {"succeeded", "failed"}


class Requester(Protocol):
    """Anything that sends a request (a test client, an actor with its session)."""

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response: ...


def finished_job(requester: Requester, accepted: httpx.Response) -> dict[str, Any]:
    """Poll the job ``accepted`` points at until it succeeds or fails; return its document."""
    assert accepted.status_code == 202, accepted.text
    location = accepted.headers["location"]
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        job: dict[str, Any] = requester.request("GET", location).json()
        if job.get("state") in FINAL_STATES or time.monotonic() > deadline:
            return job
        time.sleep(0.05)
