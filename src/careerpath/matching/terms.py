"""Pure: the words that say what a career is about, weighted by where they come from and rarity.

A career's title counts most, then its aliases, its summary, its occupation's other titles and
its tasks. A word that many careers' titles share ("engineer", "manager", "specialist") says
little about any one of them, so each word is weighted by its inverse frequency over all
careers' titles and aliases. Two-word phrases ("machine learning", "data science") are kept
beside single words: they are what catalog titles and topics are written in.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

MAX_TERMS = 24
WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")
_STOPWORDS = (
    "a an and any are as at be by can for from in into is it its may of on or other such the "
    "their them they this to use using used with within without all also who what when where "
    "which while will work works working new one ones both each more most own same than that "
    "these those through up down out over under via per etc i ii iii iv"
)
STOPWORDS = frozenset(_STOPWORDS.split())
# Words of role and rank: every career has some, so they never make an item relevant.
_ROLE_WORDS = (
    "engineer engineers engineering developer developers development analyst analysts "
    "specialist specialists manager managers management architect architects scientist "
    "scientists consultant consultants technician technicians administrator administrators "
    "officer officers lead senior junior principal staff head chief assistant associate "
    "director directors intern worker workers professional professionals expert experts "
    "operator operators coordinator coordinators supervisor supervisors "
    "programmer programmers designer designers"
)
ROLE_WORDS = frozenset(_ROLE_WORDS.split())


def words(text: str) -> list[str]:
    """Return the lowercased, accent-folded words of ``text`` (C#, C++, Node.js kept whole)."""
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return [w.rstrip(".") for w in WORD.findall(folded)]


def content_words(text: str) -> list[str]:
    """Return the words of ``text`` that can carry meaning (no stopwords, no digits alone)."""
    return [w for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 1]


@functools.lru_cache(maxsize=65536)
def phrases(text: str) -> tuple[str, ...]:
    """Return the single words and adjacent two-word phrases of ``text`` (role words dropped).

    A title made of role words only ("Engineering Manager") keeps them: they are its subject.
    """
    found: list[str] = []
    tokens = content_words(text)
    if all(t in ROLE_WORDS for t in tokens):
        return (*(f"{a} {b}" for a, b in itertools.pairwise(tokens)), *tokens)
    for first, second in itertools.pairwise(tokens):
        if first not in ROLE_WORDS and second not in ROLE_WORDS:
            found.append(f"{first} {second}")
    found.extend(t for t in tokens if t not in ROLE_WORDS)
    return tuple(found)


def _group_terms(texts: Sequence[str]) -> dict[str, float]:
    """Return each term's share of the group's texts that hold it, relative to the commonest.

    A word inside a longer name counts half: "back end" says more than "back" or "end".
    """
    counts: dict[str, float] = {}
    for text in texts:
        found = phrases(text)
        inside = {word for p in found if " " in p for word in p.split()}
        for term in set(found):
            counts[term] = counts.get(term, 0.0) + (0.5 if term in inside else 1.0)
    peak = max(counts.values(), default=1.0)
    return {term: n / peak for term, n in counts.items()}


def title_frequencies(titles: Iterable[str]) -> Counter[str]:
    """Return, per phrase, how many of the given career titles and aliases contain it."""
    counts: Counter[str] = Counter()
    for title in titles:
        counts.update(set(phrases(title)))
    return counts


def rarity(term: str, frequencies: Mapping[str, int], total: int) -> float:
    """Return a term's weight from how few career titles share it, in (0, 1]."""
    if total <= 1:
        return 1.0
    seen = frequencies.get(term, 0)
    return max(0.1, math.log((total + 1) / (seen + 1)) / math.log(total + 1))


def profile_terms(
    groups: Iterable[tuple[Sequence[str], float]],
    frequencies: Mapping[str, int],
    total: int,
    limit: int = MAX_TERMS,
) -> dict[str, float]:
    """Return the career's ``limit`` best terms, weight in (0, 1], from (texts, group weight).

    Within a group (its aliases, its tasks …) a term weighs by how many of the texts hold it,
    so one odd alternate title does not outweigh the word most of them share.
    """
    best: dict[str, float] = {}
    for texts, weight in groups:
        for term, share in _group_terms(texts).items():
            best[term] = max(best.get(term, 0.0), weight * share)
    scored: list[tuple[float, str]] = []  # a min-heap of the best ``limit`` so far
    for term, weight in sorted(best.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(scored) == limit and weight <= scored[0][0]:
            break  # rarity is at most 1: no later term can enter the top
        entry = (weight * rarity(term, frequencies, total), term)
        if len(scored) < limit:
            heapq.heappush(scored, entry)
        elif entry > scored[0]:
            heapq.heapreplace(scored, entry)
    top = sorted(((t, w) for w, t in scored), key=lambda kv: (-kv[1], kv[0]))
    peak = top[0][1] if top else 1.0
    return {term: round(weight / peak, 4) for term, weight in top}
