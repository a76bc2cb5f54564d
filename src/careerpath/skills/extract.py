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
# Hyphens match spaces ("amazon-web-services", "Objective-C"); both are 1 character long.
_FOLD_HYPHEN = str.maketrans("-", " ")
# A lower-case ambiguous name ("spring", "go") counts only inside a list of skills.
LIST_WINDOW = 25
_LIST_GLUE = re.compile(r"^(?:[\s,/&()|+;]|\band\b|\bor\b)*$")
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
    case_sensitive: bool = False


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def lower_same_length(text: str) -> str:
    """Lower-case ``text`` (hyphens as spaces) without changing its length, so offsets hold."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.translate(_ASCII_LOWER)
    return lowered.translate(_FOLD_HYPHEN)


def pattern_key(text: str) -> str:
    """Return what the automaton stores for an alias: folded like the haystack."""
    return " ".join(text.lower().translate(_FOLD_HYPHEN).split())


class Extractor:
    """Text → skill mentions. Build once per process; ``extract`` is safe from any thread."""

    def __init__(self, patterns: Iterable[AliasPattern]) -> None:
        keys: dict[str, tuple[int, str | None, bool]] = {}
        for pattern in patterns:
            key = pattern_key(pattern.text)
            if not key or key in keys:
                continue
            exact = pattern.text if pattern.ambiguous or pattern.case_sensitive else None
            keys[key] = (pattern.skill_id, exact, pattern.ambiguous)
        self._keys = list(keys)
        self._skills = [skill for skill, _, _ in keys.values()]
        self._exact = [exact for _, exact, _ in keys.values()]
        self._ambiguous = [ambiguous for _, _, ambiguous in keys.values()]
        self._automaton = AhoCorasick(self._keys, matchkind=MatchKind.LeftmostLongest)

    @property
    def pattern_count(self) -> int:
        """Return how many distinct alias keys the automaton holds."""
        return len(self._keys)

    def extract(self, text: str) -> list[Mention]:
        """Return the mentions in ``text``, in order of position."""
        haystack = lower_same_length(text)
        sure: list[Mention] = []
        unsure: list[tuple[Mention, bool]] = []
        for index, start, end in self._automaton.find_matches_as_indexes(haystack):
            if not self._bounded(text, start, end):
                continue
            mention = Mention(self._skills[index], start, end, text[start:end])
            exact = self._exact[index]
            as_written = exact is None or mention.surface.replace("-", " ") == exact
            if not self._ambiguous[index]:
                if as_written:
                    sure.append(mention)
            elif self._letter_ok(text, start, end):
                unsure.append((mention, as_written))
        accepted = sure + [
            m for m, as_written in unsure if _has_evidence(text, m, sure, as_written=as_written)
        ]
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


def _has_evidence(text: str, mention: Mention, sure: list[Mention], *, as_written: bool) -> bool:
    """Exact case needs a skill or a technical word nearby; other cases need a list of skills."""
    if not as_written:
        return any(_listed_together(text, mention, other) for other in sure)
    low, high = mention.start - EVIDENCE_WINDOW, mention.end + EVIDENCE_WINDOW
    if any(low <= other.start and other.end <= high for other in sure):
        return True
    window = text[max(0, mention.start - 40) : mention.end + 40].lower()
    return _CONTEXT.search(window) is not None


def _listed_together(text: str, mention: Mention, other: Mention) -> bool:
    first, second = (mention, other) if mention.start < other.start else (other, mention)
    gap = text[first.end : second.start]
    return len(gap) <= LIST_WINDOW and _LIST_GLUE.match(gap.lower()) is not None
