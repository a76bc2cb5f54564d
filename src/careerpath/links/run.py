"""One link-check run: pick the due links, check them politely, store verdicts in batches."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from careerpath.links import service
from careerpath.links.checker import LinkChecker, LinkResult, Policy, new_client
from careerpath.links.service import CheckSummary

BATCH = 200  # verdicts stored per transaction: short writes, progress kept if the run stops


async def check_links(
    sessions: async_sessionmaker[AsyncSession],
    var_dir: Path,
    policy: Policy,
    *,
    provider: str | None = None,
    limit: int | None = None,
    on_total: Callable[[int], None] = lambda _n: None,
    on_checked: Callable[[], None] = lambda: None,
) -> CheckSummary:
    """Check the due links (of ``provider``, at most ``limit``) and hide those that keep failing."""
    async with sessions() as session:
        targets = await service.due_links(session, provider, limit)
    on_total(len(targets))
    by_url: dict[str, list[int]] = {}
    for target in targets:
        by_url.setdefault(target.url, []).append(target.resource_id)
    summary = CheckSummary()
    pending: dict[int, LinkResult] = {}
    writing = asyncio.Lock()

    async def store(batch: dict[int, LinkResult]) -> None:
        async with writing, sessions() as session, session.begin():
            await service.record(session, batch, summary)

    async def done(url: str, result: LinkResult) -> None:
        on_checked()
        pending.update(dict.fromkeys(by_url[url], result))
        if len(pending) >= BATCH:
            batch = dict(pending)
            pending.clear()
            await store(batch)

    async with new_client(policy) as client:
        await LinkChecker(client, policy).check_all(by_url, done)
    if pending:
        await store(dict(pending))
    async with sessions() as session, session.begin():
        await service.apply_visibility(session, var_dir, summary.changed)
    return summary
