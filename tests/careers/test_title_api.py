"""The title API: one title by query, many by POST; both answer or abstain with candidates."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient

Client = TestClient[Litestar]


def test_one_title_names_a_career_with_level_and_reasons(client: Client) -> None:
    params = {"title": "Sr. Back-End Developer (Node.js) - Remote"}
    body = client.get("/api/v1/titles/normalize", params=params).json()
    assert body["level"] == "Senior"
    assert body["career"]["slug"] == "back-end-engineer"
    assert 0.5 <= body["confidence"] <= 1
    assert body["reasons"]
    assert 1 <= len(body["candidates"]) <= 10
    assert body["resolver_version"]


def test_a_bare_role_abstains_with_candidates(client: Client) -> None:
    body = client.get("/api/v1/titles/normalize", params={"title": "Manager"}).json()
    assert body["career"] is None
    assert body["confidence"] < 0.5
    assert body["candidates"]


def test_a_title_is_required(client: Client) -> None:
    response = client.get("/api/v1/titles/normalize")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


def test_batch_answers_in_order(client: Client) -> None:
    titles = ["Data Engineer", "Prompt Whisperer", "Frontend Developer (React)", "Data Engineer"]
    response = client.post("/api/v1/titles/normalize", json={"titles": titles})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["title"] for r in results] == titles
    assert [r["career"] and r["career"]["slug"] for r in results] == [
        "data-engineer",
        None,
        "front-end-engineer",
        "data-engineer",
    ]


def test_batch_is_limited_to_1000_titles(client: Client) -> None:
    response = client.post("/api/v1/titles/normalize", json={"titles": ["Dev"] * 1001})
    assert response.status_code in (400, 422)
    assert response.headers["content-type"].startswith("application/problem+json")
    assert client.post("/api/v1/titles/normalize", json={"titles": []}).status_code in (400, 422)


def test_both_operations_are_documented_with_examples(client: Client) -> None:
    paths = client.get("/api/docs/openapi.json").json()["paths"]
    operations = paths["/api/v1/titles/normalize"]
    assert {"get", "post"} <= set(operations)
