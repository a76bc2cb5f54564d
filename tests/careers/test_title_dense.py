"""The dense model: words only the tasks use still point somewhere; scoring is deterministic."""

from __future__ import annotations

import numpy as np

from careerpath.careers.title_dense import context_documents, fit
from careerpath.careers.title_text import parse_title

NAMES = [
    (0, "Software Developers", 3.0),
    (0, "Java Developer", 1.0),
    (0, "Application Developer", 1.0),
    (1, "Registered Nurses", 3.0),
    (1, "Staff Nurse", 1.0),
    (1, "Charge Nurse", 1.0),
]
CONTEXTS = [
    (0, "Write, test and debug code for computer applications. Review code of others. " * 3),
    (1, "Care for patients in hospitals. Give medication to patients. Monitor patients. " * 3),
]


def test_context_is_cut_into_short_documents_without_a_role() -> None:
    documents = context_documents(CONTEXTS[1][1])
    assert len(documents) > 1
    assert all(doc.role is None and 0 < len(doc.words) <= 12 for doc in documents)


def test_a_word_only_the_tasks_use_points_to_their_occupation() -> None:
    model = fit([(c, parse_title(n), w) for c, n, w in NAMES], CONTEXTS, 2)
    assert "w:patient" in model.vocabulary
    assert model.logits([parse_title("Patient Coordinator")]).argmax() == 1
    assert model.logits([parse_title("Code Reviewer")]).argmax() == 0


def test_training_is_reproducible() -> None:
    names = [(c, parse_title(n), w) for c, n, w in NAMES]
    first, second = fit(names, CONTEXTS, 2), fit(names, CONTEXTS, 2)
    assert first.vocabulary == second.vocabulary
    np.testing.assert_array_equal(first.vectors, second.vectors)
    np.testing.assert_array_equal(first.output, second.output)
