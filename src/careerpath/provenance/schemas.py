"""API shape of a source, shared by every domain that cites one."""

from __future__ import annotations

from datetime import date

import msgspec

from careerpath.provenance.models import Source


class SourceRead(msgspec.Struct, frozen=True):
    """Where a fact came from."""

    key: str
    name: str
    licence: str
    url: str | None = None
    seen_on: date | None = None
    published_on: date | None = None
    published_precision: str = "day"


def source_read(source: Source) -> SourceRead:
    """Return the API shape of a source."""
    return SourceRead(
        key=source.key,
        name=source.name,
        licence=source.licence,
        url=source.url,
        seen_on=source.seen_on,
        published_on=source.published_on,
        published_precision=source.published_precision,
    )
