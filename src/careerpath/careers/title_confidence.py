"""How sure the resolver is of its first answer: a logistic model over a few signals. Pure.

One score (the blended probability) ranks right and wrong answers less well than several read
together: whether naive Bayes and the classifier each put the answer first and how sure each
is alone, whether the role word agrees, and how much of the chance the answer's SOC broad
occupation holds among the candidates. The title's length was a signal too, and helped a little
on held-out O*NET titles, but those are short trade titles: on real postings it abstained on
long right titles ("Recruiter, Google Cloud"), so it is left out.

Held-out O*NET names are never word for word a name the resolver knows (the split holds out
whole name groups), but real titles often are: whether the answer is one of the occupations
listing the title, and among how many, is a signal only real titles can teach. So
`benchmarks/titles_calibration.py` fits the coefficients on titles held out of the evaluation's
training side (never the titles `careerpath titles evaluate` reports on) together with the
hand-judged real titles of the tuning files (never the held-out file), each real title
weighing ``REAL_WEIGHT`` O*NET names, and prints them for ``title_settings.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# The signals, in the order of the coefficients.
SIGNALS = (
    "blended",  # logit of the blended probability of the answer
    "naive_bayes",  # logit of naive Bayes's own probability of it
    "classifier",  # logit of the classifier's own probability of it
    "naive_bayes_first",  # naive Bayes alone puts it first
    "classifier_first",  # the classifier alone puts it first
    "both_first",  # both do
    "role",  # log of the role-agreement factor (0 when the role word agrees)
    "broad",  # logit of the chance held by the answer's broad occupation among the candidates
    "dense",  # logit of the dense model's own probability of it
    "dense_first",  # the dense model alone puts it first
    # the title, of two words or more, is word for word one of its names and of no occupation
    # in another major group
    "listed",
    "listed_share",  # that, over how many occupations list the title (1/n, 0 when not listed)
)
_CLIP = 1e-6
# Newton steps of the fit, and its ridge penalty (keeps the fit defined when a signal is
# constant, as the classifier's are without one).
_STEPS = 50
_RIDGE = 1.0


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """Coefficients per signal and an intercept: confidence = sigmoid(signals · weights + bias)."""

    weights: tuple[float, ...]
    bias: float

    def predict(self, signals: FloatArray) -> FloatArray:
        """Return the confidence of each row of ``signals``."""
        # Row by row, not a matrix product: BLAS sums a batch and a single row in different
        # orders, and a title's confidence must not depend on the titles beside it.
        z = (signals * np.asarray(self.weights)).sum(axis=1) + self.bias
        result: FloatArray = 1.0 / (1.0 + np.exp(-z))
        return result


def logit(p: FloatArray) -> FloatArray:
    """Return log(p / (1 - p)), p kept off 0 and 1."""
    p = np.clip(p, _CLIP, 1 - _CLIP)
    result: FloatArray = np.log(p) - np.log1p(-p)
    return result


def own_probability(logits: FloatArray, picked: npt.NDArray[np.intp]) -> FloatArray:
    """Return each row's softmax probability of its class ``picked[row]``."""
    top = logits.max(axis=1, keepdims=True)
    shifted = logits - top  # one buffer, exponentiated in place: the batch's costliest step
    own = shifted[np.arange(len(picked)), picked]
    np.exp(shifted, out=shifted)
    result: FloatArray = np.exp(own - np.log(shifted.sum(axis=1)))
    return result


@dataclass(frozen=True)
class Scores:
    """One batch's scores, enough to read the signals of each row's first candidate."""

    naive_bayes: FloatArray  # rows x classes, logits
    classifier: FloatArray  # rows x classes, logits (naive Bayes's when there is none)
    shortlist: npt.NDArray[np.intp]  # rows x candidates, best first
    chances: FloatArray  # rows x candidates, blended probabilities
    broad: npt.NDArray[np.intp]  # class → broad occupation id
    dense: FloatArray | None = None  # rows x classes, logits (the classifier's when None)


def signals(
    scores: Scores, roles: Sequence[float], listed: Sequence[float] | None = None
) -> FloatArray:
    """Return the signals (``SIGNALS``) of each row's first candidate; ``listed`` holds, per
    row, 1/n when the first candidate is one of the n occupations listing the title word for
    word, else 0 (held-out O*NET titles are never listed: only real titles teach it)."""
    shares = np.zeros(len(roles)) if listed is None else np.asarray(listed, dtype=np.float64)
    first = scores.shortlist[:, 0]
    naive_bayes_first = scores.naive_bayes.argmax(axis=1) == first
    classifier_first = scores.classifier.argmax(axis=1) == first
    dense = scores.classifier if scores.dense is None else scores.dense
    broad = scores.broad[scores.shortlist]
    held = (scores.chances * (broad == broad[:, :1])).sum(axis=1)
    return np.column_stack(
        [
            logit(scores.chances[:, 0]),
            logit(own_probability(scores.naive_bayes, first)),
            logit(own_probability(scores.classifier, first)),
            naive_bayes_first,
            classifier_first,
            naive_bayes_first & classifier_first,
            np.log(np.asarray(roles, dtype=np.float64)),
            logit(np.minimum(held, 1.0)),
            logit(own_probability(dense, first)),
            dense.argmax(axis=1) == first,
            shares > 0,
            shares,
        ]
    ).astype(np.float64)


def fit(
    rows: FloatArray, right: Sequence[bool], weights: Sequence[float] | None = None
) -> ConfidenceModel:
    """Fit a ridge-penalised logistic regression of ``right`` on ``rows`` (Newton's method),
    each row counting ``weights[row]`` times (once by default)."""
    design = np.hstack([rows, np.ones((len(rows), 1))])
    target = np.asarray(right, dtype=np.float64)
    weight = np.ones(len(rows)) if weights is None else np.asarray(weights, dtype=np.float64)
    coefficients = np.zeros(design.shape[1])
    ridge = _RIDGE * np.eye(design.shape[1])
    ridge[-1, -1] = 0.0  # the intercept is not penalised
    for _ in range(_STEPS):
        p = 1.0 / (1.0 + np.exp(-(design @ coefficients)))
        gradient = design.T @ (weight * (p - target)) + ridge @ coefficients
        hessian = (design * (weight * p * (1 - p))[:, None]).T @ design + ridge
        step = np.linalg.solve(hessian, gradient)
        coefficients -= step
        if np.abs(step).max() < 1e-9:
            break
    rounded = [round(float(c), 4) for c in coefficients]
    return ConfidenceModel(tuple(rounded[:-1]), rounded[-1])
