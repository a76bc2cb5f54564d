"""Extraction throughput with the full O*NET taxonomy vs raw ahocorasick_rs and a regex; RSS.

The extractor searches an ASCII text as bytes (``skills/finder.py``), so besides the usual raw
automaton over ``str`` the table shows the raw automaton over bytes, the stricter floor. The
synthetic postings name ~58 skills each, five times the real dice postings (~11); when
``../shared/data`` is there, the same ratio is also measured on the real dice descriptions and
the Google postings (responsibilities and qualifications, joined as the ingest joins them).

On a shared machine CPU time moves by a third between runs; instruction counts do not.
``skills_extract.py --one WORK`` runs one work (extract, skill_ids, mentions, raw, raw_bytes)
over 100 postings inside ``functools.reduce``, so callgrind counts only that (building the
taxonomy under valgrind takes a few minutes):

    valgrind --tool=callgrind --collect-atstart=no --toggle-collect=functools_reduce \
        python benchmarks/skills_extract.py --one extract
"""

from __future__ import annotations

import csv
import functools
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, MatchKind

from _postings import postings
from _stats import median, print_table
from careerpath.skills.extract import Extractor, lower_same_length
from careerpath.skills.shipped import shipped_technology
from careerpath.skills.taxonomy import (
    alias_patterns,
    build_taxonomy,
    reviewed_aliases,
    spec_patterns,
)

POSTINGS = 2000
SHARED = Path(__file__).resolve().parents[1] / "../shared/data"
DICE = SHARED / "jobs-dice-sample/dice_com-job_us_sample.csv"
GOOGLE = SHARED / "jobs-google/job_skills.csv"
GOOGLE_TEXT = ("Responsibilities", "Minimum Qualifications", "Preferred Qualifications")
ROUNDS = 5
REGEX_POSTINGS = 20
RSS_PROBE = """
from pathlib import Path
from careerpath.skills.extract import Extractor
from careerpath.skills.shipped import shipped_technology
from careerpath.skills.taxonomy import (
    alias_patterns, build_taxonomy, reviewed_aliases, spec_patterns
)
def rss():
    status = Path("/proc/self/status").read_text()
    return next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmRSS"))
before = rss()
specs = build_taxonomy(shipped_technology(), reviewed_aliases())
extractor = Extractor(alias_patterns(spec_patterns(specs), reviewed_aliases()))
del specs
extractor.extract("Python and Docker")
print(before, rss())
"""


def interleaved(works: list[Callable[[], object]], rounds: int = ROUNDS) -> list[float]:
    """Return each work's median CPU seconds over ``rounds``, the works run in turn each round.

    On a shared machine the load changes within a run; taking turns gives every matcher the
    same conditions, and CPU time leaves out the time the process waits for a core.
    """
    seconds: list[list[float]] = [[] for _ in works]
    for _ in range(rounds):
        for work, spent in zip(works, seconds, strict=True):
            started = time.process_time()
            work()
            spent.append(time.process_time() - started)
    return [median(spent) for spent in seconds]


def main() -> None:
    """Print postings/s and MB/s for the extractor, the raw automaton and a regex."""
    specs = build_taxonomy(shipped_technology(), reviewed_aliases())
    patterns = alias_patterns(spec_patterns(specs), reviewed_aliases())
    extractor = Extractor(patterns)
    texts = [text for _title, text in postings(POSTINGS)]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    keys = sorted({key.lower() for key in extractor.keys})
    raw = AhoCorasick(keys, matchkind=MatchKind.LeftmostLongest)
    raw_bytes = BytesAhoCorasick([k.encode() for k in keys], matchkind=MatchKind.LeftmostLongest)
    lowered = [lower_same_length(t) for t in texts]
    encoded = [t.encode() for t in lowered]
    ours, ids, named, floor, bytes_floor = interleaved(
        [
            lambda: [extractor.extract(t) for t in texts],
            lambda: [extractor.skill_ids(t) for t in texts],
            lambda: [extractor.mentions(t) for t in texts],
            lambda: [raw.find_matches_as_indexes(t) for t in lowered],
            lambda: [raw_bytes.find_matches_as_indexes(t) for t in encoded],
        ]
    )
    alternation = re.compile(
        r"(?<![\w])(?:"
        + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
        + r")(?![\w])",
        re.IGNORECASE,
    )
    sample = texts[:REGEX_POSTINGS]
    (regex,) = interleaved([lambda: [alternation.findall(t) for t in sample]], rounds=3)
    regex_rate = REGEX_POSTINGS / regex
    rows = [
        (
            "extractor (ours), asked-for skills",
            f"{POSTINGS / ours:,.0f}",
            f"{megabytes / ours:.1f}",
        ),
        ("extractor, asked-for skill ids only", f"{POSTINGS / ids:,.0f}", f"{megabytes / ids:.1f}"),
        ("extractor, every mention", f"{POSTINGS / named:,.0f}", f"{megabytes / named:.1f}"),
        ("raw ahocorasick_rs, same keys", f"{POSTINGS / floor:,.0f}", f"{megabytes / floor:.1f}"),
        (
            "raw ahocorasick_rs over bytes, same keys",
            f"{POSTINGS / bytes_floor:,.0f}",
            f"{megabytes / bytes_floor:.1f}",
        ),
        (
            "regex alternation, same keys",
            f"{regex_rate:,.1f}",
            f"{regex_rate * megabytes / POSTINGS:.3f}",
        ),
    ]
    print_table(
        f"Extraction: {POSTINGS} synthetic postings ({megabytes:.1f} MB), {len(keys):,} alias "
        f"keys, one core, CPU time, median of {ROUNDS} interleaved rounds",
        ("matcher", "postings/s", "MB/s"),
        rows,
    )
    print(f"  ratio ours / raw automaton: {floor / ours:.2f} (target >= 0.6)")
    print(f"  ratio skill ids only / raw automaton: {floor / ids:.2f}")
    print(f"  ratio every mention / raw automaton: {floor / named:.2f}")
    print(
        f"  against the raw automaton over bytes: ours {bytes_floor / ours:.2f}, skill ids "
        f"{bytes_floor / ids:.2f}, every mention {bytes_floor / named:.2f}"
    )
    print(
        f"  ratio ours / regex alternation: {(POSTINGS / ours) / regex_rate:,.0f}x (target >= 50x)"
    )
    real_postings(extractor, raw)
    probe = subprocess.run(
        [sys.executable, "-c", RSS_PROBE], capture_output=True, text=True, check=True
    )
    before, after = (int(v) / 1024 for v in probe.stdout.split())
    print(
        f"  RSS: {after:.0f} MB with the full extractor ({before:.0f} MB after imports; "
        "target <= 250 MB)"
    )


def real_postings(extractor: Extractor, raw: AhoCorasick) -> None:
    """Print the asked-for ratio on real postings, when the shared data is there."""
    if DICE.exists():
        with DICE.open(newline="", encoding="utf-8") as handle:
            dice = [row["jobdescription"] for row in csv.DictReader(handle)]
        real_ratio("dice postings", dice, extractor, raw)
    if GOOGLE.exists():
        with GOOGLE.open(newline="", encoding="utf-8") as handle:
            rows = csv.DictReader(handle, delimiter=";")
            google = ["\n".join(row[c] for c in GOOGLE_TEXT if row[c]) for row in rows]
        real_ratio("Google postings", google, extractor, raw)


def real_ratio(name: str, texts: list[str], extractor: Extractor, raw: AhoCorasick) -> None:
    """Print the asked-for ratio on ``texts``, matchers in turn as for the synthetic ones."""
    lowered = [lower_same_length(t) for t in texts]
    ours, floor = interleaved(
        [
            lambda: [extractor.extract(t) for t in texts],
            lambda: [raw.find_matches_as_indexes(t) for t in lowered],
        ]
    )
    print(
        f"  real {name} ({len(texts)}): ours {len(texts) / ours:,.0f}/s, raw automaton "
        f"{len(texts) / floor:,.0f}/s, ratio ours / raw automaton {floor / ours:.2f}"
    )


def one(work: str, count: int = 100) -> None:
    """Run one work over ``count`` postings inside ``functools.reduce`` (for callgrind)."""
    specs = build_taxonomy(shipped_technology(), reviewed_aliases())
    extractor = Extractor(alias_patterns(spec_patterns(specs), reviewed_aliases()))
    texts = [text for _title, text in postings(count)]
    keys = sorted({key.lower() for key in extractor.keys})
    lowered = [lower_same_length(t) for t in texts]
    works: dict[str, tuple[Callable[[Any], object], list[Any]]] = {
        "extract": (extractor.extract, texts),
        "skill_ids": (extractor.skill_ids, texts),
        "mentions": (extractor.mentions, texts),
        "raw": (
            AhoCorasick(keys, matchkind=MatchKind.LeftmostLongest).find_matches_as_indexes,
            lowered,
        ),
        "raw_bytes": (
            BytesAhoCorasick(
                [k.encode() for k in keys], matchkind=MatchKind.LeftmostLongest
            ).find_matches_as_indexes,
            [t.encode() for t in lowered],
        ),
    }
    run, items = works[work]
    kept: list[object] = []
    functools.reduce(lambda _, item: kept.append(run(item)), items, None)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        one(sys.argv[2])
    else:
        main()
