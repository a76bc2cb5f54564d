"""Mark the words of a text that a query matched, with everything else HTML-escaped (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from markupsafe import Markup, escape
from rapidfuzz.distance import Levenshtein

from careerpath.search.compounds import fold

_WORD = re.compile(r"[^\W_]+")
# A word, or words joined by hyphens: "Back-End" is marked whole when the query says "backend".
_TOKEN = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)*")
FUZZY_MIN_LENGTH = 5


def _near(word: str, term: str, *, prefix: bool) -> bool:
    candidate = word[: len(term)] if prefix and len(word) > len(term) else word
    if abs(len(candidate) - len(term)) > 1:
        return False
    return Levenshtein.distance(candidate, term, score_cutoff=1) <= 1


class Highlighter:
    """Marks the words one query matched: exactly, by prefix (last word), or within one edit."""

    def __init__(
        self,
        terms: list[str],
        *,
        last_is_prefix: bool = False,
        fuzzy: set[str] | None = None,
    ) -> None:
        self.terms = [fold(term) for term in terms]
        self.last_is_prefix = last_is_prefix
        # The terms the query matched with one edit; None means every long enough term.
        self.fuzzy = None if fuzzy is None else {fold(term) for term in fuzzy}
        self.shortest = min((len(term) for term in self.terms), default=0) - 1
        # Texts share most of their words; each distinct word is judged once per query.
        self._seen: dict[str, bool] = {}

    def matches(self, word: str) -> bool:
        """Say whether ``word`` matches one of the query's terms."""
        if len(word) < self.shortest:
            return False
        known = self._seen.get(word)
        if known is None:
            known = self._seen[word] = self._judge(fold(word))
        return known

    def _judge(self, folded: str) -> bool:
        last = len(self.terms) - 1
        for number, term in enumerate(self.terms):
            prefix = self.last_is_prefix and number == last
            if folded == term or (prefix and folded.startswith(term)):
                return True
            if self._is_fuzzy(term) and _near(folded, term, prefix=prefix):
                return True
        return False

    def _is_fuzzy(self, term: str) -> bool:
        if self.fuzzy is not None:
            return term in self.fuzzy
        return len(term) >= FUZZY_MIN_LENGTH

    def mark(self, text: str) -> Markup:
        """Return ``text`` escaped, with matched words wrapped in ``<mark>``."""
        if not self.terms:
            return escape(text)
        parts: list[str] = []
        position = 0
        for found in self._matched(text):
            parts.append(str(escape(text[position : found.start()])))
            parts.append(f"<mark>{escape(found.group())}</mark>")
            position = found.end()
        parts.append(str(escape(text[position:])))
        return Markup("".join(parts))  # noqa: S704 - every piece above was escaped

    def _matched(self, text: str) -> Iterator[re.Match[str]]:
        """Yield the matched words and hyphenated compounds of ``text``, in order."""
        for token in _TOKEN.finditer(text):
            words = list(_WORD.finditer(text, token.start(), token.end()))
            if len(words) > 1 and self.matches("".join(w.group() for w in words)):
                yield token
            else:
                yield from (w for w in words if self.matches(w.group()))

    def excerpt(self, text: str, width: int = 200) -> str:
        """Return about ``width`` characters of ``text`` around the first matched word."""
        if len(text) <= width:
            return text
        start = 0
        if self.terms:
            for found in _WORD.finditer(text):
                if self.matches(found.group()):
                    start = max(0, found.start() - width // 4)
                    break
        return ("…" if start else "") + text[start : start + width].strip() + "…"


def highlight(text: str, terms: list[str], *, last_is_prefix: bool = False) -> Markup:
    """Return ``text`` escaped, with the words matching ``terms`` wrapped in ``<mark>``."""
    return Highlighter(terms, last_is_prefix=last_is_prefix).mark(text)
