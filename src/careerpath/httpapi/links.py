"""``Link`` (RFC 8288) first/prev/next/last relations on every page of a paginated list.

A list is paginated when its handler (or a dependency of it) takes ``limit`` and ``offset`` or
``page`` and ``page_size``, and the page it returns has a ``total`` (and, for search, the
``max_result_window`` beyond which pages are refused). The links are relative references that
keep the request's other query parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from litestar import Request, Response
from litestar.handlers import HTTPRouteHandler
from litestar.response.base import ASGIResponse


@dataclass(frozen=True, slots=True)
class Paging:
    """How a list pages: the parameter that moves, the page size, and what the first counts."""

    position: str
    size: str
    first: int  # 0: the position counts items (offset); 1: it counts pages

    def positions(self, at: int, size: int, reachable: int) -> dict[str, int]:
        """Return the position of each relation from ``at``, over ``reachable`` results."""
        pages = max(1, -(-reachable // size))
        if self.first == 0:
            step, last, shown = size, (pages - 1) * size, at + size
        else:
            step, last, shown = 1, pages, at * size
        found = {"first": self.first, "last": last}
        if shown < reachable:
            found["next"] = at + step
        if at > self.first:
            found["prev"] = min(max(self.first, at - step), last)
        return found


STYLES = (Paging("offset", "limit", 0), Paging("page", "page_size", 1))


def pagination_style(parameter_names: set[str]) -> Paging | None:
    """Return how a list with these query parameters pages, or None when it does not."""
    return next((p for p in STYLES if {p.position, p.size} <= parameter_names), None)


def _defaults(handler: HTTPRouteHandler) -> dict[str, object]:
    """Return each parameter the handler declares, its own or its dependencies', with defaults."""
    signatures = [handler.parsed_fn_signature]
    signatures += [
        provide.parsed_fn_signature
        for provide in handler.resolve_dependencies().values()
        if hasattr(provide, "parsed_fn_signature")
    ]
    return {name: p.default for s in signatures for name, p in s.parameters.items()}


def _number(query: dict[str, str], name: str, default: object) -> int:
    raw = query.get(name)  # the handler ran, so a value sent is a valid integer
    if raw is None:
        return default if isinstance(default, int) else 0
    return int(raw)


def page_links(request: Request[Any, Any, Any], content: object) -> str | None:
    """Return the ``Link`` value for a page of a paginated list, or None for anything else."""
    total = getattr(content, "total", None)
    handler = request.scope.get("route_handler")
    if not isinstance(total, int) or not isinstance(handler, HTTPRouteHandler):
        return None
    defaults = _defaults(handler)
    paging = pagination_style(set(defaults))
    if paging is None or request.method != "GET":
        return None
    pairs = parse_qsl(request.scope.get("query_string", b"").decode("latin-1"), True)
    query = dict(pairs)
    at = _number(query, paging.position, defaults[paging.position])
    size = _number(query, paging.size, defaults[paging.size])
    reachable = min(total, getattr(content, "max_result_window", total))
    kept = [(k, v) for k, v in pairs if k not in {paging.position, paging.size}]
    links = []
    for rel, value in paging.positions(at, max(1, size), reachable).items():
        query_string = urlencode([*kept, (paging.position, str(value)), (paging.size, str(size))])
        links.append(f'<{request.url.path}?{query_string}>; rel="{rel}"')
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
