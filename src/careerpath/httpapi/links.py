"""``Link`` (RFC 8288) first/prev/next/last relations on every page of a paginated list.

A list is paginated when its handler takes ``limit`` and ``offset`` or ``page`` and
``page_size``, and the page it returns has a ``total`` (and, for search, the
``max_result_window`` beyond which pages are refused). The links are relative references that
keep the request's other query parameters.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from litestar import Request, Response
from litestar.handlers import HTTPRouteHandler
from litestar.response.base import ASGIResponse

# (the parameter that moves, the page size, whether it counts items or pages)
OFFSET_STYLE = ("offset", "limit", "items")
PAGE_STYLE = ("page", "page_size", "pages")
STYLES = (OFFSET_STYLE, PAGE_STYLE)


def pagination_style(parameter_names: set[str]) -> tuple[str, str, str] | None:
    """Return how a list with these query parameters pages, or None when it does not."""
    for style in STYLES:
        if {style[0], style[1]} <= parameter_names:
            return style
    return None


def _positions(
    style: tuple[str, str, str], position: int, size: int, reachable: int
) -> dict[str, int]:
    if style[2] == "items":
        last = max(0, (reachable - 1) // size * size)
        found = {"first": 0, "last": last}
        if position + size < reachable:
            found["next"] = position + size
        if position > 0:
            found["prev"] = min(max(0, position - size), last)
        return found
    last = max(1, -(-reachable // size))
    found = {"first": 1, "last": last}
    if position < last:
        found["next"] = position + 1
    if position > 1:
        found["prev"] = min(position - 1, last)
    return found


def _number(query: dict[str, str], name: str, default: object) -> int:
    # The handler ran, so a value sent is a valid integer.
    raw = query.get(name)
    if raw is None:
        return default if isinstance(default, int) else 0
    return int(raw)


def page_links(request: Request[Any, Any, Any], content: object) -> str | None:
    """Return the ``Link`` value for a page of a paginated list, or None for anything else."""
    total = getattr(content, "total", None)
    handler = request.scope.get("route_handler")
    if request.method != "GET" or not isinstance(total, int):
        return None
    if not isinstance(handler, HTTPRouteHandler):
        return None
    parameters = handler.parsed_fn_signature.parameters
    style = pagination_style(set(parameters))
    if style is None:
        return None
    query_string = request.scope.get("query_string", b"").decode("latin-1")
    pairs = parse_qsl(query_string, keep_blank_values=True)
    query = dict(pairs)
    position = _number(query, style[0], parameters[style[0]].default)
    size = _number(query, style[1], parameters[style[1]].default)
    if size < 1:
        return None
    reachable = min(total, getattr(content, "max_result_window", total))
    links = []
    for rel, value in _positions(style, position, size, reachable).items():
        moved = [(k, v) for k, v in pairs if k not in {style[0], style[1]}]
        moved += [(style[0], str(value)), (style[1], str(size))]
        links.append(f'<{request.url.path}?{urlencode(moved)}>; rel="{rel}"')
    return ", ".join(links)


class LinkedResponse(Response[Any]):
    """The app's response class: a page of a paginated list also carries its ``Link`` header."""

    def to_asgi_response(
        self, app: Any, request: Request[Any, Any, Any], **kwargs: Any
    ) -> ASGIResponse:
        """Add the page links, then build the response as usual."""
        links = page_links(request, self.content)
        if links and "link" not in {name.lower() for name in self.headers}:
            self.headers["Link"] = links
        return super().to_asgi_response(app, request, **kwargs)
