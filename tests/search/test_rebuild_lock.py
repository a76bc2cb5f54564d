"""Index rebuilds are serialised per event loop: a lock shared by loops can hang one of them."""

from __future__ import annotations

import asyncio

from careerpath.search.service import rebuild_lock


async def _locks_of_one_loop() -> tuple[asyncio.Lock, asyncio.Lock]:
    return rebuild_lock(), rebuild_lock()


def test_each_event_loop_has_its_own_rebuild_lock() -> None:
    first, again = asyncio.run(_locks_of_one_loop())
    other, _ = asyncio.run(_locks_of_one_loop())
    assert first is again
    assert other is not first
