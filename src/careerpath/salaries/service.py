"""Read published salary figures, grouped by city with their sources."""

from __future__ import annotations

from itertools import groupby

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from careerpath.cache import DocumentCache
from careerpath.careers import service as careers_service
from careerpath.salaries.models import PublishedSalary
from careerpath.salaries.money import format_money
from careerpath.salaries.schemas import CareerSalariesRead, CitySalariesRead, PublishedFigureRead

DISCLAIMER = (
    "All salaries are estimates. Each figure is a median as its source published it; "
    "the sources disagree, and we show every figure rather than average them."
)


async def get_career_salaries(
    session: AsyncSession, cache: DocumentCache, slug: str
) -> CareerSalariesRead:
    """Return the published figures of the career at ``slug`` (canonical or alias)."""
    key = f"published-salaries:{slug}"
    cached = await cache.get(key, CareerSalariesRead)
    if cached is not None:
        return cached
    found = await careers_service.resolve_slug(session, slug)
    cities = await list_published_by_city(session, found.career_id)
    document = CareerSalariesRead(
        career_slug=found.canonical_slug, disclaimer=DISCLAIMER, cities=cities
    )
    await cache.set(key, document)
    return document


async def list_published_by_city(session: AsyncSession, career_id: int) -> list[CitySalariesRead]:
    """Return the career's published figures, one entry per city in the sources' order."""
    rows = await session.scalars(
        select(PublishedSalary)
        .where(PublishedSalary.career_id == career_id)
        .options(selectinload(PublishedSalary.source))
        .order_by(PublishedSalary.display_position, PublishedSalary.city, PublishedSalary.id)
    )
    return [_city(list(group)) for _, group in groupby(rows, key=lambda row: row.city)]


def _city(rows: list[PublishedSalary]) -> CitySalariesRead:
    first = rows[0]
    amounts = [float(row.amount) for row in rows]
    return CitySalariesRead(
        city=first.city,
        country_code=first.country_code,
        currency=first.currency,
        currency_inferred=first.currency_inferred,
        period=first.period.value,
        figures=[_figure(row) for row in rows],
        spread=round(max(amounts) / min(amounts), 2),
    )


def _figure(row: PublishedSalary) -> PublishedFigureRead:
    return PublishedFigureRead(
        amount=float(row.amount),
        formatted=format_money(row.amount, row.currency, row.country_code),
        raw_amount=row.raw_amount,
        raw_place=row.raw_place,
        source_key=row.source.key,
        source_name=row.source.name,
        observed_on=row.observed_on,
        observed_precision=row.source.published_precision,
    )
