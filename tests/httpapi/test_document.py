"""The OpenAPI document reads well and says what the app does: names, ids, tags, security.

Generic over every operation: a route another domain adds is checked here by itself, and fails
until it has a conventional operationId (a row in ``httpapi/operation_ids.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from litestar import Litestar
from litestar.testing import TestClient

from careerpath.httpapi.operation_ids import CONVENTION, OPERATION_IDS, VERBS
from tests.accounts.actors import grant_role, new_user
from tests.httpapi.conftest import each_operation

PASCAL_CASE = re.compile(r"^[A-Z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$")


def test_component_names_are_unique_and_unprefixed(document: dict[str, Any]) -> None:
    names = list(document["components"]["schemas"])
    # Litestar prefixes a name with its module path when two classes share it.
    assert [name for name in names if not PASCAL_CASE.match(name)] == []
    assert [name for name, count in Counter(n.lower() for n in names).items() if count > 1] == []


def test_every_operation_has_a_conventional_unique_id(document: dict[str, Any]) -> None:
    ids = [op.get("operationId", "") for _, _, op in each_operation(document)]
    unconventional = [
        f"{method} {path}: {op.get('operationId')}"
        for method, path, op in each_operation(document)
        if not CONVENTION.match(op.get("operationId", ""))
        or op["operationId"].split("_")[0] not in VERBS
    ]
    assert unconventional == [], "add these to OPERATION_IDS in careerpath/httpapi/operation_ids.py"
    assert [i for i, count in Counter(ids).items() if count > 1] == []


def test_the_id_table_names_only_operations_that_exist(document: dict[str, Any]) -> None:
    served = {(method, path) for method, path, _ in each_operation(document)}
    assert sorted(set(OPERATION_IDS) - served) == []


def test_ids_the_clients_rely_on_are_stable(document: dict[str, Any]) -> None:
    ids = {(m, p): op["operationId"] for m, p, op in each_operation(document)}
    assert ids[("GET", "/api/v1/careers")] == "list_careers"
    assert ids[("GET", "/api/v1/careers/{slug}")] == "get_career"
    assert ids[("GET", "/api/v1/careers/{slug}/salaries")] == "get_career_salaries"
    assert ids[("POST", "/api/v1/extract")] == "extract_skills"


def test_every_operation_has_one_declared_tag(document: dict[str, Any]) -> None:
    declared = {tag["name"] for tag in document["tags"]}
    wrong = [
        f"{method} {path}: {op.get('tags')}"
        for method, path, op in each_operation(document)
        if len(op.get("tags", [])) != 1 or op["tags"][0] not in declared
    ]
    assert wrong == []


def test_security_schemes_are_declared(document: dict[str, Any]) -> None:
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert schemes["cookieAuth"]["in"] == "cookie"
    assert schemes["cookieAuth"]["name"] == "__Host-careerpath"
    assert "`read`" in schemes["bearerAuth"]["description"]
    assert "`write`" in schemes["bearerAuth"]["description"]


def _call(api: TestClient[Litestar], method: str, path: str) -> int:
    url = re.sub(r"\{[^}]+\}", "1", path)
    api.cookies.clear()
    return api.request(method, url, json={} if method != "GET" else None).status_code


def test_declared_security_is_what_the_guard_enforces(
    api: TestClient[Litestar], document: dict[str, Any]
) -> None:
    mismatches = []
    for method, path, operation in each_operation(document):
        security = operation["security"]
        status = _call(api, method, path)
        if (status == 401) != bool(security):
            mismatches.append(f"{method} {path}: security {security}, anonymous gets {status}")
        scopes = {s for requirement in security for s in requirement.get("bearerAuth", [])}
        if security and scopes & {"read", "write"} != {"read" if method == "GET" else "write"}:
            mismatches.append(f"{method} {path}: token scopes {scopes}")
    assert mismatches == []


def test_a_session_needs_the_csrf_token_as_documented(
    api: TestClient[Litestar], document: dict[str, Any], database_url: str
) -> None:
    # The cookie scheme says: with the session cookie, every unsafe method needs X-CSRF-Token.
    assert (
        "every unsafe method"
        in document["components"]["securitySchemes"]["csrfToken"]["description"]
    )
    admin = new_user(api, "csrf")
    grant_role(database_url, admin.user_id, "admin")
    admin.csrf = None  # the session cookie alone
    mismatches = []
    for method, path, operation in each_operation(document):
        unsafe = method != "GET"
        cookie_requirements = [r for r in operation["security"] if "cookieAuth" in r]
        if unsafe and any("csrfToken" not in r for r in cookie_requirements):
            mismatches.append(f"{method} {path}: cookie without csrfToken documented")
        status = admin.request(method, re.sub(r"\{[^}]+\}", "1", path), json={}).status_code
        if unsafe != (status == 403):
            mismatches.append(f"{method} {path}: the cookie alone gets {status}")
    assert mismatches == []


def test_problems_are_one_named_schema(document: dict[str, Any]) -> None:
    problem = {"$ref": "#/components/schemas/Problem"}
    for _, _, operation in each_operation(document):
        for code, response in operation["responses"].items():
            if code.startswith(("4", "5")):
                assert response["content"]["application/problem+json"]["schema"] == problem
