"""schemathesis, in-process, against the app's own OpenAPI document: every operation, every
check, at least 100 generated cases each, anonymous and with an admin's write token.

Generic over all operations: routes that other domains add show up here by themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from litestar import Litestar
from litestar.testing import TestClient

from careerpath.config import Settings
from careerpath.main import create_app
from tests.accounts.actors import generous_settings, grant_role, new_user
from tests.accounts.fakes import FakeCatalogPort

EXAMPLES = 100


@pytest.fixture(scope="module")
def fuzzed_app(settings: Settings, database_url: str) -> Iterator[tuple[Litestar, str]]:
    """An app with an admin whose write token the authenticated run sends."""
    app = create_app(generous_settings(settings, rate_limit_login="100000/minute"))
    app.state.items_port = FakeCatalogPort()
    with TestClient(app=app, base_url="https://testserver.local") as client:
        admin = new_user(client, "fuzz-admin")
        grant_role(database_url, admin.user_id, "admin")
        body = {"name": "fuzz", "scope": "write"}
        token = admin.request("POST", "/api/v1/me/tokens", json=body).json()["token"]
    yield app, token


@pytest.fixture(scope="module")
def api_schema(fuzzed_app: tuple[Litestar, str]) -> Any:
    """The OpenAPI document the app serves."""
    return schemathesis.openapi.from_asgi("/api/docs/openapi.json", fuzzed_app[0])


def _describe(exc: BaseException) -> str:
    if isinstance(exc, BaseExceptionGroup):
        return "; ".join(_describe(inner) for inner in exc.exceptions)
    return f"{type(exc).__name__}: {str(exc)[:600]}"


def fuzz(api_schema: Any, headers: dict[str, str]) -> tuple[int, list[int], list[str]]:
    """Run every operation's generated cases; return (operations, cases per operation, failures)."""
    counts: list[int] = []
    failures: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    for operation in operations:
        cases = 0

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: Any) -> None:
            nonlocal cases
            cases += 1
            case.call_and_validate(headers=headers)

        try:
            run()
        except (Exception, BaseExceptionGroup) as exc:  # collect every operation's failure
            failures.append(f"{operation.method.upper()} {operation.path}: {_describe(exc)}")
        counts.append(cases)
    return len(operations), counts, failures


@pytest.mark.slow
@pytest.mark.parametrize("caller", ["anonymous", "admin-token"])
def test_api_conforms_to_its_schema(
    caller: str, backend: str, api_schema: Any, fuzzed_app: tuple[Litestar, str]
) -> None:
    if caller == "anonymous" and backend == "postgresql":
        # Anonymous calls mostly end at the guard; the token pass sends every operation's
        # generated data to PostgreSQL, so this pass runs once, on SQLite (saves ~2 minutes).
        pytest.skip("the anonymous pass runs on SQLite; the token pass covers PostgreSQL")
    headers = {"Authorization": f"Bearer {fuzzed_app[1]}"} if caller == "admin-token" else {}
    operations, counts, failures = fuzz(api_schema, headers)
    full = sum(count >= EXAMPLES for count in counts)
    print(  # noqa: T201 (the figures the report quotes; visible with -s)
        f"\nschemathesis ({caller}): {operations} operations, {sum(counts)} cases, "
        f"{full} operations with >= {EXAMPLES} cases (the others have fewer distinct inputs), "
        f"{len(failures)} failing operations"
    )
    for failure in failures:
        print(failure)  # noqa: T201
    assert failures == []
