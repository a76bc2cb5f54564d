"""The scheduled alert digests, as a job."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.alerts.service import send_digests
from careerpath.jobs.registry import JobContext, register

KIND = "alerts.digest"


@register(KIND)
async def run_digests(session: AsyncSession, job: JobContext) -> dict[str, Any]:
    """Send the digests that are due."""
    return asdict(await send_digests(session, job.settings))
