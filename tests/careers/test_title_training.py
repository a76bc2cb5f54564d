"""The shipped O*NET counts: they round-trip, match the O*NET files, and answer as the names do."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from careerpath.careers.resolver import TitleResolver
from careerpath.careers.title_evaluation import OccupationNames, leak_free_split
from careerpath.careers.title_text import parse_title
from careerpath.careers.title_training import load, name_key, save, shipped, train
from careerpath.careers.title_types import CareerNode
from careerpath.cli.titles import occupation_names
from careerpath.skills.onet import read_onet, read_release_name
from tests.support import require_shared_data


@pytest.fixture(scope="module")
def onet() -> list[OccupationNames]:
    return occupation_names(read_onet(require_shared_data("onet")))


def test_counts_round_trip(tmp_path: Path) -> None:
    trained = train(
        "test",
        [
            ("15-1252.00", [("Software Developers", "title"), ("Java Dev", "onet_alternate")], ""),
            ("29-1141.00", [("Registered Nurses", "title")], "Care for patients."),
        ],
    )
    save(trained, tmp_path / "model.npz")
    loaded = load(tmp_path / "model.npz")
    assert (loaded.release, loaded.codes, loaded.exact) == ("test", trained.codes, trained.exact)
    assert loaded.counts.vocabulary == trained.counts.vocabulary
    np.testing.assert_allclose(loaded.counts.matrix.toarray(), trained.counts.matrix.toarray())
    assert loaded.classifier is not None and trained.classifier is not None
    assert loaded.classifier.vocabulary == trained.classifier.vocabulary
    np.testing.assert_allclose(
        loaded.classifier.weights.toarray(), trained.classifier.weights.toarray(), rtol=1e-6
    )
    java = [parse_title("Java Dev")]
    assert loaded.classifier.logits(java).argmax() == 0
    assert loaded.dense is not None and trained.dense is not None
    assert loaded.dense.vocabulary == trained.dense.vocabulary
    # The vectors are stored in half precision.
    np.testing.assert_allclose(loaded.dense.vectors, trained.dense.vectors, rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(loaded.dense.logits(java), trained.dense.logits(java), atol=1e-3)
    assert loaded.listing(name_key(parse_title("Java Developer"))).tolist() == [0]
    assert loaded.listing(name_key(parse_title("Nurse Java"))).tolist() == []


def test_classifier_weighs_a_feature_only_for_the_classes_that_use_it() -> None:
    """Trained sparse: "nurse" has no weight for Software Developers, so no pruning is needed."""
    trained = train(
        "test",
        [
            ("15-1252.00", [("Software Developers", "title"), ("Java Dev", "onet_alternate")], ""),
            ("29-1141.00", [("Registered Nurses", "title"), ("Nurse", "onet_alternate")], ""),
        ],
    )
    classifier = trained.classifier
    assert classifier is not None
    weights = classifier.weights.toarray()
    assert weights[classifier.vocabulary["w:nurse"], 0] == 0.0
    assert weights[classifier.vocabulary["w:nurse"], 1] > 0.0
    assert weights[classifier.vocabulary["w:java"], 1] == 0.0
    nurse = classifier.logits([parse_title("Staff Nurse")])
    assert nurse.argmax() == 1


def test_shipped_counts_come_from_the_onet_files(onet: list[OccupationNames]) -> None:
    trained = shipped()
    assert trained is not None, "run `careerpath titles train ../shared/data/onet`"
    assert trained.release == read_release_name(require_shared_data("onet"))
    assert trained.codes == [o.code for o in onet]


def test_shipped_counts_answer_as_the_names_do(onet: list[OccupationNames]) -> None:
    """Loading the artefact is only faster: the same names give the same answers."""
    split = leak_free_split(onet, share=0.0)
    nodes = [CareerNode(i, group=code[:2], code=code) for i, code in enumerate(split.codes)]
    from_names = TitleResolver(split.names, nodes, split.context)
    trained = shipped()
    assert trained is not None
    assert trained.classifier is not None, "the shipped artefact has the classifier"
    assert trained.dense is not None, "the shipped artefact has the dense model"
    counts_only = dataclasses.replace(trained, classifier=None, dense=None)
    from_artefact = TitleResolver(split.names, nodes, split.context, counts_only)
    titles = [name.name for name in split.names[::97]] + ["Sr. Backend Dev (Python)", "Manager"]
    for title, a, b in zip(
        titles, from_names.resolve_many(titles), from_artefact.resolve_many(titles), strict=True
    ):
        assert a.career_id == b.career_id, title
        assert a.confidence == pytest.approx(b.confidence, abs=1e-4), title


def test_one_by_one_scoring_equals_the_sparse_product() -> None:
    """Small batches gather weights title by title; large ones use one sparse product."""
    trained = shipped()
    assert trained is not None and trained.classifier is not None
    titles = [
        parse_title(t)
        for t in ("Sr. Java Engineer", "Data Data Manager", "RN - Remote (m/w/d)", "zzqq", "Nurse")
    ]
    one_by_one = trained.classifier.logits(titles)
    batched = trained.classifier.logits(titles * 4)[: len(titles)]
    np.testing.assert_allclose(one_by_one, batched, atol=1e-9)
