"""Read published salary figures, grouped by city with their sources."""

from __future__ import annotations

from itertools import groupby

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from careerpath.salaries.models import PublishedSalary
from careerpath.salaries.money import format_money
from careerpath.salaries.schemas import CitySalariesRead, PublishedFigureRead

DISCLAIMER = (
    "All salaries are estimates. Published figures are medians as each source published "
    "them; the sources disagree, and we show every figure rather than average them. "
    "Computed figures come from individual salary reports, each with its sample size."
)


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
        formatted=format_money(row.amount, row.currency),
        raw_amount=row.raw_amount,
        raw_place=row.raw_place,
        source_key=row.source.key,
        source_name=row.source.name,
        observed_on=row.observed_on,
        observed_precision=row.source.published_precision,
    )
