"""Skill facets name each skill of the taxonomy once, however each resource got it.

On the demo catalog (real rows of the shared Coursera file): a publisher's tag "Python", a topic
"Python" and "Python" found in a description were three facet values with one label.
"""

from __future__ import annotations

from tests.search.test_api import Client, search


def test_each_skill_label_appears_once(client: Client) -> None:
    for query in ("python", "data", "sql", ""):
        labels = [v["label"].casefold() for v in search(client, q=query)["facets"]["skill"]]
        assert labels, query
        assert len(labels) == len(set(labels)), query


def test_a_stored_tag_slug_still_filters(client: Client) -> None:
    """Pages link a resource's tags by their stored slug; each finds the skill's resources."""
    course = search(client, q="python", kind="course")["items"][0]
    detail = client.get(f"/api/v1/courses/{course['id']}").json()
    for tag in detail["skills"]:
        found = search(client, skill=tag["slug"])
        assert course["id"] in {item["id"] for item in found["items"]} or found["total"] > 10
        assert found["total"] >= 1, tag
