"""REST API of matching: a career's ranked courses and books, learning path and skill gap."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.params import Body, QueryParameter

from careerpath.careers.dependencies import CurrentCareer
from careerpath.careers.schemas import CareerRef
from careerpath.catalog.language import reader_language
from careerpath.dependencies import DbSession
from careerpath.matching import queries
from careerpath.matching.certifications import DEFAULT_CAP, certifications
from careerpath.matching.schemas import CertificationPage, GapIn, GapRead, PathRead, RankedPage
from careerpath.params import AcceptLanguage, optional_number

FreeParam = Annotated[bool, QueryParameter(description="Free resources only")]
LevelParam = Annotated[str | None, QueryParameter(pattern="^(" + "|".join(queries.LEVELS) + ")$")]
HoursParam = Annotated[float | None, optional_number(gt=0, le=10_000)]
LimitParam = Annotated[int, QueryParameter(ge=1, le=100)]
OffsetParam = Annotated[int, QueryParameter(ge=0, le=200)]
LangParam = Annotated[
    str | None,
    QueryParameter(
        pattern="^[a-z]{2,3}$",
        description="Reader language (ISO 639-1); default: Accept-Language, else en. "
        "Items in other languages are left out and counted in left_out.",
    ),
]
PriceCapParam = Annotated[
    str,
    QueryParameter(
        pattern="^(any|300|100|free)$",
        description="Price cap in US dollars: any, 300, 100 or free; unknown prices only in any",
    ),
]
KnownParam = Annotated[str | None, QueryParameter(max_length=2000, description="Comma-separated")]


class MatchingController(Controller):
    """Ranked resources, learning paths and skill gaps of a career."""

    path = "/api/v1/careers/{slug:str}"
    tags = ["matching"]  # noqa: RUF012

    async def _ranked(
        self,
        session: DbSession,
        career: CareerRef,
        kind: str,
        filters: queries.RankFilters,
        limit: int,
        offset: int,
    ) -> RankedPage:
        return await queries.ranked(session, career, kind, filters, limit, offset)

    @get("/courses", summary="Courses ranked for a career, with explanations")
    async def courses(
        self,
        session: DbSession,
        career: CurrentCareer,
        free: FreeParam = False,
        level: LevelParam = None,
        max_hours: HoursParam = None,
        limit: LimitParam = 20,
        offset: OffsetParam = 0,
        lang: LangParam = None,
        accept_language: AcceptLanguage = None,
    ) -> RankedPage:
        """Return the career's precomputed course ranking in the reader's language, best first."""
        language = reader_language(lang, accept_language)
        filters = queries.RankFilters(free, level, max_hours, language)
        return await self._ranked(session, career, "course", filters, limit, offset)

    @get("/books", summary="Books ranked for a career, with explanations")
    async def books(
        self,
        session: DbSession,
        career: CurrentCareer,
        free: FreeParam = False,
        level: LevelParam = None,
        max_hours: HoursParam = None,
        limit: LimitParam = 20,
        offset: OffsetParam = 0,
        lang: LangParam = None,
        accept_language: AcceptLanguage = None,
    ) -> RankedPage:
        """Return the career's precomputed book ranking in the reader's language, best first."""
        language = reader_language(lang, accept_language)
        filters = queries.RankFilters(free, level, max_hours, language)
        return await self._ranked(session, career, "book", filters, limit, offset)

    @get("/certifications", summary="Certificate programmes among the career's courses, by price")
    async def certifications_(
        self,
        session: DbSession,
        career: CurrentCareer,
        price: PriceCapParam = DEFAULT_CAP,
        limit: LimitParam = 20,
        lang: LangParam = None,
        accept_language: AcceptLanguage = None,
    ) -> CertificationPage:
        """Return the career's ranked certificates and specialisations within the price cap."""
        language = reader_language(lang, accept_language)
        return await certifications(session, career, language, price, limit)

    @get("/path", summary="A learning path that covers the career's most demanded skills")
    async def path_(
        self,
        session: DbSession,
        career: CurrentCareer,
        free: FreeParam = False,
        max_hours: HoursParam = None,
        max_price: Annotated[float | None, optional_number(ge=0, le=1_000_000)] = None,
        known: KnownParam = None,
        lang: LangParam = None,
        accept_language: AcceptLanguage = None,
    ) -> PathRead:
        """Return ordered courses in the reader's language, the demand they cover, and their
        hours and cost."""
        names = [n.strip() for n in (known or "").split(",") if n.strip()]
        known_ids = await queries.known_skill_ids(session, names)
        options = queries.path_options(free, max_hours, max_price, known_ids)
        language = reader_language(lang, accept_language)
        return await queries.learning_path(session, career, options, language)

    @post("/gap", status_code=200, summary="Skill gap: listed skills or résumé text vs demand")
    async def gap(
        self,
        session: DbSession,
        career: CurrentCareer,
        data: Annotated[GapIn, Body()],
        lang: LangParam = None,
        accept_language: AcceptLanguage = None,
    ) -> GapRead:
        """Return coverage, present and missing skills, and courses in the reader's language
        that close the gap."""
        language = reader_language(lang, accept_language)
        return await queries.gap_check(session, career, data, language)
