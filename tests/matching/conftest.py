"""Rankings precomputed once per backend, as `careerpath demo` does after loading."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.config import Settings
from careerpath.matching.service import recompute
from tests.conftest import run_async


@pytest.fixture(scope="session")
def rankings(database_url: str, settings: Settings) -> int:
    """Recompute every career's rankings on the demo database; return the rows stored."""

    async def work(session: AsyncSession) -> int:
        return await recompute(session, settings.var_dir)

    stored: int = run_async(work, database_url)
    return stored
