"""Two or three careers side by side: pay in one currency, top skills and their overlap, ladder."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.cache import DocumentCache
from careerpath.careers import service as careers_service
from careerpath.errors import InvalidInputError
from careerpath.pages.career import CareerPageOptions, CareerView, career_view
from careerpath.pages.person_titles import preparation_text
from careerpath.pages.salary_section import RUNGS, BandRow, bands, place_label
from careerpath.salaries.schemas import ComputedFigureRead
from careerpath.skills.curated import BACKGROUND_KINDS
from careerpath.skills.sections import KindGroup

MIN_CAREERS, MAX_CAREERS = 2, 3
CURRENCY = "USD"  # every column's pay in one currency, so the box plots share one scale
TOP_SKILLS = 8
TOP_COURSES = 3
PREPARATION_CHARS = 320


@dataclass(frozen=True)
class SkillCell:
    """One of a career's top skills, and whether every compared career asks for it too."""

    name: str
    slug: str | None
    shared: bool


@dataclass(frozen=True)
class CompareColumn:
    """One career's column."""

    slug: str
    title: str
    pay: BandRow | None
    pay_place: str
    skills: list[SkillCell]
    preparation: str
    ladder: list[str]
    courses: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Comparison:
    """The columns, and the skills every compared career asks for."""

    columns: list[CompareColumn]
    shared_skills: list[str]
    currency: str = CURRENCY


def parse_slugs(values: list[str]) -> list[str]:
    """Return the distinct slugs named (repeated or comma-separated), checked for count."""
    slugs = list(dict.fromkeys(s.strip() for v in values for s in v.split(",") if s.strip()))
    if not MIN_CAREERS <= len(slugs) <= MAX_CAREERS:
        raise InvalidInputError(f"Compare {MIN_CAREERS} or {MAX_CAREERS} careers.")
    return slugs


async def compare_careers(
    session: AsyncSession, cache: DocumentCache, slugs: list[str], public_url: str
) -> Comparison:
    """Build the comparison of ``slugs`` (aliases accepted) from each career page's view."""
    options = CareerPageOptions(currency=CURRENCY)
    views = []
    for slug in slugs:
        career = await careers_service.find_career(session, cache, slug)
        views.append(await career_view(session, cache, career, options, public_url))
    skills = [top_skills(view.skills.first) for view in views]
    shared = set.intersection(*(set(names) for names in skills))
    figures = [_pay(view) for view in views]
    rows = iter(bands([f for f in figures if f is not None]))  # one scale for every column
    pay = [None if f is None else next(rows) for f in figures]
    columns = [
        _column(view, names, shared, row)
        for view, names, row in zip(views, skills, pay, strict=True)
    ]
    return Comparison(columns, [name for name in skills[0] if name in shared])


def _column(
    view: CareerView, skills: dict[str, str | None], shared: set[str], pay: BandRow | None
) -> CompareColumn:
    page, title = view.page, view.page.title
    education = next((s for s in page.sections if s.kind == "education"), None)
    preparation = preparation_text(education.body) if education else ""
    if len(preparation) > PREPARATION_CHARS:
        preparation = preparation[:PREPARATION_CHARS].rsplit(" ", 1)[0] + "…"
    ladder = [level.title for level in page.career.ladder] or [
        f"{RUNGS.get(row.figure.level or '', row.label)} {title}"
        for row in view.salary_section.ladder
    ]
    courses = [(item.resource_id, item.title) for item in view.matching.courses.items]
    return CompareColumn(
        slug=page.career.slug,
        title=title,
        pay=pay,
        pay_place=place_label(pay.figure) if pay else "",
        skills=[SkillCell(name, slug, name in shared) for name, slug in skills.items()],
        preparation=preparation,
        ladder=ladder,
        courses=courses[:TOP_COURSES],
    )


def top_skills(groups: list[KindGroup]) -> dict[str, str | None]:
    """Return a column's skills (name → page slug), most asked for first across kinds.

    The career page groups by kind, and languages would crowd out SQL or Linux; O*NET's list
    has no shares and keeps its own order.
    """
    listed = [
        skill for group in groups for skill in group.skills if skill.kind not in BACKGROUND_KINDS
    ]
    found: dict[str, str | None] = {}
    for skill in sorted(listed, key=lambda skill: -skill.share):
        found.setdefault(skill.name, skill.slug)
    return dict(list(found.items())[:TOP_SKILLS])


def _pay(view: CareerView) -> ComputedFigureRead | None:
    enough = [f for f in view.salaries.computed if f.enough]
    in_us = [f for f in enough if f.country_code == "US" and not f.city]
    chosen = in_us or enough
    return chosen[0] if chosen else None
