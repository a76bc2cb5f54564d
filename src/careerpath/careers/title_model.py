"""The scoring model of the title resolver: features of a title and a sparse naive Bayes.

Pure. Each name an occupation is known by is a small document of features: its words, its role
word (the last word of the main phrase) and its word pairs; the occupation's description and
tasks and the tools it uses add topical words in their own namespace, stemmed so that a
title's agent word meets the tasks' action words ("Sugar Sampler" meets "samples sugar"). A
feature's weight for an occupation grows with how often that occupation's names use it and
falls with how many words the occupation has, so a word shared by every occupation ("senior",
"worker") barely moves the ranking while "java" or "phlebotomy" decides it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from careerpath.careers.title_text import ParsedTitle, fold, stem, words_of

# Naive Bayes smoothing, and the weight of each kind of feature.
ALPHA = 0.01
WORD_WEIGHT = 1.0
ROLE_WEIGHT = 1.5
PAIR_WEIGHT = 0.7
EVIDENCE_WEIGHT = 1.0
# Topical words at 1.6 rather than 0.8: +0.005 top-1 on titles held out of the training side.
TOPIC_WEIGHT = 1.6
PRIOR_WEIGHT = 0.3
# Words sharing their first letters share a stem ("paleontological", "paleontologist").
PREFIX = 5
PREFIX_WEIGHT = 0.5

# Up to this many rows are scored feature by feature, more with one sparse product.
SMALL_BATCH = 16

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
        found[f"d:{stem(word)}"] = TOPIC_WEIGHT
        if len(word) > PREFIX:
            found[f"p:{word[:PREFIX]}"] = PREFIX_WEIGHT
    return found


def context_features(text: str) -> Features:
    """Return the topical features of an occupation's description and tasks."""
    found: Features = {}
    for word in words_of(fold(text)):
        topic = f"d:{stem(word)}"
        found[topic] = found.get(topic, 0.0) + 1.0
    return found


class Encoded(NamedTuple):
    """Rows as (row, feature index, weight) triples: the features a vocabulary knows."""

    rows: int
    at_rows: list[int]
    at: list[int]
    weights: list[float]


@dataclass
class NameCounts:
    """The trained state of the model: per feature and class, the summed feature weights.

    Counts add up, so the O*NET part is counted once by `careerpath titles train` and shipped,
    and the database's curated names are added to it when the resolver is built.
    """

    vocabulary: dict[str, int]
    matrix: sp.csr_matrix  # features x classes
    totals: FloatArray
    names: FloatArray

    @classmethod
    def count(cls, docs: Iterable[tuple[int, Features]], classes: int) -> NameCounts:
        """Count the features of ``docs`` (class, features) over ``classes`` classes."""
        empty = sp.csr_matrix((0, classes))
        return cls({}, empty, np.zeros(classes), np.zeros(classes)).plus(docs)

    def plus(self, docs: Iterable[tuple[int, Features]]) -> NameCounts:
        """Return these counts with ``docs`` added (new features get new rows)."""
        vocabulary = dict(self.vocabulary)
        rows: list[int] = []
        cols: list[int] = []
        values: list[float] = []
        names = self.names.copy()
        for cls, feats in docs:
            names[cls] += 1
            for feat, weight in feats.items():
                rows.append(vocabulary.setdefault(feat, len(vocabulary)))
                cols.append(cls)
                values.append(weight)
        shape = (len(vocabulary), self.matrix.shape[1])
        added = sp.csr_matrix((values, (rows, cols)), shape=shape)
        grown = sp.vstack([self.matrix, sp.csr_matrix((shape[0] - self.matrix.shape[0], shape[1]))])
        matrix = (grown.tocsr() + added).tocsr()
        totals = self.totals + np.asarray(added.sum(axis=0)).ravel()
        return NameCounts(vocabulary, matrix, totals, names)

    def uses(self, feature: str, cls: int) -> bool:
        """Whether a name or text counted for class ``cls`` has ``feature``."""
        index = self.vocabulary.get(feature)
        return index is not None and self.matrix[index, cls] > 0

    def columns(self, picked: Sequence[int]) -> NameCounts:
        """Return the counts of the classes ``picked``, in that order (-1: a class with none)."""
        index = np.asarray(picked, dtype=np.intp)
        empty = sp.csr_matrix((self.matrix.shape[0], 1))
        # Column -1 picks the appended empty column.
        matrix = sp.hstack([self.matrix, empty]).tocsr()[:, index].tocsr()
        totals = np.append(self.totals, 0.0)[index]
        return NameCounts(self.vocabulary, matrix, totals, np.append(self.names, 0.0)[index])

    def grouped(self, group_of: npt.NDArray[np.intp], groups: int) -> NameCounts:
        """Return the counts summed per group of classes (``group_of[class]``)."""
        onehot = sp.csr_matrix(
            (np.ones(group_of.size), (np.arange(group_of.size), group_of)),
            shape=(group_of.size, groups),
        )
        totals = np.bincount(group_of, self.totals, minlength=groups).astype(np.float64)
        names = np.bincount(group_of, self.names, minlength=groups).astype(np.float64)
        return NameCounts(self.vocabulary, (self.matrix @ onehot).tocsr(), totals, names)


class NaiveBayes:
    """Sparse multinomial naive Bayes: per feature, the classes that use it and their bonus.

    The log-likelihood of a class is ``base[c] * total weight + sum of bonuses``, so unseen
    (feature, class) pairs cost nothing to store; a batch is scored with one sparse product.
    """

    def __init__(self, counts: NameCounts) -> None:
        used = counts.matrix.getnnz(axis=1) > 0
        # A feature only occupations absent from this database use is unknown here.
        self.vocabulary = (
            counts.vocabulary
            if used.all()
            else {feat: i for feat, i in counts.vocabulary.items() if used[i]}
        )
        self.base = np.log(ALPHA / (counts.totals + ALPHA * max(int(used.sum()), 1)))
        self.prior = np.log1p(counts.names) * PRIOR_WEIGHT
        bonus = counts.matrix.copy()
        bonus.data = np.log1p(bonus.data / ALPHA)
        bonus.eliminate_zeros()
        bonus.sort_indices()
        self.bonuses: sp.csr_matrix = bonus
        self.classes = counts.matrix.shape[1]

    def scores(self, rows: list[Features]) -> tuple[FloatArray, list[bool]]:
        """Return each row's log-likelihood per class, and which rows had a known feature."""
        return self.score(self.encode(rows))

    def encode(self, rows: list[Features]) -> Encoded:
        """Return the known features of ``rows`` (models over one vocabulary share it)."""
        at_rows: list[int] = []
        at: list[int] = []
        weights: list[float] = []
        for row, feats in enumerate(rows):
            for feat, weight in feats.items():
                if (index := self.vocabulary.get(feat)) is not None:
                    at_rows.append(row)
                    at.append(index)
                    weights.append(weight)
        return Encoded(len(rows), at_rows, at, weights)

    def score(self, encoded: Encoded) -> tuple[FloatArray, list[bool]]:
        """Return the log-likelihood per class of encoded rows, and which had a known feature."""
        rows, at_rows, at, weights = encoded
        totals = np.bincount(at_rows, weights, minlength=rows)
        scores: FloatArray = np.multiply.outer(totals, self.base) + self.prior
        if rows > SMALL_BATCH:
            shape = (rows, self.bonuses.shape[0])
            scores += (
                sp.csr_matrix((weights, (at_rows, at)), shape=shape) @ self.bonuses
            ).toarray()
        else:  # a few rows: slicing the rows of features is cheaper than building a matrix
            indptr, indices, data = self.bonuses.indptr, self.bonuses.indices, self.bonuses.data
            for row, index, weight in zip(at_rows, at, weights, strict=True):
                start, end = indptr[index], indptr[index + 1]
                scores[row, indices[start:end]] += weight * data[start:end]
        return scores, (totals > 0).tolist()

    def knows(self, feature: str) -> bool:
        """Whether any class uses ``feature``."""
        return feature in self.vocabulary

    def bonus(self, feature: str, cls: int) -> float:
        """Return how much ``feature`` lifts class ``cls`` (0 when the class never uses it)."""
        index = self.vocabulary.get(feature)
        if index is None:
            return 0.0
        start, end = self.bonuses.indptr[index], self.bonuses.indptr[index + 1]
        ids = self.bonuses.indices[start:end]
        at = int(np.searchsorted(ids, cls))
        return float(self.bonuses.data[start + at]) if at < ids.size and ids[at] == cls else 0.0
