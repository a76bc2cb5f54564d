"""The careers API, through the app, on every configured database."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from tests.careers.stubs import stub_career

Client = TestClient[Litestar]


def test_list_careers_is_paginated(client: Client) -> None:
    first = client.get("/api/v1/careers", params={"limit": 2}).json()
    second = client.get("/api/v1/careers", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 9
    assert len(first["items"]) == 2
    assert {c["slug"] for c in first["items"]}.isdisjoint(c["slug"] for c in second["items"])


def test_curated_careers_come_before_stubs(client: Client, database_url: str) -> None:
    with stub_career(database_url) as slug:
        items = client.get("/api/v1/careers").json()["items"]
    assert [item["slug"] for item in items if item["is_stub"]] == [slug]
    assert items[-1]["slug"] == slug
    assert items[0]["slug"] == "back-end-engineer"


@pytest.mark.parametrize(
    "query", ["backend", "Back-end Developer", "server side", "API DEVELOPER", "back end software"]
)
def test_query_matches_titles_and_aliases(client: Client, query: str) -> None:
    slugs = [c["slug"] for c in client.get("/api/v1/careers", params={"q": query}).json()["items"]]
    assert slugs == ["back-end-engineer"]


def test_query_without_match_is_empty(client: Client) -> None:
    body = client.get("/api/v1/careers", params={"q": "astronaut"}).json()
    assert body == {"items": [], "total": 0, "limit": 20, "offset": 0}


def test_get_career_has_every_part(client: Client) -> None:
    career = client.get("/api/v1/careers/back-end-engineer").json()
    assert career["title"] == "Back End Engineer"
    assert career["onet_soc_code"] == "15-1252.00"
    assert "Backend Engineer" in career["aliases"]
    kinds = [s["kind"] for s in career["sections"]]
    assert kinds[:3] == ["overview", "responsibilities", "skills"]
    assert len(kinds) == 10
    assert [level["years_min"] for level in career["ladder"]] == [2, 3, 5, 4]
    related = {(r["kind"], r["slug"]) for r in career["related"]}
    assert ("related", "front-end-engineer") in related
    assert ("specialisation", "data-engineer") in related


def test_every_cited_source_is_listed(client: Client) -> None:
    career = client.get("/api/v1/careers/back-end-engineer").json()
    listed = {s["key"] for s in career["sources"]}
    cited = {s["source"] for s in career["sections"] if s["source"]}
    cited |= {level["source"] for level in career["ladder"] if level["source"]}
    assert cited <= listed


def test_the_page_representation_cites_the_salary_sources(client: Client) -> None:
    page = client.get("/api/v1/careers/back-end-engineer/page").json()
    footnotes = [s["key"] for s in page["page"]["footnotes"]]
    cited = {f["source_key"] for c in page["salaries"]["cities"] for f in c["figures"]}
    assert "seed-page-backend-engineer" in cited
    assert cited <= set(footnotes)
    assert page["canonical_url"].endswith("/careers/back-end-engineer")


def test_tools_are_grouped_by_category(client: Client) -> None:
    career = client.get("/api/v1/careers/back-end-engineer").json()
    tools = next(s for s in career["sections"] if s["kind"] == "tools")
    groups = {item["group"] for item in tools["items"]}
    assert {"Programming languages", "Databases", "API tools"} <= groups


@pytest.mark.parametrize(
    "alias",
    ["backend-engineer", "back-end-software-engineer", "backend-developer", "BACKEND_ENGINEER"],
)
def test_alias_slug_redirects_to_canonical(client: Client, alias: str) -> None:
    response = client.get(f"/api/v1/careers/{alias}", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == "/api/v1/careers/back-end-engineer"


@pytest.mark.parametrize(
    ("path", "target"),
    [
        (
            "/api/v1/careers/backend-engineer/salaries?currency=EUR",
            "/api/v1/careers/back-end-engineer/salaries?currency=EUR",
        ),
        ("/api/v1/careers/backend-developer/courses", "/api/v1/careers/back-end-engineer/courses"),
        ("/careers/backend-engineer/path?free=true", "/careers/back-end-engineer/path?free=true"),
        ("/api/v1/careers/backend-engineer/page", "/api/v1/careers/back-end-engineer/page"),
    ],
)
def test_every_career_route_redirects_an_alias(client: Client, path: str, target: str) -> None:
    response = client.get(path, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (301, target)


def test_an_alias_keeps_the_method_of_a_write(client: Client) -> None:
    response = client.post(
        "/api/v1/careers/backend-engineer/gap", json={"skills": ["Python"]}, follow_redirects=False
    )
    assert (response.status_code, response.headers["location"]) == (
        308,
        "/api/v1/careers/back-end-engineer/gap",
    )


def test_unknown_career_is_a_404_problem(client: Client) -> None:
    response = client.get("/api/v1/careers/astronaut")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 404
    assert problem["title"] == "Not found"
    assert "astronaut" in problem["detail"]


@pytest.mark.parametrize(
    "params", [{"limit": 0}, {"limit": 101}, {"offset": -1}, {"q": "x" * 201}, {"limit": "ten"}]
)
def test_bad_parameters_are_422_problems(client: Client, params: dict[str, object]) -> None:
    response = client.get("/api/v1/careers", params=params)
    assert response.status_code == 422
    problem = response.json()
    assert problem["status"] == 422
    assert problem["errors"]


def test_unknown_api_route_is_a_problem(client: Client) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.json()["title"] == "Not found"


def test_openapi_document_is_3_1(client: Client) -> None:
    document = client.get("/api/docs/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/careers/{slug}" in document["paths"]


def test_interactive_docs_page_is_served(client: Client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
