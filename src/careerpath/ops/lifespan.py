"""Point the pool gauges at the app's database engine."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar
from sqlalchemy.pool import Pool

from careerpath.ops import metrics


@asynccontextmanager
async def ops_lifespan(app: Litestar) -> AsyncIterator[None]:
    """Read the pool's checked-out and idle connections at every scrape."""
    pool: Pool = app.state.engine.pool
    metrics.watch_pool(
        lambda: int(getattr(pool, "checkedout", lambda: 0)()),
        lambda: int(getattr(pool, "checkedin", lambda: 0)()),
    )
    yield
