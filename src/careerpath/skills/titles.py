"""Map a posting title to ranked careers and a level. Pure: the alias index is passed in.

"Sr. Back-End Developer (Node.js) - Remote" → level Senior, query "back end developer": the
noise (brackets, suffixes after " - ", level words, "Remote") is dropped, then the query is
looked up exactly in the alias keys and, failing that, scored with rapidfuzz.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from careerpath.careers.titles import ALIAS_KIND_RANK, normalize_title

# Below this score a posting is not assigned to any career.
ASSIGN_THRESHOLD = 75.0
CANDIDATES = 60
# A word in more names than this ("and", "worker") does not widen the shortlist alone.
COMMON_WORD = 1500
# Several close names of one career are stronger evidence than one: a bonus per extra hit.
VOTE_BONUS = 1.5
# Exact hits on a career's own title or a curated alias outrank exact hits on O*NET lists.
PREFERRED_RANK = ALIAS_KIND_RANK["curated"]
_LEVELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Manager", re.compile(r"\b(manager|mgr|head of|director|vp|vice president)\b", re.I)),
    ("Principal", re.compile(r"\b(principal|distinguished|chief)\b", re.I)),
    ("Lead", re.compile(r"\b(lead|staff|tech lead|team lead)\b", re.I)),
    ("Senior", re.compile(r"\b(sr|senior|snr|experienced|iii|iv)\b|\bII\b", re.I)),
    ("Junior", re.compile(r"\b(jr|junior|entry[- ]level|graduate|trainee|intern)\b|\bI\b", re.I)),
)
_NOISE = re.compile(
    r"\b(sr|jr|senior|junior|snr|lead|principal|staff|experienced|entry[- ]level|ii|iii|iv|"
    r"remote|contract|contractor|full[- ]time|part[- ]time|temporary|temp|w2|c2c|1099|"
    r"onsite|on-site|hybrid|urgent|immediate|needed|opening|position|job|f/m|m/f|m/f/d)\b\.?",
    re.I,
)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
_SUFFIX = re.compile(r"\s+[-–—|:@]\s+.*$")
_SLASH = re.compile(r"(\w[\w.+#]*)/[\w.+#/]+")
_SPACES = re.compile(r"[^a-z0-9+#]+")


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """One name a career is known by, and what kind of name it is."""

    career_id: int
    name: str
    kind: str
    is_stub: bool = False


@dataclass(frozen=True)
class TitleMatch:
    """Ranked (career id, score 0–100) candidates and the level the title states."""

    candidates: list[tuple[int, float]]
    level: str | None

    @property
    def career_id(self) -> int | None:
        """Return the best career when it scores high enough to assign."""
        if self.candidates and self.candidates[0][1] >= ASSIGN_THRESHOLD:
            return self.candidates[0][0]
        return None


def detect_level(title: str) -> str | None:
    """Return Junior, Senior, Lead, Principal or Manager when the title says so."""
    for level, pattern in _LEVELS:
        if pattern.search(title):
            return level
    return None


def clean_title(title: str) -> str:
    """Drop brackets, " - Remote"-style suffixes, level words and "/J2EE"-style alternatives."""
    text = _BRACKETS.sub(" ", title)
    text = _SUFFIX.sub("", text)
    text = _SLASH.sub(r"\1", text)
    text = _NOISE.sub(" ", text)
    return " ".join(_singular(word) for word in _SPACES.sub(" ", text.lower()).split())


def _singular(word: str) -> str:
    """Cheap singular: "tellers" → "teller", "technologies" → "technology"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _blend(query: str, choice: str) -> float:
    """Token-set similarity (subsets score high) tempered by order-free full similarity,
    with a bonus when the head noun (the last word: "cutter", "teller") agrees."""
    score = 0.5 * fuzz.token_set_ratio(query, choice) + 0.5 * fuzz.token_sort_ratio(query, choice)
    if query.rsplit(" ", 1)[-1] == choice.rsplit(" ", 1)[-1]:
        score = min(100.0, score + 8.0)
    return score


class TitleIndex:
    """All career names, searchable exactly (folded key) and fuzzily (rapidfuzz)."""

    def __init__(self, entries: Iterable[TitleEntry]) -> None:
        self._exact: dict[str, list[tuple[int, int]]] = {}
        by_text: dict[str, list[tuple[int, int]]] = {}
        for entry in entries:
            rank = ALIAS_KIND_RANK.get(entry.kind, 9) + (10 if entry.is_stub else 0)
            text = clean_title(entry.name)
            self._exact.setdefault(normalize_title(text), []).append((entry.career_id, rank))
            if text:
                by_text.setdefault(text, []).append((entry.career_id, rank))
        self._choices = list(by_text)
        self._owners = [by_text[text] for text in self._choices]
        self._postings: dict[str, list[int]] = {}
        for index, text in enumerate(self._choices):
            for token in set(text.split()):
                self._postings.setdefault(token, []).append(index)
        self.match = lru_cache(maxsize=50_000)(self._match)

    def _shortlist(self, query: str) -> set[int]:
        """Names sharing a word with the query; common words only when nothing rarer is there."""
        lists = sorted((self._postings.get(t, []) for t in set(query.split())), key=len)
        found: set[int] = set()
        for postings in lists:
            if found and len(postings) > COMMON_WORD:
                break
            found.update(postings)
        return found

    def _match(self, title: str) -> TitleMatch:
        level = detect_level(title)
        query = clean_title(title)
        if not query:
            return TitleMatch([], level)
        exact = dict(sorted(self._exact.get(normalize_title(query), []), key=lambda e: -e[1]))
        scored: dict[int, tuple[float, int]] = {}
        votes: dict[int, int] = {}
        # Fast C scorer to shortlist, then the finer blend on the shortlist only.
        shortlist = self._shortlist(query)
        hits = process.extract(
            query,
            {index: self._choices[index] for index in shortlist},
            scorer=fuzz.token_set_ratio,
            processor=None,
            limit=CANDIDATES,
            score_cutoff=50,
        )
        for text, _score, index in hits:
            score = _blend(query, text)
            for career_id, rank in self._owners[index]:
                _keep_best(scored, career_id, score, rank)
                votes[career_id] = votes.get(career_id, 0) + 1
        for career_id, (score, rank) in scored.items():
            scored[career_id] = (score + VOTE_BONUS * max(0, votes.get(career_id, 1) - 1), rank)
        for career_id, rank in exact.items():
            scored[career_id] = (100.0 + VOTE_BONUS * votes.get(career_id, 0), rank)

        def order(item: tuple[int, tuple[float, int]]) -> tuple[bool, int, float, int, int]:
            career_id, (score, rank) = item
            hit = career_id in exact
            preferred = 0 if exact.get(career_id, 9) <= PREFERRED_RANK else 1
            return (not hit, preferred, -score, rank, career_id)

        ranked = sorted(scored.items(), key=order)
        return TitleMatch(
            [(career_id, round(min(score, 100.0), 1)) for career_id, (score, _) in ranked], level
        )


def _keep_best(
    scored: dict[int, tuple[float, int]], career_id: int, score: float, rank: int
) -> None:
    current = scored.get(career_id)
    if current is None or (score, -rank) > (current[0], -current[1]):
        scored[career_id] = (score, rank)
