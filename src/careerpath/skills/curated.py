"""The reviewed layer over O*NET (``data/curated.tsv``): kinds, new skills, extraction rules. Pure.

Every line carries a rule and a reason a reviewer can check:

- ``add``: a skill O*NET lacks (a kind, aliases and the source of the name);
- ``alias``: spellings that belong to an existing skill, taken from whoever held them;
- ``kind``: the kind of an O*NET skill where the category rule guesses wrong;
- ``generic``: a name that is a heading or a generic word, never extracted;
- ``block``: one alias that collides with common text, never extracted;
- ``consumer``: a consumer product, extracted only in a list of other skills;
- ``evidence``: an ambiguous name, extracted only with technical evidence nearby.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from careerpath.errors import InvalidInputError

CURATED_FILE = "curated.tsv"
KINDS: dict[str, str] = {
    "language": "Languages",
    "framework": "Frameworks and libraries",
    "database": "Databases and data stores",
    "cloud": "Cloud and platforms",
    "tool": "Tools",
    "methodology": "Methods and practices",
    "domain": "Domain knowledge",
    "certification": "Certifications",
    "field": "Fields of study",
    "industry": "Industries",
    "spoken": "Spoken languages",
}
# Kinds that name a technology; the others (practices, fields, industries, spoken languages)
# count only where the text asks for them.
TECHNOLOGY_KINDS = frozenset({"language", "framework", "database", "cloud", "tool"})
# What a person has rather than a skill they learn for the job: a degree's field, a spoken
# language, an industry, a certificate. Lists of what employers ask for rank them apart.
BACKGROUND_KINDS = frozenset({"field", "spoken", "industry", "certification"})
RULES = frozenset({"add", "alias", "kind", "generic", "block", "consumer", "evidence"})
_COLUMNS = ("rule", "kind", "name", "aliases", "source", "reason")


@dataclass(frozen=True, slots=True)
class CuratedSkill:
    """A skill the reviewed layer adds to O*NET."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    source: str


@dataclass
class Curated:
    """The parsed reviewed layer."""

    added: list[CuratedSkill] = field(default_factory=list)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    generic: frozenset[str] = frozenset()
    blocked: frozenset[str] = frozenset()
    consumer: frozenset[str] = frozenset()
    evidence: frozenset[str] = frozenset()


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in aliases.split(";") if a.strip())


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def parse_curated(text: str) -> Curated:
    """Parse and validate the file; raise InvalidInputError naming every bad line."""
    rows = list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0]) != _COLUMNS:
        raise InvalidInputError(f"{CURATED_FILE}: the header must be {' '.join(_COLUMNS)}")
    curated = Curated()
    sets: dict[str, set[str]] = {"generic": set(), "block": set(), "consumer": set()}
    sets["evidence"] = set()
    problems = []
    for line, row in enumerate(rows[1:], start=2):
        reason = _problem(row)
        if reason:
            problems.append(f"line {line}: {reason}")
            continue
        rule, kind, name, aliases, source, _why = row
        if rule == "add":
            curated.added.append(CuratedSkill(name, kind, _split(aliases), source))
        elif rule == "alias":
            curated.aliases[name] = _split(aliases)
        elif rule == "kind":
            curated.kinds[name] = kind
        else:
            sets[rule].add(name if rule in ("generic", "consumer") else _fold(name))
    if problems:
        raise InvalidInputError(f"{CURATED_FILE}: " + "; ".join(problems[:10]))
    curated.generic, curated.blocked = frozenset(sets["generic"]), frozenset(sets["block"])
    curated.consumer, curated.evidence = frozenset(sets["consumer"]), frozenset(sets["evidence"])
    return curated


def _problem(row: list[str]) -> str | None:
    """Say what is wrong with one line, or None."""
    if len(row) != len(_COLUMNS):
        return f"expected {len(_COLUMNS)} tab-separated columns, found {len(row)}"
    rule, kind, name, aliases, source, reason = row
    if rule not in RULES:
        return f"unknown rule {rule!r}"
    if not name.strip() or not reason.strip():
        return "a name and a reason are required"
    if rule in ("add", "kind") and kind not in KINDS:
        return f"unknown kind {kind!r}"
    if rule == "add" and not source.strip():
        return "an added skill needs the source of its name"
    if rule == "alias" and not aliases.strip():
        return "an alias line needs aliases"
    return None


@lru_cache(maxsize=1)
def curated_layer() -> Curated:
    """Load the reviewed layer shipped in the package."""
    data = resources.files("careerpath.skills.data").joinpath(CURATED_FILE)
    return parse_curated(data.read_text("utf-8"))
