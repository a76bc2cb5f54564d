"""API shapes of the catalog: resources and topics."""

from __future__ import annotations

from datetime import date, datetime

import msgspec


class TopicRef(msgspec.Struct, frozen=True):
    """A topic named in a resource or a breadcrumb."""

    slug: str
    name: str


class ResourceSkillRead(msgspec.Struct, frozen=True):
    """A skill a resource teaches; ``origin`` says whether the publisher or we tagged it."""

    slug: str
    name: str
    origin: str


class ResourceSourceRead(msgspec.Struct, frozen=True):
    """The listing a resource was imported from."""

    name: str
    licence: str
    url: str | None = None


class PriceRead(msgspec.Struct, frozen=True):
    """A price in a currency."""

    amount: str
    currency: str


class ResourceRead(msgspec.Struct, frozen=True):
    """A course or a book."""

    id: int
    kind: str
    title: str
    description: str
    url: str
    is_free: bool
    language: str
    status: str
    topics: list[list[TopicRef]]
    skills: list[ResourceSkillRead]
    source: ResourceSourceRead
    updated_at: datetime
    provider: str | None = None
    authors: str | None = None
    price: PriceRead | None = None
    level: str | None = None
    duration_hours: float | None = None
    pages: int | None = None
    formats: str | None = None
    rating: float | None = None
    ratings_count: int | None = None
    enrolments: int | None = None
    published_on: date | None = None
    status_checked_at: datetime | None = None
    licence: str | None = None


class TopicNode(msgspec.Struct, frozen=True):
    """A topic with its resource count (its subtopics' resources included) and children."""

    slug: str
    name: str
    count: int
    children: list[TopicNode] = msgspec.field(default_factory=list)


class TopicTree(msgspec.Struct, frozen=True):
    """The whole topic tree, biggest topics first."""

    items: list[TopicNode]
