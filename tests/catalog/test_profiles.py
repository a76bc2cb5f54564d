"""Row parsing of the ready profiles, and the real catalog files' rejections."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from careerpath.catalog import normalize
from careerpath.catalog.models import ResourceKind, ResourceLevel
from careerpath.catalog.profiles import PROFILES
from careerpath.catalog.service import parse_file
from careerpath.catalog.topics import clean_topic_name, path_slugs, topic_path
from tests.support import require_shared_data

FPB = PROFILES["free-programming-books"]
KIZAK = PROFILES["kizak"]


def fpb_row(**changes: str) -> dict[str, str]:
    row = {
        "section": "BY PROGRAMMING LANGUAGE", "topic": "PostgreSQL", "subtopic": "",
        "title": "Practical PostgreSQL", "url": "https://www.commandprompt.com/ppbook/",
        "authors": "John C. Worsley, Joshua D. Drake", "notes": "(HTML) (CC BY-SA)",
    }  # fmt: skip
    return {**row, **changes}


def test_free_programming_books_row() -> None:
    row = FPB.parse(FPB.mapping, fpb_row(), ResourceKind.BOOK)
    assert row.url == "https://www.commandprompt.com/ppbook"
    assert row.topics == [("Databases", "PostgreSQL")]
    assert (row.formats, row.licence) == ("HTML", "CC BY-SA")
    assert row.provider == "commandprompt.com"
    assert row.is_free


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"url": ""}, "url is missing"),
        ({"url": "free-programming-books-subjects.md"}, r"not an http\(s\) address"),
        ({"title": "  "}, "title is missing"),
    ],
)
def test_bad_rows_say_why(changes: dict[str, str], reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        FPB.parse(FPB.mapping, fpb_row(**changes), ResourceKind.BOOK)


def test_stepik_row_is_russian_and_priced_in_roubles() -> None:
    record = {
        "url": "https://stepik.org/course/174852?search=7291233903", "title": "Основы Python",
        "author": "Алексей", "students": 68000, "rating": 4.9, "difficulty": "Beginner",
        "skills": ["Python"], "description": "Онлайн-курс по Python", "price": 1999,
        "source": "Stepik",
    }  # fmt: skip
    row = KIZAK.parse(KIZAK.mapping, record, ResourceKind.COURSE)
    assert row.url == "https://stepik.org/course/174852"
    assert row.language == "ru"
    assert (row.is_free, row.price_amount, row.price_currency) == (False, Decimal(1999), "RUB")
    assert row.level is ResourceLevel.BEGINNER
    assert row.topics == [("Programming", "Python")]


def test_coursera_zero_price_is_a_subscription_and_zero_rating_is_unrated() -> None:
    record = {
        "url": "https://www.coursera.org/learn/x", "title": "X", "rating": 0.0, "price": 0,
        "source": "Coursera", "difficulty": "19", "skills": [], "description": "hoursâ\x80\x94no",
    }  # fmt: skip
    row = KIZAK.parse(KIZAK.mapping, record, ResourceKind.COURSE)
    assert (row.is_free, row.price_amount, row.rating, row.level) == (False, None, None, None)


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("hoursâ\x80\x94no prior", "hours—no prior"),
        ("Youâ\x80\x99ll", "You’ll"),
        ("plain", "plain"),
    ],
)
def test_mojibake_is_repaired(broken: str, fixed: str) -> None:
    assert normalize.fix_mojibake(broken) == fixed


@pytest.mark.parametrize(
    ("subject", "subtopic", "path"),
    [
        ('<a id="csharp"></a>C\\#', None, ("Programming", "C#")),
        ("Database", None, ("Databases",)),
        ("Python", "Django", ("Programming", "Python", "Django")),
        ("0 - MOOC", None, ("Programming", "MOOC")),
        ("Machine Learning", None, ("Artificial Intelligence", "Machine Learning")),
    ],
)
def test_topic_paths(subject: str, subtopic: str | None, path: tuple[str, ...]) -> None:
    assert topic_path(subject, subtopic) == path


def test_topic_slugs_name_the_whole_path() -> None:
    assert path_slugs(("Programming", "C#")) == ["programming", "programming-c-sharp"]
    assert clean_topic_name("Cuda") == "CUDA"


@pytest.mark.parametrize(
    ("parts", "kind", "read", "rejected"),
    [
        (("catalog-free-programming-books", "free_programming_books_en.csv"), "book", 2474, 1),
        (("catalog-free-programming-books", "free_courses_en.csv"), "course", 1382, 0),
        (("courses-coursera-stepik-kizak", "coursera_clear.json"), "course", 284, 0),
        (("courses-coursera-stepik-kizak", "stepik_clear.json"), "course", 255, 0),
    ],
)
def test_real_catalogs_parse_with_every_rejection_explained(
    parts: tuple[str, str], kind: str, read: int, rejected: int
) -> None:
    path = require_shared_data(*parts)
    profile = FPB if parts[0].startswith("catalog") else KIZAK
    parsed = parse_file(path, profile, ResourceKind(kind))
    assert parsed.report.read == read
    assert parsed.report.rejected == rejected
    assert all(error.reason for error in parsed.report.errors)
    assert len(parsed.rows) + parsed.merged + rejected == read


def test_real_books_rejection_names_line_and_reason() -> None:
    path = require_shared_data("catalog-free-programming-books", "free_programming_books_en.csv")
    parsed = parse_file(path, FPB, ResourceKind.BOOK)
    [error] = parsed.report.errors
    assert error.line == 809
    assert "not an http(s) address" in error.reason


def test_real_coursera_descriptions_lose_their_mojibake() -> None:
    path = require_shared_data("courses-coursera-stepik-kizak", "coursera_clear.json")
    parsed = parse_file(path, KIZAK, ResourceKind.COURSE)
    assert not [row.title for row in parsed.rows if "â\x80" in row.description]
    stepik = parse_file(
        require_shared_data("courses-coursera-stepik-kizak", "stepik_clear.json"),
        KIZAK,
        ResourceKind.COURSE,
    )
    assert sum(row.language == "ru" for row in stepik.rows) > 0.9 * len(stepik.rows)


MOJIBAKE = ("Ã", "Â", "â\x80")


def test_real_coursera_titles_lose_their_mojibake_and_read_in_their_language() -> None:
    path = require_shared_data("courses-coursera-stepik-kizak", "coursera_clear.json")
    rows = parse_file(path, KIZAK, ResourceKind.COURSE).rows
    text = [row.title + row.description for row in rows]
    # "Introdução à Ciência": the à's no-break space had been squeezed before the repair.
    assert not [t[:60] for t in text if any(mark in t for mark in MOJIBAKE)]
    language = {row.title: row.language for row in rows}
    assert language["Introdução à Ciência da Computação com Python Parte 1"] == "pt"
    assert language["Programación en Python"] == "es"
    assert language["Programmation pour tous (mise en route de Python)"] == "fr"
    assert language["Python: Istruzioni per l’uso"] == "it"
    assert language["用Python玩转数据 Data Processing Using Python"] == "zh"
    counts = Counter(row.language for row in rows)
    assert counts == {"en": len(rows) - 21, "es": 11, "zh": 4, "pt": 2, "ru": 2, "fr": 1, "it": 1}
    # Every course the reader review found English stays English ("Python for Everybody").
    assert language["Python for Everybody Specialization"] == "en"
