"""Find skill mentions in text with one Aho-Corasick automaton. Pure and thread-safe.

Matching is leftmost-longest over lower-cased text, so "ASP.NET Core" beats "ASP.NET" and
"Node.js" beats "Node". A match counts only on whole-word boundaries, read the way scraped
postings are written: "Git.Excellent" ends a sentence, "APIs" and "frameworks" are plurals,
"Java8" and "Python 3.11" carry versions; when the longest name fails its boundary the next
shorter one is tried ("JavaScript frameworks" still gives JavaScript). Names that are also
ordinary words or letters ("Go", "R", "Excel", "Spring") count only when written with the
exact case of the alias and with technical evidence nearby: another (unambiguous) skill, or a
word such as "programming" or "framework". Consumer products count only in a list of skills.

A mention must also read as asked for: "Java Developer" or "our Agile team" names the job or the
team, not a requirement, and "a global leader in financial services" describes the employer.
So each mention needs its sentence to show a requirement: a cue word ("experience", "knowledge",
"plus"), other skills listed beside it, or a short line of its own (a bullet or a tag). Practices,
industries and domains need two other skills for a list; spoken languages need "fluent",
"written" and the like; fields of study need "degree", "background" and the like. These rules
were chosen on SkillSpan's train split (the dev split only measures them).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
# A version after a name: "Java 8", "Python 3.11", "Java SE v.8+"; not "SQL 5 years".
_VERSION = re.compile(
    r" ?v?\.?\d{1,2}(?:\.\d{1,2}){0,2}\+?(?![\w.#+])(?!\s*\+?\s*(?:years?|yrs?|months?|%))"
)
# Digits glued to a name: "Java8", "Angular2", "Python3".
_GLUED_VERSION = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,2}\+?(?![\w#+])")
# Plurals need a name at least this long: "APIs", "frameworks", never "Rs" or "Cs".
MIN_PLURAL = 3

# What the sentence around a mention must show (from the skill's kind).
TECHNOLOGY, PRACTICE, SPOKEN_LANGUAGE, FIELD_OF_STUDY = 0, 1, 2, 3
# A sentence ends at these; scraped postings also run bullets together with "•" or " * ".
_BOUNDARY = re.compile(r"[\n;•\x95!?*]|\. ")
# How far a sentence reaches around a mention when no boundary is found (characters).
REACH_BEFORE, REACH_AFTER = 150, 100
# A line this short (words) is a bullet or a tag: it lists the skill on its own.
SHORT_LINE = 6
_CUE = re.compile(
    r"\b(?:experience[ds]?|knowledge|knowledgeable|understanding|familiar(?:ity)?|skills?"
    r"|skilled|proficien(?:cy|t)|background|degree|expertise|expert|competen(?:ce|cy|t)|plus"
    r"|bonus|nice to have|advantage(?:ous)?|preferred|required|requirements?|must|solid|strong"
    r"|hands on|exposure|qualifications?|ability|understand|know|demonstrated|proven"
    r"|track record|ideally|desirable|good|deep)\b",
    re.IGNORECASE,
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
_ROLE_WORDS = AhoCorasick(
    [
        *("developer", "engineer", "programmer", "architect", "admin", "team", "squad"),
        *("community", "consultant", "specialist", "environment", "culture", "principles"),
        *("ceremonies", "mindset", "lead", "role", "position"),
    ],
    matchkind=MatchKind.LeftmostFirst,
)
# A role word further than this after a name (characters) cannot make it a job title.
ROLE_REACH = 60
# Other skills a mention needs in its sentence to stand in a list, by what it names.
_LIST_SIZE = {TECHNOLOGY: 1, PRACTICE: 2}


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
    listed_only: bool = False
    context: int = TECHNOLOGY


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
        folded: dict[str, tuple[int, str | None, int]] = {}
        capitals: dict[str, tuple[int, int]] = {}
        self._context: dict[int, int] = {}
        for pattern in patterns:
            self._context[pattern.skill_id] = pattern.context
            key = pattern_key(pattern.text)
            if not key or key in folded or key in capitals:
                continue
            need = _LISTED if pattern.listed_only else _EVIDENCE if pattern.ambiguous else _SURE
            if (pattern.case_sensitive and not pattern.ambiguous) or len(key) == 1:
                # Matched as written against the original text: "SET" never hits "set", and
                # "R" or "C" are not looked for in every word with an r or a c.
                written = " ".join(pattern.text.replace("-", " ").split())
                capitals[written] = (pattern.skill_id, need)
                continue
            exact = pattern.text if pattern.ambiguous or pattern.case_sensitive else None
            folded[key] = (pattern.skill_id, exact, need)
        self._keys = list(folded)
        self._skills = [skill for skill, _, _ in folded.values()]
        self._exact = [exact for _, exact, _ in folded.values()]
        self._need = [need for _, _, need in folded.values()]
        self._automaton = AhoCorasick(self._keys, matchkind=MatchKind.LeftmostLongest)
        self._capital_keys = list(capitals)
        self._capital_skills = [skill for skill, _ in capitals.values()]
        self._capital_need = [need for _, need in capitals.values()]
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
        """Return the skills ``text`` asks for (a posting's requirements), in order."""
        mentions = self.mentions(text)
        return self.asked_for(text, mentions) if mentions else mentions

    def mentions(self, text: str) -> list[Mention]:
        """Return every mention of a skill's name in ``text`` (a course's, a profile's)."""
        sure: list[Mention] = []
        unsure: list[tuple[Mention, int]] = []
        lowered = lower_same_length(text)
        for found in self._automaton.find_matches_as_indexes(lowered):
            accepted = self._accept(text, lowered, *found)
            if accepted is None:
                continue
            index, start, end = accepted
            surface = text[start:end]
            exact, need = self._exact[index], self._need[index]
            as_written = exact is None or surface.replace("-", " ").startswith(exact)
            mention = Mention(self._skills[index], start, end, surface)
            if need == _SURE:
                if as_written:
                    sure.append(mention)
            elif _letter_ok(text, start, end):
                unsure.append((mention, need if as_written else _ADJACENT))
        if self._capital_keys:
            sure = self._with_capitals(text, sure, unsure)
        if unsure:
            accepted_unsure = [m for m, rule in unsure if _has_evidence(text, m, sure, rule)]
            sure = sorted(sure + accepted_unsure, key=lambda m: m.start)
        return sure

    def asked_for(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Keep the ``mentions`` of ``text`` whose sentence reads as a requirement."""
        boundaries = [found.span() for found in _BOUNDARY.finditer(text)]
        ends = [begin for begin, _ in boundaries]
        starts = [end for _, end in boundaries]
        positions = [mention.start for mention in mentions]
        # Where role words stand, found by one fast scan: most names have none close after.
        found_roles = _ROLE_WORDS.find_matches_as_indexes(lower_same_length(text))
        roles = [start for _, start, _ in found_roles]
        cues: dict[tuple[int, int, int], bool] = {}
        kept = []
        for mention in mentions:
            near = bisect_left(roles, mention.end)
            if (
                near < len(roles)
                and roles[near] - mention.end <= ROLE_REACH
                and _ROLE.match(text, mention.end)
            ):
                continue
            before = bisect_right(starts, mention.start)
            low = max(mention.start - REACH_BEFORE, starts[before - 1] if before else 0)
            after = bisect_left(ends, mention.end)
            high = min(mention.end + REACH_AFTER, ends[after] if after < len(ends) else len(text))
            context = self._context[mention.skill_id]
            key = (low, high, context)
            if key not in cues:
                cues[key] = _cue(text, low, high, context)
            if cues[key] or self._listed(mentions, positions, mention, low, high, context):
                kept.append(mention)
        return kept

    @staticmethod
    def _listed(
        mentions: list[Mention],
        positions: list[int],
        mention: Mention,
        low: int,
        high: int,
        context: int,
    ) -> bool:
        """Other skills in the sentence, or a line of its own: the skill is listed."""
        need = _LIST_SIZE.get(context)
        if need is None:
            return False
        first, last = bisect_left(positions, low), bisect_left(positions, high)
        others = sum(1 for m in mentions[first:last] if m.skill_id != mention.skill_id)
        return others >= need

    def _accept(
        self, text: str, lowered: str, index: int, start: int, end: int
    ) -> tuple[int, int, int] | None:
        """Return the match with its real end, or the next shorter name that stands."""
        if not _start_ok(text, start):
            return None
        while True:
            stop = _stop(text, start, end)
            if stop is not None:
                return index, start, stop
            if lowered[start:end].isalnum():
                return None  # one word cut short: no shorter name can end on a boundary
            shorter = self._automaton.find_matches_as_indexes(lowered[start : end - 1])
            if not shorter or shorter[0][1] != 0:
                return None
            index, end = shorter[0][0], start + shorter[0][2]

    def _with_capitals(
        self, text: str, sure: list[Mention], unsure: list[tuple[Mention, int]]
    ) -> list[Mention]:
        """Add as-written matches that do not overlap a longer folded match."""
        found = []
        for index, start, end in self._capitals.find_matches_as_indexes(text.replace("-", " ")):
            stop = _stop(text, start, end) if _start_ok(text, start) else None
            if stop is None:
                continue
            mention = Mention(self._capital_skills[index], start, stop, text[start:stop])
            need = self._capital_need[index]
            if need == _SURE:
                found.append(mention)
            elif _letter_ok(text, start, end) and not _inside(mention, sure):
                unsure.append((mention, need))
        if not found:
            return sure
        merged: list[Mention] = []
        for mention in sorted(sure + found, key=lambda m: (m.start, m.start - m.end)):
            if merged and mention.start < merged[-1].end:
                continue
            merged.append(mention)
        return merged

    def skill_ids(self, text: str) -> set[int]:
        """Return the distinct skills ``text`` asks for."""
        return {mention.skill_id for mention in self.extract(text)}

    def mentioned_ids(self, text: str) -> set[int]:
        """Return the distinct skills ``text`` names, asked for or not."""
        return {mention.skill_id for mention in self.mentions(text)}


# What a name needs to count: nothing, technical evidence, a list of other skills, or (written
# in another case than the alias) to stand right beside another skill.
_SURE, _EVIDENCE, _LISTED, _ADJACENT = 0, 1, 2, 3


_SEPARATORS = frozenset(' \t\r\n,;:()[]/|"')


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _start_ok(text: str, start: int) -> bool:
    """Say whether a match may start here ("Java" not in "JavaBeans"; "skills.Python" ok)."""
    if not start or text[start - 1] in _SEPARATORS:
        return True
    first, before = text[start], text[start - 1]
    if _word_char(first) and _word_char(before):
        return False
    if before == "." and first.isalnum() and start > 1 and text[start - 2].isalnum():
        # "ASP.NET" or "node.js" is one name; "experience.Python" is two run-together sentences.
        return first.isupper() and text[start - 2].islower()
    return True


def _stop(text: str, start: int, end: int) -> int | None:
    """Return where a match really ends (plural, version), or None when it is part of a word."""
    if end >= len(text):
        return end
    after = text[end]
    if after in _SEPARATORS and (after != " " or not text[end + 1 : end + 2].isdigit()):
        return end  # the common case, decided without a regex
    last = text[end - 1]
    if not _word_char(last):
        return end
    if after.isalnum() or after in "_+#":
        return _glued_end(text, start, end)
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        # "Git.Excellent": a sentence run into the next one, not a dotted name.
        following = text[end + 2 : end + 3]
        if not (text[end + 1].isupper() and following.islower() and following.isalpha()):
            return None
    version = _VERSION.match(text, end)
    return version.end() if version and last.isalpha() else end


def _glued_end(text: str, start: int, end: int) -> int | None:
    """A plural "s" or a version glued to the name ("APIs", "Java8"), else None."""
    after = text[end]
    plural = after == "s" and end - start >= MIN_PLURAL and text[end - 1].isalpha()
    if plural and (
        end + 1 == len(text) or not (_word_char(text[end + 1]) or text[end + 1] in "+#")
    ):
        return end + 1
    if after.isdigit() and text[end - 1].isalpha():
        glued = _GLUED_VERSION.match(text, end)
        if glued:
            return glued.end()
    return None


def _cue(text: str, low: int, high: int, context: int) -> bool:
    """Say whether text[low:high] asks for what the skill names (or is a line of its own)."""
    if context == SPOKEN_LANGUAGE:
        return _SPOKEN_CUE.search(text, low, high) is not None
    if context == FIELD_OF_STUDY:
        return _FIELD_CUE.search(text, low, high) is not None
    return len(text[low:high].split()) <= SHORT_LINE or _CUE.search(text, low, high) is not None


def _inside(mention: Mention, others: list[Mention]) -> bool:
    return any(o.start < mention.end and mention.start < o.end for o in others)


def _letter_ok(text: str, start: int, end: int) -> bool:
    """One-letter names ("C", "R") stand only between spaces, commas, slashes, brackets,
    and never beside an ampersand ("R & D", "I & C Engineering")."""
    if end - start > 1:
        return True
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before not in _LETTER_NEIGHBOURS or after not in _LETTER_NEIGHBOURS:
        return False
    return "&" not in (text[max(0, start - 3) : start] + text[end : end + 3])


def _has_evidence(text: str, mention: Mention, sure: list[Mention], rule: int) -> bool:
    """Exact case needs a skill or a technical word nearby; other cases need a list of skills."""
    if rule == _LISTED:
        return _in_list(text, mention, sure)
    if rule == _ADJACENT:
        return any(_listed_together(text, mention, other) for other in sure)
    low, high = mention.start - EVIDENCE_WINDOW, mention.end + EVIDENCE_WINDOW
    if any(low <= other.start and other.end <= high for other in sure):
        return True
    window = text[max(0, mention.start - 40) : mention.end + 40].lower()
    return _CONTEXT.search(window) is not None


def _in_list(text: str, mention: Mention, sure: list[Mention]) -> bool:
    """A consumer product counts in a list that also names a real skill, in one sentence."""
    for other in sure:
        first, second = (mention, other) if mention.start < other.start else (other, mention)
        gap = text[first.end : second.start]
        if len(gap) <= EVIDENCE_WINDOW and ". " not in gap and ("," in gap or "/" in gap):
            return True
    return False


def _listed_together(text: str, mention: Mention, other: Mention) -> bool:
    first, second = (mention, other) if mention.start < other.start else (other, mention)
    gap = text[first.end : second.start]
    return len(gap) <= LIST_WINDOW and _LIST_GLUE.match(gap.lower()) is not None
