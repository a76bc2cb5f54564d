"""Build the skills taxonomy from O*NET technology rows: skills, categories, aliases. Pure."""

from __future__ import annotations

import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from careerpath.careers.titles import slugify
from careerpath.skills.categories import categorize, default_kind
from careerpath.skills.curated import TECHNOLOGY_KINDS, Curated, CuratedSkill, curated_layer
from careerpath.skills.extract import (
    FIELD_OF_STUDY,
    PRACTICE,
    SPOKEN_LANGUAGE,
    TECHNOLOGY,
    AliasPattern,
)
from careerpath.skills.onet import TechnologyRow

VENDORS = frozenset(
    {
        *("Apache", "Amazon", "Oracle", "Microsoft", "IBM", "Google", "Atlassian", "Adobe"),
        *("Apple", "SAP", "Autodesk", "JetBrains", "HashiCorp", "Cloudera", "Red Hat"),
    }
)
# Names longer than this show their first reviewed alias instead.
LONG_NAME = 24
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9+#/&.-]{1,9}$")
_SPACES = re.compile(r"\s+")
# Priority of an alias's origin when two skills claim the same key (lower wins).
_PRIORITY = {"curated": 0, "name": 1, "reviewed": 2, "rule": 3}
ONET_SOURCE = "O*NET 29.2 Technology Skills (CC BY 4.0)"
# Rule acronyms this short are letters, not names ("II" in "Level II").
MIN_ACRONYM = 3


@dataclass(frozen=True, slots=True)
class AliasSpec:
    """One way of writing a skill, with the rule it came from."""

    name: str
    key: str
    kind: str


@dataclass(frozen=True, slots=True)
class SkillSpec:
    """A canonical skill: one distinct O*NET technology name, or one the reviewed layer adds."""

    name: str
    display_name: str
    category: str
    commodity_code: str | None
    commodity_title: str | None
    hot: bool
    aliases: tuple[AliasSpec, ...]
    kind: str = "tool"
    source: str = ONET_SOURCE
    slug: str = ""


@dataclass(frozen=True)
class ReviewedAliases:
    """The shipped, reviewed alias file."""

    aliases: dict[str, list[str]]
    ambiguous: frozenset[str]
    blocked: frozenset[str]
    any_case: frozenset[str]
    never: frozenset[str]


def alias_key(text: str) -> str:
    """Return the matching key of an alias: lower case, single spaces."""
    return _SPACES.sub(" ", text.strip()).lower()


@lru_cache(maxsize=1)
def reviewed_aliases() -> ReviewedAliases:
    """Load the reviewed alias file shipped in the package."""
    text = resources.files("careerpath.skills.data").joinpath("aliases.toml").read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    rules = data["rules"]
    return ReviewedAliases(
        aliases=data["alias"],
        ambiguous=frozenset(rules["ambiguous"]),
        blocked=frozenset(alias_key(b) for b in rules["blocked"]),
        any_case=frozenset(rules["any_case"]),
        never=frozenset(alias_key(n) for n in rules["never"]),
    )


def build_taxonomy(
    rows: Iterable[TechnologyRow],
    reviewed: ReviewedAliases,
    curated: Curated | None = None,
    tools: Mapping[str, int] | None = None,
) -> list[SkillSpec]:
    """Return one skill per distinct technology name plus the reviewed additions.

    Each alias is owned by exactly one skill. ``tools`` (O*NET's Tools Used names, each with
    how many occupations list it) contest a skill's trailing acronym: "PDA" names the Pile
    Driving Analyzer of one occupation's software list, but the personal digital assistants of
    ninety occupations' tools, so it is no alias of the analyzer.
    """
    layer = curated if curated is not None else curated_layer()
    commodities: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    hot: dict[str, bool] = defaultdict(bool)
    for row in rows:
        commodities[row.name][(row.commodity_code, row.commodity_title)] += 1
        hot[row.name] |= row.hot
    added = {skill.name: skill for skill in layer.added if skill.name not in commodities}
    names = sorted([*commodities, *added])
    contested = _contested_acronyms(commodities, tools or {})
    owners = _assign_aliases(names, reviewed, layer, contested)
    specs = []
    for name in names:
        aliases = tuple(sorted(owners.get(name, []), key=lambda a: (_PRIORITY[a.kind], a.key)))
        if name in added:
            specs.append(_added_spec(added[name], aliases))
            continue
        (code, title), _count = commodities[name].most_common(1)[0]
        category = categorize(name, title, layer.kinds.get(name))
        specs.append(
            SkillSpec(
                name=name,
                display_name=_display_name(name, reviewed),
                category=category,
                commodity_code=code,
                commodity_title=title,
                hot=hot[name],
                aliases=aliases,
                kind=layer.kinds.get(name) or default_kind(category),
            )
        )
    return with_slugs(specs)


def with_slugs(specs: list[SkillSpec]) -> list[SkillSpec]:
    """Give each skill a unique URL slug: its display name, else its full name, else numbered."""
    taken: set[str] = set()
    out = []
    for spec in sorted(specs, key=lambda s: (s.display_name != s.name, len(s.name), s.name)):
        slug = slugify(spec.display_name)[:190] or "skill"
        if slug in taken:
            slug = slugify(spec.name)[:190] or slug
        base, number = slug, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        out.append(replace(spec, slug=slug))
    order = {spec.name: position for position, spec in enumerate(specs)}
    return sorted(out, key=lambda s: order[s.name])


def _added_spec(skill: CuratedSkill, aliases: tuple[AliasSpec, ...]) -> SkillSpec:
    return SkillSpec(
        name=skill.name,
        display_name=skill.name,
        category=categorize(skill.name, "", skill.kind),
        commodity_code=None,
        commodity_title=None,
        hot=False,
        aliases=aliases,
        kind=skill.kind,
        source=skill.source,
    )


def _display_name(name: str, reviewed: ReviewedAliases) -> str:
    """The short name people know: "Java" for "Oracle Java", "AWS" for the formal AWS name."""
    if is_heading(name):
        return name  # "Medical software", never a bare "Medical"
    listed = reviewed.aliases.get(name)
    if listed and (name.endswith((" " + listed[0], " software")) or len(name) > LONG_NAME):
        return listed[0]
    return strip_software(name)


def strip_software(name: str) -> str:
    """Drop a trailing generic " software" from a formal name."""
    stripped = re.sub(r"\s+software$", "", name)
    return stripped or name


def _contested_acronyms(
    commodities: Mapping[str, Counter[tuple[str, str]]], tools: Mapping[str, int]
) -> frozenset[str]:
    """Return the names whose trailing acronym more occupations' tools spell out otherwise than
    list it in the name's sense (the name's own listings plus the tools that agree)."""
    elsewhere: dict[str, Counter[str]] = defaultdict(Counter)
    for tool, occupations in tools.items():
        for acronym, expansion in spelled_acronyms(tool):
            elsewhere[acronym.lower()][_singular(expansion)] += occupations
    contested = set()
    for name, rows in commodities.items():
        found = _trailing_acronym(strip_software(name))
        if found is None:
            continue
        own, agreeing, other = _singular(found[1]), rows.total(), 0
        for spelled, occupations in elsewhere[found[0].lower()].items():
            if _same_thing(spelled, own):
                agreeing += occupations
            else:
                other += occupations
        if other > agreeing:
            contested.add(name)
    return frozenset(contested)


def spelled_acronyms(name: str) -> list[tuple[str, str]]:
    """Return each acronym a name spells out, trailing or not: "Continuous passive motion CPM
    machines" → [("CPM", "Continuous passive motion")]."""
    words = name.split()
    return [
        found
        for at in range(1, len(words))
        if _ACRONYM.match(words[at]) and (found := _trailing_acronym(" ".join(words[: at + 1])))
    ]


def _same_thing(one: str, other: str) -> bool:
    """Say whether two expansions name one thing: the words of one hold the other's
    ("mapping-grade global positioning system", "global positioning system")."""
    first, second = set(one.split()), set(other.split())
    return first <= second or second <= first


def _singular(text: str) -> str:
    """Fold plurals word by word ("assistants" meets "assistant") to compare expansions."""
    return " ".join(word.removesuffix("s") for word in text.lower().split())


def _assign_aliases(
    names: list[str], reviewed: ReviewedAliases, curated: Curated, contested: frozenset[str]
) -> dict[str, list[AliasSpec]]:
    """Give each key to one skill: curated beat exact names beat reviewed beat rules; ties drop."""
    claims: dict[str, list[tuple[int, str, AliasSpec]]] = defaultdict(list)
    known = set(names)

    def claim(owner: str, text: str, kind: str) -> None:
        spec = AliasSpec(text, alias_key(text), kind)
        claims[spec.key].append((_PRIORITY[kind], owner, spec))

    for name in names:
        for alias in _candidates(name, reviewed, name in contested):
            claims[alias.key].append((_PRIORITY[alias.kind], name, alias))
    for target, listed in reviewed.aliases.items():
        for text in listed if target in known else ():
            claim(target, text, "reviewed")
    for skill in curated.added:
        for text in skill.aliases:
            claim(skill.name, text, "curated")
    for target, texts in curated.aliases.items():
        for text in texts if target in known else ():
            claim(target, text, "curated")
    return _winners(claims)


def _winners(claims: dict[str, list[tuple[int, str, AliasSpec]]]) -> dict[str, list[AliasSpec]]:
    """Each key goes to its best claimant; a tie between two skills drops the key."""
    owners: dict[str, list[AliasSpec]] = defaultdict(list)
    for claimants in claims.values():
        best = min(priority for priority, _, _ in claimants)
        winners = [(owner, spec) for priority, owner, spec in claimants if priority == best]
        if len({owner for owner, _ in winners}) == 1:
            # The first spelling listed wins ("k8s" before "K8S").
            owners[winners[0][0]].append(winners[0][1])
    return owners


def _candidates(name: str, reviewed: ReviewedAliases, contested: bool) -> list[AliasSpec]:
    found = [AliasSpec(name, alias_key(name), "name")]
    acronym = _trailing_acronym(strip_software(name)) if contested else None
    for text in _rule_aliases(name):
        key = alias_key(text)
        if acronym is not None and text == acronym[0]:
            continue
        if key not in reviewed.blocked and _long_enough(text) and key != found[0].key:
            found.append(AliasSpec(text, key, "rule"))
    return found


def _long_enough(text: str) -> bool:
    """Two capitals are letters ("II", "EE"), not a name; "C#" or "Qt" may stand."""
    if text.isalpha() and text.isupper():
        return len(text) >= MIN_ACRONYM
    return len(text) >= 2


def _rule_aliases(name: str) -> set[str]:
    """Safe rewrites: drop " software", split off a trailing acronym, drop a vendor prefix."""
    if is_generic(name):
        acronym = _trailing_acronym(strip_software(name))
        return {acronym[0]} if acronym else set()
    out: set[str] = set()
    base = strip_software(name)
    if base != name:
        out.add(base)
    acronym = _trailing_acronym(base)
    if acronym:
        out.update(acronym)
    else:
        out |= _without_vendor(base)
    out |= _js_variants(base)
    return out


def is_generic(name: str) -> bool:
    """Say whether a name describes a kind of software ("Calendar software"), not a product."""
    words = strip_software(name).split()
    if len(words) < 2 and not name.endswith(" software"):
        return False
    rest = [w for w in words[1:] if not _ACRONYM.match(w)]
    return words[0][:1].isupper() and words[0][1:].islower() and all(w.islower() for w in rest)


def is_heading(name: str) -> bool:
    """Say whether a name is a kind of software with no product or acronym in it."""
    return is_generic(name) and _trailing_acronym(strip_software(name)) is None


def _trailing_acronym(base: str) -> tuple[str, str] | None:
    """ "Cascading style sheets CSS" → ("CSS", "Cascading style sheets")."""
    words = base.replace("(", " ").replace(")", " ").split()
    if len(words) < 2 or not _ACRONYM.match(words[-1]):
        return None
    acronym, expansion = words[-1], " ".join(words[:-1])
    letters = [c for c in acronym.lower() if c.isalpha()]
    initials = {w[0].lower() for w in words[:-1]}
    if not letters or letters[0] not in initials or not _subsequence(letters, expansion.lower()):
        return None
    return acronym, expansion


def _subsequence(letters: list[str], text: str) -> bool:
    position = 0
    for letter in letters:
        position = text.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def _without_vendor(form: str) -> set[str]:
    words = form.split()
    for size in (2, 1):
        vendor = " ".join(words[:size])
        if vendor in VENDORS and len(words) > size:
            rest = " ".join(words[size:])
            return {rest} if _distinctive(rest) else set()
    return set()


def _distinctive(text: str) -> bool:
    """Vendor-less remainders must not read as plain words ("Word", "Project")."""
    if len(text) < 3:
        return False
    words = text.split()
    marked = any(c.isdigit() or c in "+#./" for c in text) or any(
        any(ch.isupper() for ch in w[1:]) for w in words
    )
    return marked or (len(words) == 1 and text[0].isupper())


def _js_variants(base: str) -> set[str]:
    if base.endswith(".js"):
        stem = base[:-3]
        return {f"{stem}JS", f"{stem} JS"}
    return set()


def alias_patterns(
    aliases: Iterable[tuple[str, int, str, str]],
    reviewed: ReviewedAliases,
    curated: Curated | None = None,
) -> list[AliasPattern]:
    """Turn (alias name, skill id, skill name, skill kind) rows into extractor patterns.

    Headings and generic names give none; blocked aliases are dropped; ambiguous names need
    evidence and consumer products a list of other skills.
    """
    layer = curated if curated is not None else curated_layer()
    return [
        AliasPattern(
            name,
            skill_id,
            ambiguous=name in reviewed.ambiguous or alias_key(name) in layer.evidence,
            case_sensitive=_capital_word(name) and name not in reviewed.any_case,
            listed_only=skill_name in layer.consumer,
            context=context_of(kind),
        )
        for name, skill_id, skill_name, kind in aliases
        if skill_name not in layer.generic
        and alias_key(name) not in reviewed.never
        and alias_key(name) not in layer.blocked
    ]


def context_of(kind: str) -> int:
    """Return what the text around a skill of ``kind`` must show for it to count."""
    if kind in TECHNOLOGY_KINDS:
        return TECHNOLOGY
    return {"spoken": SPOKEN_LANGUAGE, "field": FIELD_OF_STUDY}.get(kind, PRACTICE)


def spec_patterns(specs: list[SkillSpec]) -> list[tuple[str, int, str, str]]:
    """Return (alias, skill id, skill name, kind) rows with ids = positions in ``specs``."""
    return [(a.name, i, spec.name, spec.kind) for i, spec in enumerate(specs) for a in spec.aliases]


def _capital_word(name: str) -> bool:
    """ "SET", "LEAD", "REST": capitals that are also English words in lower case."""
    return name.isupper() and name.isalpha()
