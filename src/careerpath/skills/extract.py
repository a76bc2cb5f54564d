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


def lower_same_length(text: str) -> str:
    """Lower-case ``text`` (hyphens as spaces) without changing its length, so offsets hold."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = text.translate(_ASCII_LOWER)
    return lowered.replace("-", " ")


def pattern_key(text: str) -> str:
    """Return what the automaton stores for an alias: folded like the haystack."""
    # Hyphens match spaces ("amazon-web-services", "Objective-C"), like in the haystack.
    return " ".join(text.lower().replace("-", " ").split())


class Extractor:
    """Text → skill mentions. Build once per process; ``extract`` is safe from any thread."""

    def __init__(self, patterns: Iterable[AliasPattern]) -> None:
        folded: dict[str, tuple[int, str | None, bool]] = {}
        capitals: dict[str, tuple[int, bool]] = {}
        for pattern in patterns:
            key = pattern_key(pattern.text)
            if not key or key in folded or key in capitals:
                continue
            if (pattern.case_sensitive and not pattern.ambiguous) or len(key) == 1:
                # Matched as written against the original text: "SET" never hits "set", and
                # "R" or "C" are not looked for in every word with an r or a c.
                written = " ".join(pattern.text.replace("-", " ").split())
                capitals[written] = (pattern.skill_id, pattern.ambiguous)
                continue
            exact = pattern.text if pattern.ambiguous or pattern.case_sensitive else None
            folded[key] = (pattern.skill_id, exact, pattern.ambiguous)
        self._keys = list(folded)
        self._skills = [skill for skill, _, _ in folded.values()]
        self._exact = [exact for _, exact, _ in folded.values()]
        self._ambiguous = [ambiguous for _, _, ambiguous in folded.values()]
        self._automaton = AhoCorasick(self._keys, matchkind=MatchKind.LeftmostLongest)
        self._capital_keys = list(capitals)
        self._capital_skills = [skill for skill, _ in capitals.values()]
        self._capital_ambiguous = [ambiguous for _, ambiguous in capitals.values()]
        self._capitals = AhoCorasick(
            self._capital_keys or ["\x00"], matchkind=MatchKind.LeftmostLongest
        )

    @property
    def pattern_count(self) -> int:
        """Return how many distinct alias keys the automata hold."""
        return len(self._keys) + len(self._capital_keys)

    @property
    def keys(self) -> list[str]:
        """Return every alias key (folded ones, then those matched as written)."""
        return self._keys + self._capital_keys

    def extract(self, text: str) -> list[Mention]:
        """Return the mentions in ``text``, in order of position."""
        sure: list[Mention] = []
        unsure: list[tuple[Mention, bool]] = []
        skills, exacts, ambiguous = self._skills, self._exact, self._ambiguous
        for index, start, end in self._automaton.find_matches_as_indexes(lower_same_length(text)):
            if not _bounded(text, start, end):
                continue
            surface = text[start:end]
            exact = exacts[index]
            as_written = exact is None or surface.replace("-", " ") == exact
            if not ambiguous[index]:
                if as_written:
                    sure.append(Mention(skills[index], start, end, surface))
            elif _letter_ok(text, start, end):
                unsure.append((Mention(skills[index], start, end, surface), as_written))
        if self._capital_keys:
            sure = self._with_capitals(text, sure, unsure)
        if not unsure:
            return sure
        accepted = sure + [
            m for m, as_written in unsure if _has_evidence(text, m, sure, as_written=as_written)
        ]
        return sorted(accepted, key=lambda m: m.start)

    def _with_capitals(
        self, text: str, sure: list[Mention], unsure: list[tuple[Mention, bool]]
    ) -> list[Mention]:
        """Add as-written matches that do not overlap a longer folded match."""
        found = []
        for index, start, end in self._capitals.find_matches_as_indexes(text.replace("-", " ")):
            if not _bounded(text, start, end):
                continue
            mention = Mention(self._capital_skills[index], start, end, text[start:end])
            if not self._capital_ambiguous[index]:
                found.append(mention)
            elif _letter_ok(text, start, end) and not _inside(mention, sure):
                unsure.append((mention, True))
        if not found:
            return sure
        merged: list[Mention] = []
        for mention in sorted(sure + found, key=lambda m: (m.start, m.start - m.end)):
            if merged and mention.start < merged[-1].end:
                continue
            merged.append(mention)
        return merged

    def skill_ids(self, text: str) -> set[int]:
        """Return the distinct skills mentioned in ``text``."""
        return {mention.skill_id for mention in self.extract(text)}


def _bounded(text: str, start: int, end: int) -> bool:
    """Say whether the match stands as whole words ("Java" not in "JavaBeans")."""
    if start:
        first, before = text[start], text[start - 1]
        if (first.isalnum() or first == "_") and (before.isalnum() or before == "_"):
            return False
        if before == "." and first.isalnum() and start > 1 and text[start - 2].isalnum():
            return False
    if end < len(text):
        last, after = text[end - 1], text[end]
        if last.isalnum() or last == "_":
            if after.isalnum() or after in "_+#":
                return False
            if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
                return False
    return True


def _inside(mention: Mention, others: list[Mention]) -> bool:
    return any(o.start < mention.end and mention.start < o.end for o in others)


def _letter_ok(text: str, start: int, end: int) -> bool:
    """One-letter names ("C", "R") stand only between spaces, commas, slashes, brackets."""
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
