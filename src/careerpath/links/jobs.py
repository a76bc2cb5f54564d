"""The scheduled link check, as a job."""

from __future__ import annotations

from dataclasses import asdict
from functools import partial
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.jobs.registry import JobContext, register
from careerpath.links.checker import Policy
from careerpath.links.run import check_links
from careerpath.nodes.notify import announce

KIND = "links.check"


@register(KIND)
async def run_link_check(_session: AsyncSession, job: JobContext) -> dict[str, Any]:
    """Check the due links (all by default; ``provider`` and ``limit`` from the payload)."""
    checked = 0

    def tick() -> None:
        nonlocal checked
        checked += 1
        job.report_progress(checked, None)

    summary = await check_links(
        job.sessions,
        job.var_dir,
        Policy(),
        provider=job.payload.get("provider"),
        limit=job.payload.get("limit"),
        on_checked=tick,
    )
    if summary.changed:
        job.after_commit.append(partial(announce, job.settings))
    return {"read": checked, **asdict(summary)}
