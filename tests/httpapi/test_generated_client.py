"""A Python client generated from the live document drives a served instance, as a program would.

``openapi-python-client`` generates the client from ``/api/docs/openapi.json`` of a real server
(granian, on the suite's SQLite or PostgreSQL database) and must print no warning; then the
client lists and searches careers, reads one with salaries and skills, extracts skills, resolves
a title, signs in and works with an API token: a saved course, a learning path, a skill gap.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from careerpath.accounts.auth import SESSION_COOKIE
from tests.support import confirmation_token, free_port, wait_until_up

PACKAGE = "careerpath_client"
SLUG = "back-end-engineer"
GENERATOR = Path(sys.executable).parent / "openapi-python-client"
CONFIG = f"package_name_override: {PACKAGE}\nproject_name_override: careerpath-client\n"


@pytest.fixture(scope="module")
def served_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The served app's var folder (its dev mail outbox holds the sign-up links)."""
    return tmp_path_factory.mktemp("served")


@pytest.fixture(scope="module")
def served(database_url: str, served_folder: Path) -> Iterator[str]:
    """The real server (granian, one worker) on the suite's database for this backend."""
    folder = served_folder
    env = {
        **os.environ,
        "CAREERPATH_DATABASE_URL": database_url,
        "CAREERPATH_VAR_DIR": str(folder),
        "CAREERPATH_SECRET_KEY": "test-secret-key-not-for-production",
        "CAREERPATH_LOG_LEVEL": "WARNING",
        "CAREERPATH_RATE_LIMIT_IP": "100000/minute",
        "CAREERPATH_RATE_LIMIT_PER_API_CLIENT": "100000/minute",
        "CAREERPATH_RATE_LIMIT_REGISTRATION": "100000/minute",
    }
    port = free_port()
    cli = [sys.executable, "-m", "careerpath.cli", "serve", "--port", str(port)]
    process = subprocess.Popen(cli, env=env)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", seconds=120)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def client_package(served: str, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    """The client generated from the served document, imported (fails on any warning)."""
    folder = tmp_path_factory.mktemp("client")
    spec = folder / "openapi.json"
    spec.write_bytes(httpx.get(f"{served}/api/docs/openapi.json").raise_for_status().content)
    (folder / "config.yaml").write_text(CONFIG + "post_hooks: []\n")
    command = [str(GENERATOR), "generate", "--path", str(spec), "--meta", "none"]
    command += ["--config", str(folder / "config.yaml"), "--output-path", str(folder / PACKAGE)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "warning" not in output.lower(), output
    assert output.strip() == f"Generating {folder / PACKAGE}", output
    for name in [n for n in sys.modules if n == PACKAGE or n.startswith(f"{PACKAGE}.")]:
        del sys.modules[name]  # the other backend's copy
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))


def api(package: ModuleType, module: str) -> Any:
    """Return one operation's module of the generated client (``careers.list_careers``)."""
    return importlib.import_module(f"{package.__name__}.api.{module}")


def model(package: ModuleType, name: str) -> Any:
    """Return one model class of the generated client."""
    return getattr(importlib.import_module(f"{package.__name__}.models"), name)


@pytest.fixture(scope="module")
def anonymous(client_package: ModuleType, served: str) -> Iterator[Any]:
    """A generated client without credentials that raises on undocumented statuses."""
    with client_package.Client(base_url=served, raise_on_unexpected_status=True) as client:
        yield client


def test_list_and_search_careers(client_package: ModuleType, anonymous: Any) -> None:
    page = api(client_package, "careers.list_careers").sync(client=anonymous, q="backend")
    assert SLUG in [item.slug for item in page.items]
    hits = api(client_package, "search.search_catalog").sync(client=anonymous, q="python")
    assert hits.total > 0
    assert all("python" in (hit.title + hit.summary_html).lower() for hit in hits.items[:3])


def test_a_career_with_salaries_and_skills(client_package: ModuleType, anonymous: Any) -> None:
    career = api(client_package, "careers.get_career").sync(client=anonymous, slug=SLUG)
    assert career.title == "Back End Engineer"
    salaries = api(client_package, "salaries.get_career_salaries").sync(client=anonymous, slug=SLUG)
    assert {"New York", "London"} <= {city.city for city in salaries.cities}
    skills = api(client_package, "skills.get_career_skills").sync(client=anonymous, slug=SLUG)
    assert skills.onet or skills.categories


def test_extract_skills_and_resolve_a_title(client_package: ModuleType, anonymous: Any) -> None:
    text = "You will build services in Python on PostgreSQL and deploy them with Docker."
    body = model(client_package, "ExtractIn")(text=text)
    found = api(client_package, "skills.extract_skills").sync(client=anonymous, body=body)
    assert found.mentions
    assert all(text[m.start : m.end] == m.surface for m in found.mentions)
    resolved = api(client_package, "titles.normalize_title").sync(
        client=anonymous, title="Sr. Back-End Developer"
    )
    assert resolved.career.slug == SLUG


def _sign_in(package: ModuleType, anonymous: Any, served: str, folder: Path, email: str) -> Any:
    """Register and sign in through the client; return a cookie-session client."""
    password = "correct horse battery staple"
    register = model(package, "RegisterIn")(email=email, password=password)
    api(package, "accounts.register_account").sync(client=anonymous, body=register)
    # The mailed link's token, read from the served app's dev outbox.
    token = confirmation_token(folder, email)
    confirm = model(package, "EmailConfirmIn")(token=token)
    confirmed = api(package, "accounts.confirm_email").sync_detailed(client=anonymous, body=confirm)
    assert confirmed.status_code == 200
    anonymous.get_httpx_client().cookies.clear()
    login = model(package, "LoginIn")(email=email, password=password)
    signed_in = api(package, "accounts.sign_in").sync_detailed(client=anonymous, body=login)
    assert signed_in.status_code == 200
    cookie = SimpleCookie(signed_in.headers["set-cookie"])[SESSION_COOKIE].value
    # The session cookie is __Host- (HTTPS only), so over plain HTTP it is sent by hand.
    return package.AuthenticatedClient(
        base_url=served,
        token=f"{SESSION_COOKIE}={cookie}",
        prefix="",
        auth_header_name="Cookie",
        headers={"X-CSRF-Token": signed_in.parsed.csrf_token},
        raise_on_unexpected_status=True,
    )


def _token(package: ModuleType, anonymous: Any, served: str, folder: Path, email: str) -> str:
    """Sign in through the client and create a write token with the session."""
    with _sign_in(package, anonymous, served, folder, email) as session:
        scope = model(package, "TokenScope").WRITE
        body = model(package, "TokenIn")(name="generated client", scope=scope)
        created = api(package, "accounts.create_token").sync(client=session, body=body)
    return str(created.token)


def test_a_token_saves_a_course_and_builds_a_path_and_a_gap(
    client_package: ModuleType,
    anonymous: Any,
    served: str,
    served_folder: Path,
    backend: str,
    rankings: int,
) -> None:
    email = f"client-{backend}@example.org"
    token = _token(client_package, anonymous, served, served_folder, email)
    with client_package.AuthenticatedClient(
        base_url=served, token=token, raise_on_unexpected_status=True
    ) as client:
        assert api(client_package, "accounts.get_account").sync(client=client).email == email
        _save_a_course(client_package, client)
        _build_a_path_and_a_gap(client_package, client)


def _save_a_course(package: ModuleType, client: Any) -> None:
    kind = model(package, "ResourceKind").COURSE
    course = api(package, "search.search_catalog").sync(client=client, q="python", kind=kind)
    first = course.items[0]
    body = model(package, "ListIn")(name="To learn")
    saved = api(package, "lists.create_list").sync(client=client, body=body)
    item = model(package, "ItemIn")(kind=model(package, "ItemKind").COURSE, ref_id=first.id)
    api(package, "lists.add_list_item").sync(client=client, list_id=saved.id, body=item)
    read = api(package, "lists.get_list").sync(client=client, list_id=saved.id)
    assert [(i.ref_id, i.title) for i in read.items] == [(first.id, first.title)]


def _build_a_path_and_a_gap(package: ModuleType, client: Any) -> None:
    path = api(package, "matching.get_learning_path").sync(client=client, slug=SLUG)
    assert path.steps
    assert 0 < path.coverage <= 1
    body = model(package, "GapIn")(skills=["Python", "SQL"])
    gap = api(package, "matching.compute_skill_gap").sync(client=client, slug=SLUG, body=body)
    assert {"Python", "SQL"} <= {skill.name for skill in gap.present}
    assert gap.missing


def test_the_served_api_speaks_http_as_documented(
    client_package: ModuleType, anonymous: Any
) -> None:
    http = anonymous.get_httpx_client()
    first = http.get("/api/v1/careers", params={"limit": 2})
    assert first.headers["x-ratelimit-limit"] == "100000"
    assert 'rel="next"' in first.headers["link"]
    again = http.get(
        "/api/v1/careers", params={"limit": 2}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
