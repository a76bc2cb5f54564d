"""The discriminative half of the title resolver: a softmax classifier over a title's pieces. Pure.

Naive Bayes counts each word for itself; this model weighs the words, word pairs, the role word
and the character n-grams inside words ("endodontist" shares "dont" with "orthodontist") against
each other, trained by minibatch Adagrad on every O*NET name. It is kept small by training it
sparse: a feature may only weigh for the occupations whose names use it (its support, the same
pairs naive Bayes counts), so the artefact is a few MB and a batch is scored with one sparse
product. Pruning a dense model afterwards does not work: a feature's weights are spread over
hundreds of classes, and keeping its 16 largest dropped the held-out top-1 from 0.55 to 0.09.
Training is seeded and takes about three minutes on one core.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from careerpath.careers.title_text import ParsedTitle

CHAR_SIZES = (3, 4, 5)
CHAR_WEIGHT = 0.5
EVIDENCE_WEIGHT = 0.5
# A character n-gram used by one name only is more noise than evidence.
MIN_CHAR_COUNT = 2
# Training: seeded minibatch Adagrad; the held-out top-1 gains little after the fifth epoch.
EPOCHS = 5
BATCH = 256
RATE = 1.0
L2 = 1e-6
SEED = 20251130
# Up to this many titles are scored one by one, more with one sparse product.
SMALL_BATCH = 16
# Features weighing for more classes than this ("c:er$", "r:engineer") are multiplied as a dense
# block in a batch: a sparse product with rows of hundreds of classes is 2x slower (5 MB).
DENSE_FROM = 200
# Words whose features the encoder remembers (a title's vocabulary is small).
_WORD_CACHE = 200_000

FloatArray = npt.NDArray[np.float64]


def _char_grams(word: str) -> set[str]:
    marked = f"^{word}$"
    return {
        f"c:{marked[start : start + size]}"
        for size in CHAR_SIZES
        for start in range(len(marked) - size + 1)
    }


def classifier_features(parsed: ParsedTitle) -> set[str]:
    """Return the names of the classifier's features of a parsed title (to count them)."""
    found = {f"w:{word}" for word in (*parsed.words, *parsed.evidence)}
    for word in parsed.words:
        found |= _char_grams(word)
    if parsed.role is not None:
        found.add(f"r:{parsed.role}")
    found.update(f"b:{a}_{b}" for a, b in itertools.pairwise(parsed.words))
    return found


class Encoder:
    """Turn parsed titles into L2-normalised feature rows; a word's own features (the word
    and its character n-grams) are looked up once and remembered."""

    def __init__(self, vocabulary: dict[str, int]) -> None:
        self.vocabulary = vocabulary
        self._words: dict[str, tuple[list[int], list[float]]] = {}

    def _word(self, word: str) -> tuple[list[int], list[float]]:
        known = self._words.get(word)
        if known is None:
            at = [i for f in sorted(_char_grams(word)) if (i := self.vocabulary.get(f)) is not None]
            weights = [CHAR_WEIGHT] * len(at)
            if (index := self.vocabulary.get(f"w:{word}")) is not None:
                at.append(index)
                weights.append(1.0)
            known = (at, weights)
            if len(self._words) < _WORD_CACHE:
                self._words[word] = known
        return known

    def _raw(self, title: ParsedTitle) -> tuple[list[int], list[float]]:
        """Return a title's known features, a feature repeated as often as it occurs."""
        at: list[int] = []
        weights: list[float] = []
        for word in title.words:
            word_at, word_weights = self._word(word)
            at += word_at
            weights += word_weights
        extra = [(f"w:{w}", EVIDENCE_WEIGHT) for w in title.evidence]
        extra += [(f"b:{a}_{b}", 1.0) for a, b in itertools.pairwise(title.words)]
        if title.role is not None:
            extra.append((f"r:{title.role}", 1.0))
        for feat, weight in extra:
            if (index := self.vocabulary.get(feat)) is not None:
                at.append(index)
                weights.append(weight)
        return at, weights

    def rows(self, parsed: Sequence[ParsedTitle]) -> sp.csr_matrix:
        """Return one normalised row per title (a repeated feature adds up, to at most 1)."""
        at: list[int] = []
        weights: list[float] = []
        indptr = [0]
        for title in parsed:
            title_at, title_weights = self._raw(title)
            at += title_at
            weights += title_weights
            indptr.append(len(at))
        shape = (len(parsed), len(self.vocabulary))
        matrix = sp.csr_matrix((weights, at, indptr), shape=shape)
        matrix.sum_duplicates()
        matrix.data = np.minimum(matrix.data, 1.0)
        rows = np.repeat(np.arange(len(parsed)), np.diff(matrix.indptr))
        norms = np.sqrt(np.bincount(rows, matrix.data**2, minlength=len(parsed)))
        matrix.data /= norms[rows]
        return matrix

    def row(self, title: ParsedTitle) -> tuple[npt.NDArray[np.intp], FloatArray]:
        """Return one title's row as (feature indices, weights), normalised as ``rows``."""
        summed: dict[int, float] = {}
        for index, weight in zip(*self._raw(title), strict=True):
            summed[index] = min(summed.get(index, 0.0) + weight, 1.0)
        values = np.fromiter(summed.values(), dtype=np.float64, count=len(summed))
        norm = float(np.sqrt(values @ values)) or 1.0
        return np.fromiter(summed, dtype=np.intp, count=len(summed)), values / norm


@dataclass(frozen=True)
class Classifier:
    """Sparse softmax weights (features x classes, top-k per feature) and the class biases."""

    vocabulary: dict[str, int]
    weights: sp.csr_matrix
    bias: FloatArray
    encoder: Encoder = field(init=False, repr=False, compare=False)
    _heavy: npt.NDArray[np.intp] = field(init=False, repr=False, compare=False)
    _heavy_weights: FloatArray = field(init=False, repr=False, compare=False)
    _light_weights: sp.csr_matrix = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "encoder", Encoder(self.vocabulary))
        heavy = np.flatnonzero(self.weights.getnnz(axis=1) > DENSE_FROM)
        light = self.weights.copy()
        for row in heavy:
            light.data[light.indptr[row] : light.indptr[row + 1]] = 0.0
        light.eliminate_zeros()
        object.__setattr__(self, "_heavy", heavy)
        object.__setattr__(self, "_heavy_weights", self.weights[heavy].toarray())
        object.__setattr__(self, "_light_weights", light)

    def logits(self, parsed: Sequence[ParsedTitle]) -> FloatArray:
        """Return each title's class scores (log-probabilities up to a per-row constant)."""
        if len(parsed) > SMALL_BATCH:
            rows = self.encoder.rows(parsed)
            scores: FloatArray = (rows @ self._light_weights).toarray() + self.bias
            scores += rows[:, self._heavy] @ self._heavy_weights
            return scores
        # A few titles: gathering their features' weights beats building sparse matrices.
        scores = np.tile(self.bias, (len(parsed), 1))
        indptr, indices, data = self.weights.indptr, self.weights.indices, self.weights.data
        for at, title in enumerate(parsed):
            features, values = self.encoder.row(title)
            starts, lengths = indptr[features], indptr[features + 1] - indptr[features]
            offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
            positions = offsets + np.arange(offsets.size)
            scores[at] += np.bincount(
                indices[positions],
                data[positions] * np.repeat(values, lengths),
                minlength=scores.shape[1],
            )
        return scores


def fit(docs: Sequence[tuple[int, ParsedTitle, float]], classes: int) -> Classifier:
    """Train on (class, parsed name, weight) documents, each feature weighing only for the
    classes whose documents use it."""
    seen = Counter(feat for _, parsed, _ in docs for feat in classifier_features(parsed))
    kept = (f for f, n in seen.items() if n >= MIN_CHAR_COUNT or not f.startswith("c:"))
    vocabulary = {feat: i for i, feat in enumerate(sorted(kept))}
    matrix = Encoder(vocabulary).rows([parsed for _, parsed, _ in docs])
    labels = np.array([cls for cls, _, _ in docs], dtype=np.intp)
    weights = np.array([w for _, _, w in docs], dtype=np.float32)
    support = _support(matrix, labels, classes)
    dense, bias = _adagrad(matrix.astype(np.float32), labels, weights, support)
    trained = sp.csr_matrix(support.multiply(dense), dtype=np.float64)
    trained.eliminate_zeros()
    trained.sort_indices()
    return Classifier(vocabulary, trained, bias.astype(np.float64))


def _support(matrix: sp.csr_matrix, labels: npt.NDArray[np.intp], classes: int) -> sp.csr_matrix:
    """Return the (feature, class) pairs some document of the class uses, as ones."""
    onehot = sp.csr_matrix(
        (np.ones(labels.size), (np.arange(labels.size), labels)), shape=(labels.size, classes)
    )
    support = (matrix.T @ onehot).tocsr()
    support.data[:] = 1.0
    return support


def _adagrad(
    matrix: sp.csr_matrix,
    labels: npt.NDArray[np.intp],
    weights: npt.NDArray[np.float32],
    support: sp.csr_matrix,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """Minimise the weighted softmax loss with weights only on ``support``; each step touches
    only its batch's features."""
    classes = support.shape[1]
    mask = support.toarray().astype(np.float32)
    dense = np.zeros((matrix.shape[1], classes), np.float32)
    squares = np.full_like(dense, 1e-6)
    bias = np.zeros(classes, np.float32)
    bias_squares = np.full_like(bias, 1e-6)
    order = np.random.default_rng(SEED)
    for _ in range(EPOCHS):
        rows = order.permutation(matrix.shape[0])
        for start in range(0, rows.size, BATCH):
            batch = rows[start : start + BATCH]
            used, local = batch_columns(matrix[batch])
            current = dense[used]
            error = softmax(local @ current + bias)
            error[np.arange(batch.size), labels[batch]] -= 1.0
            error *= weights[batch, None]
            gradient = (local.T @ error + L2 * current) * mask[used]
            squares[used] += gradient * gradient
            dense[used] = current - RATE * gradient / np.sqrt(squares[used])
            bias_gradient = error.sum(axis=0)
            bias_squares += bias_gradient * bias_gradient
            bias -= RATE * bias_gradient / np.sqrt(bias_squares)
    return dense, bias


def batch_columns(part: sp.csr_matrix) -> tuple[npt.NDArray[np.signedinteger[Any]], sp.csr_matrix]:
    """Return the feature columns a training batch uses, and the batch over those alone: a
    step then touches only those rows of the weights."""
    used = np.unique(part.indices)
    local = sp.csr_matrix(
        (part.data, np.searchsorted(used, part.indices), part.indptr),
        shape=(part.shape[0], used.size),
    )
    return used, local


def softmax(scores: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Return each row's softmax (a training batch's, in single precision)."""
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    result: npt.NDArray[np.float32] = shifted / shifted.sum(axis=1, keepdims=True)
    return result
