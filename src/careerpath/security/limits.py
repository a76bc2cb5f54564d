"""Size limits on every request: body (enforced by Litestar per layer) and query string.

Per-route constraints (``QueryParameter(le=100)``) stay where they are; this middleware is the
backstop that holds for every route, including ones that forget to declare a bound (the front
door applies it to every request).
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from litestar.types import Scope

from careerpath.errors import InvalidInputError, NotFoundError

MAX_BODY_BYTES = 1024 * 1024
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_PAGE_SIZE = 100
MAX_QUERY_STRING = 4096
MAX_QUERY_VALUE = 1000
PAGE_SIZE_PARAMS = frozenset({"limit", "page_size", "per_page", "size"})


def check_query(query_string: bytes) -> None:
    """Refuse an over-long query string, an over-long value, or a page size above the maximum."""
    if len(query_string) > MAX_QUERY_STRING:
        _refuse("query", f"The query string is longer than {MAX_QUERY_STRING} bytes.")
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    for name, value in pairs:
        if "\x00" in value or "\x00" in name:
            _refuse(name, "Query parameters may not contain NUL characters.")
        if len(value) > MAX_QUERY_VALUE:
            _refuse(name, f"Query parameter {name!r} is longer than {MAX_QUERY_VALUE}.")
        if name in PAGE_SIZE_PARAMS and value.isdigit() and int(value) > MAX_PAGE_SIZE:
            _refuse(name, f"Query parameter {name!r} may be at most {MAX_PAGE_SIZE}.")


def _refuse(key: str, message: str) -> None:
    errors = [{"key": key, "source": "query", "message": message}]
    raise InvalidInputError(message, extra={"errors": errors})


def check_request(scope: Scope) -> None:
    """Refuse a path with a NUL character, and a query ``check_query`` refuses."""
    if "\x00" in scope["path"]:
        raise NotFoundError("No page has a NUL character in its address.")
    check_query(scope.get("query_string", b""))
