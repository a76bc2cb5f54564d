"""Saved lists: the done-when story, privacy between users, sharing, export, /go links."""

from __future__ import annotations

import csv
import io

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts.export import neutralise
from careerpath.careers.models import Career
from tests.accounts.actors import Actor, new_user
from tests.conftest import run_async

Client = TestClient[Litestar]


def career_id(database_url: str, slug: str = "back-end-engineer") -> int:
    async def find(session: AsyncSession) -> int:
        return int(await session.scalar(select(Career.id).where(Career.slug == slug)) or 0)

    return int(run_async(find, database_url))


def default_list(actor: Actor) -> int:
    lists = actor.request("GET", "/api/v1/lists").json()
    return int(next(item["id"] for item in lists if item["is_default"]))


def test_done_when_story(api: Client, database_url: str) -> None:
    alice = new_user(api, "alice")
    saved = default_list(alice)
    assert (
        alice.request(
            "POST",
            f"/api/v1/lists/{saved}/items",
            json={"kind": "career", "ref_id": career_id(database_url)},
        ).status_code
        == 201
    )
    course_items = [
        alice.request(
            "POST", f"/api/v1/lists/{saved}/items", json={"kind": "course", "ref_id": n}
        ).json()
        for n in (1, 2, 3)
    ]
    done = alice.request(
        "PATCH", f"/api/v1/lists/{saved}/items/{course_items[1]['id']}", json={"progress": "done"}
    )
    assert done.status_code == 200
    assert [i["progress"] for i in done.json()["items"]] == [
        "not_started",
        "not_started",
        "done",
        "not_started",
    ]
    share = alice.request("POST", f"/api/v1/lists/{saved}/share").json()
    assert len(share["token"]) >= 43
    public = api.get(f"/api/v1/shared/{share['token']}")
    assert public.status_code == 200
    assert public.headers["referrer-policy"] == "no-referrer"
    assert next(i["title"] for i in public.json()["items"]) == "Back End Engineer"
    assert "owner_id" not in public.text and alice.email not in public.text
    page = api.get(share["url"].split("127.0.0.1:8000")[-1])
    assert page.status_code == 200 and "Back End Engineer" in page.text
    assert page.headers["referrer-policy"] == "no-referrer"


def test_another_user_cannot_see_or_change_a_private_list(api: Client) -> None:
    alice, bob = new_user(api, "alice"), new_user(api, "bob")
    saved = default_list(alice)
    item = alice.request(
        "POST", f"/api/v1/lists/{saved}/items", json={"kind": "course", "ref_id": 1}
    ).json()
    attempts = [
        ("GET", f"/api/v1/lists/{saved}", None),
        ("PATCH", f"/api/v1/lists/{saved}", {"name": "mine now"}),
        ("DELETE", f"/api/v1/lists/{saved}", None),
        ("POST", f"/api/v1/lists/{saved}/items", {"kind": "course", "ref_id": 2}),
        ("PATCH", f"/api/v1/lists/{saved}/items/{item['id']}", {"progress": "done"}),
        ("DELETE", f"/api/v1/lists/{saved}/items/{item['id']}", None),
        ("PUT", f"/api/v1/lists/{saved}/order", {"item_ids": [item["id"]]}),
        ("POST", f"/api/v1/lists/{saved}/share", None),
        ("DELETE", f"/api/v1/lists/{saved}/share", None),
        ("GET", f"/api/v1/lists/{saved}/export.csv", None),
        ("GET", f"/api/v1/lists/{saved}/export.json", None),
    ]
    for method, url, body in attempts:
        assert bob.request(method, url, json=body).status_code == 404, (method, url)
    after = alice.request("GET", f"/api/v1/lists/{saved}").json()
    assert after["name"] == "Saved" and after["items"][0]["progress"] == "not_started"
    assert not after["shared"]


def test_create_list_ignores_owner_and_id(api: Client) -> None:
    alice, bob = new_user(api, "alice"), new_user(api, "bob")
    created = bob.request(
        "POST", "/api/v1/lists", json={"name": "Sneaky", "owner_id": alice.user_id, "id": 1}
    ).json()
    assert created["name"] == "Sneaky"
    assert "Sneaky" not in alice.request("GET", "/api/v1/lists").text
    assert "Sneaky" in bob.request("GET", "/api/v1/lists").text


def test_reorder_and_remove(api: Client) -> None:
    alice = new_user(api)
    saved = alice.request(
        "POST", "/api/v1/lists", json={"name": "Reading", "note": "winter"}
    ).json()["id"]
    ids = [
        alice.request(
            "POST", f"/api/v1/lists/{saved}/items", json={"kind": "book", "ref_id": n}
        ).json()["id"]
        for n in (1, 2)
    ]
    again = alice.request(
        "POST", f"/api/v1/lists/{saved}/items", json={"kind": "book", "ref_id": 1}
    )
    assert again.json()["id"] == ids[0]
    reordered = alice.request("PUT", f"/api/v1/lists/{saved}/order", json={"item_ids": ids[::-1]})
    assert [i["id"] for i in reordered.json()["items"]] == ids[::-1]
    bad = alice.request("PUT", f"/api/v1/lists/{saved}/order", json={"item_ids": [ids[0]]})
    assert bad.status_code == 409
    assert alice.request("DELETE", f"/api/v1/lists/{saved}/items/{ids[1]}").status_code == 204
    assert [i["id"] for i in alice.request("GET", f"/api/v1/lists/{saved}").json()["items"]] == [
        ids[0]
    ]


def test_saving_something_that_does_not_exist_is_404(api: Client) -> None:
    alice = new_user(api)
    saved = default_list(alice)
    for body in ({"kind": "career", "ref_id": 999999}, {"kind": "course", "ref_id": 999}):
        assert alice.request("POST", f"/api/v1/lists/{saved}/items", json=body).status_code == 404


def test_revoked_share_link_stops_working(api: Client) -> None:
    alice = new_user(api)
    saved = default_list(alice)
    token = alice.request("POST", f"/api/v1/lists/{saved}/share").json()["token"]
    assert api.get(f"/api/v1/shared/{token}").status_code == 200
    assert alice.request("DELETE", f"/api/v1/lists/{saved}/share").status_code == 204
    assert api.get(f"/api/v1/shared/{token}").status_code == 404
    assert api.get(f"/s/{token}").status_code == 404
    new_token = alice.request("POST", f"/api/v1/lists/{saved}/share").json()["token"]
    assert new_token != token


def test_shared_list_is_read_only(api: Client) -> None:
    alice = new_user(api)
    token = alice.request("POST", f"/api/v1/lists/{default_list(alice)}/share").json()["token"]
    csv_export = api.get(f"/api/v1/shared/{token}/export.csv")
    assert csv_export.status_code == 200
    assert csv_export.headers["referrer-policy"] == "no-referrer"
    assert api.get(f"/api/v1/shared/{token}/export.json").json()["name"] == "Saved"
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        assert api.request(method, f"/api/v1/shared/{token}").status_code in {401, 404, 405}


def test_csv_export_neutralises_formulas(api: Client) -> None:
    alice = new_user(api)
    saved = default_list(alice)
    for kind, ref in (
        ("course", 1),
        ("course", 3),
        ("course", 4),
        ("book", 1),
        ("book", 2),
        ("course", 2),
    ):
        alice.request("POST", f"/api/v1/lists/{saved}/items", json={"kind": kind, "ref_id": ref})
    response = alice.request("GET", f"/api/v1/lists/{saved}/export.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    titles = [row["title"] for row in rows]
    assert len(titles) == 6
    for title in titles:
        assert not title.startswith(("=", "+", "-", "@", "\t", "\0"))
    assert titles[-1] == "Designing Data-Intensive Applications, the course"
    assert titles[0] == '\'=HYPERLINK("http://evil.example","Click")'
    as_json = alice.request("GET", f"/api/v1/lists/{saved}/export.json").json()
    assert as_json["items"][0]["title"].startswith("=HYPERLINK")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\0x", "'\0x"),
        ("plain", "plain"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_neutralise(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


HOSTILE = [
    "?url=//evil.example",
    "?next=https://evil.example",
    "?to=https:evil.example",
    "?u=%5C%5Cevil",
    "?r=%2F%2Fevil.example",
    "?target=javascript:alert(1)",
]


@pytest.mark.parametrize("suffix", HOSTILE)
def test_go_never_leaves_the_stored_url(api: Client, suffix: str) -> None:
    response = api.get(
        f"/go/7{suffix}", follow_redirects=False, headers={"referer": "https://evil.example/x"}
    )
    assert response.status_code == 302
    assert (
        response.headers["location"] == "https://provider.example/course/7?lang=en&ref=careerpath"
    )


@pytest.mark.parametrize(
    "path",
    [
        "/go//evil.example",
        "/go/https:evil.example",
        "/go/%5C%5Cevil",
        "/go/%2F%2Fevil.example",
        "/go/7/..%2F..%2Fevil.example",
        "/go/\\\\evil",
        "/go/7@evil.example",
        "/go/9",
        "/go/12345",
    ],
)
def test_go_refuses_hostile_paths(api: Client, path: str) -> None:
    response = api.get(path, follow_redirects=False)
    assert response.status_code in {404, 422}, path
    assert "evil" not in response.headers.get("location", "")
    assert "javascript" not in response.headers.get("location", "")
