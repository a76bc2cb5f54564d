"""API shapes of the skills domain."""

from __future__ import annotations

from datetime import date

import msgspec


class SkillSummary(msgspec.Struct, frozen=True):
    """A skill in a list."""

    id: int
    name: str
    onet_name: str
    category: str
    hot: bool


class SkillPage(msgspec.Struct, frozen=True):
    """A page of skills with the total that matched."""

    items: list[SkillSummary]
    total: int
    limit: int
    offset: int


class CareerShareRead(msgspec.Struct, frozen=True):
    """A career that asks for a skill: the share of its postings that mention it."""

    slug: str
    title: str
    postings: int
    share: float


class SkillRead(msgspec.Struct, frozen=True):
    """A skill with its aliases and the careers that ask for it most."""

    id: int
    name: str
    onet_name: str
    category: str
    commodity_title: str | None
    hot: bool
    aliases: list[str]
    careers: list[CareerShareRead]
    onet_occupations: list[str]


class SkillShareRead(msgspec.Struct, frozen=True):
    """A skill of a career: postings that mention it, their share, O*NET flags."""

    id: int
    name: str
    category: str
    postings: int
    share: float
    hot: bool
    in_demand: bool
    kind: str = "tool"
    slug: str | None = None


class CategoryRead(msgspec.Struct, frozen=True):
    """Skills of one category."""

    category: str
    skills: list[SkillShareRead]


class MonthRead(msgspec.Struct, frozen=True):
    """Postings in one month (``month`` is its first day)."""

    month: date
    postings: int


class CareerSkillsRead(msgspec.Struct, frozen=True):
    """Demand for a career's skills from postings, plus the O*NET technology list."""

    slug: str
    title: str
    postings: int
    enough_postings: bool
    min_postings: int
    first_posted_on: date | None
    last_posted_on: date | None
    categories: list[CategoryRead]
    trend: list[MonthRead]
    onet_soc_code: str | None
    onet: list[CategoryRead]
    based_on_slug: str | None = None
    based_on_title: str | None = None


class ExtractIn(msgspec.Struct, frozen=True):
    """Text to find skills in."""

    text: str


class MentionRead(msgspec.Struct, frozen=True):
    """A skill found in the text."""

    skill_id: int
    name: str
    start: int
    end: int
    surface: str


class ExtractOut(msgspec.Struct, frozen=True):
    """Mentions in order of position."""

    mentions: list[MentionRead]


class EmergingSkillRead(msgspec.Struct, frozen=True):
    """A technology-like name postings use that the taxonomy lacks, and in how many."""

    name: str
    key: str
    postings: int
