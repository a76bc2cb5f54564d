"""The matching API on the demo data: ranked lists, path, gap and their problems."""

from __future__ import annotations

import re
from typing import Any

from litestar import Litestar
from litestar.testing import TestClient

BASE = "/api/v1/careers/back-end-engineer"


def test_rankings_are_stored(rankings: int) -> None:
    assert rankings > 0


def test_courses_ranked_with_explanations(client: TestClient[Litestar], rankings: int) -> None:
    body = client.get(f"{BASE}/courses").json()
    items = body["items"]
    assert body["total"] >= len(items) > 0
    assert [i["position"] for i in items] == sorted(i["position"] for i in items)
    assert all(i["score"] >= body["relevance_floor"] for i in items)
    assert items[0]["because"].startswith(("covers ", "about "))
    assert "profile" in items[0]["explanation"]
    assert not any(word in i["because"] for i in items for word in ("lifted", "signal"))
    assert all(i["kind"] == "course" for i in items)


def test_books_and_filters(client: TestClient[Litestar], rankings: int) -> None:
    books = client.get(f"{BASE}/books").json()
    assert books["items"] and all(i["kind"] == "book" for i in books["items"])
    free = client.get(f"{BASE}/courses", params={"free": "true", "limit": 100}).json()
    assert all(i["is_free"] for i in free["items"])
    short = client.get(f"{BASE}/courses", params={"max_hours": 5, "limit": 100}).json()
    assert all(i["duration_hours"] is not None and i["duration_hours"] <= 5 for i in short["items"])


def _problem(response: Any, status: int) -> None:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    assert {"status", "title", "detail"} <= set(response.json())


def test_bad_inputs_are_problems(client: TestClient[Litestar], rankings: int) -> None:
    _problem(client.get("/api/v1/careers/no-such-career/courses"), 404)
    _problem(client.get(f"{BASE}/courses", params={"level": "guru"}), 422)
    _problem(client.get(f"{BASE}/courses", params={"limit": 0}), 422)
    _problem(client.get(f"{BASE}/path", params={"max_hours": -1}), 422)
    _problem(client.post(f"{BASE}/gap", json={"skills": "Python"}), 422)
    _problem(client.post(f"{BASE}/gap", json={"skills": ["x"] * 201}), 422)
    _problem(client.post(f"{BASE}/gap", content=b"not json"), 400)


def test_empty_gap_check_means_no_skills_yet(client: TestClient[Litestar], rankings: int) -> None:
    empty = client.post(f"{BASE}/gap", json={})
    ignored_field = client.post(f"{BASE}/gap", json={"owner_id": 1})
    assert empty.status_code == ignored_field.status_code == 200
    assert empty.json()["coverage"] == 0
    assert empty.json() == ignored_field.json()


def test_gap_text_over_100_kb_is_413(client: TestClient[Litestar]) -> None:
    response = client.post(f"{BASE}/gap", json={"text": "Python " * 15_000})
    _problem(response, 413)


def test_path_covers_demand_within_limits(client: TestClient[Litestar], rankings: int) -> None:
    body = client.get(f"{BASE}/path").json()
    assert body["steps"] and 0 < body["coverage"] <= 1
    limited = client.get(f"{BASE}/path", params={"max_hours": 20, "free": "true"}).json()
    assert limited["total_hours"] <= 20
    assert all(step["is_free"] for step in limited["steps"])
    known = client.get(f"{BASE}/path", params={"known": "Python, SQL"}).json()
    assert {s["name"] for s in known["known"]} >= {"Python"}
    taught = {s["name"] for step in known["steps"] for s in step["new_skills"]}
    assert "Python" not in taught


def test_path_keeps_to_the_readers_language(client: TestClient[Litestar], rankings: int) -> None:
    """The path had mixed Stepik's Russian courses into an English reader's path."""
    cyrillic = re.compile("[\u0400-\u04ff]")
    english = client.get(f"{BASE}/path").json()["steps"]
    assert english and not [s["title"] for s in english if cyrillic.search(s["title"])]
    russian = client.get(f"{BASE}/path", headers={"Accept-Language": "ru"}).json()["steps"]
    assert russian and all(cyrillic.search(s["title"]) for s in russian)
    gap = client.post(f"{BASE}/gap", params={"lang": "ru"}, json={"skills": ["SQL"]}).json()
    assert gap["courses"] and all(cyrillic.search(c["title"]) for c in gap["courses"])


def test_gap_from_skills_and_from_text(client: TestClient[Litestar], rankings: int) -> None:
    listed = client.post(f"{BASE}/gap", json={"skills": ["Python", "PostgreSQL"]}).json()
    assert "Python" in {s["name"] for s in listed["present"]}
    assert 0 < listed["coverage"] < 1
    missing = [s["share"] for s in listed["missing"]]
    assert missing == sorted(missing, reverse=True)
    assert listed["courses"]
    text = client.post(
        f"{BASE}/gap", json={"text": "Built REST services in Python and PostgreSQL on Linux."}
    ).json()
    assert "Python" in {s["name"] for s in text["present"]}
    assert client.post(f"{BASE}/gap", json={"skills": []}).json()["coverage"] == 0
