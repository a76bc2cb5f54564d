"""Liveness and readiness probes."""

from __future__ import annotations

import logging

from litestar import get
from litestar.datastructures import State
from sqlalchemy import text

from careerpath.cache import ping_redis
from careerpath.errors import ServiceUnavailableError

logger = logging.getLogger(__name__)


@get("/healthz", tags=["operations"], summary="The process is alive", cache=False)
async def healthz() -> dict[str, str]:
    """Answer as long as the process serves requests."""
    return {"status": "ok"}


@get("/readyz", tags=["operations"], summary="The database (and Redis) answer", cache=False)
async def readyz(state: State) -> dict[str, str]:
    """Check every dependency: no database is 503; no Redis is "degraded" (it only accelerates)."""
    checks = {"database": "ok"}
    try:
        async with state.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as exc:
        logger.warning("database not ready: %s", exc)
        raise ServiceUnavailableError("The database does not answer.") from exc
    if state.settings.redis_url:
        if not await ping_redis(state.settings.redis_url):
            return {"status": "degraded", **checks, "redis": "down"}
        checks["redis"] = "ok"
    return {"status": "ok", **checks}
