"""A career that is only an outline, for the tests of how pages and lists treat one.

The demo careers are all written out, so the tests add a stub of their own and remove it after.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.careers.models import Career
from tests.conftest import run_async

STUB_SLUG = "quantum-software-engineer"


@contextmanager
def stub_career(database_url: str) -> Iterator[str]:
    """Add an outline-only career for the duration of the block; yield its slug."""

    async def add(session: AsyncSession) -> None:
        session.add(
            Career(
                slug=STUB_SLUG,
                title="Quantum Software Engineer",
                summary="Quantum software engineers write programs for quantum computers.",
                is_stub=True,
            )
        )

    async def remove(session: AsyncSession) -> None:
        await session.execute(delete(Career).where(Career.slug == STUB_SLUG))

    run_async(add, database_url)
    try:
        yield STUB_SLUG
    finally:
        run_async(remove, database_url)
