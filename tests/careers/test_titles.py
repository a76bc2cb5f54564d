"""Title keys and slugs."""

from __future__ import annotations

import pytest

from careerpath.careers.titles import normalize_title, slugify


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Back End Engineer", "Backend Engineer"),
        ("Back-end Engineer", "back end  engineer"),
        ("BACK_END engineer", "Back End Engineer"),
        ("Développeur Back-End", "developpeur backend"),
    ],
)
def test_spellings_of_one_title_share_a_key(left: str, right: str) -> None:
    assert normalize_title(left) == normalize_title(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [("C# Developer", "C Developer"), ("C++ Engineer", "C Engineer"), ("Backend", "Frontend")],
)
def test_different_titles_keep_different_keys(left: str, right: str) -> None:
    assert normalize_title(left) != normalize_title(right)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Back End Engineer", "back-end-engineer"),
        ("  Sr. Back-End Developer (Node.js) ", "sr-back-end-developer-node-js"),
        ("C++ Developer", "c-plus-plus-developer"),
        ("C# Developer", "c-sharp-developer"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
