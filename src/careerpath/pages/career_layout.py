"""The layout of a career page: sections, table of contents, published salary rows with bars."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

import msgspec

from careerpath.careers.schemas import CareerRead, SectionRead
from careerpath.pages.person_titles import person_title, preparation_text
from careerpath.provenance.schemas import SourceRead
from careerpath.salaries.schemas import CitySalariesRead, PublishedFigureRead

CITIES_SHOWN_FIRST = 3
SALARIES_TITLE = "Salaries by country and city"
# A spread above this factor between sources for one city is flagged on the page.
DISAGREEMENT_FACTOR = 1.5
# More tool groups than this are O*NET's commodity titles, mostly one tool each (Registered
# Nurses have 120): they read better as one list of chips, the first TOOLS_SHOWN at once.
TOOL_GROUPS_MAX = 8
TOOLS_SHOWN = 30


@dataclass(frozen=True)
class FigureRow:
    """One published figure with its bar width and footnote number."""

    figure: PublishedFigureRead
    bar_percent: int
    footnote: int


@dataclass(frozen=True)
class CityRow:
    """A city's figures, and whether its sources disagree enough to say so."""

    city: CitySalariesRead
    figures: list[FigureRow]
    disagrees: bool


@dataclass(frozen=True)
class TocEntry:
    """A link in the table of contents."""

    anchor: str
    title: str


@dataclass
class CareerPageView:
    """Everything the career template renders."""

    career: CareerRead
    sections: list[SectionRead]
    tools: list[tuple[str, list[str]]]
    tools_more: list[str]
    cities_first: list[CityRow]
    cities_rest: list[CityRow]
    footnotes: list[SourceRead]
    toc: list[TocEntry] = field(default_factory=list)
    salaries_title: str = SALARIES_TITLE
    title: str = ""  # the career as one person's job: "Software Developer", not O*NET's plural


def build_career_page(
    career: CareerRead,
    cities: list[CitySalariesRead],
    *,
    salary_sources: Sequence[SourceRead] = (),
    has_salaries: bool | None = None,
    has_ladder: bool = False,
    extra_toc: Sequence[TocEntry] = (),
) -> CareerPageView:
    """Arrange a career and its published salaries for the page.

    ``extra_toc`` lists other domains' sections (shown after the tools); ``has_salaries`` says
    whether a salary section shows at all (published or computed figures); ``has_ladder`` that
    a ladder shows although the career has none written (levels from salary reports);
    ``salary_sources`` are the sources the published figures cite.
    """
    footnotes = _footnotes(career, cities, salary_sources)
    numbers = {source.key: n for n, source in enumerate(footnotes, start=1)}
    rows = [_city_row(city, numbers) for city in cities]
    sections = [_readable(s) for s in career.sections if s.kind != "tools"]
    tools, tools_more = _tools(career)
    view = CareerPageView(
        career=career,
        sections=sections,
        tools=tools,
        tools_more=tools_more,
        cities_first=rows[:CITIES_SHOWN_FIRST],
        cities_rest=rows[CITIES_SHOWN_FIRST:],
        footnotes=footnotes,
        title=person_title(career.title),
    )
    salaries_shown = bool(rows) if has_salaries is None else has_salaries
    view.toc = _toc(view, salaries_shown, extra_toc, has_ladder or bool(career.ladder))
    return view


def _readable(section: SectionRead) -> SectionRead:
    """Return O*NET's preparation text without its examples taken from other occupations."""
    if section.kind != "education" or section.source != "onet":
        return section
    return msgspec.structs.replace(section, body=preparation_text(section.body))


def _footnotes(
    career: CareerRead, cities: list[CitySalariesRead], salary_sources: Sequence[SourceRead]
) -> list[SourceRead]:
    cited = list(dict.fromkeys(f.source_key for city in cities for f in city.figures))
    by_key = {source.key: source for source in [*salary_sources, *career.sources]}
    salary_sources = [by_key[key] for key in cited if key in by_key]
    others = [s for s in career.sources if s.key not in cited]
    return salary_sources + others


def _city_row(city: CitySalariesRead, numbers: dict[str, int]) -> CityRow:
    top = max(figure.amount for figure in city.figures)
    figures = [
        FigureRow(f, bar_percent=round(100 * f.amount / top), footnote=numbers[f.source_key])
        for f in city.figures
    ]
    return CityRow(city=city, figures=figures, disagrees=city.spread > DISAGREEMENT_FACTOR)


def _tools(career: CareerRead) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Return the tools by group, or, when the groups are too many to read, the first
    ``TOOLS_SHOWN`` as one untitled group and the rest apart (shown on demand)."""
    tools = next((s for s in career.sections if s.kind == "tools"), None)
    if tools is None:
        return [], []
    grouped = groupby(tools.items, key=lambda item: item.group or "Other")
    groups = [(group, [item.text for item in items]) for group, items in grouped]
    if len(groups) <= TOOL_GROUPS_MAX:
        return groups, []
    names = list(dict.fromkeys(name for _, names in groups for name in names))
    return [("", names[:TOOLS_SHOWN])], names[TOOLS_SHOWN:]


def _toc(
    view: CareerPageView, salaries_shown: bool, extra: Sequence[TocEntry], ladder: bool
) -> list[TocEntry]:
    entries = [TocEntry(s.kind, s.title) for s in view.sections[:3]]
    if view.tools:
        entries.append(TocEntry("tools", "Tools and technologies"))
    entries += extra
    if salaries_shown:
        entries.append(TocEntry("salaries", SALARIES_TITLE))
    entries += [TocEntry(s.kind, s.title) for s in view.sections[3:]]
    if ladder:
        entries.append(TocEntry("ladder", "Career ladder"))
    if view.career.related:
        entries.append(TocEntry("related", "Related careers"))
    entries.append(TocEntry("sources", "Sources"))
    return entries
