"""A served worker freezes its warmed heap; a test-built app does not."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator

import pytest

from careerpath.heap import frozen_heap, settle_after


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_settle_after_freezes_only_once_the_warmup_is_done(unfrozen: None) -> None:
    seen_during_warmup: list[int] = []

    async def warmup() -> None:
        await asyncio.sleep(0)
        seen_during_warmup.append(gc.get_freeze_count())

    asyncio.run(settle_after(warmup()))

    assert seen_during_warmup == [0]
    assert gc.get_freeze_count() > 0


def test_settle_after_lets_a_failed_warmup_fail_without_freezing(unfrozen: None) -> None:
    async def warmup() -> None:
        raise RuntimeError("database unreachable")

    with pytest.raises(RuntimeError):
        asyncio.run(settle_after(warmup()))

    assert gc.get_freeze_count() == 0


def test_an_import_freezes_for_its_duration_only(unfrozen: None) -> None:
    with frozen_heap():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_an_import_leaves_a_served_workers_frozen_heap_frozen(unfrozen: None) -> None:
    gc.freeze()
    with frozen_heap():
        pass
    # Not an equal count: frozen objects still die by reference counting meanwhile.
    assert gc.get_freeze_count() > 0
