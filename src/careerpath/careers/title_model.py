"""The scoring model of the title resolver: features of a title and a sparse naive Bayes.

Pure. Each name an occupation is known by is a small document of features: its words, its role
word (the last word of the main phrase) and its word pairs; the occupation's description and
tasks add topical words in their own namespace. A feature's weight for an occupation grows with
how often that occupation's names use it and falls with how many words the occupation has, so
a word shared by every occupation ("senior", "worker") barely moves the ranking while "java" or
"phlebotomy" decides it.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

import numpy as np
import numpy.typing as npt

from careerpath.careers.title_text import ParsedTitle, fold, words_of

# Naive Bayes smoothing, and the weight of each kind of feature.
ALPHA = 0.01
WORD_WEIGHT = 1.0
ROLE_WEIGHT = 1.5
PAIR_WEIGHT = 0.7
EVIDENCE_WEIGHT = 0.4
TOPIC_WEIGHT = 0.8
PRIOR_WEIGHT = 0.3
# Words sharing their first letters share a stem ("paleontological", "paleontologist").
PREFIX = 5
PREFIX_WEIGHT = 0.5

FloatArray = npt.NDArray[np.float64]
Features = dict[str, float]


def title_features(parsed: ParsedTitle) -> Features:
    """Return the weighted features of a parsed title."""
    found: Features = {}
    words = parsed.words
    for word in words:
        found[f"w:{word}"] = WORD_WEIGHT
    if parsed.role is not None:
        found[f"r:{parsed.role}"] = ROLE_WEIGHT
    for first, second in itertools.pairwise(words):
        found[f"b:{first}_{second}"] = PAIR_WEIGHT
    for word in parsed.evidence:
        found.setdefault(f"w:{word}", EVIDENCE_WEIGHT)
    for word in {*words, *parsed.evidence}:
        found[f"d:{word}"] = TOPIC_WEIGHT
        if len(word) > PREFIX:
            found[f"p:{word[:PREFIX]}"] = PREFIX_WEIGHT
    return found


def context_features(text: str) -> Features:
    """Return the topical features of an occupation's description and tasks."""
    found: Features = {}
    for word in words_of(fold(text)):
        found[f"d:{word}"] = found.get(f"d:{word}", 0.0) + 1.0
    return found


class NaiveBayes:
    """Sparse multinomial naive Bayes: per feature, the classes that use it and their bonus.

    The log-likelihood of a class is ``base[c] * total weight + sum of bonuses``, so unseen
    (feature, class) pairs cost nothing to store.
    """

    def __init__(self, docs: list[tuple[int, Features]], classes: int) -> None:
        counts: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
        totals = np.zeros(classes)
        names = np.zeros(classes)
        for cls, feats in docs:
            names[cls] += 1
            for feat, weight in feats.items():
                counts[feat][cls] += weight
                totals[cls] += weight
        self.base = np.log(ALPHA / (totals + ALPHA * max(len(counts), 1)))
        self.prior = np.log1p(names) * PRIOR_WEIGHT
        self.postings: dict[str, tuple[npt.NDArray[np.intp], FloatArray]] = {}
        self.classes = classes
        for feat, by_class in counts.items():
            ordered = sorted(by_class.items())
            ids = np.array([cls for cls, _ in ordered], dtype=np.intp)
            bonus = np.log1p(np.array([n for _, n in ordered]) / ALPHA)
            self.postings[feat] = (ids, bonus)

    def scores(self, rows: list[Features]) -> tuple[FloatArray, list[bool]]:
        """Return each row's log-likelihood per class, and which rows had a known feature."""
        found: list[tuple[int, float, npt.NDArray[np.intp], FloatArray]] = []
        totals = [0.0] * len(rows)
        for row, feats in enumerate(rows):
            for feat, weight in feats.items():
                if (posting := self.postings.get(feat)) is not None:
                    found.append((row, weight, *posting))
                    totals[row] += weight
        scores: FloatArray = np.multiply.outer(np.array(totals), self.base) + self.prior
        if found:
            # One scatter for the whole batch: class ids offset by row, weighted bonuses.
            at_rows, weights, ids, bonuses = zip(*found, strict=True)
            lengths = [len(i) for i in ids]
            at = np.concatenate(ids) + np.repeat(np.array(at_rows) * self.classes, lengths)
            lifts = np.concatenate(bonuses) * np.repeat(weights, lengths)
            scores += np.bincount(at, lifts, minlength=scores.size).reshape(scores.shape)
        return scores, [total > 0 for total in totals]

    def bonus(self, feature: str, cls: int) -> float:
        """Return how much ``feature`` lifts class ``cls`` (0 when the class never uses it)."""
        found = self.postings.get(feature)
        if found is None:
            return 0.0
        ids, bonus = found
        at = int(np.searchsorted(ids, cls))
        return float(bonus[at]) if at < ids.size and ids[at] == cls else 0.0
