"""Mark the words of a text that a query matched, with everything else HTML-escaped (pure)."""

from __future__ import annotations

import re
import unicodedata

from markupsafe import Markup, escape
from rapidfuzz.distance import Levenshtein

_WORD = re.compile(r"[^\W_]+")
FUZZY_MIN_LENGTH = 5


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_term(term: str) -> str:
    return _fold(term)


def matches(word: str, terms: list[str], last_is_prefix: bool) -> bool:
    """Say whether ``word`` matches a query term exactly, by prefix, or within one edit."""
    folded = _fold(word)
    for number, raw in enumerate(terms):
        term = _fold_term(raw)
        if folded == term:
            return True
        prefix = last_is_prefix and number == len(terms) - 1
        if prefix and folded.startswith(term):
            return True
        if len(term) >= FUZZY_MIN_LENGTH and _near(folded, term, prefix=prefix):
            return True
    return False


def _near(word: str, term: str, *, prefix: bool) -> bool:
    candidate = word[: len(term)] if prefix and len(word) > len(term) else word
    return Levenshtein.distance(candidate, term, score_cutoff=1) <= 1


def highlight(text: str, terms: list[str], *, last_is_prefix: bool = False) -> Markup:
    """Return ``text`` escaped, with matched words wrapped in ``<mark>``."""
    if not terms:
        return escape(text)
    parts: list[str] = []
    position = 0
    for found in _WORD.finditer(text):
        if matches(found.group(), terms, last_is_prefix):
            parts.append(str(escape(text[position : found.start()])))
            parts.append(f"<mark>{escape(found.group())}</mark>")
            position = found.end()
    parts.append(str(escape(text[position:])))
    return Markup("".join(parts))  # noqa: S704 - every piece above was escaped


def excerpt(text: str, terms: list[str], width: int = 240, *, last_is_prefix: bool = False) -> str:
    """Return about ``width`` characters of ``text`` around the first matched word."""
    if len(text) <= width:
        return text
    start = 0
    for found in _WORD.finditer(text):
        if matches(found.group(), terms, last_is_prefix):
            start = max(0, found.start() - width // 4)
            break
    snippet = text[start : start + width]
    return ("…" if start else "") + snippet.strip() + "…"
