"""Column mappings and row parsers for the catalog files we import (pure: no database)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Any

from careerpath.catalog import normalize as norm
from careerpath.catalog.models import ResourceKind, ResourceLevel, ResourceStatus
from careerpath.catalog.text_language import detect_language
from careerpath.catalog.topics import known_topic, topic_path
from careerpath.ingest.mapping import ColumnMapping
from careerpath.ingest.report import values_hash


@dataclass(frozen=True)
class SourceInfo:
    """The provenance every row of a profile points at."""

    key: str
    name: str
    url: str
    licence: str


@dataclass
class ResourceIn:
    """One validated resource, ready to upsert."""

    kind: ResourceKind
    source_key: str
    title: str
    url: str
    external_id: str | None = None
    description: str = ""
    provider: str | None = None
    authors: str | None = None
    is_free: bool = True
    price_amount: Decimal | None = None
    price_currency: str | None = None
    level: ResourceLevel | None = None
    duration_hours: float | None = None
    pages: int | None = None
    language: str = "en"
    formats: str | None = None
    rating: float | None = None
    ratings_count: int | None = None
    enrolments: int | None = None
    published_on: date | None = None
    status: ResourceStatus = ResourceStatus.ACTIVE
    licence: str | None = None
    certificate: bool | None = None
    topics: list[tuple[str, ...]] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)

    def digest(self) -> str:
        """Return the hash of every field but the kind: when it changes, the row changed."""
        return values_hash(_digested(self))


# Every field but the kind, in declaration order, read straight into one tuple (no dict or
# generator per row); the enums by value: an enum member's repr is Python code, slower.
_DIGESTED = tuple(f for f in ResourceIn.__dataclass_fields__ if f != "kind")
_digested_values = attrgetter(*_DIGESTED)
_LEVEL, _STATUS = _DIGESTED.index("level"), _DIGESTED.index("status")


def _digested(row: ResourceIn) -> tuple[Any, ...]:
    values = list(_digested_values(row))
    level = values[_LEVEL]
    values[_LEVEL] = level.value if level is not None else None
    values[_STATUS] = values[_STATUS].value
    return tuple(values)


RowParser = Callable[[ColumnMapping, Mapping[str, Any], ResourceKind], ResourceIn]


@dataclass(frozen=True)
class Profile:
    """A ready import profile: file columns, row parser and source."""

    name: str
    mapping: ColumnMapping
    parse: RowParser
    source: SourceInfo


def _text(mapping: ColumnMapping, fields: Mapping[str, Any], target: str) -> str | None:
    """Return the field's text, repaired before it is stripped (see ``norm.fix_mojibake``)."""
    value = mapping.value(fields, target, strip=False)
    return None if value is None else norm.fix_mojibake(str(value)).strip() or None


def _required_url(raw: str | None) -> str:
    if not raw:
        raise ValueError("url is missing")
    url = norm.canonical_url(raw)
    if url is None:
        raise ValueError(f"url is not an http(s) address: {raw[:80]!r}")
    return url


def _required_title(raw: str | None) -> str:
    title = norm.clean_title(raw or "")
    if not title:
        raise ValueError("title is missing")
    if len(title) > 500:
        raise ValueError("title is longer than 500 characters")
    return title


def parse_fpb_row(
    mapping: ColumnMapping, fields: Mapping[str, Any], kind: ResourceKind
) -> ResourceIn:
    """Parse a free-programming-books CSV row (title, url, authors, notes, topic headings)."""
    url = _required_url(_text(mapping, fields, "url"))
    formats, licence, other = norm.parse_notes(_text(mapping, fields, "notes"))
    provider = other[0] if kind is ResourceKind.COURSE and other else norm.url_host(url)
    path = topic_path(_text(mapping, fields, "topic"), _text(mapping, fields, "subtopic"))
    return ResourceIn(
        kind=kind,
        source_key=url,
        title=_required_title(_text(mapping, fields, "title")),
        url=url,
        provider=provider[:200],
        authors=(_text(mapping, fields, "authors") or "").rstrip(" -,")[:1000] or None,
        formats=formats,
        licence=licence,
        topics=[path] if path else [],
    )


def parse_kizak_row(
    mapping: ColumnMapping, fields: Mapping[str, Any], kind: ResourceKind
) -> ResourceIn:
    """Parse a scraped Coursera/Stepik course (Stepik rows are Russian, priced in roubles)."""
    url = _required_url(_text(mapping, fields, "url"))
    title = _required_title(_text(mapping, fields, "title"))
    description = _text(mapping, fields, "description") or ""
    provider = _text(mapping, fields, "provider") or norm.url_host(url)
    price = norm.parse_decimal(mapping.value(fields, "price"))
    if price is not None and price < 0:
        raise ValueError(f"negative price: {price}")
    skills = _skill_list(mapping.value(fields, "skills"))
    # Coursera lists 0 for every course: it is a subscription, not free.
    subscription = provider.lower() == "coursera"
    return ResourceIn(
        kind=kind,
        source_key=url,
        external_id=url.rsplit("/", 1)[-1][:200],
        title=title,
        url=url,
        description=description,
        provider=provider[:200],
        authors=_text(mapping, fields, "authors"),
        is_free=not subscription and not price,
        price_amount=None if subscription or not price else price,
        price_currency=None if subscription or not price else _currency(url),
        level=norm.parse_level(mapping.value(fields, "level")),
        language=detect_language(f"{title} {description}"),
        rating=norm.parse_rating(mapping.value(fields, "rating")),
        enrolments=norm.parse_count(mapping.value(fields, "enrolments")),
        topics=_topics_from_skills(skills),
        skills=skills,
    )


def _currency(url: str) -> str:
    return "RUB" if norm.url_host(url) == "stepik.org" else "USD"


def _skill_list(raw: object) -> list[str]:
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else str(raw).split(";")
    return [str(item).strip() for item in items if str(item).strip()]


def _topics_from_skills(skills: list[str]) -> list[tuple[str, ...]]:
    paths = {topic_path(name) for skill in skills if (name := known_topic(skill))}
    return sorted(p for p in paths if p)


FPB = SourceInfo(
    key="free-programming-books",
    name="EbookFoundation/free-programming-books contributors",
    url="https://github.com/EbookFoundation/free-programming-books",
    licence="CC BY 4.0",
)
KIZAK = SourceInfo(
    key="kizak-courses",
    name="KIZAK course collection (Coursera and Stepik listings)",
    url="https://github.com/IU-Capstone-Project-2025/KIZAK",
    licence="MIT",
)
_FPB_COLUMNS = {k: (k,) for k in ("title", "url", "authors", "notes", "topic", "subtopic")}
_KIZAK_COLUMNS = {
    "url": ("url",),
    "title": ("title",),
    "authors": ("author",),
    "enrolments": ("students",),
    "rating": ("rating",),
    "level": ("difficulty",),
    "skills": ("skills",),
    "description": ("description",),
    "price": ("price",),
    "provider": ("source",),
}
PROFILES = {
    "free-programming-books": Profile(
        "free-programming-books", ColumnMapping(_FPB_COLUMNS), parse_fpb_row, FPB
    ),
    "kizak": Profile("kizak", ColumnMapping(_KIZAK_COLUMNS), parse_kizak_row, KIZAK),
}


def guess_profile(header: set[str]) -> str | None:
    """Name the ready profile whose columns the file has, if any."""
    if {"section", "topic", "subtopic", "notes"} <= header:
        return "free-programming-books"
    if {"difficulty", "students", "skills"} <= header:
        return "kizak"
    return None
