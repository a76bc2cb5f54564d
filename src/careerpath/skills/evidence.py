"""Evidence an ambiguous name needs to count as a skill ("Go", "R", "Excel", "Spring"). Pure.

Written with the exact case of the alias, such a name needs another (unambiguous) skill or a
technical word nearby ("programming", "framework"); written in another case, it must stand
right beside another skill in a list ("java, spring, hibernate"). Consumer products count only
in a list that also names a real skill.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter
from typing import NamedTuple

# A mention: (skill id, start, end).
Found = tuple[int, int, int]
_START, _END = itemgetter(1), itemgetter(2)

# What a name needs to count: nothing, technical evidence, a list of other skills, or (written
# in another case than the alias) to stand right beside another skill.
SURE, EVIDENCE, LISTED, ADJACENT = 0, 1, 2, 3
# How far (characters) around an ambiguous name we look for evidence.
EVIDENCE_WINDOW = 80
_CONTEXT = re.compile(
    r"\b(programming|language|languages|developer|developers|development|coding|code|framework"
    r"|frameworks|library|libraries|scripting|scripts?|stack|compiler|engineer|engineering"
    r"|apis?|sdk|backend|back-end|frontend|microsoft|ms|office|spreadsheets?|databases?"
    r"|pivot|vlookup|macros|game engine|ios|apps?)\b"
)
# A lower-case ambiguous name ("spring", "go") counts only inside a list of skills.
LIST_WINDOW = 25
_LIST_GLUE = re.compile(r"^(?:[\s,/&()|+;]|\band\b|\bor\b)*$")


def overlaps(found: list[Found], start: int, end: int) -> bool:
    """Say whether [start, end) overlaps any of ``found``."""
    return any(other_start < end and start < other_end for _, other_start, other_end in found)


def supported(text: str, sure: list[Found], unsure: list[tuple[int, int, int, int]]) -> list[Found]:
    """Return the (skill, start, end) of the ``unsure`` (with their rule) that have evidence.

    ``sure`` is sorted by start.
    """
    spans = _Spans(list(map(_START, sure)), list(map(_END, sure)))
    return [
        (skill, start, end)
        for skill, start, end, rule in unsure
        if _has_evidence(text, (start, end), spans, rule)
    ]


class _Spans(NamedTuple):
    """Where the sure mentions start and end (sorted by start)."""

    starts: list[int]
    ends: list[int]

    def pairs(self) -> zip[tuple[int, int]]:
        """Return each mention's (start, end)."""
        return zip(self.starts, self.ends, strict=True)

    def within(self, low: int, high: int) -> bool:
        """Say whether one of the mentions lies inside [low, high]."""
        # Only spans starting from ``low`` up to ``high`` can: a bisection, not a scan of all.
        starts, ends = self.starts, self.ends
        at = bisect_left(starts, low)
        while at < len(starts) and starts[at] <= high:
            if ends[at] <= high:
                return True
            at += 1
        return False


def _has_evidence(text: str, mention: tuple[int, int], sure: _Spans, rule: int) -> bool:
    """Exact case needs a skill or a technical word nearby; other cases need a list of skills."""
    if rule == LISTED:
        return any(_in_list(text, mention, other) for other in sure.pairs())
    if rule == ADJACENT:
        return any(_listed_together(text, mention, other) for other in sure.pairs())
    start, end = mention
    if sure.within(start - EVIDENCE_WINDOW, end + EVIDENCE_WINDOW):
        return True
    window = text[max(0, start - 40) : end + 40].lower()
    return _CONTEXT.search(window) is not None


def _gap(text: str, one: tuple[int, int], other: tuple[int, int]) -> str:
    first, second = (one, other) if one[0] < other[0] else (other, one)
    return text[first[1] : second[0]]


def _in_list(text: str, mention: tuple[int, int], other: tuple[int, int]) -> bool:
    """A consumer product counts in a list that also names a real skill, in one sentence."""
    gap = _gap(text, mention, other)
    return len(gap) <= EVIDENCE_WINDOW and ". " not in gap and ("," in gap or "/" in gap)


def _listed_together(text: str, mention: tuple[int, int], other: tuple[int, int]) -> bool:
    gap = _gap(text, mention, other)
    return len(gap) <= LIST_WINDOW and _LIST_GLUE.match(gap.lower()) is not None
