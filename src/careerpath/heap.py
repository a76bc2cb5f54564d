"""Keep full garbage collections off the request path of a served worker.

A warmed worker holds about 200,000 long-lived container objects (the app, its routes, models,
the title resolver). CPython's full collection walks all of them, and measured on a warmed demo
worker that took 150-350 ms: every few seconds one unlucky batch of requests waited that long,
which is most of the career page's p99. Once start-up work is done, moving those objects into
the permanent generation (``gc.freeze``) makes later full collections walk only what requests
allocate. Only served workers do this: a test process builds many apps, and frozen cycles of
old apps would never be collected.

An import outside a served worker (the CLI, a benchmark) freezes for its own duration instead
(``frozen_heap``): it allocates hundreds of thousands of short-lived objects, and the full
collections they trigger walked the skills extractor's tables each time, a tenth of a
10,000-row catalog import.
"""

from __future__ import annotations

import gc
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager


async def settle_after(warmup: Awaitable[None]) -> None:
    """Await ``warmup``, collect once, then freeze what survives as permanent."""
    await warmup
    gc.collect()
    gc.freeze()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Exempt the objects alive now from full collections until the block ends.

    A heap already frozen (a served worker's, by ``settle_after``) is left as it is: unfreezing
    it at the end would put the worker's start-up objects back on the request path.
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
