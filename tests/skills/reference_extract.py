"""The test oracle for ``Extractor``: the plain per-match loops it replaced (one match, one
mention, one sentence at a time), over the same tables and scalar checks. Not used in production.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ahocorasick_rs import AhoCorasick, MatchKind

from careerpath.skills import asking
from careerpath.skills.asking import PRACTICE, REACH_AFTER, REACH_BEFORE, ROLE_REACH
from careerpath.skills.boundaries import letter_ok, start_ok, stop, word_char
from careerpath.skills.evidence import SURE, supported
from careerpath.skills.extract import Extractor, Found, lower_same_length


def mentions(extractor: Extractor, text: str) -> list[Found]:
    """Every mention, judged one automaton match at a time."""
    keys = extractor._folded
    lowered = lower_same_length(text)
    sure: list[Found] = []
    unsure: list[tuple[int, int, int, int]] = []
    for match in keys.automaton.find_matches_as_indexes(lowered):
        extractor._judge(text, lowered, match, sure, unsure)
    written = _written(extractor, text, sure, unsure)
    if written:
        merged: list[Found] = []
        for mention in sorted(sure + written, key=lambda m: (m[1], m[1] - m[2])):
            if not merged or mention[1] >= merged[-1][2]:
                merged.append(mention)
        sure = merged
    kept = supported(text, sure, unsure)
    return sorted(sure + kept, key=lambda m: m[1])


def _written(
    extractor: Extractor, text: str, sure: list[Found], unsure: list[tuple[int, int, int, int]]
) -> list[Found]:
    capitals = extractor._capitals
    # Its own keys, not the letters' (those carry a neighbour): letters are keys of their own.
    names = [k for k, span in zip(capitals.keys, capitals.span, strict=True) if span == len(k)]
    table = {
        **{
            k: (capitals.skills[i], capitals.need[i])
            for i, k in enumerate(capitals.keys)
            if k in names
        },
        **{k: (skill, need) for k, (skill, _, need) in extractor._letters.items()},
    }
    automaton = AhoCorasick(list(table), matchkind=MatchKind.LeftmostLongest)
    found = []
    keys = list(table)
    for index, start, end in automaton.find_matches_as_indexes(text.replace("-", " ")):
        real_end = stop(text, start, end) if start_ok(text, start) else None
        if real_end is None:
            continue
        skill, need = table[keys[index]]
        overlapping = any(s < real_end and start < e for _, s, e in sure)
        if need == SURE:
            found.append((skill, start, real_end))
        elif letter_ok(text, start, end) and not overlapping:
            unsure.append((skill, start, real_end, need))
    return found


class _Sentences:
    """Sentence ends, whole cue words and role words, each found by its own automaton pass."""

    def __init__(self, text: str, low: str) -> None:
        ends = _ENDS.find_matches_as_indexes(low)
        self.after = [0, *[end for _, _, end in ends]]
        self.before = [*[start for _, start, _ in ends], len(text)]
        self.cues = [
            (start, end)
            for _, start, end in _CUES.find_matches_as_indexes(low)
            if not (word_char(f" {text} "[start]) or word_char(f" {text} "[end + 1]))
        ]
        self.roles = [start for _, start, _ in _ROLES.find_matches_as_indexes(low)]

    def cued(self, low: int, high: int) -> bool:
        return any(low <= start and end <= high for start, end in self.cues)


_ENDS = AhoCorasick(list(asking._ENDS), matchkind=MatchKind.LeftmostLongest)
_CUES = AhoCorasick(list(asking._CUES), matchkind=MatchKind.LeftmostLongest)
_ROLES = AhoCorasick(list(asking._ROLE_WORDS), matchkind=MatchKind.LeftmostFirst)


def asked(extractor: Extractor, text: str, found: list[Found]) -> list[Found]:
    """The mentions asked for, each with its own window, cue and list."""
    sentences = _Sentences(text, text.lower())
    ends = sentences.before[:-1]
    starts = sentences.after[1:]
    positions = [start for _, start, _ in found]
    kept = []
    for skill, start, end in found:
        near = bisect_left(sentences.roles, end)
        if (
            near < len(sentences.roles)
            and sentences.roles[near] - end <= ROLE_REACH
            and asking._ROLE.match(text, end)
        ):
            continue
        before = bisect_right(starts, start)
        low = max(start - REACH_BEFORE, starts[before - 1] if before else 0)
        after = bisect_left(ends, end)
        high = min(end + REACH_AFTER, ends[after] if after < len(ends) else len(text))
        context = extractor._context[skill]
        cued = asking._cue(text, sentences, low, high, context)  # type: ignore[arg-type]
        if not cued and context <= PRACTICE:
            first, last = bisect_left(positions, low), bisect_left(positions, high)
            others = sum(1 for other, _, _ in found[first:last] if other != skill)
            cued = others >= asking._LIST_SIZE[context]
        if cued:
            kept.append((skill, start, end))
    return kept
