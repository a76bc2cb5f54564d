"""Which mentions of a text read as asked for (a requirement), decided for all at once. Pure.

"Java Developer" or "our Agile team" names the job or the team, not a requirement, and "a global
leader in financial services" describes the employer. So each mention needs its sentence to
show a requirement: a cue word ("experience", "knowledge", "plus"), other skills listed beside
it, or a short line of its own (a bullet or a tag). Practices, industries and domains need two
other skills for a list; spoken languages need "fluent", "written" and the like; fields of study
need "degree", "background" and the like. These rules were chosen on SkillSpan's train split
(the dev split only measures them).

Sentence ends and role words are each found by one automaton pass over the text, cue words by
one over each window that needs a cue; mentions are walked to their sentence in order. Speed: a
posting names dozens of skills, so the common case (technologies listed together in a short
sentence) costs a few set and index lookups per sentence; cues, lists and job titles are read
only where needed, a list before a cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from operator import itemgetter

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
# What may stand between a name and its title (``_ROLE``'s ``[\s(/-]*``), how far to look for
# the first word of a title, and the words a title may start with.
_TITLE_LEAD = "(/-" + "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_TITLE_SPAN = 80
_QUALIFIERS = (
    *("senior", "junior", "lead", "principal", "software", "web", "backend", "back end"),
    *("frontend", "front end", "full stack", "fullstack", "mobile", "application"),
    *("platform", "cloud", "system"),
)
# Where a role word may stand (a prefilter for ``_ROLE``: most names have none close after).
_ROLE_WORDS = (
    *("developer", "engineer", "programmer", "architect", "admin", "team", "squad"),
    *("community", "consultant", "specialist", "environment", "culture", "principles"),
    *("ceremonies", "mindset", "lead", "role", "position"),
)
_TITLE_WORDS = (*_QUALIFIERS, *_ROLE_WORDS)
# A job title cannot follow a name at these (Latin-1 characters other than space, "(", "/",
# "-" and letters, where ``_ROLE`` fails at once).
_NO_TITLE_AFTER = frozenset(
    c for c in map(chr, range(256)) if not (c.isspace() or c in "(/-" or c.isalpha())
)
# A role word further than this after a name (characters) cannot make it a job title.
ROLE_REACH = 60
# Other skills a mention needs in its sentence to stand in a list, by what it names.
_LIST_SIZE = {TECHNOLOGY: 1, PRACTICE: 2}
_SKILL, _START, _END = itemgetter(0), itemgetter(1), itemgetter(2)
# A position past any text.
_NOWHERE = 1 << 62
_ENDS_FINDER = Finder(_ENDS, MatchKind.LeftmostLongest)
_CUES_FINDER = Finder(_CUES, MatchKind.LeftmostLongest)
_ROLES_FINDER = Finder(_ROLE_WORDS, MatchKind.LeftmostFirst)


class _Sentences:
    """Sentence ends, cue words and role words of one text, as sorted positions."""

    __slots__ = ("after", "before", "low", "padded", "roles")

    def __init__(self, text: str, low: str) -> None:
        # Columns of the automata's (pattern, start, end) tuples, taken by maps in C.
        ends = _ENDS_FINDER.find(low)
        # Sentence i runs from after end i-1 to the start of end i: [after[i], before[i]); a
        # start past any text closes ``after``, so a walk along it needs no length test.
        self.after = [0, *map(_END, ends), _NOWHERE]
        self.before = [*map(_START, ends), len(text)]
        self.low = low
        # A role word past any text closes the list, so a lookup needs no length test.
        self.roles = [*map(_START, _ROLES_FINDER.find(low)), _NOWHERE]
        self.padded = f" {text} "

    def cued(self, low: int, high: int) -> bool:
        """Say whether a whole cue word stands in text[low:high].

        Cue words are looked for in the window alone: a few windows of a text need one, where
        the text holds dozens ("experience" in every "Experience with ..."). The window's
        matches are the text's there, as no cue word starts inside another after a space or
        ends where a longer one would stand as a word. Cue words are found anywhere ("plus" in
        "surplus"); whether one stands as a word is checked here.
        """
        padded = self.padded
        for _, start, end in _CUES_FINDER.find(self.low[low:high]):
            # padded[i + 1] is text[i]: a space stands before and after the text.
            before, after = padded[low + start], padded[low + end + 1]
            if (before in NOT_WORD or not word_char(before)) and (
                after in NOT_WORD or not word_char(after)
            ):
                return True
        return False


def asked(
    text: str,
    low: str,
    mentions: Sequence[Found],
    contexts: Mapping[int, int],
    others: AbstractSet[int],
) -> list[Found]:
    """Keep the ``mentions`` (sorted by start) that read as asked for.

    ``low`` is ``text`` lower-cased (same length); ``contexts`` gives each skill's cue rule and
    ``others`` the skills whose rule is not ``TECHNOLOGY``. Mentions are read a sentence at a
    time: in a sentence shorter than the reach, every mention's window is the whole sentence,
    so its cue and list are found once; technologies listed together there need no cue at all.
    """
    sentences = _Sentences(text, low)
    reading = _Reading(text, low, sentences, mentions, contexts)
    skills, positions, ends = reading.skills, reading.positions, reading.ends
    # Mentions seldom overlap; when none does, a group's farthest end is its last one's.
    monotone = sorted(ends) == [*ends]
    after, before, roles = sentences.after, sentences.before, sentences.roles
    kept: list[Found] = []
    i, count, sentence = 0, len(mentions), 0
    while i < count:
        # Groups are few to a sentence and mentions few to a group: walking on is cheaper than
        # a bisection.
        start = positions[i]
        while after[sentence + 1] <= start:
            sentence += 1
        last = before[sentence]
        j = i + 1
        while positions[j] < last:
            j += 1
        end = ends[i]
        farthest = ends[j - 1] if monotone else max(ends[i:j])
        short = last - after[sentence] <= REACH_AFTER and farthest <= last
        if j == i + 1 and short and contexts[skills[i]] <= PRACTICE:
            # A name alone in a short sentence, with no list to stand in: asked for where the
            # sentence shows a cue or is a line of its own (``group``, read for one mention),
            # unless a role word right after it makes it a job title.
            if _cue(text, sentences, after[sentence], last, TECHNOLOGY) and not (
                roles[bisect_left(roles, end)] - end <= ROLE_REACH and _titled(text, low, end)
            ):
                kept.append(mentions[i])
            i = j
            continue
        # A role word just after the group's names may make one of them a job title.
        role = roles[bisect_left(roles, end)] - farthest <= ROLE_REACH
        listed = short and j > i + 1 and (skills[i] != skills[i + 1] or len(set(skills[i:j])) > 1)
        if listed and others.isdisjoint(skills[i:j]):
            # Technologies listed together in a short sentence: asked for as they stand.
            kept += (
                [m for m in mentions[i:j] if not _titled(text, low, m[2])]
                if role
                else mentions[i:j]
            )
        else:
            kept += reading.group(i, j, sentence, short, listed, role)
        i = j
    return kept


class _Reading:
    """The general reading of a group: each mention needs a cue in its window, or a list."""

    __slots__ = (
        "contexts",
        "cues",
        "ends",
        "low",
        "mentions",
        "positions",
        "sentences",
        "skills",
        "text",
    )

    def __init__(
        self,
        text: str,
        low: str,
        sentences: _Sentences,
        mentions: Sequence[Found],
        contexts: Mapping[int, int],
    ) -> None:
        self.low = low
        self.text, self.sentences, self.mentions, self.contexts = (
            text,
            sentences,
            mentions,
            contexts,
        )
        # The mentions' columns, taken by maps in C. A position past any text closes
        # ``positions``, so a walk along it needs no length test.
        self.skills = list(map(_SKILL, mentions))
        self.positions = [*map(_START, mentions), _NOWHERE]
        self.ends = list(map(_END, mentions))
        self.cues: dict[int | tuple[int, int, int], bool] = {}

    def group(
        self, i: int, j: int, sentence: int, short: bool, listed: bool, role: bool
    ) -> list[Found]:
        """Return the mentions i..j-1 (one sentence's) that read as asked for."""
        text, contexts, cues, sentences = self.text, self.contexts, self.cues, self.sentences
        first = sentences.after[sentence]
        low, high = first, sentences.before[sentence]
        kept = []
        for mention in self.mentions[i:j]:
            skill, start, end = mention
            context = contexts[skill]
            if context or not listed:  # a technology in a list needs no cue
                if not short:
                    low = max(start - REACH_BEFORE, first)
                    at = bisect_left(sentences.before, end, sentence)
                    high = min(end + REACH_AFTER, sentences.before[at])
                # Other skills in the window make a list (counted first: a cue is dearer).
                cued = False
                if context <= PRACTICE:
                    begin, stop = (i, j) if short else _inside(self.positions, low, high)
                    others = stop - begin - self.skills[begin:stop].count(skill)
                    cued = others >= _LIST_SIZE[context]
                if not cued:
                    # In a short sentence every mention's window is the sentence: its cue is
                    # found once.
                    key = sentence << 2 | context if short else (low, high, context)
                    found = cues.get(key)
                    if found is None:
                        found = cues[key] = _cue(text, sentences, low, high, context)
                    if not found:
                        continue
            if not (role and _titled(text, self.low, end)):
                kept.append(mention)
        return kept


def _titled(text: str, low: str, end: int) -> bool:
    """Say whether a role word right after a name makes it a job title ("Java Developer")."""
    # Most names end before a comma or a full stop, where no title can follow; and the word
    # after must open a title before the whole pattern is tried.
    return (
        text[end : end + 1] not in _NO_TITLE_AFTER
        and low[end : end + _TITLE_SPAN].lstrip(_TITLE_LEAD).startswith(_TITLE_WORDS)
        and _ROLE.match(text, end) is not None
    )


def _inside(positions: Sequence[int], low: int, high: int) -> tuple[int, int]:
    return bisect_left(positions, low), bisect_left(positions, high)


def _cue(text: str, sentences: _Sentences, low: int, high: int, context: int) -> bool:
    """Say whether text[low:high] asks for what the skill names (or is a line of its own)."""
    if context == SPOKEN_LANGUAGE:
        return _SPOKEN_CUE.search(text, low, high) is not None
    if context == FIELD_OF_STUDY:
        return _FIELD_CUE.search(text, low, high) is not None
    # At most SHORT_LINE + 1 pieces: enough to tell a short line from a long one.
    return sentences.cued(low, high) or len(text[low:high].split(None, SHORT_LINE)) <= SHORT_LINE
