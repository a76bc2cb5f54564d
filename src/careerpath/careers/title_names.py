"""What the title resolver knows from the careers' names: pure, built once per set of names.

Besides the word counts its models score with, the resolver looks a title up in tables of whole
names: which careers list a title word for word (``exact_owners``), whose own title it is, the
names of the curated careers that refine no occupation (only those attach to them), the curated
careers under each occupation with their own words (``title_refinement.Child``), and the curated
and reviewed names that name a career outright. ``CareerNames.read`` builds them in one pass
over the names, together with the counts the naive Bayes models are built from: the shipped
``TrainedTitles`` hold O*NET's part of both, and only the names they lack are counted here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import partial

import numpy as np
import numpy.typing as npt

from careerpath.careers.title_model import Features, NameCounts, context_features
from careerpath.careers.title_refinement import (
    Child,
    curated_child,
    managed_fields,
    reviewed_aliases,
    role_free,
)
from careerpath.careers.title_text import parse_title
from careerpath.careers.title_training import TrainedTitles, name_documents, name_key
from careerpath.careers.title_types import CareerNode, TitleName

# A name's role-free words → the career it names outright and the name as written.
CuratedNames = dict[frozenset[str], tuple[int, str]]


class CareerNames:
    """The careers' names read into the tables the resolver looks a title up in."""

    def __init__(self, nodes: list[CareerNode], trained: TrainedTitles | None) -> None:
        self.parents = {n.career_id: n.parent_id for n in nodes}
        # The classes the models score: the careers that refine no other, in id order.
        self.classes = sorted(c for c, p in self.parents.items() if p is None)
        self.index = {career_id: i for i, career_id in enumerate(self.classes)}
        # Curated careers that refine no imported occupation: only their own names attach.
        self.closed = {self.index[n.career_id] for n in nodes if n.curated and n.parent_id is None}
        self.exact: dict[tuple[str, ...], set[int]] = defaultdict(set)
        # The exact key of each occupation's own title: its best-known name.
        self.own_titles: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self.closed_names: dict[int, set[frozenset[str]]] = defaultdict(set)
        self.children: dict[int, list[Child]] = defaultdict(list)
        self.curated: CuratedNames = {}
        self.trained = trained
        # Set from ``trained`` by ``_trained_counts``; read only when there is one.
        self.career_of_column: npt.NDArray[np.int64] = np.full(0, -1, dtype=np.int64)
        self.classifier_columns: npt.NDArray[np.intp] = np.full(0, -1, dtype=np.intp)

    @classmethod
    def read(
        cls,
        names: Iterable[TitleName],
        nodes: list[CareerNode],
        context: dict[int, str] | None,
        trained: TrainedTitles | None,
    ) -> tuple[CareerNames, NameCounts]:
        """Return the tables of ``names``, and the counts of every name and occupation text
        per class (a curated career's under the occupation it refines): the models' input,
        which the tables do not keep since it is as large as a model."""
        found = cls(nodes, trained)
        counts, known = found._trained_counts(nodes)
        docs, child_docs, child_names = found._documents(names, known)
        for career_id, text in (context or {}).items():
            if career_id in found.index and career_id not in known:
                docs.append((found.index[career_id], context_features(text)))
        occupations = counts.plus(docs)
        found.children = found._children(child_names, occupations)
        found.curated = found._curated(child_names, nodes)
        return found, occupations.plus(child_docs)

    def exact_owners(self, key: tuple[str, ...]) -> set[int]:
        """Return the careers that list ``key`` word for word as one of their names."""
        owners = self.exact.get(key, set())
        if self.trained is not None:
            careers = self.career_of_column[self.trained.listing(key)]
            owners = owners | set(careers[careers >= 0].tolist())
        return owners

    def _trained_counts(self, nodes: list[CareerNode]) -> tuple[NameCounts, set[int]]:
        """Start from the shipped counts for the occupations they cover (their names are
        then not counted again), or from nothing."""
        trained = self.trained
        if trained is None:
            return NameCounts.count([], len(self.classes)), set()
        column = {code: i for i, code in enumerate(trained.codes)}
        code_of = {n.career_id: n.code for n in nodes if n.code in column and not n.curated}
        picked = [column.get(code_of.get(c, ""), -1) for c in self.classes]
        self.career_of_column = np.full(len(trained.codes), -1, dtype=np.int64)
        self.classifier_columns = np.array(picked, dtype=np.intp)
        for career, code in code_of.items():
            self.career_of_column[column[code]] = career
        return trained.counts.columns(picked), set(code_of)

    def _documents(
        self, names: Iterable[TitleName], known: set[int]
    ) -> tuple[
        list[tuple[int, Features]],
        list[tuple[int, Features]],
        dict[int, dict[frozenset[str], str]],
    ]:
        """Return the documents of the names the counts lack: the occupations' own, then the
        curated careers' (counted under the occupation they refine), and each curated
        career's names."""
        docs: list[tuple[int, Features]] = []
        child_docs: list[tuple[int, Features]] = []
        child_names: dict[int, dict[frozenset[str], str]] = defaultdict(dict)
        for name in names:
            owner = self._occupation_of(name.career_id)
            if name.kind == "title" and owner == name.career_id and owner in self.index:
                self.own_titles[name_key(parse_title(name.name))].add(self.index[owner])
            if owner not in self.index or (name.career_id in known and name.kind != "curated"):
                continue  # unknown career, or a name the trained counts hold already
            found = name_documents(self.index[owner], name.name, name.kind)
            if found is None:
                continue
            (docs if owner == name.career_id else child_docs).extend(found[0])
            self.exact[found[1]].add(owner)
            words = found[2].words
            if self.index[owner] in self.closed:
                self.closed_names[self.index[owner]].add(role_free(words))
            if owner != name.career_id:
                child_names[name.career_id][role_free(words)] = name.name
        return docs, child_docs, child_names

    def _occupation_of(self, career_id: int) -> int:
        """Return the occupation a curated career refines, or the career itself (an id may
        be 0: no `or`)."""
        parent = self.parents.get(career_id)
        return career_id if parent is None else parent

    def _children(
        self, child_names: dict[int, dict[frozenset[str], str]], occupations: NameCounts
    ) -> dict[int, list[Child]]:
        children: dict[int, list[Child]] = defaultdict(list)
        for child, names in child_names.items():
            parent = self.index[self._occupation_of(child)]
            uses = partial(occupations.uses, cls=parent)
            children[parent].append(curated_child(child, names, uses))
        return children

    def _curated(
        self, child_names: dict[int, dict[frozenset[str], str]], nodes: list[CareerNode]
    ) -> CuratedNames:
        """Return the names that name a career outright: the reviewed aliases, the curated
        careers' names, and the managers of the computing fields those give, unless O*NET
        lists the title under an occupation of its own."""
        curated = reviewed_aliases(nodes)
        curated |= {
            key: (child, name) for child, keys in child_names.items() for key, name in keys.items()
        }
        curated |= {
            key: found
            for key, found in managed_fields(curated, nodes).items()
            if key not in curated and not self.exact_owners(tuple(sorted(key)))
        }
        return curated
