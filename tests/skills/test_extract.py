"""The extractor: whole words, punctuation-aware names, ambiguity rules, real-data quality."""

from __future__ import annotations

import csv
import itertools
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerpath.skills import evidence
from careerpath.skills.boundaries import (
    CLEAR_AFTER,
    CLEAR_BEFORE,
    NOT_ALNUM,
    NOT_DIGIT,
    start_ok,
    stop,
)
from careerpath.skills.evaluation import overlap_scores, span_pairs, strict_scores
from tests.skills import reference_extract
from tests.skills.extractor_fixture import extractor, found
from tests.support import require_shared_data


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We use C# and C++ daily.", ["C#", "C++"]),
        (
            "Experience with .NET and ASP.NET Core",
            ["Microsoft .NET Framework", "Microsoft ASP.NET Core MVC"],
        ),
        ("Built on Node.js with React.js", ["Node.js", "React"]),
        ("Strong CI/CD pipelines", ["Continuous integration software"]),
        ("MSSQL or Postgres, k8s", ["Microsoft SQL Server", "PostgreSQL", "Kubernetes"]),
        ("amazon-web-services and ROR", ["Amazon Web Services AWS software", "Ruby on Rails"]),
    ],
)
def test_punctuation_and_aliases(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_whole_words_only() -> None:
    assert found("javascripting reactive restaurants") == []


def test_longest_name_wins() -> None:
    assert found("Microsoft SQL Server Reporting Services SSRS") == [
        "Microsoft SQL Server Reporting Services SSRS"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "You will go the extra mile.",
        "Excel in a fast-paced team.",
        "R&D department, C-level stakeholders.",
        "Spring is our busy season; access to the building is free.",
        "Join the unity of our shell company.",
        "A swift response and rust-proof coating.",
    ],
)
def test_ambiguous_words_without_evidence_are_not_skills(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Backend in Go and PostgreSQL", ["Go", "PostgreSQL"]),
        ("Golang services", ["Go"]),
        ("Models in R programming", ["R"]),
        ("Languages: Java, C, Python", ["Oracle Java", "C", "Python"]),
        ("Advanced Excel skills (pivot tables)", ["Microsoft Excel"]),
        ("java, spring, hibernate", ["Oracle Java", "Spring Framework", "Hibernate ORM"]),
        ("iOS apps in Swift", ["Apple iOS", "Swift"]),
    ],
)
def test_ambiguous_words_with_evidence_are_skills(text: str, expected: list[str]) -> None:
    assert found(text) == expected


def test_capital_acronyms_that_are_words_need_capitals() -> None:
    assert found("take a rest and set the lead") == []


def test_deterministic_and_thread_safe() -> None:
    text = "Python, Django, PostgreSQL, Docker, AWS and Kubernetes. " * 200
    first = extractor().extract(text)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: extractor().extract(text), range(8)))
    assert all(result == first for result in results)
    assert len(first) == 6 * 200


def test_quality_on_skillspan_dev_knowledge_layer() -> None:
    """Regression floor on real annotated postings; the README reports the exact figures."""
    path = require_shared_data("skillspan", "dev.json")
    sentences = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    data = [(s["tokens"], s["tags_knowledge"]) for s in sentences]
    pairs = span_pairs(data, lambda t: [(start, end) for _, start, end in extractor().extract(t)])
    overlap, strict = overlap_scores(pairs), strict_scores(pairs)
    assert overlap.gold == 1093
    assert overlap.f1 >= 0.55 and overlap.precision >= 0.75
    assert strict.precision >= 0.6 and strict.f1 >= 0.45


def test_fast_paths_agree_with_the_plain_loops_on_real_postings() -> None:
    """The inline boundary test and the per-sentence reading change no result (real text)."""
    dice = require_shared_data("jobs-dice-sample", "dice_com-job_us_sample.csv")
    skillspan = require_shared_data("skillspan", "dev.json")
    with dice.open(newline="", encoding="utf-8") as handle:
        texts = [row["jobdescription"] for row in itertools.islice(csv.DictReader(handle), 400)]
    lines = skillspan.read_text(encoding="utf-8").splitlines()
    texts += [" ".join(json.loads(line)["tokens"]) for line in lines]
    ex = extractor()
    for text in texts:
        plain = reference_extract.mentions(ex, text)
        assert ex.mentions(text) == plain, text[:80]
        assert ex.extract(text) == reference_extract.asked(ex, text, plain)


def test_clear_boundaries_are_what_the_scalar_checks_accept() -> None:
    """The inline sets never accept a boundary that ``start_ok`` or ``stop`` would refuse or
    move (every Latin-1 character, and every pair after a name)."""
    latin1 = [chr(code) for code in range(256)]
    for before in CLEAR_BEFORE:
        assert start_ok(f"{before}Java", 1), repr(before)
    for after, following in itertools.product(latin1, latin1):
        clear = (
            after in CLEAR_AFTER
            or (after == " " and following in NOT_DIGIT)
            or (after == "." and following in NOT_ALNUM)
        )
        if clear:
            assert stop(f"Java{after}{following}", 0, 4) == 4, repr(after + following)


@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(1, 40)), max_size=30),
    st.integers(-50, 350),
    st.integers(0, 200),
)
def test_evidence_window_search_is_the_plain_scan(
    spans: list[tuple[int, int]], low: int, width: int
) -> None:
    """The bisection finds a skill inside the window exactly when a scan of all would."""
    sure = sorted((start, start + length) for start, length in spans)
    high = low + width
    plain = any(low <= start and end <= high for start, end in sure)
    mentions = [(0, start, end) for start, end in sure]
    assert evidence.skill_within(mentions, low, high) == plain
