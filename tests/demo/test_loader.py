"""The demo loads idempotently: a second run writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath import migrate
from careerpath.careers.models import Career, CareerAlias, CareerSectionItem
from careerpath.db import load_all_models
from careerpath.demo.loader import load_demo
from careerpath.salaries.models import PublishedSalary
from tests.conftest import run_async
from tests.support import scratch_postgres_url


async def snapshot(session: AsyncSession) -> dict[str, object]:
    """Row counts of every table and the newest update time of the careers."""
    counts = {}
    for table in load_all_models().sorted_tables:
        counts[table.name] = await session.scalar(select(func.count()).select_from(table))
    counts["latest_update"] = await session.scalar(select(func.max(Career.updated_at)))
    return counts


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'demo.db'}"
    else:
        url = scratch_postgres_url("demo")
    migrate.upgrade(url)
    return url


def test_second_load_changes_nothing(empty_url: str) -> None:
    first = run_async(load_demo, empty_url)
    before = run_async(snapshot, empty_url)
    second = run_async(load_demo, empty_url)
    after = run_async(snapshot, empty_url)
    assert before == after
    assert (first.careers, first.published_salaries) == (second.careers, second.published_salaries)


def test_demo_has_the_seed_facts(empty_url: str) -> None:
    run_async(load_demo, empty_url)

    async def facts(session: AsyncSession) -> tuple[int, int, int]:
        salaries = await session.scalar(select(func.count()).select_from(PublishedSalary))
        aliases = await session.scalar(
            select(func.count())
            .select_from(CareerAlias)
            .join(Career)
            .where(Career.slug == "back-end-engineer")
        )
        tools = await session.scalar(
            select(func.count())
            .select_from(CareerSectionItem)
            .where(CareerSectionItem.group.is_not(None))
        )
        return salaries or 0, aliases or 0, tools or 0

    salaries, aliases, tools = run_async(facts, empty_url)
    assert salaries == 42  # 15 cities, three pages, gaps and one duplicated Bengaluru row
    assert aliases >= 10
    assert tools >= 20
