"""Find skill mentions in text with one Aho-Corasick automaton. Pure and thread-safe.

Matching is leftmost-longest over lower-cased text, so "ASP.NET Core" beats "ASP.NET" and
"Node.js" beats "Node". A match counts only on whole-word boundaries. Names that are also
ordinary words or letters ("Go", "R", "Excel", "Spring") count only when written with the
exact case of the alias and with technical evidence nearby: another (unambiguous) skill, or a
word such as "programming" or "framework".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ahocorasick_rs import AhoCorasick, MatchKind

# How far (characters) around an ambiguous name we look for evidence.
EVIDENCE_WINDOW = 80
_CONTEXT = re.compile(
    r"\b(programming|language|languages|developer|developers|development|coding|code|framework"
    r"|frameworks|library|libraries|scripting|scripts?|stack|compiler|engineer|engineering"
    r"|apis?|sdk|backend|back-end|frontend|microsoft|ms|office|spreadsheets?|databases?"
    r"|pivot|vlookup|macros|game engine|ios|apps?)\b"
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Around a one-letter name ("C", "R") only these may stand: "R&D" or "C-level" are not skills.
_LETTER_NEIGHBOURS = frozenset(" \t\r\n,/();:.")


@dataclass(frozen=True, slots=True)
class Mention:
    """A skill found in text: where, and how it was written."""

    skill_id: int
    start: int
    end: int
    surface: str


@dataclass(frozen=True, slots=True)
class AliasPattern:
    """One alias to look for; ambiguous ones need exact case and evidence."""

    text: str
    skill_id: int
    ambiguous: bool = False


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def lower_same_length(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets stay valid."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


class Extractor:
    """Text → skill mentions. Build once per process; ``extract`` is safe from any thread."""

    def __init__(self, patterns: Iterable[AliasPattern]) -> None:
        keys: dict[str, tuple[int, frozenset[str] | None]] = {}
        for pattern in patterns:
            key = " ".join(pattern.text.lower().split())
            if not key or key in keys:
                continue
            exact = frozenset({pattern.text}) if pattern.ambiguous else None
            keys[key] = (pattern.skill_id, exact)
        self._keys = list(keys)
        self._skills = [skill for skill, _ in keys.values()]
        self._exact = [exact for _, exact in keys.values()]
        self._automaton = AhoCorasick(self._keys, matchkind=MatchKind.LeftmostLongest)

    @property
    def pattern_count(self) -> int:
        """Return how many distinct alias keys the automaton holds."""
        return len(self._keys)

    def extract(self, text: str) -> list[Mention]:
        """Return the mentions in ``text``, in order of position."""
        haystack = lower_same_length(text)
        sure: list[Mention] = []
        unsure: list[Mention] = []
        for index, start, end in self._automaton.find_matches_as_indexes(haystack):
            if not self._bounded(text, start, end):
                continue
            mention = Mention(self._skills[index], start, end, text[start:end])
            exact = self._exact[index]
            if exact is None:
                sure.append(mention)
            elif mention.surface in exact and self._letter_ok(text, start, end):
                unsure.append(mention)
        accepted = sure + [m for m in unsure if _has_evidence(text, m, sure)]
        return sorted(accepted, key=lambda m: m.start)

    def skill_ids(self, text: str) -> set[int]:
        """Return the distinct skills mentioned in ``text``."""
        return {mention.skill_id for mention in self.extract(text)}

    @staticmethod
    def _bounded(text: str, start: int, end: int) -> bool:
        if _is_word(text[start]) and start > 0:
            before = text[start - 1]
            if _is_word(before) or (before == "." and start > 1 and _is_word(text[start - 2])):
                return False
        if _is_word(text[end - 1]) and end < len(text):
            after = text[end]
            if _is_word(after) or after in "+#":
                return False
            if after == "." and end + 1 < len(text) and _is_word(text[end + 1]):
                return False
        return True

    @staticmethod
    def _letter_ok(text: str, start: int, end: int) -> bool:
        if end - start > 1:
            return True
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        return before in _LETTER_NEIGHBOURS and after in _LETTER_NEIGHBOURS


def _has_evidence(text: str, mention: Mention, sure: list[Mention]) -> bool:
    low, high = mention.start - EVIDENCE_WINDOW, mention.end + EVIDENCE_WINDOW
    if any(low <= other.start and other.end <= high for other in sure):
        return True
    window = lower_same_length(text[max(0, mention.start - 40) : mention.end + 40])
    return _CONTEXT.search(window) is not None
