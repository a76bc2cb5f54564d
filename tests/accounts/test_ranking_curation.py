"""Curators pin and hide resources in a career's ranked lists; nobody else may."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.config import Settings
from careerpath.matching.service import recompute
from tests.accounts.actors import grant_role, new_user
from tests.conftest import run_async

Client = TestClient[Litestar]
COURSES = "/api/v1/careers/back-end-engineer/courses"


@pytest.fixture(scope="module", autouse=True)
def rankings(settings: Settings, database_url: str) -> None:
    """Rank the demo catalog for every career, as `careerpath demo` does."""

    async def work(session: AsyncSession) -> None:
        await recompute(session, settings.var_dir)

    run_async(work, database_url)


def ranked_ids(client: Client) -> list[int]:
    return [
        item["resource_id"] for item in client.get(COURSES, params={"limit": 50}).json()["items"]
    ]


def test_pin_hide_and_forget(api: Client, database_url: str) -> None:
    before = ranked_ids(api)
    assert len(before) >= 3, "the demo catalog should match some courses"
    curator = new_user(api, "ranker")
    grant_role(database_url, curator.user_id, "curator")
    chosen = before[-1]
    url = f"/api/v1/curation/careers/back-end-engineer/resources/{chosen}"

    pinned = curator.request("PUT", url, json={"action": "pin", "position": 1})
    assert pinned.status_code == 200, pinned.text
    assert pinned.json()["decided_by"] == f"user:{curator.user_id}"
    assert ranked_ids(api)[0] == chosen

    hidden = curator.request("PUT", url, json={"action": "hide", "position": 1})
    assert hidden.status_code == 200
    assert hidden.json()["position"] is None
    assert chosen not in ranked_ids(api)

    assert curator.request("DELETE", url).status_code == 204
    assert ranked_ids(api) == before


def test_plain_users_cannot_curate(api: Client) -> None:
    user = new_user(api, "not-a-curator")
    url = "/api/v1/curation/careers/back-end-engineer/resources/1"
    assert user.request("PUT", url, json={"action": "hide"}).status_code == 403
    assert api.put(url, json={"action": "hide"}).status_code == 401


def test_a_pin_without_position_goes_to_the_top(api: Client, database_url: str) -> None:
    curator = new_user(api, "ranker")
    grant_role(database_url, curator.user_id, "curator")
    chosen = ranked_ids(api)[-1]
    url = f"/api/v1/curation/careers/back-end-engineer/resources/{chosen}"
    response = curator.request("PUT", url, json={"action": "pin"})
    assert response.status_code == 200
    assert response.json()["position"] == 1
    assert ranked_ids(api)[0] == chosen
    assert curator.request("DELETE", url).status_code == 204
    out_of_range = curator.request("PUT", url, json={"action": "pin", "position": 201})
    assert out_of_range.status_code == 422
