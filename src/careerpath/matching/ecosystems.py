"""Pure: which programming language a library belongs to, and skills a resource's filing denies.

The catalog's topic tree files libraries under their language (free-programming-books:
Programming › Python › Pandas, PHP › Laravel, JavaScript › React), so the tree says pandas is
Python's. A library the extractor found in the words of a resource whose title names another
language is a word, not the library: "PHP Pandas" is a PHP book whose title says pandas, and it
ranked for Data Analyst as a pandas book (``Ecosystems.denied``). Skills the source tagged
itself, and resources whose title names no language, keep theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

# topic id -> (parent topic id, the skills its name names)
TopicTree = Mapping[int, tuple[int | None, frozenset[int]]]
# Languages that share their libraries: a TypeScript book teaches React, a Kotlin one Spring.
FAMILIES = (
    ("JavaScript", "TypeScript", "CoffeeScript"),
    ("Java", "Kotlin", "Scala", "Groovy", "Clojure"),
    ("C", "C++", "Objective-C"),
    ("C#", "F#", "Visual Basic .NET"),
)


def nearest_language(tree: TopicTree, languages: frozenset[int], topic: int) -> int | None:
    """Return the programming language the topic or its nearest ancestor names, if any."""
    node: int | None = topic
    while node is not None and node in tree:
        parent, named = tree[node]
        found = named & languages
        if found:
            return min(found)
        node = parent
    return None


def ecosystems(tree: TopicTree, languages: frozenset[int]) -> dict[int, int]:
    """Return skill id -> the one language whose subtree files it (libraries and frameworks).

    A skill filed under two languages' topics belongs to neither.
    """
    owners: dict[int, set[int]] = {}
    for parent, named in tree.values():
        own = named - languages
        if not own or named & languages or parent is None:
            continue
        language = nearest_language(tree, languages, parent)
        if language is not None:
            for skill in own:
                owners.setdefault(skill, set()).add(language)
    return {skill: next(iter(found)) for skill, found in owners.items() if len(found) == 1}


def families(names: Mapping[str, frozenset[int]]) -> dict[int, frozenset[int]]:
    """Return language id -> the languages sharing its libraries, from ``FAMILIES``' names."""
    family: dict[int, frozenset[int]] = {}
    for members in FAMILIES:
        ids = frozenset().union(*(names.get(name, frozenset()) for name in members))
        family.update(dict.fromkeys(ids, ids))
    return family


@dataclass(frozen=True, slots=True)
class Ecosystems:
    """The programming languages, the library each owns, and the languages sharing libraries."""

    languages: frozenset[int]
    owner: Mapping[int, int]
    family: Mapping[int, frozenset[int]]

    def denied(
        self,
        found: frozenset[int],
        tagged: frozenset[int],
        in_title: frozenset[int],
        stated: frozenset[int],
    ) -> frozenset[int]:
        """Return the libraries in a resource's words that the language its title names denies.

        ``stated`` are the languages it names, is tagged with or is filed under: a library of
        one of them (or of a language sharing its libraries) is taught ("TypeScript Handbook for
        React Developers" keeps React). A library its description names is denied; one its title
        names only when the title names nothing else but languages ("PHP Pandas"): a title that
        lists a stack ("Tensorflow, Python, Tensorflow.JS with React.JS") teaches each part.
        """
        title_languages = in_title & self.languages
        if not title_languages:
            return frozenset()
        allowed = frozenset().union(*(self.family.get(lang, {lang}) for lang in stated))
        rest_of_title = in_title - self.languages
        return frozenset(
            skill
            for skill in found - tagged
            if (language := self.owner.get(skill)) is not None
            and language not in allowed
            and (skill not in in_title or rest_of_title == {skill})
        )
