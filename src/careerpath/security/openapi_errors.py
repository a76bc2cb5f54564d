"""Document the problem responses every operation can give, so the OpenAPI document is honest.

The guard, the limits and the error handlers apply to every route; rather than repeat the same
``responses=`` on each handler, they are added once to the generated document.
"""

from __future__ import annotations

from collections.abc import Iterator

from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.spec import (
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    PathItem,
    Reference,
    Schema,
)
from litestar.routes import HTTPRoute

from careerpath.security.access import SAFE_METHODS, Access, declared_access

PROBLEM = Schema(
    type=OpenAPIType.OBJECT,
    required=["type", "title", "status"],
    properties={
        "type": Schema(type=OpenAPIType.STRING),
        "title": Schema(type=OpenAPIType.STRING),
        "status": Schema(type=OpenAPIType.INTEGER),
        "detail": Schema(type=OpenAPIType.STRING),
        "instance": Schema(type=OpenAPIType.STRING),
        "errors": Schema(
            type=OpenAPIType.ARRAY,
            items=Schema(type=OpenAPIType.OBJECT),
            description="Each invalid parameter (422)",
        ),
        "retry_after": Schema(type=OpenAPIType.INTEGER, description="Seconds to wait (429)"),
    },
    description="An RFC 9457 problem document.",
)
PROBLEM_REF = Reference(ref="#/components/schemas/Problem")
DESCRIPTIONS = {
    "400": "Malformed request (problem document)",
    "401": "Authentication required (problem document)",
    "403": "Role, token scope, CSRF token or origin refused (problem document)",
    "404": "Not found, or not yours (problem document)",
    "409": "Conflicts with existing data (problem document)",
    "413": "Request body too large (problem document)",
    "422": "Invalid input or over a size limit (problem document)",
    "429": "Too many requests; see Retry-After (problem document)",
    "503": "A service it needs is not answering; see Retry-After (problem document)",
}
METHODS = ("get", "put", "post", "delete", "patch")


def _handlers_by_operation(app: Litestar) -> dict[tuple[str, str], tuple[HTTPRouteHandler, str]]:
    found: dict[tuple[str, str], tuple[HTTPRouteHandler, str]] = {}
    for route in app.routes:
        if isinstance(route, HTTPRoute):
            for handler in route.route_handlers:
                for method in handler.http_methods:
                    found[(route.path_format, method)] = (handler, route.path)
    return found


def operations(app: Litestar) -> Iterator[tuple[str, str, Operation, HTTPRouteHandler, str]]:
    """Yield each documented operation: path, METHOD, operation, handler, route path."""
    handlers = _handlers_by_operation(app)
    for path, item in (app.openapi_schema.paths or {}).items():
        if not isinstance(item, PathItem):
            continue
        for name in METHODS:
            operation = getattr(item, name)
            if isinstance(operation, Operation):
                handler, route_path = handlers[(path, name.upper())]
                yield path, name.upper(), operation, handler, route_path


def _codes(method: str, access: Access | None, has_body: bool) -> list[str]:
    codes = ["400", "404", "422", "429", "503"]
    if access is not Access.PUBLIC or method not in SAFE_METHODS:
        codes += ["401", "403"]
    if method not in SAFE_METHODS:
        codes.append("409")
    if has_body:
        codes.append("413")
    return codes


def _document(operation: Operation, codes: list[str], is_page: bool) -> None:
    responses = operation.responses if operation.responses is not None else {}
    content = {"application/problem+json": OpenAPIMediaType(schema=PROBLEM_REF)}
    if is_page:  # browsers get the error page instead
        content["text/html"] = OpenAPIMediaType(schema=Schema(type=OpenAPIType.STRING))
    for code in codes:
        # Litestar documents its own 400 shape; the error handlers answer a problem instead.
        if code == "400" or code not in responses:
            responses[code] = OpenAPIResponse(description=DESCRIPTIONS[code], content=dict(content))
    operation.responses = responses


# The query limits refuse NUL (PostgreSQL text cannot hold it): the schema says so.
NUL_FREE = "^[^\\x00]*$"


def _document_nul_refusal(operation: Operation) -> None:
    for parameter in operation.parameters or []:
        _forbid_nul(getattr(parameter, "schema", None))


def _forbid_nul(schema: object) -> None:
    if not isinstance(schema, Schema):
        return
    if schema.type == OpenAPIType.STRING:
        schema.pattern = schema.pattern or NUL_FREE
    for member in [*(schema.one_of or []), *(schema.any_of or [])]:
        _forbid_nul(member)


def document_problem_responses(app: Litestar) -> None:
    """Add the problem responses of the guard, limits and error handlers to every operation."""
    schema = app.openapi_schema
    if schema.components is not None:
        schema.components.schemas["Problem"] = PROBLEM
    for path, method, operation, handler, route_path in operations(app):
        access = declared_access(handler, route_path)
        codes = _codes(method, access, operation.request_body is not None)
        _document(operation, codes, is_page=not path.startswith("/api/"))
        _document_nul_refusal(operation)
