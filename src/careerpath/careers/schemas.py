"""API shapes of the careers domain."""

from __future__ import annotations

import msgspec

from careerpath.provenance.schemas import SourceRead


class CareerRef(msgspec.Struct, frozen=True):
    """The few facts other domains need about a career: what a resolved URL slug hands on."""

    id: int
    slug: str
    title: str
    onet_soc_code: str | None = None
    is_stub: bool = False


class SlugLookup(msgspec.Struct, frozen=True):
    """A resolved slug: the career it names, and whether it was an alias of it."""

    career: CareerRef
    is_alias: bool


class CareerSummary(msgspec.Struct, frozen=True):
    """A career in a list."""

    slug: str
    title: str
    summary: str
    is_stub: bool
    onet_soc_code: str | None = None


class CareerPage(msgspec.Struct, frozen=True):
    """A page of careers with the total that matched."""

    items: list[CareerSummary]
    total: int
    limit: int
    offset: int


class SectionItemRead(msgspec.Struct, frozen=True):
    """One entry of a section's list; ``group`` is e.g. a tool category."""

    text: str
    group: str | None = None
    source: str | None = None


class SectionRead(msgspec.Struct, frozen=True):
    """A structured section of a career."""

    kind: str
    title: str
    body: str
    items: list[SectionItemRead]
    source: str | None = None


class LevelRead(msgspec.Struct, frozen=True):
    """A rung of the career ladder."""

    position: int
    title: str
    years_min: int | None
    years_max: int | None
    source: str | None = None


class RelatedCareerRead(msgspec.Struct, frozen=True):
    """A link to another career."""

    kind: str
    slug: str
    title: str


class CareerRead(msgspec.Struct, frozen=True):
    """A career with everything its page shows. ``source`` fields name a key of ``sources``."""

    id: int
    slug: str
    title: str
    summary: str
    is_stub: bool
    onet_soc_code: str | None
    aliases: list[str]
    sections: list[SectionRead]
    ladder: list[LevelRead]
    related: list[RelatedCareerRead]
    sources: list[SourceRead]
    updated_at: str
