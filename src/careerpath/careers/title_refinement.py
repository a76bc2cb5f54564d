"""Curated careers and reviewed aliases over the occupations they refine: pure.

A curated career that refines an occupation (Back End Engineer refines Software Developers)
wins over it when one of its own names is in the title ("Sr. Backend Dev" holds "Backend
Developer") or the title has a word only its names use ("server-side"). A title spelled like a
curated alias, or like a reviewed alias of ``data/title_aliases.toml`` (a title whose everyday
meaning O*NET does not give), names that career outright: people reviewed it. So does such an
alias with facet words ("ML Platform Engineer"), and a manager over a computing field one of
them gives ("Machine Learning Manager").
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from careerpath.careers.title_settings import CURATED_CONFIDENCE, EXACT_NAME_CONFIDENCE
from careerpath.careers.title_text import (
    ERP,
    MOBILE_WORDS,
    ROLE_NOUNS,
    TECHNOLOGY_WORDS,
    ParsedTitle,
    framework_sides,
    parse_posted_title,
    parse_title,
)
from careerpath.careers.title_types import CareerNode

_REVIEWED = tomllib.loads(
    resources.files("careerpath.careers").joinpath("data/title_aliases.toml").read_text("utf-8")
)
# Titles whose everyday meaning O*NET does not give, each with its code and why.
_ALIASES: list[dict[str, str]] = _REVIEWED["alias"]
_ALIAS_TITLES = frozenset(alias["title"] for alias in _ALIASES)
# Titles that name an appointment held in every field, not a career: the resolver abstains.
VAGUE: frozenset[frozenset[str]] = frozenset(
    frozenset(parse_title(entry["title"]).words) for entry in _REVIEWED["vague"]
)
# Roles that name the same job in a curated career's aliases ("Backend Developer" = "Engineer").
SAME_ROLE = {"developer": "engineer", "programmer": "engineer"}
# Words that name a facet of a field's work, not another field: an "ML Platform Engineer", an
# "ML Infrastructure Engineer" and an "MLOps Engineer" are machine learning engineers, a "Data
# Integration Engineer" or "DataOps Engineer" a data engineer, a "Platform Security Engineer" a
# security engineer. O*NET's dictionary gives these words to other occupations ("Platform
# Engineer" is a Blockchain Engineer there), so they outvote the field. Reviewed by hand.
FACETS = frozenset(
    {
        *("devops", "infrastructure", "integration", "model", "operation"),
        *("performance", "pipeline", "platform", "software"),
    }
)

# A career chosen by a name, with its confidence and why.
Refined = tuple[int, float, str]


@dataclass(frozen=True, slots=True)
class Child:
    """A curated career under an occupation: its names (role-free keys) and its own words."""

    career_id: int
    names: dict[frozenset[str], str]
    distinctive: frozenset[str]
    roles: frozenset[str]  # its names' role words, developer and programmer read as engineer


def curated_child(
    career_id: int, names: dict[frozenset[str], str], parent_uses: Callable[[str], bool]
) -> Child:
    """Return a curated career with its names (role-free keys → name): a word is its own when
    the names of the occupation it refines never use it (``parent_uses("w:<word>")``), counted
    without the curated names, which are counted under that occupation too."""
    words = {w for key in names for w in key}
    own = frozenset(w for w in words if not parent_uses(f"w:{w}"))
    roles = role_free(parse_title(name).role or "" for name in names.values())
    return Child(career_id, names, own - {"engineer"}, roles)


def role_free(words: Iterable[str]) -> frozenset[str]:
    """Return the words as a set, developer and programmer read as engineer."""
    return frozenset(SAME_ROLE.get(word, word) for word in words)


def reviewed_aliases(nodes: Iterable[CareerNode]) -> dict[frozenset[str], tuple[int, str]]:
    """Return the reviewed aliases of ``data/title_aliases.toml`` whose occupation is here."""
    by_code = {n.code: n.career_id for n in nodes if n.code and not n.curated}
    # Read as the posted titles they meet are read ("SAP Consultant" is an "ERP Consultant").
    return {
        role_free(parse_posted_title(alias["title"]).words): (
            by_code[alias["code"]],
            alias["title"],
        )
        for alias in _ALIASES
        if alias["code"] in by_code
    }


# Roles that lead a field's work: "Machine Learning Manager", "Head of AI" (read "AI Director").
_LEADING = ("manager", "director", "vp")
# Computer and Information Systems Managers: O*NET's managers of computing work.
_COMPUTING_MANAGERS = "11-3021.00"
# What a manager of a computing field may run of it besides the field itself: "Data Engineering
# Manager", "Data Governance Director", "Data Product Manager", "Data Operations Manager".
_PRACTICES = ((), *((practice,) for practice in (
    "engineering", "governance", "operation", "platform", "product", "quality", "strategy"
)))  # fmt: skip


def managed_fields(
    curated: dict[frozenset[str], tuple[int, str]], nodes: Iterable[CareerNode]
) -> dict[frozenset[str], tuple[int, str]]:
    """Return the names of managers over each computing field a curated or reviewed engineer's
    name gives ("ML Engineer" → "ML Manager", "ML Director"), naming Computer and Information
    Systems Managers: O*NET lists few such titles, and its words send "Machine Learning Manager"
    to Data Scientists. The caller drops those O*NET lists under an occupation of its own."""
    nodes = list(nodes)
    # The occupation itself, not a curated career refining it (Engineering Manager has its code).
    managers = next(
        (n.career_id for n in nodes if n.code == _COMPUTING_MANAGERS and not n.curated), None
    )
    group = {n.career_id: n.group for n in nodes}
    if managers is None:
        return {}
    # "Data Engineering Manager" manages data engineers as "Data Manager" does: O*NET's
    # words send it to Architectural and Engineering Managers; "Data Quality Manager" to
    # Quality Control Systems Managers.
    return {
        (key - {"engineer"}) | {role, *practice}: (managers, f"{role} of {name}s")
        for key, (career, name) in curated.items()
        if "engineer" in key and len(key) > 1 and group.get(career) == "15"
        for role in _LEADING
        for practice in _PRACTICES
    }


def named(curated: dict[frozenset[str], tuple[int, str]], parsed: ParsedTitle) -> Refined | None:
    """A title spelled like a curated or reviewed alias names that career; so does one that
    is such an alias once its facet and technology words are set aside ("ML Platform
    Engineer", "Azure Data Engineer")."""
    key = role_free(parsed.words)
    found = curated.get(key)
    if found is not None:
        return found[0], CURATED_CONFIDENCE, f"is the curated name {found[1]!r}"
    if parsed.role is None and parsed.words[-1:] == ("lead",):
        return _field_lead(curated, key - {"lead"})
    if ERP in key and parsed.role is not None:
        # An ERP suite's consultant is one whatever the module ("SAP Retail Consultant").
        found = curated.get(role_free((ERP, parsed.role)))
        if found is not None:
            return found[0], EXACT_NAME_CONFIDENCE, f"is the curated name {found[1]!r} (ERP work)"
    aside = key & (FACETS | TECHNOLOGY_WORDS)
    field = key - aside
    # The field must keep a word besides the role: "Platform Engineer" is no "Engineer".
    if not aside or len(field) < 2 or role_free([parsed.role or ""]) - field:
        return None
    found = curated.get(field)
    if found is None:
        return None
    work = " ".join(sorted(aside))
    return found[0], EXACT_NAME_CONFIDENCE, f"is the curated name {found[1]!r} ({work} work)"


# The roles of those who do a field's work, whom its "Lead" leads.
_CONTRIBUTORS = role_free(
    ("engineer", "developer", "analyst", "scientist", "architect", "designer", "specialist")
)


def _field_lead(
    curated: dict[frozenset[str], tuple[int, str]], field: frozenset[str]
) -> Refined | None:
    """A field's Lead ("Machine Learning Lead", "AI Lead") leads the work of the one curated
    career whose names give that field ("ML Engineer"); None when none or several do ("Data
    Lead": data engineers and data analysts). Reviewed aliases name the occupation of one
    title O*NET misreads, not a field's workers: "Analytics Engineer" says nothing of who an
    "Analytics Lead" leads."""
    found = sorted(
        (career, name)
        for key, (career, name) in curated.items()
        if key & _CONTRIBUTORS and key - _CONTRIBUTORS == field and name not in _ALIAS_TITLES
    )
    if not field or len({career for career, _ in found}) != 1:
        return None
    career, name = found[0]
    return career, EXACT_NAME_CONFIDENCE, f"leads the work of the curated name {name!r}"


def names_no_career(parsed: ParsedTitle) -> bool:
    """Say whether the title is one of the reviewed appointments held in every field."""
    return frozenset(parsed.words) in VAGUE


_SIDES = frozenset({"backend", "frontend", "fullstack"})


def _web_side(child: Child) -> bool:
    """Whether the career works on a side of a web application (Back End Engineer)."""
    return any(key & _SIDES for key in child.names)


def refine(parsed: ParsedTitle, children: Sequence[Child], confidence: float) -> Refined | None:
    """Return the child whose longest name the title contains, else one whose own word it
    has (a framework naming its side: "Django" is "backend" work), at ``confidence``; None
    when no child fits."""
    words = role_free((*parsed.words, *parsed.evidence))
    sides = framework_sides(words)
    role = role_free([parsed.role or ""])
    # An app developer is no web career for the API the app calls, unless the title names
    # the side itself ("Android UX Engineer, Front End").
    mobile = bool(words & MOBILE_WORDS) and not words & _SIDES
    best: tuple[int, int, str] | None = None
    for child in children:
        if mobile and _web_side(child):
            continue
        # A career whose role differs is no specialisation of this title: "AI" makes an
        # engineer a Machine Learning Engineer, not an "AI Data Scientist", and a "Data
        # Scientist / Quantitative Analyst" is no Data Analyst for the analyst after its slash.
        same_role = bool(child.roles & role)
        if same_role or parsed.role not in ROLE_NOUNS:
            for key, name in child.names.items():
                if key <= words and (best is None or len(key) > best[0]):
                    best = (len(key), child.career_id, f"contains the alias {name!r}")
        if best is not None or not same_role:
            continue
        own = sorted(child.distinctive & words)
        side = sorted(s for s in sides if any(s in key for key in child.names))
        if own:
            best = (0, child.career_id, f"word {own[0]!r} is this career's own")
        elif side:
            best = (0, child.career_id, f"{sides[side[0]]!r} is {side[0]} work, this career's")
    return None if best is None else (best[1], confidence, best[2])
