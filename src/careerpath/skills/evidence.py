"""Evidence an ambiguous name needs to count as a skill ("Go", "R", "Excel", "Spring"). Pure.

Written with the exact case of the alias, such a name needs another (unambiguous) skill or a
technical word nearby ("programming", "framework"); written in another case, it must stand
right beside another skill in a list ("java, spring, hibernate"). Consumer products count only
in a list that also names a real skill.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from operator import itemgetter

# A mention: (skill id, start, end).
Found = tuple[int, int, int]
_START = itemgetter(1)

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
    return [
        (skill, start, end)
        for skill, start, end, rule in unsure
        if _has_evidence(text, (start, end), sure, rule)
    ]


def skill_within(sure: Sequence[Found], low: int, high: int) -> bool:
    """Say whether one of ``sure`` (sorted by start) lies inside [low, high]."""
    # Only mentions starting from ``low`` up to ``high`` can: a bisection, not a scan of all.
    at = bisect_left(sure, low, key=_START)
    while at < len(sure) and (mention := sure[at])[1] <= high:
        if mention[2] <= high:
            return True
        at += 1
    return False


def _has_evidence(text: str, mention: tuple[int, int], sure: list[Found], rule: int) -> bool:
    """Exact case needs a skill or a technical word nearby; other cases need a list of skills."""
    if rule == LISTED:
        return any(_in_list(text, mention, (s, e)) for _, s, e in sure)
    if rule == ADJACENT:
        return any(_listed_together(text, mention, (s, e)) for _, s, e in sure)
    start, end = mention
    if skill_within(sure, start - EVIDENCE_WINDOW, end + EVIDENCE_WINDOW):
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
