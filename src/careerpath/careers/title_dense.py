"""The dense third of the title resolver: a fastText-style model with shared low-rank weights. Pure.

The naive Bayes and the sparse classifier give each feature its own weights per occupation, so
a word never seen in a title tells them nothing. Here every feature (word, character n-gram,
word pair, role word) has a short vector; a title is the normalised weighted sum of its
features' vectors, and one softmax layer reads the occupation from it. The vectors are trained
on the names and also on the words of each occupation's description, tasks and tools, cut into
short documents, so a word only the tasks use lands near the occupations whose tasks use it.
Half of a document's features are dropped at random in each step and the rate falls linearly
to zero: without either the model overfits the names after three epochs (held-out top-1 alone
0.565 after ten, 0.600 with both). Seeded; one to three minutes on one core.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from careerpath.careers.title_classifier import (
    Encoder,
    batch_columns,
    classifier_features,
    softmax,
)
from careerpath.careers.title_text import ParsedTitle, fold, words_of

DIMENSIONS = 64
EPOCHS = 12
BATCH = 128
RATE = 0.2
DROPOUT = 0.5
SEED = 20251201
# A feature of one document only is more noise than evidence.
MIN_COUNT = 2
# The description, tasks and tools are cut into documents of this many words, each weighing
# this much against one name.
CHUNK = 12
CONTEXT_WEIGHT = 0.3

FloatArray = npt.NDArray[np.float64]
Float32Array = npt.NDArray[np.float32]


@dataclass(frozen=True)
class DenseModel:
    """Feature vectors (features x dimensions), the output layer and its biases."""

    vocabulary: dict[str, int]
    vectors: Float32Array
    output: Float32Array
    bias: Float32Array
    encoder: Encoder = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "encoder", Encoder(self.vocabulary))

    def logits(self, parsed: Sequence[ParsedTitle]) -> FloatArray:
        """Return each title's class scores (log-probabilities up to a per-row constant)."""
        hidden = self.encoder.rows(parsed).astype(np.float32) @ self.vectors
        scores: FloatArray = (hidden @ self.output + self.bias).astype(np.float64)
        return scores


def context_documents(text: str) -> list[ParsedTitle]:
    """Cut an occupation's description, tasks and tools into short runs of words, read as
    titles without a role (their words, character n-grams and word pairs count)."""
    words = words_of(fold(text))
    return [
        ParsedTitle(tuple(words[at : at + CHUNK]), None, (), None)
        for at in range(0, len(words), CHUNK)
    ]


def fit(
    names: Sequence[tuple[int, ParsedTitle, float]],
    contexts: Sequence[tuple[int, str]],
    classes: int,
) -> DenseModel:
    """Train on (class, parsed name, weight) names and (class, text) contexts."""
    chunks = [(cls, doc) for cls, text in contexts for doc in context_documents(text)]
    seen = Counter(f for _, parsed, _ in names for f in classifier_features(parsed))
    seen.update(f"w:{w}" for _, doc in chunks for w in set(doc.words))
    kept = sorted(f for f, n in seen.items() if n >= MIN_COUNT)
    vocabulary = {feature: i for i, feature in enumerate(kept)}
    documents = [parsed for _, parsed, _ in names] + [doc for _, doc in chunks]
    matrix = Encoder(vocabulary).rows(documents).astype(np.float32)
    labels = np.array([c for c, _, _ in names] + [c for c, _ in chunks], dtype=np.intp)
    weights = [w for _, _, w in names] + [CONTEXT_WEIGHT] * len(chunks)
    vectors, output, bias = _adagrad(matrix, labels, np.array(weights, np.float32), classes)
    return DenseModel(vocabulary, vectors, output, bias)


def _dropped(part: sp.csr_matrix, rng: np.random.Generator) -> sp.csr_matrix:
    """Return the rows with ``DROPOUT`` of their features zeroed, normalised again."""
    part = part.copy()
    part.data *= rng.random(part.data.size) >= DROPOUT
    rows = np.repeat(np.arange(part.shape[0]), np.diff(part.indptr))
    norms = np.sqrt(np.bincount(rows, part.data * part.data, minlength=part.shape[0]))
    part.data /= np.maximum(norms, 1e-9)[rows]
    return part


def _adagrad(
    matrix: sp.csr_matrix, labels: npt.NDArray[np.intp], weights: Float32Array, classes: int
) -> tuple[Float32Array, Float32Array, Float32Array]:
    """Minimise the weighted softmax loss; each step updates only its batch's feature rows."""
    rng = np.random.default_rng(SEED)
    vectors = (rng.standard_normal((matrix.shape[1], DIMENSIONS)) * 0.1).astype(np.float32)
    output = np.zeros((DIMENSIONS, classes), np.float32)
    bias = np.zeros(classes, np.float32)
    squares = [np.full_like(a, 1e-6) for a in (vectors, output, bias)]
    steps = EPOCHS * -(-matrix.shape[0] // BATCH)
    for step, batch in enumerate(_batches(matrix.shape[0], rng)):
        rate = RATE * (1 - step / steps)
        used, local = batch_columns(_dropped(matrix[batch], rng))
        hidden = local @ vectors[used]
        error = softmax(hidden @ output + bias)
        error[np.arange(batch.size), labels[batch]] -= 1.0
        error *= weights[batch, None]
        gradient = local.T @ (error @ output.T)
        squares[0][used] += gradient * gradient
        vectors[used] -= rate * gradient / np.sqrt(squares[0][used])
        for at, (array, grad) in enumerate(((output, hidden.T @ error), (bias, error.sum(0))), 1):
            squares[at] += grad * grad
            array -= rate * grad / np.sqrt(squares[at])
    return vectors, output, bias


def _batches(rows: int, rng: np.random.Generator) -> list[npt.NDArray[np.intp]]:
    order = np.concatenate([rng.permutation(rows) for _ in range(EPOCHS)])
    per_epoch = -(-rows // BATCH)
    return [
        part
        for epoch in range(EPOCHS)
        for part in np.array_split(order[epoch * rows : (epoch + 1) * rows], per_epoch)
    ]
