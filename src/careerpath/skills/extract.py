"""Find skill mentions in text with one Aho-Corasick automaton. Pure and thread-safe.

Matching is leftmost-longest over lower-cased text, so "ASP.NET Core" beats "ASP.NET" and
"Node.js" beats "Node". A match counts only on whole-word boundaries (``boundaries``): when the
longest name fails its boundary the next shorter one is tried ("JavaScript frameworks" still
gives JavaScript). Names that are also ordinary words or letters ("Go", "R", "Excel", "Spring")
count only when written with the exact case of the alias and with technical evidence nearby
(``evidence``). Consumer products count only in a list of skills. ``extract`` keeps the mentions
a posting asks for (``asking``); courses and profiles use every mention.

Speed: most matches have a separator on both sides and need nothing more, so that test is made
inline, by set lookups on plain tuples, and a match inside a word is dropped there too; only the
rest (plurals, versions, dotted names) take the scalar checks. An ASCII text is searched as
bytes (``finder``); names matched as written (capitals, and one-letter names keyed with their
neighbours) share a second, small automaton. A mention is the (skill, start, end) tuple built
once in that loop and returned as it is.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter, le

from ahocorasick_rs import MatchKind

from careerpath.skills import asking, evidence
from careerpath.skills.asking import FIELD_OF_STUDY, PRACTICE, SPOKEN_LANGUAGE, TECHNOLOGY, Found
from careerpath.skills.boundaries import (
    CLEAR_AFTER,
    CLEAR_BEFORE,
    NEIGHBOURS,
    NOT_ALNUM,
    NOT_DIGIT,
    WORD_CHARS,
    letter_ok,
    start_ok,
    stop,
)
from careerpath.skills.evidence import ADJACENT, EVIDENCE, LISTED, SURE
from careerpath.skills.finder import Finder

__all__ = [
    "FIELD_OF_STUDY",
    "PRACTICE",
    "SPOKEN_LANGUAGE",
    "TECHNOLOGY",
    "AliasPattern",
    "Extractor",
    "Found",
    "Mention",
    "lower_same_length",
    "pattern_key",
]

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ASCII_BYTES = bytes(range(128))
_OPENING = 64
_START, _END = itemgetter(1), itemgetter(2)


# A skill found in text: (skill id, start, end); ``text[start:end]`` is how it was written.
# Plain tuples, not named ones: a posting has dozens, and a tuple subclass costs its making and
# stays tracked by the garbage collector for as long as a caller keeps it.
Mention = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class AliasPattern:
    """One alias to look for; ambiguous ones need exact case and evidence."""

    text: str
    skill_id: int
    ambiguous: bool = False
    case_sensitive: bool = False
    listed_only: bool = False
    context: int = TECHNOLOGY


def _lower(text: str) -> str:
    if not text.isascii():
        # Most non-ASCII postings are ASCII but for a few caseless characters (no-break spaces,
        # bullets, quotes): when none of those changes case, lowering the UTF-8 bytes (ASCII
        # letters only) gives what ``str.lower`` gives, in half the time. A text in another
        # script, told by its opening, is lowered at once.
        opening = text[:_OPENING]
        if len(opening.encode(errors="surrogatepass")) - len(opening) <= len(opening) >> 4:
            utf8 = text.encode(errors="surrogatepass")
            rest = utf8.translate(None, _ASCII_BYTES).decode(errors="surrogatepass")
            if rest.lower() == rest:
                return utf8.lower().decode(errors="surrogatepass")
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


def lower_same_length(text: str) -> str:
    """Lower-case ``text`` (hyphens as spaces) without changing its length, so offsets hold."""
    return _lower(text).replace("-", " ")


def pattern_key(text: str) -> str:
    """Return what the automaton stores for an alias: folded like the haystack."""
    # Hyphens match spaces ("amazon-web-services", "Objective-C"), like in the haystack.
    return " ".join(text.lower().replace("-", " ").split())


Entry = tuple[int, str | None, int]  # skill id, exact spelling (or None), what it needs


class _Keys:
    """One automaton and, per key, its skill, exact spelling and need (parallel lists)."""

    def __init__(
        self, entries: dict[str, Entry], spans: dict[str, int] | None = None, *, dfa: bool = False
    ) -> None:
        self.keys = list(entries)
        self.finder = Finder(self.keys or ["\x00"], MatchKind.LeftmostLongest, dfa=dfa)
        self.automaton = self.finder.automaton
        self.skills = [skill for skill, _, _ in entries.values()]
        self.exact = [exact for _, exact, _ in entries.values()]
        self.need = [need for _, _, need in entries.values()]
        self.plain = [need == SURE for need in self.need]
        # How much of a match is the name (a one-letter name's key carries its neighbour).
        self.span = [(spans or {}).get(key, len(key)) for key in self.keys]


class Extractor:
    """Text → skill mentions. Build once per process; ``extract`` is safe from any thread."""

    def __init__(self, patterns: Iterable[AliasPattern]) -> None:
        folded: dict[str, Entry] = {}
        capitals: dict[str, Entry] = {}
        self._context: dict[int, int] = {}
        for pattern in patterns:
            self._context[pattern.skill_id] = pattern.context
            key = pattern_key(pattern.text)
            if not key or key in folded or key in capitals:
                continue
            need = LISTED if pattern.listed_only else EVIDENCE if pattern.ambiguous else SURE
            if (pattern.case_sensitive and not pattern.ambiguous) or len(key) == 1:
                # Matched as written against the original text: "SET" never hits "set", and
                # "R" or "C" are not looked for in every word with an r or a c.
                written = " ".join(pattern.text.replace("-", " ").split())
                # A letter is a name only between neighbours ("C, R"): never without evidence.
                single = len(written) == 1 and need == SURE
                capitals[written] = (pattern.skill_id, None, EVIDENCE if single else need)
                continue
            exact = pattern.text if pattern.ambiguous or pattern.case_sensitive else None
            folded[key] = (pattern.skill_id, exact, need)
        # Skills read by another rule than a technology's (practices, languages, fields).
        self._others = frozenset(s for s, context in self._context.items() if context != TECHNOLOGY)
        self._folded = _Keys(folded)
        self._letters = {k: v for k, v in capitals.items() if len(k) == 1}
        self._capitals = _Keys(
            {k: v for k, v in capitals.items() if len(k) > 1} | _letter_keys(self._letters),
            dict.fromkeys(_letter_keys(self._letters), 1),
            dfa=True,
        )

    @property
    def pattern_count(self) -> int:
        """Return how many distinct alias keys the automata hold."""
        return len(self.keys)

    @property
    def keys(self) -> list[str]:
        """Return every alias key (folded ones, then those matched as written)."""
        return self._folded.keys + self._capitals.keys + list(self._letters)

    def extract(self, text: str) -> list[Mention]:
        """Return the skills ``text`` asks for (a posting's requirements), in order."""
        low = _lower(text)
        return self._asked(text, low, self._find(text, low))

    def mentions(self, text: str) -> list[Mention]:
        """Return every mention of a skill's name in ``text`` (a course's, a profile's)."""
        return self._find(text, _lower(text))

    def read(self, text: str) -> tuple[list[Mention], list[Mention]]:
        """Return every mention in ``text`` and those it asks for."""
        low = _lower(text)
        found = self._find(text, low)
        return found, self._asked(text, low, found)

    def skill_ids(self, text: str) -> set[int]:
        """Return the distinct skills ``text`` asks for."""
        low = _lower(text)
        return {skill for skill, _, _ in self._asked(text, low, self._find(text, low))}

    def mentioned_ids(self, text: str) -> set[int]:
        """Return the distinct skills ``text`` names, asked for or not."""
        return {skill for skill, _, _ in self._find(text, _lower(text))}

    def _asked(self, text: str, low: str, found: Sequence[Found]) -> list[Found]:
        return asking.asked(text, low, found, self._context, self._others) if found else []

    def _find(self, text: str, low: str) -> list[Found]:
        """Every mention in ``text`` (``low`` lower-cased) as (skill, start, end), by start."""
        lowered = low.replace("-", " ")
        keys = self._folded
        skills, plain = keys.skills, keys.plain
        padded = f" {text}  "  # padded[i + 1] is text[i]; no end of text to test for
        sure: list[Found] = []
        unsure: list[tuple[int, int, int, int]] = []
        for match in keys.finder.find(lowered):
            index, start, end = match
            before = padded[start]
            if before in CLEAR_BEFORE:
                after = padded[end + 1]
                if (
                    after in CLEAR_AFTER
                    or (after == " " and padded[end + 2] in NOT_DIGIT)
                    or (after == "." and padded[end + 2] in NOT_ALNUM)
                ):
                    # The common case: a separator or punctuation on both sides. A letter, a
                    # digit or glue after the name ("APIs", "C++", "Java 8", "Git.Excellent")
                    # or a dot before it ("ASP.NET") takes the scalar checks.
                    if plain[index]:
                        sure.append((skills[index], start, end))
                    else:
                        unsure.append(self._ambiguous(text, index, start, end))
                    continue
            elif before in WORD_CHARS and padded[start + 1] in WORD_CHARS:
                continue  # inside a word: "members", "engineer", "This is"
            self._judge(text, lowered, match, sure, unsure)
        written = self._written(text, sure, unsure)
        if written:
            sure = _merged(sure, written)
        for mention in evidence.supported(text, sure, unsure) if unsure else ():
            # A few at most: each goes to its place (by start, after any equal one).
            insort(sure, mention, key=_START)
        return sure

    def _judge(
        self,
        text: str,
        lowered: str,
        match: tuple[int, int, int],
        sure: list[Found],
        unsure: list[tuple[int, int, int, int]],
    ) -> None:
        """Read a folded match the inline test left: add it to ``sure`` or ``unsure``, or not."""
        accepted = self._accept(text, lowered, *match)
        if accepted is None:
            return
        index, start, end = accepted
        keys = self._folded
        if keys.need[index] != SURE:
            if letter_ok(text, start, end):
                unsure.append(self._ambiguous(text, index, start, end))
        elif keys.exact[index] is None or self._as_written(text, index, start, end):
            sure.append((keys.skills[index], start, end))

    def _ambiguous(self, text: str, index: int, start: int, end: int) -> tuple[int, int, int, int]:
        """An ambiguous match with the rule it needs: its own as written, else a list."""
        keys = self._folded
        rule = keys.need[index] if self._as_written(text, index, start, end) else ADJACENT
        return keys.skills[index], start, end, rule

    def _as_written(self, text: str, index: int, start: int, end: int) -> bool:
        exact = self._folded.exact[index]
        return exact is None or text[start:end].replace("-", " ").startswith(exact)

    def _accept(
        self, text: str, lowered: str, index: int, start: int, end: int
    ) -> tuple[int, int, int] | None:
        """Return the match with its real end, or the next shorter name that stands."""
        if not start_ok(text, start):
            return None
        while True:
            real_end = stop(text, start, end)
            if real_end is not None:
                return index, start, real_end
            if lowered[start:end].isalnum():
                return None  # one word cut short: no shorter name can end on a boundary
            shorter = self._folded.automaton.find_matches_as_indexes(lowered[start : end - 1])
            if not shorter or shorter[0][1] != 0:
                return None
            index, end = shorter[0][0], start + shorter[0][2]

    def _written(
        self, text: str, sure: list[Found], unsure: list[tuple[int, int, int, int]]
    ) -> list[Found]:
        """Return the sure names matched as written; queue the ambiguous ones in ``unsure``."""
        keys = self._capitals
        skills, need, span = keys.skills, keys.need, keys.span
        found = []
        # The space after the text lets a letter's key end there ("... and C").
        for index, start, end in keys.finder.find(f"{text} ".replace("-", " ")):
            end = start + span[index]
            real_end = stop(text, start, end) if start_ok(text, start) else None
            if real_end is None:
                continue
            if need[index] == SURE:
                found.append((skills[index], start, real_end))
            elif letter_ok(text, start, end) and not evidence.overlaps(sure, start, real_end):
                unsure.append((skills[index], start, real_end, need[index]))
        return found


def _letter_keys(letters: dict[str, Entry]) -> dict[str, Entry]:
    """Key each one-letter name with every neighbour it may have ("C,", "R/", "C)").

    Searched alone, a letter would be reported at every capital C of a text; with its
    neighbour it is reported only where it can stand as a name.
    """
    return {letter + after: entry for letter, entry in letters.items() for after in NEIGHBOURS}


def _merged(sure: list[Found], written: list[Found]) -> list[Found]:
    """Return both lists by start, the longer of two overlapping mentions kept (or the first)."""
    merged = sorted(sure + written, key=_START)
    # Most often none overlap, and the sort by start (in C) is all there is to do.
    if all(map(le, map(_END, merged), map(_START, islice(merged, 1, None)))):
        return merged
    return _longest_first(merged)


def _longest_first(found: list[Found]) -> list[Found]:
    """Return ``found`` by start, the longer of two overlapping mentions kept (or the first)."""
    merged: list[Found] = []
    for mention in sorted(found, key=lambda m: (m[1], m[1] - m[2])):
        if merged and mention[1] < merged[-1][2]:
            continue
        merged.append(mention)
    return merged
