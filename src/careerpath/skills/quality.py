"""Measure the extractor and the title normaliser on real public data (files, no database)."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from careerpath.skills.evaluation import (
    Scores,
    overlap_scores,
    span_pairs,
    strict_scores,
    top_k_accuracy,
)
from careerpath.skills.extract import Extractor
from careerpath.skills.onet import OnetRelease
from careerpath.skills.taxonomy import (
    alias_patterns,
    build_taxonomy,
    reviewed_aliases,
    spec_patterns,
)
from careerpath.skills.titles import TitleEntry, TitleIndex

HOLDOUT_SHARE = 0.2
SEED = 20250221


@dataclass(frozen=True)
class TitleQuality:
    """Top-1 and top-5 SOC accuracy on held-out titles, overall and per major group."""

    queries: int
    top1: float
    top5: float
    by_group: dict[str, tuple[int, float, float]]


def extractor_for(release: OnetRelease) -> Extractor:
    """Build the extractor of a release's taxonomy (skill id = position)."""
    specs = build_taxonomy(release.technology, reviewed_aliases())
    return Extractor(alias_patterns(spec_patterns(specs), reviewed_aliases()))


def _knowledge_sentences(path: Path) -> list[tuple[list[str], list[str]]]:
    sentences = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(s["tokens"], s["tags_knowledge"]) for s in sentences]


def skillspan_quality(path: Path, extractor: Extractor) -> tuple[Scores, Scores]:
    """Return (strict, token-overlap) scores on the Knowledge layer of a SkillSpan JSON file."""
    data = _knowledge_sentences(path)
    pairs = span_pairs(data, lambda text: [(m.start, m.end) for m in extractor.extract(text)])
    return strict_scores(pairs), overlap_scores(pairs)


def title_quality(release: OnetRelease, sample: int | None = None) -> TitleQuality:
    """Hold out a seeded 20% of alternate titles from the index; rank SOC codes for them."""
    codes = sorted(release.occupations)
    entries: list[TitleEntry] = []
    held: list[tuple[str, str]] = []
    for career_id, code in enumerate(codes):
        occupation = release.occupations[code]
        entries.append(TitleEntry(career_id, occupation.title, "title"))
        entries += [TitleEntry(career_id, t, "onet_reported") for t in occupation.reported_titles]
        for title in occupation.alternate_titles:
            if _bucket(f"{code}|{title}") < HOLDOUT_SHARE:
                held.append((title, code))
            else:
                entries.append(TitleEntry(career_id, title, "onet_alternate"))
    if sample is not None and sample < len(held):
        held = sorted(held, key=lambda pair: _bucket(f"sample|{pair[0]}|{pair[1]}"))[:sample]
    index = TitleIndex(entries)
    ranked = [(code, _codes(index, title, codes)) for title, code in held]
    groups: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for code, answers in ranked:
        groups[code[:2]].append((code, answers))
    by_group = {
        group: (len(items), top_k_accuracy(items, 1), top_k_accuracy(items, 5))
        for group, items in sorted(groups.items())
    }
    return TitleQuality(len(ranked), top_k_accuracy(ranked, 1), top_k_accuracy(ranked, 5), by_group)


def _bucket(text: str) -> float:
    """A stable pseudo-random number in [0, 1) from ``text`` (seeded by ``SEED``)."""
    digest = hashlib.sha256(f"{SEED}|{text}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def _codes(index: TitleIndex, title: str, codes: list[str]) -> list[str]:
    return [codes[career_id] for career_id, _score in index.match(title).candidates[:5]]
