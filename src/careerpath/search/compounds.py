"""Compound words written three ways: "back-end" = "backend" = "back end" (pure).

The analyzer splits "Back-End" into ``back`` and ``end``, so a search for ``backend`` would miss
it. The index therefore also stores the joined form of every hyphenated compound, and a query
looks for the joined form of each pair of its words and for each one-word term split where both
halves are words the index knows (as a phrase). No word list: it holds for front-end, full-stack,
e-mail, real-time, co-founder and any other compound alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Letters or digits joined by hyphens (ASCII or Unicode hyphens), e.g. "Back-End", "e-mail".
_HYPHENATED = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)+")
_HYPHENS = re.compile(r"[-\u2010\u2011]")
# A split of a one-word term needs two real words: "backend" -> "back end", never "b ackend".
MIN_PART = 3
MAX_SPLITS = 2


def fold(text: str) -> str:
    """Return ``text`` lower-cased with accents removed, as the index stores words."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def joined_forms(text: str) -> list[str]:
    """Return the joined, lower-cased form of each hyphenated compound in ``text``, once each."""
    found = (fold(_HYPHENS.sub("", match.group())) for match in _HYPHENATED.finditer(text))
    return list(dict.fromkeys(found))


def joined_pairs(terms: list[str]) -> list[tuple[int, str]]:
    """Return ``(i, terms[i] + terms[i + 1])`` for each pair of neighbouring query words."""
    return [(i, terms[i] + terms[i + 1]) for i in range(len(terms) - 1)]


def splits(term: str, is_word: Callable[[str], bool]) -> list[tuple[str, str]]:
    """Return the ways ``term`` splits into two words ``is_word`` accepts (longest head first)."""
    found = []
    for cut in range(len(term) - MIN_PART, MIN_PART - 1, -1):
        head, tail = term[:cut], term[cut:]
        if is_word(head) and is_word(tail):
            found.append((head, tail))
            if len(found) == MAX_SPLITS:
                break
    return found
