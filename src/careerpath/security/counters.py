"""Moving-window counters in the database: every worker sees the same counts without Redis.

They stand in for ``limits``' limiter (same ``test``, ``hit`` and ``get_window_stats``) for the
few events counted one by one: failed sign-ins, sign-ups and reset requests. Each call is its own
short transaction on a small pool of its own, so a count survives the request's rollback (a
failed sign-in raises) and a wave of requests holding the main pool cannot starve it.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from limits import RateLimitItem
from limits.util import WindowStats
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from careerpath.db import create_engine, create_session_factory, utcnow
from careerpath.security.models import ThrottleHit

POOL = {"pool_size": 2, "max_overflow": 3}


class DatabaseCounters:
    """Counts of named events per key, kept in ``throttle_hit``."""

    def __init__(self, database_url: str, longest: timedelta) -> None:
        self.engine: AsyncEngine = create_engine(database_url, **POOL)
        self.sessions = create_session_factory(self.engine)
        self.longest = longest  # rows older than every window are pruned

    async def test(self, item: RateLimitItem, *identifiers: str) -> bool:
        """Say whether one more event fits in the window."""
        return (await self.get_window_stats(item, *identifiers)).remaining > 0

    async def hit(self, item: RateLimitItem, *identifiers: str) -> bool:
        """Count one event; say whether it fitted in the window."""
        fits = await self.test(item, *identifiers)
        now = utcnow()
        async with self.sessions() as db, db.begin():
            db.add(ThrottleHit(key=_key(identifiers), at=now))
            await db.execute(delete(ThrottleHit).where(ThrottleHit.at < now - self.longest))
        return fits

    async def get_window_stats(self, item: RateLimitItem, *identifiers: str) -> WindowStats:
        """Return when the window's oldest event expires and how many events are left."""
        window = timedelta(seconds=item.get_expiry())
        async with self.sessions() as db:
            oldest, used = (
                await db.execute(
                    select(func.min(ThrottleHit.at), func.count()).where(
                        ThrottleHit.key == _key(identifiers), ThrottleHit.at > utcnow() - window
                    )
                )
            ).one()
        reset = (oldest + window).timestamp() if oldest else utcnow().timestamp()
        return WindowStats(reset, max(0, item.amount - int(used)))

    async def close(self) -> None:
        """Close the pool."""
        await self.engine.dispose()


def _key(identifiers: tuple[str, ...]) -> str:
    return hashlib.sha256("/".join(identifiers).encode()).hexdigest()
