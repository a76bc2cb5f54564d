"""The one error tree of careerpath. Services raise these; ``web.problems`` maps them to HTTP.

CareerpathError
├── MovedError               301  not a failure: the thing lives under its canonical name
├── BadRequestError          400  a request no route can take (e.g. a Host the site does not serve)
├── NotFoundError            404  a thing that does not exist (or that the caller may not see)
├── ConflictError            409  a write that clashes with existing data
├── InvalidInputError        422  input that parsed but makes no sense
├── PayloadTooLargeError     413  a body or file over its limit
├── AuthenticationError      401  no valid credentials
├── PermissionDeniedError    403  credentials, but not enough rights
├── RateLimitedError         429  too many attempts; carries retry_after seconds
└── ServiceUnavailableError  503  a dependency (database, index) is down
"""

from __future__ import annotations

from typing import ClassVar


class CareerpathError(Exception):
    """Base of every error a service may raise on purpose."""

    status: ClassVar[int] = 500
    title: ClassVar[str] = "Internal error"

    def __init__(self, detail: str, *, extra: dict[str, object] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra or {}


class MovedError(CareerpathError):
    """The name asked for is an alias; ``canonical`` is the name to use instead."""

    status = 301
    title = "Moved permanently"

    def __init__(self, name: str, canonical: str) -> None:
        super().__init__(f"{name!r} is now {canonical!r}.")
        self.name = name
        self.canonical = canonical


class BadRequestError(CareerpathError):
    """The request itself is unacceptable, before any route looks at it."""

    status = 400
    title = "Bad request"


class NotFoundError(CareerpathError):
    """The thing asked for does not exist."""

    status = 404
    title = "Not found"


class ConflictError(CareerpathError):
    """The write clashes with existing data."""

    status = 409
    title = "Conflict"


class InvalidInputError(CareerpathError):
    """The input is well-formed but not acceptable."""

    status = 422
    title = "Invalid input"


class PayloadTooLargeError(CareerpathError):
    """The request body or file is over its limit."""

    status = 413
    title = "Payload too large"


class AuthenticationError(CareerpathError):
    """No valid credentials were presented."""

    status = 401
    title = "Authentication required"


class PermissionDeniedError(CareerpathError):
    """The caller is known but lacks the rights."""

    status = 403
    title = "Permission denied"


class RateLimitedError(CareerpathError):
    """Too many attempts in the current window."""

    status = 429
    title = "Too many requests"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail, extra={"retry_after": retry_after})
        self.retry_after = retry_after


class ServiceUnavailableError(CareerpathError):
    """A dependency the request needs is not reachable."""

    status = 503
    title = "Service unavailable"
