"""Search, suggest, resources and topics through the app, on the demo catalog."""

from __future__ import annotations

import re
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import TestClient

Client = TestClient[Litestar]


def search(client: Client, headers_language: str = "", **params: Any) -> dict[str, Any]:
    headers = {"Accept-Language": headers_language} if headers_language else {}
    response = client.get("/api/v1/search", params=params, headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("typed", ["postgres", "postgre", "postgress", "PostgreSQL"])
def test_postgres_finds_postgresql_books_and_courses(client: Client, typed: str) -> None:
    body = search(client, q=typed, language="any")  # the demo's PostgreSQL courses are Russian
    titles = [item["title"] for item in body["items"]]
    assert "Practical PostgreSQL" in titles
    assert {"book", "course"} <= {v["value"] for v in body["facets"]["kind"]}
    assert any("<mark>" in item["title_html"] for item in body["items"])


def test_facets_count_the_results(client: Client) -> None:
    body = search(client, q="postgres", language="any")
    kinds = {v["value"]: v["count"] for v in body["facets"]["kind"]}
    assert sum(kinds.values()) == body["total"]
    topics = {v["value"]: v for v in body["facets"]["topic"]}
    assert topics["databases"]["label"] == "Databases"
    narrowed = search(client, q="postgres", kind="course", language="any")
    assert narrowed["total"] == kinds["course"]


def test_filters_and_sorts(client: Client) -> None:
    russian = search(client, language="ru")
    assert russian["total"] >= 3
    assert all(item["language"] == "ru" for item in russian["items"])
    rated = search(client, q="python", sort="rating")["items"]
    ratings = [item["rating"] for item in rated if item["rating"]]
    assert ratings
    free = search(client, price="free", q="python")
    assert all(item["is_free"] for item in free["items"])


CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def test_search_keeps_the_readers_language_and_counts_the_others(client: Client) -> None:
    # The demo's Stepik courses are Russian: "python" found them first for every reader.
    english = search(client, q="python", page_size=50)
    assert english["language"] == "en"
    assert english["items"] and {item["language"] for item in english["items"]} == {"en"}
    languages = {v["value"]: v for v in english["facets"]["language"]}
    assert languages["ru"]["label"] == "Russian" and languages["ru"]["count"] > 0
    assert english["other_languages"] == languages["ru"]["count"]
    russian = search(client, q="python", headers_language="ru-RU,ru;q=0.9,en;q=0.5")
    assert {item["language"] for item in russian["items"]} == {"ru"}
    every = search(client, q="python", language="any", page_size=50)
    assert every["language"] is None and every["other_languages"] == 0
    assert every["total"] == english["total"] + english["other_languages"]


def test_search_page_names_the_language_and_links_to_every_language(client: Client) -> None:
    html = client.get("/search", params={"q": "python"}).text
    hits = html.split('class="hits"', 1)[1].split("</ol>", 1)[0]
    assert "<li" in hits and not CYRILLIC.search(hits)
    assert re.search(r"in English \(<a href=\"[^\"]*language=any[^\"]*\">\d+ more in other", html)
    assert re.search(r'<a href="[^"]*language=any[^"]*">✕ English</a>', html)
    every = client.get("/search", params={"q": "python", "language": "any"}).text
    assert CYRILLIC.search(every.split('class="hits"', 1)[1])
    home = client.get("/", params={"q": "python"}).text
    assert "Python" in home and not CYRILLIC.search(home.split("<main", 1)[1])


def test_pagination_cap_and_limits_are_422_problems(client: Client) -> None:
    for params in ({"q": "x" * 201}, {"page_size": 51}, {"page": 0}, {"sort": "price"}):
        response = client.get("/api/v1/search", params=params)
        assert response.status_code == 422, params
        problem = response.json()
        assert response.headers["content-type"].startswith("application/problem+json")
        assert problem["status"] == 422
        assert problem["detail"]
    deep = client.get("/api/v1/search", params={"page": 51, "page_size": 20}).json()
    assert deep["items"] == []
    assert deep["max_result_window"] == 1000
    assert deep["max_page"] <= 50
    assert deep["total"] > 0


def test_suggest_completes_prefixes(client: Client) -> None:
    response = client.get("/api/v1/suggest", params={"q": "djan"})
    assert response.status_code == 200
    titles = [item["title"] for item in response.json()["items"]]
    assert any("Django" in title for title in titles)
    assert client.get("/api/v1/suggest", params={"q": ""}).status_code == 422


def test_suggest_completes_in_the_readers_language(client: Client) -> None:
    """The suggestions had mixed Russian courses into an English reader's list."""

    def languages(**options: Any) -> set[str]:
        headers = options.pop("headers", {})
        params = {"q": "python", **options}
        response = client.get("/api/v1/suggest", params=params, headers=headers)
        assert response.status_code == 200
        return {item["language"] for item in response.json()["items"]}

    assert languages() == {"en"}
    assert languages(headers={"Accept-Language": "ru-RU,ru;q=0.9"}) == {"ru"}
    assert languages(language="en", headers={"Accept-Language": "ru"}) == {"en"}
    assert languages(language="any") == {"en", "ru"}


def test_course_and_book_detail(client: Client) -> None:
    book = search(client, q="Practical PostgreSQL", kind="book")["items"][0]
    body = client.get(f"/api/v1/books/{book['id']}").json()
    assert body["title"] == "Practical PostgreSQL"
    assert body["source"]["licence"] == "CC BY 4.0"
    assert [t["slug"] for t in body["topics"][0]] == ["databases", "databases-postgresql"]
    assert client.get(f"/api/v1/courses/{book['id']}").status_code == 404
    course = search(client, q="python", kind="course", language="ru")["items"][0]
    detail = client.get(f"/api/v1/courses/{course['id']}").json()
    assert detail["language"] == "ru"
    assert detail["skills"]


def test_topics_tree_and_topic(client: Client) -> None:
    tree = client.get("/api/v1/topics").json()["items"]
    databases = next(node for node in tree if node["slug"] == "databases")
    child_counts = {c["slug"]: c["count"] for c in databases["children"]}
    assert child_counts["databases-postgresql"] >= 8
    assert databases["count"] >= max(child_counts.values())
    topic = client.get("/api/v1/topics/databases-postgresql").json()
    assert [p["name"] for p in topic["path"]] == ["Databases", "PostgreSQL"]
    assert topic["top_resources"]
    assert client.get("/api/v1/topics/no-such-topic").status_code == 404


def test_a_topics_best_rated_are_in_the_readers_language(client: Client) -> None:
    # The demo's best-rated Python courses are Stepik's, in Russian (4.9-5.0).
    english = client.get("/api/v1/topics/programming-python").json()
    assert english["language"] == "en" and english["top_resources"]
    assert {r["language"] for r in english["top_resources"]} == {"en"}
    russian = client.get("/api/v1/topics/programming-python", params={"lang": "ru"}).json()
    assert russian["top_resources"] and {r["language"] for r in russian["top_resources"]} == {"ru"}
    page = client.get("/topics/programming-python").text
    assert "Best rated in English" in page
    assert not CYRILLIC.search(page.split("Best rated", 1)[1])


def test_pages(client: Client) -> None:
    page = client.get("/search", params={"q": "postgres"})
    assert page.status_code == 200
    assert "<mark>" in page.text
    assert 'class="facets"' in page.text
    empty = client.get("/search", params={"q": "zzqxv"})
    assert "Nothing matched" in empty.text
    assert client.get("/topics").status_code == 200
    assert "PostgreSQL" in client.get("/topics/databases-postgresql").text
    home = client.get("/", params={"q": "python"})
    assert re.search(r"\d+ courses? or books? matching", home.text)


def test_page_and_api_take_the_same_parameters(client: Client) -> None:
    params = {"q": "python", "price": "paid", "max_price": "20", "sort": "rating"}
    api = client.get("/api/v1/search", params=params).json()
    page = client.get("/search", params=params)
    assert page.status_code == 200
    assert f"{api['total']} result" in page.text
    assert 'name="max_price" value="20"' in page.text  # kept by the filter form
    for bad in ({"price": "cheap"}, {"max_price": "-1"}):
        assert client.get("/api/v1/search", params=bad).status_code == 422
        assert client.get("/search", params=bad).status_code == 422


def test_search_page_escapes_the_query(client: Client) -> None:
    page = client.get("/search", params={"q": "<script>alert(1)</script>"})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;" in page.text


def test_resource_pages(client: Client) -> None:
    book = search(client, q="Practical PostgreSQL", kind="book")["items"][0]
    assert "Practical PostgreSQL" in client.get(f"/books/{book['id']}").text
    assert client.get(f"/courses/{book['id']}").status_code == 404
