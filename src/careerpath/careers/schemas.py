"""API shapes of the careers domain."""

from __future__ import annotations

from typing import Annotated

import msgspec

from careerpath.provenance.schemas import SourceRead

MAX_TITLE_LENGTH = 300
MAX_BATCH_TITLES = 1000
# Empty titles are allowed in a batch (they abstain): the OpenAPI document cannot carry item
# bounds, so a client generated from it may send one, and one blank row must not sink 999 others.
JobTitle = Annotated[str, msgspec.Meta(max_length=MAX_TITLE_LENGTH)]


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


class TitleCandidateRead(msgspec.Struct, frozen=True):
    """A career a title may name, with its probability."""

    slug: str
    title: str
    confidence: float


class TitleResolutionRead(msgspec.Struct, frozen=True):
    """The career a job title names (null: not confident enough), why, and the candidates."""

    title: str
    career: TitleCandidateRead | None
    confidence: float
    level: str | None
    reasons: list[str]
    candidates: list[TitleCandidateRead]
    resolver_version: str


class TitleBatchIn(msgspec.Struct, frozen=True):
    """Up to 1,000 job titles to resolve in one call."""

    titles: Annotated[
        list[JobTitle],
        msgspec.Meta(
            min_length=1,
            max_length=MAX_BATCH_TITLES,
            examples=[["Sr. Backend Dev", "Data Scientist", "Manager"]],
        ),
    ]


class TitleBatchRead(msgspec.Struct, frozen=True):
    """One resolution per title, in the order sent."""

    results: list[TitleResolutionRead]
