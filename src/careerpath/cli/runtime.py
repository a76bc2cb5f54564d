"""What every CLI command shares: settings, a console, and one transaction to run in."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from rich.console import Console
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.config import Settings, get_settings
from careerpath.db import create_engine, create_session_factory

T = TypeVar("T")

console = Console(stderr=True)


def run_in_transaction(
    work: Callable[[AsyncSession], Awaitable[T]], settings: Settings | None = None
) -> T:
    """Run ``work`` in one committed transaction against the configured database."""
    return asyncio.run(_run(work, settings or get_settings()))


async def _run(work: Callable[[AsyncSession], Awaitable[T]], settings: Settings) -> T:
    engine = create_engine(settings.database_url)
    try:
        async with create_session_factory(engine)() as session, session.begin():
            result = await work(session)
    finally:
        await engine.dispose()
    return result
