"""The confidence model of the resolver's first answer: signals, fit, prediction."""

from __future__ import annotations

import numpy as np

from careerpath.careers import title_confidence
from careerpath.careers.title_confidence import SIGNALS, Scores, own_probability, signals


def test_own_probability_is_the_softmax_of_the_picked_class() -> None:
    logits = np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 3.0]])
    expected = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    found = own_probability(logits.copy(), np.array([1, 2]))
    np.testing.assert_allclose(found, [expected[0, 1], expected[1, 2]])


def test_signals_read_agreement_and_the_broad_occupation() -> None:
    """Row 0: both models put class 0 first; row 1: the classifier prefers class 2."""
    naive_bayes = np.array([[3.0, 1.0, 0.0], [3.0, 1.0, 0.0]])
    classifier = np.array([[3.0, 1.0, 0.0], [0.0, 1.0, 3.0]])
    scores = Scores(
        naive_bayes,
        classifier,
        shortlist=np.array([[0, 1, 2], [0, 2, 1]]),
        chances=np.array([[0.6, 0.3, 0.1], [0.5, 0.4, 0.1]]),
        broad=np.array([7, 7, 8]),
    )
    found = dict(zip(SIGNALS, signals(scores, [1.0, 0.25]).T, strict=True))
    assert found["naive_bayes_first"].tolist() == [1.0, 1.0]
    assert found["classifier_first"].tolist() == [1.0, 0.0]
    assert found["both_first"].tolist() == [1.0, 0.0]
    np.testing.assert_allclose(found["role"], [0.0, np.log(0.25)])
    # Row 0's broad occupation holds 0.9 of the chance, row 1's (class 0 alone) 0.6.
    np.testing.assert_allclose(found["broad"], np.log([0.9 / 0.1, 0.6 / 0.4]))


def test_fit_weighs_the_signal_that_separates_right_from_wrong() -> None:
    rng = np.random.default_rng(5)
    rows = rng.normal(size=(2000, 2))
    right = (rows[:, 0] + rng.normal(scale=0.5, size=2000)) > 0
    model = title_confidence.fit(rows, right.tolist())
    assert model.weights[0] > 1.0
    assert abs(model.weights[1]) < 0.3
    predicted = model.predict(rows)
    assert predicted[right].mean() > 0.7 > 0.3 > predicted[~right].mean()
