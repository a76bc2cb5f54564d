"""REST API of the salaries domain."""

from __future__ import annotations

from typing import Annotated

import pycountry
from litestar import Controller, get
from litestar.params import QueryParameter

from careerpath.cache import CACHE_ANONYMOUS
from careerpath.careers import service as careers_service
from careerpath.careers.dependencies import CurrentCareer
from careerpath.dependencies import DbSession, DocCache
from careerpath.errors import InvalidInputError
from careerpath.salaries import computed
from careerpath.salaries.levels import LEVELS
from careerpath.salaries.schemas import CareerSalariesRead, SalaryComparisonRead

MAX_COMPARED = 10
# The schema names every accepted value, so that a request it allows is one the service takes.
_CODES = sorted(c.alpha_3 for c in pycountry.currencies)
CURRENCY_PATTERN = "^(" + "|".join([*_CODES, *(code.lower() for code in _CODES)]) + ")$"
LEVEL_PATTERN = "^(" + "|".join(LEVELS) + ")$"
# Whitespace spelled out: JSON Schema's \s and Python's differ (Python counts \x1c-\x1f).
_SPACE = " \t\n\r\f\v"
_ITEM = rf"[{_SPACE}]*[^,{_SPACE}\x00][^,\x00]*"
CAREER_LIST_PATTERN = rf"^{_ITEM}(,{_ITEM}){{0,{MAX_COMPARED - 1}}}$"
Currency = Annotated[
    str | None, QueryParameter(pattern=CURRENCY_PATTERN, description="ISO 4217 code")
]
ReportedIn = Annotated[
    str | None,
    QueryParameter(
        pattern=CURRENCY_PATTERN,
        description="Only reports paid in this currency (ISO 4217); default: every report",
    ),
]
Level = Annotated[str | None, QueryParameter(pattern=LEVEL_PATTERN)]
Place = Annotated[
    str | None, QueryParameter(max_length=200, description="City or country; unknown: 404")
]


class CareerSalariesController(Controller):
    """Salary figures of one career."""

    path = "/api/v1/careers/{slug:str}/salaries"
    tags = ["salaries"]  # noqa: RUF012

    @get(
        "/",
        summary="Computed and published salary figures of a career",
        opt={CACHE_ANONYMOUS: True},
    )
    async def get_salaries(
        self,
        session: DbSession,
        career: CurrentCareer,
        currency: Currency = None,
        level: Level = None,
        place: Place = None,
        reported_in: ReportedIn = None,
    ) -> CareerSalariesRead:
        """Return computed figures (n, percentiles, sources, dates) and every published median.

        Each place's figure counts every report, converted to ``currency`` (default: the
        place's own) at the rate nearest each report's date, unless ``reported_in`` is given.
        """
        query = computed.parse_query(currency, level, place, reported_in)
        return await computed.career_salaries(session, career, query)


class SalaryComparisonController(Controller):
    """Several careers side by side at one place."""

    path = "/api/v1/salaries/compare"
    tags = ["salaries"]  # noqa: RUF012

    @get("/", summary="Compare careers' salaries at one place")
    async def compare(
        self,
        session: DbSession,
        cache: DocCache,
        careers: Annotated[
            str,
            QueryParameter(
                max_length=1000,
                pattern=CAREER_LIST_PATTERN,
                description=f"1 to {MAX_COMPARED} career slugs, comma-separated",
            ),
        ],
        place: Annotated[str, QueryParameter(min_length=1, max_length=200)],
        currency: Currency = None,
        level: Level = None,
        reported_in: ReportedIn = None,
    ) -> SalaryComparisonRead:
        """Return each named career's figure at ``place``, converted to ``currency`` if given."""
        slugs = [s.strip(_SPACE) for s in careers.split(",") if s.strip(_SPACE)]
        if not 1 <= len(slugs) <= MAX_COMPARED:
            raise InvalidInputError(f"Name 1 to {MAX_COMPARED} careers, comma-separated.")
        query = computed.parse_query(currency, level, place, reported_in)
        found = [await careers_service.find_career(session, cache, slug) for slug in slugs]
        return await computed.compare(session, found, query)
