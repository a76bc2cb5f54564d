"""Glued sentences in scraped descriptions are split; names written in camel case are not."""

from __future__ import annotations

import json
import re

import pytest

from careerpath.search.prose import unglue
from tests.support import require_shared_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11 course seriesPrepare for a career", "11 course series Prepare for a career"),
        ("new skills.Learn Python", "new skills. Learn Python"),
        ("you will learn:Python and SQL", "you will learn: Python and SQL"),
        ("Use JavaScript, NumPy, iPhone, phpMyAdmin and ASP.NET", None),
        ("Node.js and PostgreSQL on GitHub", None),
        ("in this courseDec\xc3\xada Steve Jobs", "in this course Dec\xeda Steve Jobs"),
        ("You\xe2\x80\x99ll begin", "You\u2019ll begin"),
        ("Caf\xe9 cr\xe8me", None),
        ("in this coursePyTorch is", "in this course PyTorch is"),
    ],
)
def test_unglue(text: str, expected: str | None) -> None:
    assert unglue(text) == (expected or text)


@pytest.fixture(scope="module")
def courses() -> list[dict[str, object]]:
    folder = require_shared_data("courses-coursera-stepik-kizak")
    return [
        row
        for name in ("coursera_clear.json", "stepik_clear.json")
        for row in json.loads((folder / name).read_text(encoding="utf-8"))
    ]


def test_course_skill_names_are_left_whole(courses: list[dict[str, object]]) -> None:
    """Every skill name the catalog lists (JavaScript, TensorFlow, PyTorch…) survives as is."""
    names = {str(n) for row in courses for n in row.get("skills") or []}  # type: ignore[attr-defined]
    camel = {n for n in names if re.search(r"[a-z][A-Z]", n)}
    assert len(camel) > 10
    assert {n for n in camel if unglue(n) != n} == set()


def test_glued_course_descriptions_are_split(courses: list[dict[str, object]]) -> None:
    descriptions = [str(row.get("description") or "") for row in courses]
    glued = [d for d in descriptions if re.search(r"\b(?:series|course)[A-Z][a-z]", d)]
    assert len(glued) > 20
    for text in glued:
        assert not re.search(r"\b(?:series|course)[A-Z][a-z]", unglue(text))
