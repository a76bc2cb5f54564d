"""O*NET titles read as one person's job; job-zone texts lose other occupations' examples."""

from __future__ import annotations

import csv
import re

import pytest

from careerpath.pages.person_titles import is_plural, person_title, preparation_text
from tests.support import require_shared_data


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Software Developers", "Software Developer"),
        ("Data Scientists", "Data Scientist"),
        ("Actuaries", "Actuary"),
        ("Coaches and Scouts", "Coach and Scout"),
        ("Nurse Practitioners", "Nurse Practitioner"),
        ("Plumbers, Pipefitters, and Steamfitters", "Plumber, Pipefitter, and Steamfitter"),
        ("Computer Systems Engineers/Architects", "Computer Systems Engineer/Architect"),
        ("Child, Family, and School Social Workers", "Child, Family, and School Social Worker"),
        (
            "First-Line Supervisors of Non-Retail Sales Workers",
            "First-Line Supervisor of Non-Retail Sales Workers",
        ),
        (
            "Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
            "Secretary and Administrative Assistant, Except Legal, Medical, and Executive",
        ),
        (
            "Sales Representatives, Wholesale and Manufacturing, Technical and Scientific Products",
            "Sales Representative, Wholesale and Manufacturing, Technical and Scientific Products",
        ),
        ("Clergy", "Clergy"),
        ("Back End Engineer", "Back End Engineer"),
    ],
)
def test_person_title(title: str, expected: str) -> None:
    assert person_title(title) == expected


def test_every_onet_title_reads_singular() -> None:
    """Across the whole release, the head noun of every plural title becomes singular."""
    folder = require_shared_data("onet")
    with (folder / "Occupation Data.txt").open(encoding="utf-8") as handle:
        titles = [row["Title"] for row in csv.DictReader(handle, delimiter="\t")]
    assert len(titles) > 1000
    still_plural = []
    for title in titles:
        head = person_title(title).partition(" of ")[0].split(",")[0].split()
        if head and is_plural(head[-1]):
            still_plural.append(title)
    assert still_plural == []
    assert sum(person_title(t) != t for t in titles) > 900


def test_preparation_drops_other_occupations_examples() -> None:
    folder = require_shared_data("onet")
    with (folder / "Job Zone Reference.txt").open(encoding="utf-8") as handle:
        zones = list(csv.DictReader(handle, delimiter="\t"))
    for zone in zones:
        text = preparation_text(f"{zone['Name']}. {zone['Experience']} {zone['Education']}")
        assert not re.search(r"For example, (?!they)", text), text
        assert zone["Education"] in text
