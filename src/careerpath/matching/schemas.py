"""API shapes of matching: ranked resources, learning paths and skill gaps."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

MAX_GAP_TEXT_BYTES = 100_000


class RankedResource(msgspec.Struct, frozen=True):
    """A resource in a career's ranking, with its relevance and why."""

    position: int
    resource_id: int
    kind: str
    title: str
    url: str
    provider: str | None
    is_free: bool
    level: str | None
    duration_hours: float | None
    rating: float | None
    score: float
    because: str
    explanation: dict[str, Any]


class LanguageCount(msgspec.Struct, frozen=True):
    """How many relevant items in another language a reader's list leaves out."""

    language: str
    count: int


class RankedPage(msgspec.Struct, frozen=True):
    """A career's ranked courses or books in the reader's language (after the filters).

    ``total`` counts the items at or above the relevance floor ("we've curated N");
    ``left_out`` counts those in other languages, which ``?lang=`` shows.
    """

    career_slug: str
    career_title: str
    kind: str
    total: int
    demand: str
    items: list[RankedResource]
    language: str = "en"
    relevance_floor: float = 0.0
    left_out: list[LanguageCount] = msgspec.field(default_factory=list)


class DemandedSkillRead(msgspec.Struct, frozen=True):
    """A skill with the share of the career's demand it carries."""

    id: int
    name: str
    share: float


class PathStepRead(msgspec.Struct, frozen=True):
    """A course on the learning path and the demanded skills it newly covers."""

    resource_id: int
    title: str
    url: str
    level: str | None
    hours: float | None
    price: str
    is_free: bool
    new_skills: list[DemandedSkillRead]
    demand_gained: float
    currency: str | None = None  # of ``price``; None when the catalog did not say


class PathRead(msgspec.Struct, frozen=True):
    """An ordered learning path, the demand it covers, and its hours and cost."""

    career_slug: str
    career_title: str
    demand: str
    coverage: float
    total_hours: float
    total_price: str
    steps: list[PathStepRead]
    known: list[DemandedSkillRead]


SkillName = Annotated[str, msgspec.Meta(max_length=200)]
SkillNames = Annotated[list[SkillName], msgspec.Meta(max_length=200)]


class GapIn(msgspec.Struct, frozen=True):
    """A gap check's input: skill names and/or résumé text (not stored); neither: no skills yet."""

    skills: (
        Annotated[list[Annotated[str, msgspec.Meta(max_length=200)]], msgspec.Meta(max_length=200)]
        | None
    ) = None
    text: str | None = None


class CourseGainRead(msgspec.Struct, frozen=True):
    """A course and the missing demand it closes per hour."""

    resource_id: int
    title: str
    url: str
    closes: list[DemandedSkillRead]
    gain_per_hour: float


class GapRead(msgspec.Struct, frozen=True):
    """Coverage of the career's demand, present and missing skills, courses that close it."""

    career_slug: str
    career_title: str
    demand: str
    coverage: float
    present: list[DemandedSkillRead]
    missing: list[DemandedSkillRead]
    courses: list[CourseGainRead]


class CertificationRead(msgspec.Struct, frozen=True):
    """A certificate programme or specialisation, with its provider and price in US dollars."""

    resource_id: int
    title: str
    url: str
    provider: str | None
    price_usd: int | None  # None: the source gives no price (never taken as free)
    is_free: bool
    level: str | None


class CertificationPage(msgspec.Struct, frozen=True):
    """A career's certifications within a price cap ("any", "300", "100" or "free" dollars).

    ``total`` counts those within the cap, ``found`` all the career's certificate programmes;
    ``items`` holds the most relevant of ``total`` (``summary`` says how many of how many).
    """

    career_slug: str
    price_cap: str
    total: int
    found: int
    items: list[CertificationRead]
    summary: str = ""  # the sentence over the list: counts, the cap, how many are listed
