"""Libraries belong to the language their topic is filed under; a title's language denies others."""

from __future__ import annotations

import pytest

from careerpath.matching.ecosystems import Ecosystems, ecosystems, families, nearest_language

PYTHON, PHP, JAVASCRIPT, TYPESCRIPT = 1, 2, 3, 4
PANDAS, LARAVEL, REACT, D3, TENSORFLOW, GRPC = 11, 12, 13, 14, 15, 16
LANGUAGES = frozenset({PYTHON, PHP, JAVASCRIPT, TYPESCRIPT})
# Programming › Python › Pandas, Programming › PHP › Laravel, Programming › JavaScript › React,
# Programming › JavaScript › D3.js; gRPC filed under both Python and PHP.
TREE = {
    100: (None, frozenset()),
    101: (100, frozenset({PYTHON})),
    102: (101, frozenset({PANDAS})),
    103: (100, frozenset({PHP})),
    104: (103, frozenset({LARAVEL})),
    105: (100, frozenset({JAVASCRIPT})),
    106: (105, frozenset({REACT})),
    107: (105, frozenset({D3})),
    108: (101, frozenset({GRPC})),
    109: (103, frozenset({GRPC})),
}
OWNER = ecosystems(TREE, LANGUAGES)
FAMILY = families({"JavaScript": frozenset({JAVASCRIPT}), "TypeScript": frozenset({TYPESCRIPT})})
KNOWN = Ecosystems(LANGUAGES, OWNER, FAMILY)


def test_the_tree_says_which_language_owns_a_library() -> None:
    assert OWNER == {PANDAS: PYTHON, LARAVEL: PHP, REACT: JAVASCRIPT, D3: JAVASCRIPT}
    assert nearest_language(TREE, LANGUAGES, 102) == PYTHON
    assert nearest_language(TREE, LANGUAGES, 100) is None


@pytest.mark.parametrize(
    ("title", "found", "tagged", "stated", "denied"),
    [
        # "PHP Pandas": a PHP book whose title says pandas.
        ({PHP, PANDAS}, {PHP, PANDAS}, set(), {PHP}, {PANDAS}),
        # "Python for Data Analysis with pandas": its own language.
        ({PYTHON, PANDAS}, {PYTHON, PANDAS}, set(), {PYTHON}, set()),
        # "TypeScript Handbook for React Developers": TypeScript shares JavaScript's libraries.
        ({TYPESCRIPT, REACT}, {TYPESCRIPT, REACT}, set(), {TYPESCRIPT}, set()),
        # "... with Tensorflow, Python, Tensorflow.JS with React.JS": a stack, each part taught.
        ({PYTHON, TENSORFLOW, REACT}, {PYTHON, TENSORFLOW, REACT}, set(), {PYTHON}, set()),
        # "Using Databases with Python", whose description mentions D3 in passing.
        ({PYTHON}, {PYTHON, D3}, set(), {PYTHON}, {D3}),
        # The source tagged it itself: its word stands.
        ({PHP, PANDAS}, {PHP, PANDAS}, {PANDAS}, {PHP}, set()),
        # The resource also names the library's language.
        ({PHP, PANDAS}, {PHP, PANDAS, PYTHON}, set(), {PHP, PYTHON}, set()),
        # A title naming no language denies nothing ("Node.js — бэкенд для фронтенда").
        ({REACT}, {REACT, PANDAS}, set(), {PYTHON}, set()),
    ],
)
def test_a_library_of_another_language_than_the_titles_is_denied(
    title: set[int], found: set[int], tagged: set[int], stated: set[int], denied: set[int]
) -> None:
    got = KNOWN.denied(frozenset(found), frozenset(tagged), frozenset(title), frozenset(stated))
    assert got == denied
