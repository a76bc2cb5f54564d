"""The trained part of the title resolver: O*NET's names counted once, shipped, loaded fast.

`careerpath titles train ONET_DIR` counts the features of every O*NET occupation title,
alternate and reported title and the words of its description and tasks (``NameCounts``),
trains the sparse classifier and the dense model on them, and writes them with the occupation
codes and the exact-name keys to ``data/title_model.npz``.
Building the resolver then loads this file (well under a second) instead of reading 65,000
names from the database; the database's curated names are added to the counts at that time.
This includes information from the O*NET 29.2 Database by the U.S. Department of Labor,
Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license
(README: Data and licences).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from careerpath.careers import title_dense
from careerpath.careers.title_classifier import Classifier, fit
from careerpath.careers.title_dense import DenseModel
from careerpath.careers.title_model import Features, NameCounts, context_features, title_features
from careerpath.careers.title_text import ParsedTitle, parse_title

ARTEFACT = "data/title_model.npz"
# An occupation's own title is its most typical name: it counts several times.
TITLE_REPEAT = 3


def name_key(parsed: ParsedTitle) -> tuple[str, ...]:
    """Return the order-free key of a title's main words (near-duplicates share it)."""
    return tuple(sorted(set(parsed.words)))


@dataclass(frozen=True)
class TrainedTitles:
    """Counts over occupations named by code, and which codes list each exact name key.

    The occupations listing the name key ``k`` are
    ``owners[bounds[exact[k]] : bounds[exact[k] + 1]]`` (arrays load faster than 45,000 sets).
    """

    release: str
    codes: list[str]
    counts: NameCounts
    exact: dict[str, int]
    bounds: npt.NDArray[np.int64]
    owners: npt.NDArray[np.int32]
    classifier: Classifier | None = None
    dense: DenseModel | None = None

    def listing(self, key: tuple[str, ...]) -> npt.NDArray[np.int32]:
        """Return the columns of the occupations that list the name key ``key``."""
        at = self.exact.get(" ".join(key))
        if at is None:
            return self.owners[:0]
        return self.owners[self.bounds[at] : self.bounds[at + 1]]


def name_documents(
    owner: int, name: str, kind: str
) -> tuple[list[tuple[int, Features]], tuple[str, ...], ParsedTitle] | None:
    """Return the training documents of one name, its exact key and its reading."""
    parsed = parse_title(name)
    if not parsed.words:
        return None
    repeat = TITLE_REPEAT if kind == "title" else 1
    return [(owner, title_features(parsed))] * repeat, name_key(parsed), parsed


def train(
    release: str,
    occupations: Iterable[tuple[str, list[tuple[str, str]], str]],
    *,
    classifier: bool = True,
) -> TrainedTitles:
    """Count (code, [(name, kind)], context) of every occupation into a ``TrainedTitles``, and
    train the classifier and the dense model on the same names unless ``classifier`` is False."""
    codes: list[str] = []
    docs: list[tuple[int, Features]] = []
    named: list[tuple[int, ParsedTitle, float]] = []
    contexts: list[tuple[int, str]] = []
    exact: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for index, (code, names, context) in enumerate(occupations):
        codes.append(code)
        for name, kind in names:
            found = name_documents(index, name, kind)
            if found is not None:
                docs.extend(found[0])
                exact[found[1]].add(index)
                named.append((index, found[2], float(len(found[0]))))
        docs.append((index, context_features(context)))
        contexts.append((index, context))
    counts = NameCounts.count(docs, len(codes))
    owners = [sorted(v) for v in exact.values()]
    return TrainedTitles(
        release,
        codes,
        counts,
        {" ".join(k): i for i, k in enumerate(exact)},
        np.cumsum([0, *map(len, owners)]).astype(np.int64),
        np.concatenate(owners).astype(np.int32),
        fit(named, len(codes)) if classifier else None,
        title_dense.fit(named, contexts, len(codes)) if classifier else None,
    )


def save(trained: TrainedTitles, path: Path) -> None:
    """Write ``trained`` to ``path`` (numpy's compressed archive; no pickled objects)."""
    matrix = trained.counts.matrix.astype(np.float32)
    np.savez_compressed(
        path,
        release=np.array(trained.release),
        codes=np.array(trained.codes),
        vocabulary=np.array(_in_index_order(trained.counts.vocabulary)),
        data=matrix.data,
        indices=matrix.indices,
        indptr=matrix.indptr,
        totals=trained.counts.totals,
        names=trained.counts.names,
        exact_keys=np.array(_in_index_order(trained.exact)),
        exact_owners=trained.owners,
        exact_bounds=trained.bounds,
        **_classifier_arrays(trained.classifier),
        **_dense_arrays(trained.dense),
    )


def _classifier_arrays(classifier: Classifier | None) -> dict[str, Any]:
    if classifier is None:
        return {}
    weights = classifier.weights
    return {
        "classifier_vocabulary": np.array(_in_index_order(classifier.vocabulary)),
        "classifier_data": weights.data.astype(np.float32),
        "classifier_indices": weights.indices.astype(np.int16),
        "classifier_indptr": weights.indptr.astype(np.int32),
        "classifier_bias": classifier.bias,
    }


def _dense_arrays(dense: DenseModel | None) -> dict[str, Any]:
    if dense is None:
        return {}
    return {
        "dense_vocabulary": np.array(_in_index_order(dense.vocabulary)),
        # Half precision: 7.5 MB of vectors instead of 15 (a score moves by under 0.001).
        "dense_vectors": dense.vectors.astype(np.float16),
        "dense_output": dense.output,
        "dense_bias": dense.bias,
    }


def _load_dense(archive: np.lib.npyio.NpzFile) -> DenseModel | None:
    if "dense_bias" not in archive.files:
        return None
    features = archive["dense_vocabulary"].tolist()
    return DenseModel(
        dict(zip(features, range(len(features)), strict=True)),
        archive["dense_vectors"].astype(np.float32),
        archive["dense_output"],
        archive["dense_bias"],
    )


def _load_classifier(archive: np.lib.npyio.NpzFile, classes: int) -> Classifier | None:
    if "classifier_bias" not in archive.files:
        return None
    features = archive["classifier_vocabulary"].tolist()
    weights = sp.csr_matrix(
        (
            archive["classifier_data"].astype(np.float64),
            archive["classifier_indices"].astype(np.int32),
            archive["classifier_indptr"],
        ),
        shape=(len(features), classes),
    )
    return Classifier(
        dict(zip(features, range(len(features)), strict=True)), weights, archive["classifier_bias"]
    )


def _in_index_order(index: dict[str, int]) -> list[str]:
    return sorted(index, key=lambda key: index[key])


def load(path: Path) -> TrainedTitles:
    """Read a ``TrainedTitles`` written by ``save``."""
    with np.load(path, allow_pickle=False) as archive:
        codes = archive["codes"].tolist()
        features = archive["vocabulary"].tolist()
        vocabulary = dict(zip(features, range(len(features)), strict=True))
        matrix = sp.csr_matrix(
            (archive["data"].astype(np.float64), archive["indices"], archive["indptr"]),
            shape=(len(vocabulary), len(codes)),
        )
        keys = archive["exact_keys"].tolist()
        exact = dict(zip(keys, range(len(keys)), strict=True))
        counts = NameCounts(vocabulary, matrix, archive["totals"], archive["names"])
        return TrainedTitles(
            str(archive["release"]),
            codes,
            counts,
            exact,
            archive["exact_bounds"],
            archive["exact_owners"],
            _load_classifier(archive, len(codes)),
            _load_dense(archive),
        )


@cache
def shipped() -> TrainedTitles | None:
    """Return the artefact shipped in the package, or None when it was never trained."""
    resource = resources.files("careerpath.careers").joinpath(ARTEFACT)
    if not resource.is_file():
        return None
    with resources.as_file(resource) as path:
        return load(path)
