"""The resolver on the shipped demo careers alone (pure): only their own names attach."""

from __future__ import annotations

import tomllib
from importlib import resources

import numpy as np
import pytest

from careerpath.careers.resolver import TitleResolver
from careerpath.careers.title_model import title_features
from careerpath.careers.title_refinement import managed_fields
from careerpath.careers.title_settings import THRESHOLD
from careerpath.careers.title_text import parse_title
from careerpath.careers.title_types import CareerNode, TitleName


@pytest.fixture(scope="module")
def demo() -> tuple[TitleResolver, dict[int, str]]:
    text = resources.files("careerpath.demo").joinpath("data/careers.toml").read_text("utf-8")
    careers = tomllib.loads(text)["career"]
    names, nodes, slugs = [], [], {}
    for index, career in enumerate(careers):
        slugs[index] = career["slug"]
        nodes.append(CareerNode(index, curated=True, group=career["onet_soc_code"][:2]))
        names.append(TitleName(index, career["title"], "title"))
        names += [TitleName(index, alias, "curated") for alias in career.get("aliases", [])]
    context = {index: career.get("summary", "") for index, career in enumerate(careers)}
    return TitleResolver(names, nodes, context), slugs


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Sr. Backend Dev", "back-end-engineer"),
        ("Senior Data Engineer", "data-engineer"),
        ("Full-stack developer (React/Node)", "full-stack-engineer"),
        ("Software Engineering Manager", "engineering-manager"),
        ("Lead Data Analyst - Remote", "data-analyst"),
        ("Sr. ML Engineer", "machine-learning-engineer"),
    ],
)
def test_titles_containing_a_career_name_attach(
    demo: tuple[TitleResolver, dict[int, str]], title: str, slug: str
) -> None:
    resolver, slugs = demo
    answer = resolver.resolve(title)
    assert answer.career_id is not None
    assert slugs[answer.career_id] == slug
    assert answer.confidence >= THRESHOLD
    assert answer.reasons


@pytest.mark.parametrize(
    "title",
    ["Manager", "Software Engineer", "Data Scientist", "Product Engineer", "Nurse"],
)
def test_a_shared_word_is_not_enough_among_few_careers(
    demo: tuple[TitleResolver, dict[int, str]], title: str
) -> None:
    answer = demo[0].resolve(title)
    assert answer.career_id is None
    assert answer.confidence < THRESHOLD


def test_batch_and_single_answers_agree(demo: tuple[TitleResolver, dict[int, str]]) -> None:
    resolver = demo[0]
    titles = [
        "Backend Developer",
        "Data Engineer",
        "Manager",
        "Prompt Whisperer",
        "Cloud Architect",
    ]
    batch = resolver.resolve_many(titles, explain=True)
    assert batch == [resolver.resolve(title) for title in titles]


def test_vectorised_scores_equal_the_plain_sum(demo: tuple[TitleResolver, dict[int, str]]) -> None:
    """The sparse product is checked against the textbook naive Bayes sum, row by row."""
    model = demo[0].model
    rows = [title_features(parse_title(t)) for t in ("Back End Engineer", "Data Pipeline Dev", "x")]
    scores, known = model.scores(rows)
    for row, feats in enumerate(rows):
        used = {f: w for f, w in feats.items() if model.knows(f)}
        expected = model.prior + model.base * sum(used.values())
        for feat, weight in used.items():
            for cls in range(model.classes):
                expected[cls] += weight * model.bonus(feat, cls)
        assert known[row] == bool(used)
        np.testing.assert_allclose(scores[row], expected)


def test_without_careers_every_title_is_unknown() -> None:
    answer = TitleResolver([], []).resolve("Data Engineer")
    assert (answer.career_id, answer.confidence, answer.candidates) == (None, 0.0, ())


def test_managers_of_a_field_are_the_occupation_not_its_curated_child() -> None:
    """In the database the demo's curated careers come first, Engineering Manager among them
    with the code 11-3021.00 it refines: "ML Director" still names the occupation."""
    nodes = [
        CareerNode(1, parent_id=3, curated=True, group="11", code="11-3021.00"),
        CareerNode(2, group="15", code="15-1252.00"),
        CareerNode(3, group="11", code="11-3021.00"),
    ]
    curated = {frozenset({"ml", "engineer"}): (2, "ML Engineer")}
    found = managed_fields(curated, nodes)
    assert found[frozenset({"ml", "director"})][0] == 3


def test_a_curated_career_s_own_words_are_those_its_occupation_never_uses() -> None:
    """The curated names are counted under the occupation they refine; their words are still
    the curated career's own ("backend"), but not those the occupation uses ("software")."""
    nodes = [
        CareerNode(0, group="15", code="15-1252.00"),
        CareerNode(1, parent_id=0, curated=True, group="15", code="15-1252.00"),
    ]
    names = [
        TitleName(0, "Software Developers", "title"),
        TitleName(0, "Application Developer", "alternate"),
        TitleName(1, "Back End Engineer", "title"),
        TitleName(1, "Backend Software Engineer", "curated"),
        TitleName(1, "Server-side Developer", "curated"),
    ]
    resolver = TitleResolver(names, nodes)
    (child,) = resolver.names.children[resolver.names.index[0]]
    assert child.distinctive == {"backend", "serverside"}
    assert child.roles == {"engineer"}
