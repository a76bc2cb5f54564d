"""Reading job titles: abbreviations, spellings, seniority, noise and evidence (pure)."""

from __future__ import annotations

import pytest

from careerpath.careers.title_text import parse_title, stem


@pytest.mark.parametrize(
    ("title", "words", "level"),
    [
        ("Sr. Back-End Dev (Python/Django) - Remote, #R-1234", ("backend", "developer"), "Senior"),
        ("Software Engineer, Backend (Go)", ("backend", "software", "engineer"), None),
        ("Backend engineer", ("backend", "engineer"), None),
        ("back end engineer", ("backend", "engineer"), None),
        ("Director of Operations", ("operation", "director"), "Manager"),
        ("Head of Engineering", ("engineering", "director"), "Manager"),
        ("Data Scientist II", ("data", "scientist"), "Senior"),
        ("Jr. QA Eng", ("qa", "engineer"), "Junior"),
        ("Staff Accountant", ("accountant",), "Lead"),
        ("Softwareentwickler (m/w/d)", ("softwareentwickler",), None),
        ("SWE III", ("software", "engineer"), "Senior"),
        ("VP of Sales", ("sales", "vp"), "Executive"),
        ("Registered Nurses", ("registered", "nurse"), None),
    ],
)
def test_titles_are_read_into_words_and_a_level(
    title: str, words: tuple[str, ...], level: str | None
) -> None:
    parsed = parse_title(title)
    assert (parsed.words, parsed.level) == (words, level)
    assert parsed.role == words[-1]


def test_brackets_and_suffixes_are_evidence_not_the_title() -> None:
    parsed = parse_title("Sr. Back-End Dev (Python/Django) - Remote, #R-1234")
    assert set(parsed.evidence) >= {"python", "django", "software"}
    assert "remote" not in parsed.evidence


def test_seniority_alone_is_not_a_title() -> None:
    assert parse_title("Senior").words == ()
    assert parse_title("Lead").words == ("lead",)


def test_stems_meet_agent_and_action_words() -> None:
    """A trade title's agent word meets its tasks' verbs and nouns."""
    assert stem("sampler") == stem("samples") == stem("sampling") == stem("sample")
    assert stem("tumbler") == stem("tumbling")
    assert stem("driver") == stem("driving") == stem("drives")
    assert stem("tong") == stem("tongs")
