"""Measure the extractor on real public data (files, no database)."""

from __future__ import annotations

import json
from pathlib import Path

from careerpath.skills.evaluation import (
    Scores,
    overlap_scores,
    span_pairs,
    strict_scores,
)
from careerpath.skills.extract import Extractor
from careerpath.skills.onet import OnetRelease
from careerpath.skills.taxonomy import (
    alias_patterns,
    build_taxonomy,
    reviewed_aliases,
    spec_patterns,
)


def extractor_for(release: OnetRelease) -> Extractor:
    """Build the extractor of a release's taxonomy (skill id = position)."""
    specs = build_taxonomy(release.technology, reviewed_aliases(), tools=release.tool_occupations())
    return Extractor(alias_patterns(spec_patterns(specs), reviewed_aliases()))


def _knowledge_sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    sentences = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(s["tokens"], s["tags_knowledge"]) for s in sentences]


def skillspan_quality(path: Path, extractor: Extractor) -> tuple[Scores, Scores]:
    """Return (strict, token-overlap) scores on the Knowledge layer of a SkillSpan JSON file."""
    data = _knowledge_sentences(path)
    pairs = span_pairs(
        data, lambda text: [(start, end) for _, start, end in extractor.extract(text)]
    )
    return strict_scores(pairs), overlap_scores(pairs)
