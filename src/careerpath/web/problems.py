"""Map every error to RFC 9457 problem JSON (API) or a friendly HTML page (pages), in one place."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

from litestar import MediaType, Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_401_UNAUTHORIZED, HTTP_500_INTERNAL_SERVER_ERROR
from redis.exceptions import RedisError
from sqlalchemy.exc import DBAPIError, DisconnectionError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from careerpath.db import is_transient, mark_retryable
from careerpath.errors import (
    CareerpathError,
    MovedError,
    RateLimitedError,
    ServiceUnavailableError,
)

logger = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
API_PREFIX = "/api/"
# Seconds a client should wait after a 503: about what a database restart or failover takes.
RETRY_AFTER_SECONDS = 5


def _error_tree(kind: type[CareerpathError]) -> list[type[CareerpathError]]:
    return [kind, *(below for sub in kind.__subclasses__() for below in _error_tree(sub))]


# Each status's title as the error tree names it (framework errors use the HTTP phrase).
TREE_TITLES = {kind.status: kind.title for kind in reversed(_error_tree(CareerpathError))}


def title_for(status: int) -> str:
    """Return the problem title of ``status``: the error tree's, else the HTTP phrase."""
    if status in TREE_TITLES:
        return TREE_TITLES[status]
    try:
        return HTTPStatus(status).phrase.capitalize()
    except ValueError:
        return "Error"


def problem_response(
    request: Request[Any, Any, Any],
    status: int,
    detail: str,
    *,
    extra: dict[str, object] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[Any]:
    """Return the error as problem JSON for the API, or as the error page for a browser."""
    title = title_for(status)
    if status == HTTP_401_UNAUTHORIZED and _wants_html(request):
        return Redirect(sign_in_url(request), status_code=303)
    if _wants_html(request):
        return Template(
            template_name="error.html",
            context={"status": status, "title": title, "detail": detail},
            status_code=status,
            headers=headers,
        )
    body: dict[str, object] = {"type": "about:blank", "title": title, "status": status}
    body["detail"] = detail
    body["instance"] = request.url.path
    body.update(extra or {})
    return Response(
        content=body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


def _wants_html(request: Request[Any, Any, Any]) -> bool:
    """Pages and their forms get HTML; the API, probes and programs get problem JSON."""
    if request.url.path.startswith(API_PREFIX):
        return False
    return "text/html" in request.headers.get("accept", "")


def sign_in_url(request: Request[Any, Any, Any]) -> str:
    """Return the sign-in page that sends the reader back where they were (a form: its page)."""
    if request.method in {"GET", "HEAD"}:
        back = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    else:
        back = urlsplit(request.headers.get("referer", "")).path or "/lists"
    return f"/signin?{urlencode({'next': local_path(back)})}"


def local_path(target: str) -> str:
    """Return ``target`` if it is a path on this site, else My lists (no open redirect)."""
    if target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/lists"


def handle_domain_error(request: Request[Any, Any, Any], exc: CareerpathError) -> Response[Any]:
    """Turn a service's domain error into its HTTP problem."""
    headers = None
    if isinstance(exc, RateLimitedError):
        headers = {"Retry-After": str(exc.retry_after)}
    elif isinstance(exc, ServiceUnavailableError):
        headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return problem_response(request, exc.status, exc.detail, extra=exc.extra, headers=headers)


def handle_moved(request: Request[Any, Any, Any], exc: MovedError) -> Response[Any]:
    """Redirect an alias to the same URL under its canonical name (308 keeps a write's method)."""
    segments = [exc.canonical if unquote(s) == exc.name else s for s in request.url.path.split("/")]
    location = "/".join(segments)
    if request.url.query:
        location += f"?{request.url.query}"
    if request.method in {"GET", "HEAD"}:
        return Redirect(location, status_code=301)
    return Redirect(location, status_code=308)


def handle_validation_error(
    request: Request[Any, Any, Any], exc: ValidationException
) -> Response[Any]:
    """Report which parameters were wrong, as a 422 problem."""
    errors = exc.extra if isinstance(exc.extra, list) else []
    return problem_response(request, 422, exc.detail, extra={"errors": errors})


def handle_http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    """Render the framework's own HTTP errors (404 route, 405, 413 …) as problems."""
    headers = dict(exc.headers or {})
    return problem_response(request, exc.status_code, exc.detail, headers=headers or None)


def handle_unexpected_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """Log the bug with its trace and answer a 500 problem that reveals nothing."""
    logger.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        request,
        HTTP_500_INTERNAL_SERVER_ERROR,
        "Something went wrong on our side. The request id identifies it in our logs.",
    )


def handle_unreachable_service(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """A dependency that does not answer is a 503 with Retry-After, logged, not a 500."""
    logger.warning(
        "dependency unavailable on %s %s: %s", request.method, request.url.path, _brief(exc)
    )
    mark_retryable(request.scope, exc)
    return problem_response(
        request,
        503,
        "A service this request needs is not answering. Try again shortly.",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def handle_database_error(request: Request[Any, Any, Any], exc: DBAPIError) -> Response[Any]:
    """Map a driver error: the server failing is a 503, a lost uniqueness race a 409."""
    if is_transient(exc):
        return handle_unreachable_service(request, exc)
    if isinstance(exc, IntegrityError):
        # Services check before they write; two requests racing past the check meet here.
        logger.info("integrity error on %s %s: %s", request.method, request.url.path, _brief(exc))
        return problem_response(request, 409, "This clashes with a change made at the same time.")
    return handle_unexpected_error(request, exc)


def _brief(exc: Exception) -> str:
    """The error's first line: the driver's message, without the SQL statement."""
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


EXCEPTION_HANDLERS: dict[type[Exception] | int, Any] = {
    RedisError: handle_unreachable_service,
    DBAPIError: handle_database_error,
    DisconnectionError: handle_unreachable_service,
    PoolTimeoutError: handle_unreachable_service,
    ConnectionError: handle_unreachable_service,
    TimeoutError: handle_unreachable_service,
    MovedError: handle_moved,
    CareerpathError: handle_domain_error,
    ValidationException: handle_validation_error,
    HTTPException: handle_http_error,
    Exception: handle_unexpected_error,
}

__all__ = ["EXCEPTION_HANDLERS", "MediaType", "problem_response"]
