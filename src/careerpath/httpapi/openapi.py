"""The OpenAPI document as clients consume it: ids, tags, security schemes, headers, deprecations.

``openapi_config`` names things while Litestar generates the document; ``complete_document``
then adds what only the whole app knows: each operation's security (from the access the guard
enforces), the problem responses, and the headers every response carries.
"""

from __future__ import annotations

from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import (
    Components,
    OpenAPIHeader,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Parameter,
    Reference,
    Schema,
    SecurityRequirement,
    SecurityScheme,
    Tag,
)

from careerpath.httpapi.docs_ui import ScalarPage
from careerpath.httpapi.document_text import API_DESCRIPTION, HEADER_DESCRIPTIONS, TAGS
from careerpath.httpapi.links import pagination_style
from careerpath.httpapi.operation_ids import operation_id
from careerpath.httpapi.versioning import retirement_of
from careerpath.security.access import SAFE_METHODS, Access, declared_access
from careerpath.security.openapi_errors import document_problem_responses, operations

BEARER = "bearerAuth"
COOKIE = "cookieAuth"
CSRF = "csrfToken"
SECURITY_SCHEMES: dict[str, SecurityScheme | Reference] = {
    BEARER: SecurityScheme(
        type="http",
        scheme="bearer",
        bearer_format="cp_…",
        description=(
            "A personal API token (`POST /api/v1/me/tokens`), sent as "
            "`Authorization: Bearer cp_…`. Its scope is `read` (safe methods only) or `write` "
            "(every method); an operation lists the scope it needs, and `curator` or `admin` "
            "when it needs that role of the token's owner."
        ),
    ),
    COOKIE: SecurityScheme(
        type="apiKey",
        name="__Host-careerpath",
        security_scheme_in="cookie",
        description="The session cookie `POST /api/v1/auth/login` sets (browsers).",
    ),
    CSRF: SecurityScheme(
        type="apiKey",
        name="X-CSRF-Token",
        security_scheme_in="header",
        description=(
            "With the session cookie, every unsafe method (public ones included) also needs "
            "the session's CSRF token: `csrf_token` in the answer of `POST /api/v1/auth/login`."
        ),
    ),
}
RATE_LIMIT_HEADERS = (
    "RateLimit-Policy",
    "RateLimit",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
)
ROLES_BEYOND_USER = {Access.CURATOR: "curator", Access.ADMIN: "admin"}


def openapi_config() -> OpenAPIConfig:
    """Return the OpenAPI settings: names, tags, security schemes and documented headers."""
    headers: dict[str, OpenAPIHeader | Reference] = {
        name: OpenAPIHeader(
            schema=Schema(type=OpenAPIType.STRING), description=text, required=required
        )
        for name, (text, required) in HEADER_DESCRIPTIONS.items()
    }
    return OpenAPIConfig(
        title="careerpath API",
        version="1.1.0",
        description=API_DESCRIPTION,
        path="/api/docs",
        render_plugins=[ScalarPage()],
        tags=[Tag(name=name, description=text) for name, text in TAGS.items()],
        operation_id_creator=operation_id,
        components=Components(security_schemes=SECURITY_SCHEMES, headers=headers),
    )


def security_requirements(method: str, access: Access | None) -> list[SecurityRequirement]:
    """Return an operation's ``security``: what the guard demands of its caller."""
    if access is None:  # the guard's rule for an unclassified route
        access = Access.PUBLIC if method in SAFE_METHODS else Access.ADMIN
    if access is Access.PUBLIC:
        return []
    role = [ROLES_BEYOND_USER[access]] if access in ROLES_BEYOND_USER else []
    if method in SAFE_METHODS:
        return [{BEARER: ["read", *role]}, {COOKIE: role}]
    return [{BEARER: ["write", *role]}, {COOKIE: role, CSRF: []}]


def _header_refs(*names: str) -> dict[str, OpenAPIHeader | Reference]:
    return {name: Reference(ref=f"#/components/headers/{name}") for name in names}


def _document_headers(path: str, method: str, operation: Operation, paginated: bool) -> None:
    responses = operation.responses or {}
    for code, response in responses.items():
        if not isinstance(response, OpenAPIResponse):
            continue
        headers = dict(response.headers or {})
        if path.startswith("/api/"):
            headers.update(_header_refs(*RATE_LIMIT_HEADERS))
        if code in {"429", "503"}:
            headers.update(_header_refs("Retry-After"))
        if method == "GET" and code == "200":
            headers.update(_header_refs("ETag", *(["Link"] if paginated else [])))
        response.headers = headers or None
    if method == "GET" and "200" in responses:
        responses["304"] = OpenAPIResponse(
            description="Not modified: `If-None-Match` names the current ETag",
            headers=_header_refs("ETag"),
        )


def _document_retirement(operation: Operation, handler: HTTPRouteHandler) -> None:
    retirement = retirement_of(handler.opt)
    if retirement is None:
        return
    operation.deprecated = True
    note = f"Deprecated since {retirement.deprecated_on}; removed after {retirement.sunset_on}."
    if retirement.successor:
        note += f" Use `{retirement.successor}` instead."
    operation.description = f"{operation.description or ''}\n\n{note}".strip()
    for response in (operation.responses or {}).values():
        if isinstance(response, OpenAPIResponse):
            response.headers = {**(response.headers or {}), **_header_refs("Deprecation", "Sunset")}


def complete_document(app: Litestar) -> None:
    """Add security, problem responses, headers and deprecations to the app's document."""
    document_problem_responses(app)
    for path, method, operation, handler, route_path in operations(app):
        operation.security = security_requirements(method, declared_access(handler, route_path))
        query = {p.name for p in operation.parameters or [] if isinstance(p, Parameter)}
        _document_headers(path, method, operation, pagination_style(query) is not None)
        _document_retirement(operation, handler)
