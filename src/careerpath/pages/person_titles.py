"""A career's title as a person's job, and O*NET's generic texts made to fit one career (pure).

O*NET names occupations in the plural ("Software Developers", "Accountants and Auditors");
a page about becoming one reads "Software Developer". Only the head nouns are made singular:
the last word of each part joined by "and"/"or"/commas, up to the first part that holds a
plural, so qualifiers stay as O*NET wrote them ("Secretary and Administrative Assistant,
Except Legal, Medical, and Executive"; "Sales Representative, Wholesale and Manufacturing,
Technical and Scientific Products").
"""

from __future__ import annotations

import re

# Words ending in "s" that are not plurals of a job noun.
NOT_PLURAL = frozenset(
    [
        "sales", "arts", "sports", "athletics", "economics", "physics", "mathematics", "logistics",
        "statistics", "news", "series", "species", "gas", "aerobics", "graphics", "robotics",
        "genetics", "electronics", "optics", "ethics", "systems", "operations", "relations",
        "services", "affairs", "resources",
    ]
)  # fmt: skip
IRREGULAR = {"men": "man", "women": "woman", "people": "person", "children": "child"}
_COMMA = re.compile(r"(,\s*)")
_JOIN = re.compile(r"(\s+(?:and|or)\s+|/)")
# O*NET's job-zone texts give an example from another occupation ("For example, an accountant
# must …"); on one career's page that reads as if it were about that career.
_EXAMPLE = re.compile(r"\s*For example, (?!they\b)[^.]*\.")


def singular(word: str) -> str:
    """Return the singular of one English job noun ("Secretaries" -> "Secretary")."""
    lower = word.lower()
    for plural, one in IRREGULAR.items():
        if lower.endswith(plural):
            return word[: len(word) - len(plural)] + _same_case(word[-len(plural)], one)
    if not is_plural(word):
        return word
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    return word[:-1]


def _same_case(first: str, word: str) -> str:
    return word[0].upper() + word[1:] if first.isupper() else word


def is_plural(word: str) -> bool:
    """Say whether ``word`` reads as a plural job noun."""
    lower = word.lower().strip("'’")
    if lower in NOT_PLURAL or lower in IRREGULAR.values():
        return False
    if any(lower.endswith(p) for p in IRREGULAR):
        return True
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))


def person_title(title: str) -> str:
    """Return an occupation's title as one person's job ("Data Scientists" -> "Data Scientist")."""
    noun, of, complement = title.partition(" of ")  # "Supervisors of Sales Workers": Supervisors
    segments = _COMMA.split(noun)  # texts at even places, the commas between them at odd ones
    texts = range(0, len(segments), 2)
    first = next((i for i in texts if _holds_plural(segments[i])), None)
    if first is None:
        return title
    last = first  # a list of plurals goes on: "Plumbers, Pipefitters, and Steamfitters"
    while last + 2 < len(segments) and _holds_plural(segments[last + 2]):
        last += 2
    for i in range(0, last + 1, 2):
        segments[i] = "".join(
            _singular_head(piece) if n % 2 == 0 else piece
            for n, piece in enumerate(_JOIN.split(segments[i]))
        )
    return "".join(segments) + of + complement


def _holds_plural(segment: str) -> bool:
    return any(_head_is_plural(piece) for piece in _JOIN.split(segment)[::2])


def _head_is_plural(part: str) -> bool:
    words = part.split()
    return bool(words) and is_plural(words[-1])


def _singular_head(part: str) -> str:
    head, _, last = part.rpartition(" ")
    return f"{head} {singular(last)}" if head else singular(last)


def preparation_text(text: str) -> str:
    """Return O*NET's job-zone text without its examples from other occupations."""
    return _EXAMPLE.sub("", text).strip()
