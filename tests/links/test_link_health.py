"""Two failed checks in a row hide a resource from rankings; a good check brings it back."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import select, update

from careerpath import migrate
from careerpath.catalog.models import Resource, ResourceStatus
from careerpath.db import create_engine, create_session_factory
from careerpath.demo.loader import load_demo
from careerpath.links.checker import Policy
from careerpath.links.models import LinkCheck, LinkStatus
from careerpath.links.run import check_links
from careerpath.matching import service as matching_service
from careerpath.matching.models import CareerRanking
from tests.links.fixture_server import fixture_server
from tests.support import scratch_postgres_url

PROVIDER = "Link fixture"
POLICY = Policy(concurrency=4, per_host_interval=0.0, timeout=0.5)


@pytest.fixture(scope="module")
def ranked_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """A demo database with rankings, on its own (this test changes resources)."""
    folder = tmp_path_factory.mktemp("links")
    if backend == "sqlite":
        url = f"sqlite+aiosqlite:///{folder / 'links.db'}"
    else:
        url = scratch_postgres_url("links")
    migrate.upgrade(url)

    async def prepare() -> None:
        engine = create_engine(url)
        async with create_session_factory(engine)() as session, session.begin():
            await load_demo(session)
            await matching_service.recompute(session, folder)
        await engine.dispose()

    asyncio.run(prepare())
    return url, folder


async def _point_at(url: str, base: str) -> tuple[int, int]:
    """Send two ranked resources to the fixture (one 404, one 200); return their ids."""
    engine = create_engine(url)
    async with create_session_factory(engine)() as session, session.begin():
        ranked = list(await session.scalars(select(CareerRanking.resource_id).distinct().limit(2)))
        for rid, path in zip(ranked, ("/missing", "/ok"), strict=True):
            await session.execute(
                update(Resource)
                .where(Resource.id == rid)
                .values(url=base + path, provider=PROVIDER)
            )
    await engine.dispose()
    return ranked[0], ranked[1]


async def _state(url: str, rid: int) -> tuple[ResourceStatus, LinkCheck | None, bool]:
    engine = create_engine(url)
    async with create_session_factory(engine)() as session:
        status = await session.scalar(select(Resource.status).where(Resource.id == rid))
        check = await session.get(LinkCheck, rid)
        ranked = await session.scalar(
            select(CareerRanking.id).where(CareerRanking.resource_id == rid).limit(1)
        )
    await engine.dispose()
    assert status is not None
    return status, check, ranked is not None


async def _run(url: str, folder: Path) -> None:
    engine = create_engine(url)
    await check_links(create_session_factory(engine), folder, POLICY, provider=PROVIDER)
    await engine.dispose()


def test_broken_twice_is_hidden_and_comes_back_when_fixed(ranked_url: tuple[str, Path]) -> None:
    url, folder = ranked_url
    with fixture_server() as (base, _traffic):
        broken, fine = asyncio.run(_point_at(url, base))
        asyncio.run(_run(url, folder))
        status, check, ranked = asyncio.run(_state(url, broken))
        assert check is not None
        assert (status, check.status, check.failures, ranked) == (
            ResourceStatus.ACTIVE, LinkStatus.BROKEN, 1, True,
        )  # fmt: skip
        asyncio.run(_run(url, folder))
        status, check, ranked = asyncio.run(_state(url, broken))
        assert check is not None
        assert (status, check.failures, ranked) == (ResourceStatus.LINK_BROKEN, 2, False)
        status, check, ranked = asyncio.run(_state(url, fine))
        assert check is not None
        assert (status, check.status, check.failures, ranked) == (
            ResourceStatus.ACTIVE, LinkStatus.OK, 0, True,
        )  # fmt: skip
        asyncio.run(_fix(url, broken, base + "/ok"))
        asyncio.run(_run(url, folder))
        status, check, ranked = asyncio.run(_state(url, broken))
    assert (status, ranked) == (ResourceStatus.ACTIVE, True)


async def _fix(url: str, rid: int, new_url: str) -> None:
    engine = create_engine(url)
    async with create_session_factory(engine)() as session, session.begin():
        await session.execute(update(Resource).where(Resource.id == rid).values(url=new_url))
    await engine.dispose()
