"""Keep full garbage collections off the request path of a served worker.

A warmed worker holds about 200,000 long-lived container objects (the app, its routes, models,
the title resolver). CPython's full collection walks all of them, and measured on a warmed demo
worker that took 150-350 ms: every few seconds one unlucky batch of requests waited that long,
which is most of the career page's p99. Once start-up work is done, moving those objects into
the permanent generation (``gc.freeze``) makes later full collections walk only what requests
allocate. Only served workers do this: a test process builds many apps, and frozen cycles of
old apps would never be collected.
"""

from __future__ import annotations

import gc
from collections.abc import Awaitable


async def settle_after(warmup: Awaitable[None]) -> None:
    """Await ``warmup``, collect once, then freeze what survives as permanent."""
    await warmup
    gc.collect()
    gc.freeze()
