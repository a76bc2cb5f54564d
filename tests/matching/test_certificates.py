"""Which resources are certificate programmes, judged on the real Coursera and Stepik files."""

from __future__ import annotations

import json
import re

import pytest

from careerpath.matching.certificates import is_certificate
from careerpath.matching.certifications import summary
from tests.support import require_shared_data

# Coursera's own fields tell the two apart: a programme's description counts its "N course
# series", a single course's opens with "There are N modules in this course".
SERIES = re.compile(r"\d+\s*course series")
SINGLE = re.compile(r"There (are|is) \d+ modules? in this course")


def _coursera() -> list[dict[str, str]]:
    path = require_shared_data("courses-coursera-stepik-kizak", "coursera_clear.json")
    rows: list[dict[str, str]] = json.loads(path.read_text("utf-8"))
    return rows


def test_every_course_series_is_a_certificate() -> None:
    series = [r for r in _coursera() if SERIES.search(r["description"][:400])]
    assert series
    assert [r["title"] for r in series if not is_certificate(r["title"], r["description"])] == []


def test_no_single_course_is_a_certificate() -> None:
    single = [r for r in _coursera() if SINGLE.match(r["description"])]
    assert single
    assert [r["title"] for r in single if is_certificate(r["title"], r["description"])] == []


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Certified Kubernetes Administrator (CKA) + практический опыт", True),
        ("Microsoft Certified: Azure Fundamentals", True),
        ("LPIC 1 exam guide: Linux Professional Institute Certification Study Guide", True),
        ("Certified Programming with Dependent Types", False),
        ("Self Study Guide 2: Programming in Fortran 95", False),
        ("Practical PostgreSQL", False),
    ],
)
def test_titles_from_the_free_programming_books_list(title: str, expected: bool) -> None:
    assert is_certificate(title) is expected


def test_the_sources_own_flag_decides_over_the_words() -> None:
    assert is_certificate("Google Data Analytics", "", declared=True) is True
    assert is_certificate("Deep Learning Specialization", "", declared=False) is False
    assert is_certificate("Deep Learning Specialization", "", declared=None) is True


@pytest.mark.parametrize(
    ("found", "total", "shown", "cap", "expected"),
    [
        (26, 26, 8, "any", "26 certificate programmes or specialisations among this career's "
         "courses; the 8 most relevant are listed."),
        (1, 1, 1, "any", "1 certificate programme or specialisation among this career's courses."),
        (26, 3, 3, "300", "26 certificate programmes or specialisations among this career's "
         "courses, 3 of them under $300."),
        (5, 0, 0, "free", "5 certificate programmes or specialisations among this career's "
         "courses, 0 of them free."),
    ],
)  # fmt: skip
def test_the_summary_counts_what_the_list_holds(
    found: int, total: int, shown: int, cap: str, expected: str
) -> None:
    assert summary(found, total, shown, cap) == expected
