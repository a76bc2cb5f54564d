"""Choose the links to check, store each verdict, and hide resources that keep failing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.catalog.models import Resource, ResourceStatus
from careerpath.db import utcnow
from careerpath.links.checker import LinkResult
from careerpath.links.models import FAILING, LinkCheck, LinkStatus
from careerpath.matching import service as matching_service
from careerpath.search import service as search_service

HIDE_AFTER_FAILURES = 2
CHECKABLE = (ResourceStatus.ACTIVE, ResourceStatus.LINK_BROKEN)


@dataclass(frozen=True)
class Target:
    """A resource whose link is due for a check."""

    resource_id: int
    url: str


@dataclass
class CheckSummary:
    """What a run found: verdicts by status, and which resources it hid or brought back."""

    by_status: dict[str, int] = field(default_factory=dict)
    hidden: list[int] = field(default_factory=list)
    restored: list[int] = field(default_factory=list)

    @property
    def changed(self) -> list[int]:
        """Resources whose visibility in rankings changed."""
        return self.hidden + self.restored


async def due_links(
    session: AsyncSession, provider: str | None = None, limit: int | None = None
) -> list[Target]:
    """Return the links to check: never checked first, then the longest unchecked."""
    query = (
        select(Resource.id, Resource.url)
        .outerjoin(LinkCheck, LinkCheck.resource_id == Resource.id)
        .where(Resource.status.in_(CHECKABLE))
        .order_by(LinkCheck.checked_at.is_not(None), LinkCheck.checked_at, Resource.id)
        .limit(limit)
    )
    if provider is not None:
        query = query.where(Resource.provider == provider)
    return [Target(rid, url) for rid, url in (await session.execute(query)).all()]


async def record(
    session: AsyncSession, results: dict[int, LinkResult], summary: CheckSummary
) -> None:
    """Store each verdict; two failures in a row mark the resource's link broken."""
    now = utcnow()
    checks = {c.resource_id: c for c in await _checks(session, list(results))}
    resources = {r.id: r for r in await _resources(session, list(results))}
    for resource_id, result in results.items():
        check = checks.get(resource_id) or LinkCheck(resource_id=resource_id, failures=0)
        _apply(check, result, now)
        session.add(check)
        summary.by_status[result.status.value] = summary.by_status.get(result.status.value, 0) + 1
        _update_visibility(resources[resource_id], check, summary)
        resources[resource_id].status_checked_at = now
    await session.flush()


def _apply(check: LinkCheck, result: LinkResult, now: datetime) -> None:
    if result.status in FAILING:
        check.failures = (check.failures or 0) + 1
    elif result.status is not LinkStatus.UNKNOWN:
        check.failures = 0  # an unknown verdict neither counts nor forgives a failure
    check.status, check.http_status = result.status, result.http_status
    check.final_url = result.final_url[:2000] if result.final_url else None
    check.detail = result.detail[:500] if result.detail else None
    check.checked_at = now


def _update_visibility(resource: Resource, check: LinkCheck, summary: CheckSummary) -> None:
    if check.failures >= HIDE_AFTER_FAILURES and resource.status is ResourceStatus.ACTIVE:
        resource.status = ResourceStatus.LINK_BROKEN
        summary.hidden.append(resource.id)
    elif check.failures == 0 and resource.status is ResourceStatus.LINK_BROKEN:
        resource.status = ResourceStatus.ACTIVE
        summary.restored.append(resource.id)


async def apply_visibility(session: AsyncSession, var_dir: Path, changed: list[int]) -> None:
    """Re-index and re-rank around resources that were hidden or brought back."""
    if not changed:
        return
    await search_service.update_index(session, var_dir, changed)
    careers = await matching_service.affected_careers(session, changed)
    await matching_service.recompute(session, var_dir, careers)


async def broken_links(
    session: AsyncSession, limit: int = 500
) -> Sequence[tuple[LinkCheck, Resource]]:
    """Return the failing links, most failures first, with their resources."""
    query = (
        select(LinkCheck, Resource)
        .join(Resource, Resource.id == LinkCheck.resource_id)
        .where(LinkCheck.status.in_(FAILING))
        .order_by(LinkCheck.failures.desc(), LinkCheck.checked_at.desc())
        .limit(limit)
    )
    return [(check, resource) for check, resource in (await session.execute(query)).all()]


async def _checks(session: AsyncSession, ids: list[int]) -> Sequence[LinkCheck]:
    return (await session.scalars(select(LinkCheck).where(LinkCheck.resource_id.in_(ids)))).all()


async def _resources(session: AsyncSession, ids: list[int]) -> Sequence[Resource]:
    return (await session.scalars(select(Resource).where(Resource.id.in_(ids)))).all()
