"""Which mentions of a text read as asked for (a requirement), decided for all at once. Pure.

"Java Developer" or "our Agile team" names the job or the team, not a requirement, and "a global
leader in financial services" describes the employer. So each mention needs its sentence to
show a requirement: a cue word ("experience", "knowledge", "plus"), other skills listed beside
it, or a short line of its own (a bullet or a tag). Practices, industries and domains need two
other skills for a list; spoken languages need "fluent", "written" and the like; fields of study
need "degree", "background" and the like. These rules were chosen on SkillSpan's train split
(the dev split only measures them).

Sentence ends, cue words and role words are each found by one automaton pass over the text;
each mention's sentence, cue and list are then found by binary search.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence

from ahocorasick_rs import MatchKind

from careerpath.skills.boundaries import NOT_WORD, word_char
from careerpath.skills.finder import Finder

# A mention: (skill id, start, end).
Found = tuple[int, int, int]

# What the sentence around a mention must show (from the skill's kind).
TECHNOLOGY, PRACTICE, SPOKEN_LANGUAGE, FIELD_OF_STUDY = 0, 1, 2, 3
# A sentence ends at these; scraped postings also run bullets together with "•" or " * ".
_ENDS = ("\n", ";", "•", "\x95", "!", "?", "*", ". ")
# How far a sentence reaches around a mention when no boundary is found (characters).
REACH_BEFORE, REACH_AFTER = 150, 100
# A line this short (words) is a bullet or a tag: it lists the skill on its own.
SHORT_LINE = 6
# Whole words that show a requirement (matched on lower-cased text).
_CUES = (
    *("experience", "experienced", "experiences", "knowledge", "knowledgeable"),
    *("understanding", "familiar", "familiarity", "skill", "skills", "skilled"),
    *("proficiency", "proficient", "background", "degree", "expertise", "expert"),
    *("competence", "competency", "competent", "plus", "bonus", "nice to have"),
    *("advantage", "advantageous", "preferred", "required", "requirement", "requirements"),
    *("must", "solid", "strong", "hands on", "exposure", "qualification", "qualifications"),
    *("ability", "understand", "know", "demonstrated", "proven", "track record", "ideally"),
    *("desirable", "good", "deep"),
)
_SPOKEN_CUE = re.compile(
    r"\b(?:fluent(?:ly)?|fluency|spoken|written|speak(?:ing)?|proficien\w*|native|mother tongue"
    r"|language|command|level|[abc][12]|bilingual|communication)\b",
    re.IGNORECASE,
)
_FIELD_CUE = re.compile(
    r"\b(?:degree|bsc|msc|ph\.?d|bachelor'?s?|master'?s?|background|studies|study|graduate"
    r"|diploma|education|major|discipline|field|related|equivalent|b\.?s|m\.?s|ba|ma)\b",
    re.IGNORECASE,
)
# A name right before one of these names the job or the team: "Java Developer", "Agile team".
_ROLE = re.compile(
    r"[\s(/-]*(?:(?:senior|junior|lead|principal|software|web|backend|back end|frontend"
    r"|front end|full stack|fullstack|mobile|application|platform|cloud|systems?)\s+)*"
    r"(?:developers?|engineers?|programmers?|architects?|administrators?|admins?|teams?"
    r"|squads?|community|consultants?|specialists?|environments?|culture|principles"
    r"|ceremonies|mindset|leads?|roles?|positions?)\b",
    re.IGNORECASE,
)
# Where a role word may stand (a prefilter for ``_ROLE``: most names have none close after).
_ROLE_WORDS = (
    *("developer", "engineer", "programmer", "architect", "admin", "team", "squad"),
    *("community", "consultant", "specialist", "environment", "culture", "principles"),
    *("ceremonies", "mindset", "lead", "role", "position"),
)
# A role word further than this after a name (characters) cannot make it a job title.
ROLE_REACH = 60
# Other skills a mention needs in its sentence to stand in a list, by what it names.
_LIST_SIZE = {TECHNOLOGY: 1, PRACTICE: 2}
_ENDS_FINDER = Finder(_ENDS, MatchKind.LeftmostLongest)
_CUES_FINDER = Finder(_CUES, MatchKind.LeftmostLongest)
_ROLES_FINDER = Finder(_ROLE_WORDS, MatchKind.LeftmostFirst)


class _Sentences:
    """Sentence ends, whole cue words and role words of one text, as sorted positions."""

    def __init__(self, text: str, low: str) -> None:
        ends = _ENDS_FINDER.find(low)
        # Sentence i runs from after end i-1 to the start of end i: [after[i], before[i]).
        self.after = [0, *[end for _, _, end in ends]]
        self.before = [*[start for _, start, _ in ends], len(text)]
        padded = f" {text} "
        self.cues: list[int] = []
        self.cue_ends: list[int] = []
        for _, start, end in _CUES_FINDER.find(low):
            before, after = padded[start], padded[end + 1]
            if (before in NOT_WORD and after in NOT_WORD) or not (
                word_char(before) or word_char(after)
            ):
                self.cues.append(start)
                self.cue_ends.append(end)
        self.roles = [start for _, start, _ in _ROLES_FINDER.find(low)]

    def window(self, sentence: int, start: int, end: int) -> tuple[int, int]:
        """Return the part of the sentence around [start, end) that a cue may come from."""
        low = max(start - REACH_BEFORE, self.after[sentence])
        return low, min(end + REACH_AFTER, self.before[bisect_left(self.before, end, sentence)])

    def cued(self, low: int, high: int) -> bool:
        """Say whether a whole cue word stands in text[low:high]."""
        first = bisect_left(self.cues, low)
        return first < len(self.cues) and self.cue_ends[first] <= high

    def near_role(self, first: int, last: int) -> bool:
        """Say whether a role word starts between ``first`` and ``ROLE_REACH`` after ``last``."""
        near = bisect_left(self.roles, first)
        return near < len(self.roles) and self.roles[near] - last <= ROLE_REACH


def asked(
    text: str, low: str, mentions: Sequence[Found], contexts: Mapping[int, int]
) -> list[Found]:
    """Keep the ``mentions`` (sorted by start) that read as asked for.

    ``low`` is ``text`` lower-cased (same length); ``contexts`` gives each skill's cue rule.
    Mentions are read a sentence at a time: in a sentence shorter than the reach, every
    mention's window is the whole sentence, so its cue and list are found once.
    """
    sentences = _Sentences(text, low)
    positions = [start for _, start, _ in mentions]
    skills = [skill for skill, _, _ in mentions]
    cues: dict[tuple[int, int, int], bool] = {}
    kept: list[Found] = []
    i = 0
    while i < len(mentions):
        sentence = bisect_right(sentences.after, positions[i]) - 1
        first, last = sentences.after[sentence], sentences.before[sentence]
        j = max(bisect_left(positions, last, i), i + 1)
        group = mentions[i:j]
        farthest = group[0][2] if j == i + 1 else max([end for _, _, end in group])
        short = last - first <= REACH_AFTER and farthest <= last
        # In a short sentence naming two skills or more, a technology is in a list: asked for.
        listed = short and j > i + 1 and len(set(skills[i:j])) > 1
        role = sentences.near_role(group[0][2], farthest)
        for mention in group:
            skill, start, end = mention
            context = contexts[skill]
            if not (listed and context == TECHNOLOGY):
                window = (first, last) if short else sentences.window(sentence, start, end)
                key = (*window, context)
                cued = cues.get(key)
                if cued is None:
                    cued = cues[key] = _cue(text, sentences, window, context)
                if not cued and context <= PRACTICE:
                    begin, stop = (i, j) if short else _inside(positions, window)
                    others = stop - begin - skills[begin:stop].count(skill)
                    cued = others >= _LIST_SIZE[context]
                if not cued:
                    continue
            if not (role and _ROLE.match(text, end)):
                kept.append(mention)
        i = j
    return kept


def _inside(positions: list[int], window: tuple[int, int]) -> tuple[int, int]:
    return bisect_left(positions, window[0]), bisect_left(positions, window[1])


def _cue(text: str, sentences: _Sentences, window: tuple[int, int], context: int) -> bool:
    """Say whether text[low:high] asks for what the skill names (or is a line of its own)."""
    low, high = window
    if context == SPOKEN_LANGUAGE:
        return _SPOKEN_CUE.search(text, low, high) is not None
    if context == FIELD_OF_STUDY:
        return _FIELD_CUE.search(text, low, high) is not None
    return sentences.cued(low, high) or len(text[low:high].split()) <= SHORT_LINE
