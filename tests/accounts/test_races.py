"""Concurrent writes to one account's data: one share token, unique positions, 409 not 500."""

from __future__ import annotations

import asyncio

from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from careerpath.accounts import lists
from careerpath.accounts.models import ItemKind, Role, SavedItem, SavedList, User
from careerpath.db import create_engine, create_session_factory
from careerpath.errors import CareerpathError
from tests.accounts.actors import unique_email
from tests.accounts.fakes import BOOKS, COURSES, FakeCatalogPort

CALLERS = 6


async def owner_and_list(factory: async_sessionmaker) -> tuple[int, int]:  # type: ignore[type-arg]
    """Create a user with one list; return their ids."""
    async with factory() as session, session.begin():
        user = User(email=unique_email("race"), password_hash="-", role=Role.USER)
        session.add(user)
        await session.flush()
        saved = SavedList(owner_id=user.id, name="Race")
        session.add(saved)
        await session.flush()
        return user.id, saved.id


async def test_concurrent_shares_return_one_token(database_url: str) -> None:
    engine = create_engine(database_url)
    factory = create_session_factory(engine)
    owner, list_id = await owner_and_list(factory)

    async def share() -> str:
        async with factory() as session, session.begin():
            return await lists.share(session, owner, list_id)

    tokens = await asyncio.gather(*(share() for _ in range(CALLERS)))
    async with factory() as session:
        stored = await session.scalar(select(SavedList.share_token).where(SavedList.id == list_id))
    await engine.dispose()
    assert set(tokens) == {stored}


async def test_concurrent_saves_take_distinct_positions(database_url: str) -> None:
    engine = create_engine(database_url)
    factory = create_session_factory(engine)
    owner, list_id = await owner_and_list(factory)
    refs = [(ItemKind.COURSE, ref) for ref in COURSES] + [(ItemKind.BOOK, ref) for ref in BOOKS]

    async def save(kind: ItemKind, ref: int) -> int | None:
        try:
            async with factory() as session, session.begin():
                item = await lists.add_item(session, FakeCatalogPort(), owner, list_id, kind, ref)
                return item.position
        except CareerpathError:
            return None

    answered = await asyncio.gather(*(save(kind, ref) for kind, ref in refs))
    async with factory() as session:
        stored = list(
            await session.scalars(
                select(SavedItem.position).where(SavedItem.saved_list_id == list_id)
            )
        )
    await engine.dispose()
    assert len(stored) == len([p for p in answered if p is not None]) >= 2
    assert len(set(stored)) == len(stored)


async def test_concurrent_saves_of_one_item_keep_one_entry(database_url: str) -> None:
    engine = create_engine(database_url)
    factory = create_session_factory(engine)
    owner, list_id = await owner_and_list(factory)

    async def save() -> int:
        async with factory() as session, session.begin():
            item = await lists.add_item(
                session, FakeCatalogPort(), owner, list_id, ItemKind.COURSE, 2
            )
            return item.id

    answered = await asyncio.gather(*(save() for _ in range(CALLERS)))
    async with factory() as session:
        stored = list(
            await session.scalars(select(SavedItem.id).where(SavedItem.saved_list_id == list_id))
        )
    await engine.dispose()
    assert stored == [answered[0]]
    assert set(answered) == set(stored)
