"""The issue's examples, read from the real postings in ../shared/data (not written to pass)."""

from __future__ import annotations

import csv
import json
from collections import Counter
from functools import cache

import pytest

from careerpath.skills.curated import curated_layer
from careerpath.skills.shipped import shipped_technology
from careerpath.skills.taxonomy import is_heading
from tests.skills.extractor_fixture import extractor, found, names
from tests.support import require_shared_data

WIDTH = 60


@cache
def dice() -> list[str]:
    path = require_shared_data("jobs-dice-sample", "dice_com-job_us_sample.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["jobdescription"] for row in csv.DictReader(handle)]


@cache
def google() -> list[str]:
    path = require_shared_data("jobs-google", "job_skills.csv")
    columns = ("Responsibilities", "Minimum Qualifications", "Preferred Qualifications")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter=";")
        return [" ".join(row[c] for c in columns) for row in rows]


def window(needle: str) -> str:
    """The text around the first real posting that contains ``needle``."""
    for text in dice() + google():
        at = text.find(needle)
        if at >= 0:
            return text[max(0, at - WIDTH) : at + len(needle) + WIDTH]
    pytest.fail(f"{needle!r} is not in the real postings any more")


@pytest.mark.parametrize(
    ("needle", "skill"),
    [
        ("JQuery.Foundational", "jQuery"),
        ("JavaScript.Our", "JavaScript"),
        ("Java.Implement", "Oracle Java"),
        ("Linux.Preferred", "Linux"),
        ("SQL.Required", "Structured query language SQL"),
    ],
)
def test_run_together_sentences_keep_the_skill(needle: str, skill: str) -> None:
    assert skill in found(window(needle))


def test_javascript_frameworks_gives_javascript_not_the_heading() -> None:
    hits = found(window("JavaScript frameworks"))
    assert "JavaScript" in hits
    assert "JavaScript framework software" not in hits


@pytest.mark.parametrize(
    ("needle", "skill"),
    [
        ("Laravel", "Laravel"),
        ("Heroku", "Heroku"),
        ("Cypress", "Cypress"),
        ("DAX", "DAX"),
        (" TDD", "Test-driven development"),
        ("BDD", "Behavior-driven development"),
        ("machine learning", "Machine learning"),
        ("PMP Certifica", "PMP"),
        ("ASP.NET MVC", "ASP.NET MVC"),
    ],
)
def test_modern_names_and_right_links(needle: str, skill: str) -> None:
    assert skill in found(window(needle))


def test_slashes_and_versions() -> None:
    assert {"Python", "Django"} <= set(found(window("Python/Django")))
    text = window("Java 8")
    surfaces = [text[start:end] for _, start, end in extractor().mentions(text)]
    assert "Java 8" in surfaces


def test_plurals() -> None:
    text = window(" APIs")
    assert any(text[start:end].endswith("APIs") for _, start, end in extractor().mentions(text))


def test_roman_numerals_and_headings_are_not_skills() -> None:
    assert "Accelrys Insight II" not in found(window("Systems Engineer II"))
    assert "Programming languages" not in {n for text in google() for n in found(text)}


def test_consumer_products_count_only_in_a_list_of_skills() -> None:
    assert "Facebook" not in found(window("careers.centizen.com/Facebook"))
    assert "Facebook" in found(window("Twitter, Facebook, Yelp"))


def top_skills(texts: list[str], count: int) -> list[str]:
    counted: Counter[int] = Counter()
    for text in texts:
        counted.update(extractor().skill_ids(text))
    return [names()[skill_id] for skill_id, _ in counted.most_common(count)]


@pytest.mark.parametrize("source", ["dice", "google"])
def test_top_ten_has_no_generic_word_or_heading(source: str) -> None:
    top = top_skills(dice() if source == "dice" else google(), 10)
    layer = curated_layer()
    onet = {row.name for row in shipped_technology()}
    headings = [n for n in top if n in layer.generic or n in layer.consumer]
    assert not headings + [n for n in top if n in onet and is_heading(n)]


@pytest.mark.parametrize(
    "generic", ["Sales", "Testing", "Maintenance", "Medical", "Analytical", "Training"]
)
def test_names_left_by_stripping_software_are_never_skills(generic: str) -> None:
    """O*NET's "Sales software" is not the skill "Sales": no real posting yields it."""
    texts = [t for t in dice() + google() if generic in t]
    assert texts  # the word is there to be misread
    assert not any(generic in found(text) for text in texts)


def skillspan_sentence(needle: str) -> str:
    path = require_shared_data("skillspan", "train.json")
    for line in path.read_text(encoding="utf-8").splitlines():
        text = " ".join(json.loads(line)["tokens"])
        if needle in text:
            return text
    pytest.fail(f"{needle!r} is not in SkillSpan any more")


def test_dotnet_core_is_not_asp_net_core_and_linkedin_is_no_skill() -> None:
    hits = found(skillspan_sentence("( . NET and . NET Core )"))
    assert "Microsoft .NET Framework" in hits and "Microsoft ASP.NET Core MVC" not in hits
    assert "LinkedIn" not in found(skillspan_sentence("NOW premium subscription"))
