"""The production items port against the real demo catalog: saving courses and provider links."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import pytest
from litestar import Litestar
from litestar.testing import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog.models import Resource, ResourceKind
from careerpath.config import Settings
from tests.accounts.actors import generous_settings, new_user, running_client
from tests.accounts.test_lists import default_list
from tests.conftest import run_async

Client = TestClient[Litestar]


def demo_resource(database_url: str, kind: ResourceKind) -> tuple[int, str, str, str]:
    async def find(session: AsyncSession) -> tuple[int, str, str, str]:
        row = (
            await session.execute(
                select(Resource.id, Resource.title, Resource.url, Resource.provider)
                .where(Resource.kind == kind, Resource.provider.is_not(None))
                .order_by(Resource.id)
                .limit(1)
            )
        ).one()
        return row.id, row.title, row.url, row.provider

    return run_async(find, database_url)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def course(database_url: str) -> tuple[int, str, str, str]:
    return demo_resource(database_url, ResourceKind.COURSE)


@pytest.fixture(scope="module")
def real_port_api(settings: Settings, course: tuple[int, str, str, str]) -> Iterator[Client]:
    provider = course[3]
    affiliate = {provider: {"ref": "careerpath", "utm_source": "careerpath"}}
    with running_client(generous_settings(settings, affiliate_params=affiliate)) as client:
        yield client


def test_go_adds_the_providers_affiliate_parameters(
    real_port_api: Client, course: tuple[int, str, str, str]
) -> None:
    resource_id, _, stored_url, _ = course
    response = real_port_api.get(f"/go/{resource_id}", follow_redirects=False)
    assert response.status_code in {302, 303, 307}
    location = urlsplit(response.headers["location"])
    stored = urlsplit(stored_url)
    assert (location.scheme, location.netloc, location.path) == (
        stored.scheme,
        stored.netloc,
        stored.path,
    )
    params = dict(parse_qsl(location.query))
    assert params["ref"] == "careerpath"
    assert params["utm_source"] == "careerpath"


def test_unknown_resource_link_is_404(real_port_api: Client) -> None:
    assert real_port_api.get("/go/999999999", follow_redirects=False).status_code == 404


def test_saving_real_courses_and_books(
    real_port_api: Client, database_url: str, course: tuple[int, str, str, str]
) -> None:
    book_id, book_title, _, _ = demo_resource(database_url, ResourceKind.BOOK)
    user = new_user(real_port_api, "saver")
    saved = default_list(user)
    for kind, ref_id in (("course", course[0]), ("book", book_id)):
        response = user.request(
            "POST", f"/api/v1/lists/{saved}/items", json={"kind": kind, "ref_id": ref_id}
        )
        assert response.status_code == 201
    wrong_kind = user.request(
        "POST", f"/api/v1/lists/{saved}/items", json={"kind": "book", "ref_id": course[0]}
    )
    assert wrong_kind.status_code == 404
    items = user.request("GET", f"/api/v1/lists/{saved}").json()["items"]
    titles = {item["title"] for item in items}
    assert {course[1], book_title} <= titles
