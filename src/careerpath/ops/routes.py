"""``GET /metrics``: Prometheus text format, for a scraper holding the metrics token."""

from __future__ import annotations

import hmac
from typing import Any

from litestar import Request, Response, get
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from careerpath.errors import NotFoundError
from careerpath.ops.metrics import REGISTRY


@get("/metrics", include_in_schema=False, opt={"access": "public"}, sync_to_thread=False)
def metrics_endpoint(request: Request[Any, Any, Any]) -> Response[bytes]:
    """Return every metric family; without the bearer token the page does not exist."""
    if not _authorized(request, request.app.state.settings.metrics_token):
        raise NotFoundError("No such page.")
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)


def _authorized(request: Request[Any, Any, Any], token: str) -> bool:
    given = request.headers.get("authorization", "")
    return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
