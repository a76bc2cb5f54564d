"""The home page's salary teaser: a few careers' US medians, each with its n and its source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.cache import DocumentCache
from careerpath.careers import service as careers_service
from careerpath.careers.schemas import CareerSummary
from careerpath.pages.person_titles import person_title
from careerpath.salaries import computed as salaries_computed
from careerpath.salaries import figures
from careerpath.salaries.schemas import ComputedFigureRead

TEASER_CAREERS = 4
COUNTRY = "US"  # the country most reports come from: the medians compare on one currency


@dataclass(frozen=True)
class TeaserRow:
    """One career's median pay in the United States, with how many reports and whose."""

    slug: str
    title: str
    figure: ComputedFigureRead
    sources: list[str]


async def salary_teaser(
    session: AsyncSession, cache: DocumentCache, careers: Sequence[CareerSummary]
) -> list[TeaserRow]:
    """Return the first few ``careers`` with enough US salary reports (aggregates, no compute)."""
    rows: list[TeaserRow] = []
    for summary in careers:
        career = await careers_service.find_career(session, cache, summary.slug)
        every = await salaries_computed.load_groups(session, career.id)
        merged = figures.figure_for(figures.candidates(every, None), COUNTRY, "", "")
        if merged is None or not merged.enough:
            continue
        own = figures.own_group(every, merged, figures.BASE_CURRENCY)
        shown = own or figures.convert_group(merged, figures.BASE_CURRENCY, 1.0, None)
        keys = {share.key for share in merged.sources}
        named = await salaries_computed.report_sources(session, keys)
        title = person_title(summary.title)
        rows.append(
            TeaserRow(
                summary.slug, title, salaries_computed.figure_read(shown), [s.name for s in named]
            )
        )
        if len(rows) == TEASER_CAREERS:
            break
    return rows
