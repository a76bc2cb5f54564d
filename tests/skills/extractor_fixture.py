"""An extractor over the shipped taxonomy, with skill ids = positions, built once."""

from __future__ import annotations

from functools import cache

from careerpath.skills.extract import Extractor
from careerpath.skills.shipped import shipped_technology, shipped_tools
from careerpath.skills.taxonomy import (
    alias_patterns,
    build_taxonomy,
    reviewed_aliases,
    spec_patterns,
)


@cache
def names() -> list[str]:
    return [spec.name for spec in _specs()]


@cache
def _specs():  # type: ignore[no-untyped-def]
    return build_taxonomy(shipped_technology(), reviewed_aliases(), tools=shipped_tools())


@cache
def extractor() -> Extractor:
    return Extractor(alias_patterns(spec_patterns(_specs()), reviewed_aliases()))


def found(text: str) -> list[str]:
    """Return the O*NET names of the skills found in ``text``, in order."""
    return [names()[skill] for skill, _, _ in extractor().mentions(text)]
