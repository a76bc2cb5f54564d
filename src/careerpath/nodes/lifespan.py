"""Follow catalog announcements for the web node's lifetime and refresh its search index."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar

from careerpath.config import Settings
from careerpath.nodes.notify import follow
from careerpath.search import service as search_service

logger = logging.getLogger(__name__)


@asynccontextmanager
async def nodes_lifespan(app: Litestar) -> AsyncIterator[None]:
    """With Redis, refresh this node's index whenever another node announces a change."""
    settings: Settings = app.state.settings
    if not settings.redis_url:
        yield
        return

    async def refresh() -> None:
        search_service.holder(settings.var_dir).verified_at = float("-inf")  # check now
        async with app.state.session_factory() as session:
            await search_service.ensure_index(session, settings.var_dir)
        logger.info("search index refreshed after a catalog announcement")

    task = asyncio.create_task(follow(settings, refresh))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
