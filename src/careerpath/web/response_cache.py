"""Whole-response caching for anonymous readers of public pages and documents.

A request that carries a cookie or an Authorization header may see personal content, so it is
never served from, nor stored into, the cache: its key is unique and the filter refuses it.
"""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Request
from litestar.config.response_cache import ResponseCacheConfig, default_cache_key_builder
from litestar.types import HTTPScope

STORE_NAME = "response_cache"
_PERSONAL_HEADERS = {b"cookie", b"authorization"}


def _is_personal(headers: Any) -> bool:
    return any(name.lower() in _PERSONAL_HEADERS for name, _ in headers)


def cache_key(request: Request[Any, Any, Any]) -> str:
    """Key anonymous requests by path and query; make personal ones always miss."""
    if _is_personal(request.scope["headers"]):
        return f"personal:{uuid.uuid4().hex}"
    return f"{request.method}:{default_cache_key_builder(request)}"


def should_cache(scope: HTTPScope, status_code: int) -> bool:
    """Store only successful answers to anonymous requests."""
    return status_code == 200 and not _is_personal(scope["headers"])


def never_cache(_scope: HTTPScope, _status_code: int) -> bool:
    """Store nothing (caching switched off)."""
    return False


def response_cache_config(seconds: int) -> ResponseCacheConfig:
    """Return the app's response-cache settings; ``seconds`` 0 switches caching off."""
    return ResponseCacheConfig(
        default_expiration=seconds or 1,
        key_builder=cache_key,
        store=STORE_NAME,
        cache_response_filter=should_cache if seconds else never_cache,
    )
