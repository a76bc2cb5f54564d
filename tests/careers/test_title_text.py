"""Reading job titles: abbreviations, spellings, seniority, noise and evidence (pure)."""

from __future__ import annotations

import pytest

from careerpath.careers.title_text import (
    framework_sides,
    language_role_title,
    parse_posted_title,
    parse_title,
    role_last,
    stem,
    title_topic,
)


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


@pytest.mark.parametrize(
    ("title", "words", "evidence"),
    [
        # Google's "Role, Team, Product": a long comma part is the team, not the title.
        (
            "Data Analyst, SMB Sales Growth Programs, Google Cloud",
            ("data", "analyst"),
            {"smb", "sales", "google", "cloud"},
        ),
        ("Software Engineer, Backend (Go)", ("backend", "software", "engineer"), {"go"}),
        ("Sr. Senior Manager of Software Engineering in Austin, TX", None, {"austin", "tx"}),
        ("C++ Software Developer for Multi-Asset Risk System", None, {"risk", "system"}),
        ("Java Developer with Android", ("java", "developer"), {"android"}),
        ("Sr. SW Engineer: C#, .NET, Web Services", ("software", "engineer"), {"csharp"}),
        ("Fulltime: Network Engineer - Quincy MA", ("network", "engineer"), {"quincy"}),
        ("Sr. Software Engineer / Technical Lead", ("software", "engineer"), set()),
        ("Power BI Developer", ("bi", "developer"), set()),
        ("SAP Business Objects Developer - 1204", ("bi", "developer"), set()),
        ("DataOps Engineer", ("data", "devops", "engineer"), set()),
    ],
)
def test_a_posted_title_is_its_head_and_the_rest_evidence(
    title: str, words: tuple[str, ...] | None, evidence: set[str]
) -> None:
    parsed = parse_posted_title(title)
    assert words is None or parsed.words == words
    assert evidence <= set(parsed.evidence)
    assert not evidence & set(parsed.words)


@pytest.mark.parametrize(
    "title",
    [
        # O*NET's own names: a list before the role, "Except", and compound words with "in".
        "Shipping, Receiving, and Inventory Clerks",
        "Geological Technicians, Except Hydrologic Technicians",
        "Check In Agent",
        "Pharmacist in Charge",
        "English for Speakers of Other Languages Teacher (ESOL Teacher)",
    ],
)
def test_names_keep_their_words_when_read_as_posted(title: str) -> None:
    """The shipped counts were learnt from names read by ``parse_title``; a name typed as a
    query must keep the role and the words that make it that name."""
    name, posted = parse_title(title), parse_posted_title(title)
    assert name.role in posted.words
    assert len(posted.words) >= 2 or posted.words == name.words


@pytest.mark.parametrize(
    ("title", "evidence"),
    [
        ("Golang Engineer", ("go",)),
        ("Sr. C#/.NET Developer", ("csharp", "dotnet")),
        ("Elixir Developer - Elixir, Ruby On Rails", ("elixir", "ruby", "rail")),
    ],
)
def test_a_language_specialised_role_reads_as_software(
    title: str, evidence: tuple[str, ...]
) -> None:
    generic = language_role_title(parse_posted_title(title))
    assert generic is not None
    assert generic.words == ("software", generic.role)
    assert set(evidence) <= set(generic.evidence)


@pytest.mark.parametrize("title", ["Data Engineer", "React Developer", "Java", "Network Engineer"])
def test_other_specialisations_keep_their_words(title: str) -> None:
    assert language_role_title(parse_posted_title(title)) is None


@pytest.mark.parametrize(
    ("title", "role"),
    [("Machine Learning Lead", None), ("DevOps Lead", None), ("Team Lead", "lead")],
)
def test_a_field_lead_has_the_field_s_role(title: str, role: str | None) -> None:
    parsed = parse_posted_title(title)
    assert parsed.role == role
    assert parsed.level == "Lead"


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("Sr. Golang Engineer", "Golang"),
        ("Head of AI", "AI"),
        ("machine learning engineers", "machine learning"),
        ("python", None),  # nothing to leave out
        ("Senior Developer", None),  # nothing left
        # Posted titles (Google, dice): the head speaks for the title.
        ("Business Intelligence Analyst, Finance", "Business Intelligence"),
        ("Senior Python/Django Engineer- Remote 3 days a week", "Python/Django"),
        (
            "Developer - iOS, Android, REST API, SQL, Xcode, AJAX",
            "iOS Android REST API SQL Xcode AJAX",
        ),
    ],
)
def test_a_title_s_topic_leaves_out_its_role_and_level(title: str, topic: str | None) -> None:
    assert title_topic(title) == topic


@pytest.mark.parametrize(
    ("title", "sides"),
    [
        ("Python/Django Developer", {"backend": "django"}),
        ("Senior React Engineer", {"frontend": "react"}),
        ("Java Developer, AngularJS, NodeJS", {"fullstack": "nodejs and angular"}),
        ("React Native Developer", {}),  # phone apps
        ("Java Developer", {}),  # a language serves every side
    ],
)
def test_a_web_framework_names_its_side(title: str, sides: dict[str, str]) -> None:
    parsed = parse_posted_title(title)
    assert framework_sides({*parsed.words, *parsed.evidence}) == sides


@pytest.mark.parametrize(
    ("title", "words", "evidence"),
    [
        # A dash spaced on one side still starts the context.
        (
            "Senior Python/Django Engineer- Remote 3 days a week",
            ("python", "django", "engineer"),
            "day",
        ),
        ("Senior Sales Engineer -Pre-sales- Top Rated", ("sales", "engineer"), "pre"),
        # Technologies before " / " specialise the title after it.
        ("Python / Django Developer", ("python", "django", "developer"), None),
        ("Micro-services Developer", ("microservice", "developer"), None),
        # An enterprise suite reads as ERP in a posted title.
        ("SAP FICO Architect", ("erp", "fico", "architect"), None),
        ("Oracle HCM Cloud Consultant", ("erp", "cloud", "consultant"), None),
    ],
)
def test_posted_titles_split_where_posters_do(
    title: str, words: tuple[str, ...], evidence: str | None
) -> None:
    parsed = parse_posted_title(title)
    assert parsed.words == words
    assert evidence is None or evidence in parsed.evidence


def test_a_second_title_after_a_slash_stays_context() -> None:
    assert parse_posted_title("Network Engineer / Architect").words == ("network", "engineer")
    # Only posted titles read ERP: O*NET's "Sap Gatherer" gathers tree sap.
    assert parse_title("Sap Gatherer").words == ("sap", "gatherer")


@pytest.mark.parametrize(
    ("title", "words", "role", "level"),
    [
        ("Data Analyst Lead", ("data", "analyst"), "analyst", "Lead"),
        ("Machine Learning Engineer 5", ("ml", "engineer"), "engineer", "Lead"),
        ("Software Engineer 2", ("software", "engineer"), "engineer", "Senior"),
        ("Machine Learning Lead", ("ml", "lead"), None, "Lead"),
    ],
)
def test_lead_and_grade_after_a_role_are_levels(
    title: str, words: tuple[str, ...], role: str | None, level: str
) -> None:
    parsed = parse_posted_title(title)
    assert (parsed.words, parsed.role, parsed.level) == (words, role, level)


def test_the_title_ends_at_its_last_role_word() -> None:
    roles = {"developer", "engineer", "manager", "management"}.__contains__
    parsed = role_last(parse_posted_title("Java Developer Boston"), roles)
    assert (parsed.words, parsed.role) == (("java", "developer"), "developer")
    assert "boston" in parsed.evidence
    # A title ending with a word names end with keeps it; one with no role word stays.
    kept = parse_posted_title("Manager Data Management")
    assert role_last(kept, roles) == kept
    vague = parse_posted_title("Data Governance")
    assert role_last(vague, roles) == vague


def test_a_developer_of_an_unknown_product_writes_software() -> None:
    unknown = {"biztalk"}.__contains__
    generic = language_role_title(parse_posted_title("BizTalk Developer"), unknown)
    assert generic is not None and generic.words == ("software", "developer")
    assert "biztalk" in generic.evidence
    # An engineer of a product may run systems: no rewrite.
    assert language_role_title(parse_posted_title("BizTalk Engineer"), unknown) is None
    assert language_role_title(parse_posted_title("Drupal Developer")) is None
