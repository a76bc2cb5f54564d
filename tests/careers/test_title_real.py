"""Real job titles judged by hand (``benchmarks/data``), resolved against the real O*NET files.

``real_titles.tsv`` and ``real_titles_more.tsv`` are the sets the resolver was tuned on;
``real_titles_holdout.tsv`` was judged the same way and not tuned on (titles-8 read its wrong
answers once). ``real_titles_fresh.tsv`` was judged after titles-8 by a reader who never saw the
resolver, and nobody has read its wrong answers: it holds the resolver to the issue's precision
(0.90) where the tuned sets hold it to 0.95. All must keep answers right (precision) and abstain
on the titles that name no career; the coverage floors sit a little under the figures measured
when the sets were written (README: quality table, `benchmarks/titles_real.py`), so a change
that loses real titles fails here.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from careerpath.careers import title_confidence
from careerpath.careers.resolver import TitleResolver
from careerpath.careers.titles import slugify

JUDGED = Path(__file__).resolve().parents[2] / "benchmarks" / "data"
ABSTAIN = "(abstain)"
JUDGED_FILES = (
    "real_titles.tsv",
    "real_titles_more.tsv",
    "real_titles_holdout.tsv",
    "real_titles_fresh.tsv",
)


def _judged(name: str) -> list[tuple[str, frozenset[str]]]:
    """Return (title, the slugs a reader accepts; none when it must abstain) of one file."""
    with (JUDGED / name).open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [(row["title"], frozenset(row["acceptable"].split(";")) - {ABSTAIN}) for row in rows]


@pytest.fixture(scope="module")
def slug_of(world: tuple[TitleResolver, dict[int, str]], onet: list[object]) -> dict[int, str]:
    """Each career id's slug: an occupation's from its O*NET title, a curated career's own."""
    title_of = {o.code: o.title for o in onet}  # type: ignore[attr-defined]
    return {i: slugify(title_of.get(label, label)) for i, label in world[1].items()}


@pytest.mark.parametrize(
    ("name", "coverage_floor", "wrong_ceiling"),
    [
        ("real_titles.tsv", 0.72, 0.05),
        ("real_titles_more.tsv", 0.33, 0.05),
        ("real_titles_holdout.tsv", 0.5, 0.05),
        ("real_titles_fresh.tsv", 0.33, 0.10),
    ],
)
def test_judged_real_titles_are_right_or_abstain(
    world: tuple[TitleResolver, dict[int, str]],
    slug_of: dict[int, str],
    name: str,
    coverage_floor: float,
    wrong_ceiling: float,
) -> None:
    judged = _judged(name)
    found = world[0].resolve_many([title for title, _ in judged])
    answered = [
        (title, slug_of[f.career_id], accepted)
        for (title, accepted), f in zip(judged, found, strict=True)
        if f.career_id is not None and accepted
    ]
    wrong = [(title, slug) for title, slug, accepted in answered if slug not in accepted]
    named = sum(bool(accepted) for _, accepted in judged)
    assert len(wrong) <= wrong_ceiling * len(answered), wrong
    assert len(answered) >= coverage_floor * named
    pairs = zip(judged, found, strict=True)
    assert not [title for (title, accepted), f in pairs if not accepted and f.career_id]


def test_every_judged_slug_is_a_career(slug_of: dict[int, str]) -> None:
    known = set(slug_of.values())
    for name in JUDGED_FILES:
        unknown = {s for _, accepted in _judged(name) for s in accepted} - known
        assert not unknown, (name, unknown)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A facet of a field's work names the field's career, not the facet's O*NET owner.
        ("Machine Learning Platform Engineer", "machine-learning-engineer"),
        ("ML Infrastructure Engineer", "machine-learning-engineer"),
        ("DataOps Engineer", "data-engineer"),
        ("Data Operations Engineer", "data-engineer"),
        # Reviewed aliases of data/title_aliases.toml: titles O*NET lacks or misfiles.
        ("Platform Engineer", "15-1252.00"),
        ("Sr. Project Manager", "13-1082.00"),
        ("Technical Program Manager", "15-1299.09"),
        ("Quantitative Developer", "13-2099.01"),
        ("Firmware Engineer", "15-1252.00"),
        ("Mobile Engineer", "15-1252.00"),
        ("CISO", "11-3021.00"),
        ("Interaction Designer", "15-1255.00"),
        ("Account Executive", "41-3091.00"),
        ("Senior UX Designer", "15-1255.00"),
        ("Sr. SDET", "15-1253.00"),
        ("Developer Advocate, Cloud Platform", "15-1252.00"),
        ("Sr. Systems Engineer", "15-1299.08"),
        # A manager over a computing field a curated engineer's name gives.
        ("Machine Learning Manager", "11-3021.00"),
        ("Head of AI", "11-3021.00"),
        # A reporting tool in the title names BI work.
        ("Power BI Developer", "15-2051.01"),
        ("SAP Business Objects Developer - 1204", "15-2051.01"),
        # A software role that only a language specialises is a software developer's job;
        # a title O*NET lists word for word keeps its listing.
        ("Elixir Engineer - Elixir, Python, Ruby On Rails", "15-1252.00"),
        ("COBOL Developer / Programmer", "15-1252.00"),
        ("COBOL Programmer", "15-1251.00"),
        # "Lead" after a field leads that field's work, it is no crew lead's role.
        ("DevOps Lead", "15-1252.00"),
        ("Product Analytics Lead, Data Science", "15-2051.00"),
        # A web framework names its side's curated career; both sides name full-stack work.
        ("Python/Django Developer", "back-end-engineer"),
        ("PHP Symfony Developer", "back-end-engineer"),
        ("Javascript Developer (Angular JS)", "front-end-engineer"),
        ("Java Developer, AngularJS, NodeJS", "full-stack-engineer"),
        # A manager of a computing field's engineering manages computing work.
        ("Analytics Engineering Manager", "11-3021.00"),
        ("AI Engineering Manager", "11-3021.00"),
        # So does a manager of its quality, governance, operations or strategy (O*NET's words
        # sent "Data Quality Manager" to Quality Control Systems Managers).
        ("Data Quality Manager", "11-3021.00"),
        ("Data Strategy Manager", "11-3021.00"),
        # A curated career's own word specialises titles of its own role only.
        ("AI Data Scientist", "15-2051.00"),
        ("Server-side Java Developer", "back-end-engineer"),
        # The head of a posted title decides; its team, product or place is context.
        ("Data Analyst, SMB Sales Growth Programs, Google Cloud", "data-analyst"),
        ("Sr. Senior Manager of Software Engineering in Austin, TX", "engineering-manager"),
        # A curated career's name specialised by a platform or tool is that career.
        ("Azure Data Engineer", "data-engineer"),
        ("Snowflake Data Engineer", "data-engineer"),
        ("SQL Data Analyst", "data-analyst"),
        # "X Lead" after a role leads that role's work; a grade number names no job.
        ("Data Analyst Lead", "data-analyst"),
        ("Machine Learning Engineer 5", "machine-learning-engineer"),
        # Words after the role that no name ends with are context (a city, a speciality).
        ("Java Developer Boston", "15-1252.00"),
        ("PRINCIPAL SW Engineer Image Processing", "15-1252.00"),
        ("C/C++ Software Engineer- Medical Devices/Consumer Electronics", "15-1252.00"),
        ("Python / Django Developer", "back-end-engineer"),
        # A developer of a product no name knows writes software for it.
        ("BizTalk Developer", "15-1252.00"),
        ("JDA Developer", "15-1252.00"),
        # DB is a database.
        ("DB Engineer", "15-1243.00"),
        # A field's Lead leads the work of the one curated career of that field.
        ("Machine Learning Lead", "machine-learning-engineer"),
        ("Data Analytics Lead", "data-analyst"),
        # An ERP suite's consultant is an ERP consultant, O*NET's Computer Systems Analyst.
        ("SAP Functional Consultant", "15-1211.00"),
        ("SuccessFactors Sr Consultant- Senior Solution Engineer - USDC", "15-1211.00"),
        # A head naming no role takes the role after its dash; an ERP consultant is one
        # whatever the module.
        ("SAP SuccessFactors - Senior Consultant", "15-1211.00"),
        ("SAP PLM - Senior Consultant (Supply Chain Capability)", "15-1211.00"),
        ("SAP Retail with MM, AFS & FMS -Consultant (Customer Capability )", "15-1211.00"),
    ],
)
def test_modern_and_posted_titles_resolve(
    world: tuple[TitleResolver, dict[int, str]], title: str, expected: str
) -> None:
    resolver, labels = world
    found = resolver.resolve(title)
    assert found.career_id is not None, (title, found.candidates[:2])
    assert labels[found.career_id] == expected


def test_a_facet_word_alone_names_no_field(world: tuple[TitleResolver, dict[int, str]]) -> None:
    """ "Infrastructure Engineer" keeps O*NET's reading: no field is left once the facet goes."""
    found = world[0].resolve("Infrastructure Engineer")
    assert not any("work)" in reason for reason in found.reasons)


@pytest.mark.parametrize(
    ("title", "onet_reading"),
    [("Security Manager", "11-3013.01"), ("Data Manager", None), ("Front End Manager", None)],
)
def test_a_manager_title_o_net_lists_keeps_its_reading(
    world: tuple[TitleResolver, dict[int, str]], title: str, onet_reading: str | None
) -> None:
    """O*NET lists these under occupations of their own (a store's front end, data management):
    the managers of the curated engineers' fields do not take them."""
    resolver, labels = world
    found = resolver.resolve(title)
    assert not any(" of " in reason and "curated" in reason for reason in found.reasons)
    assert onet_reading is None or labels[found.career_id or -1] == onet_reading


def test_a_language_title_says_it_reads_as_software(
    world: tuple[TitleResolver, dict[int, str]],
) -> None:
    found = world[0].resolve("Elixir Engineer - Elixir, Python, Ruby On Rails")
    assert (
        found.reasons[0]
        == "read as 'software engineer': a software role in 'elixir', 'python', 'ruby'"
    )


def test_a_name_held_in_one_field_is_listed_and_others_are_not(
    world: tuple[TitleResolver, dict[int, str]],
) -> None:
    """O*NET lists "Data Architect" under Database Architects and Data Scientists, one major
    group: a sure sign. "Research Assistant" it lists in statistics, engineering, science and
    the office, and "Architect" is one word that building and software architects both use:
    no sign of the field."""
    rows, _ = world[0].confidence_signals(["Data Architect", "Research Assistant", "Architect"])
    listed = rows[:, title_confidence.SIGNALS.index("listed_share")]
    assert listed.tolist() == [0.5, 0.0, 0.0]


def test_a_known_name_keeps_what_follows_its_comma_as_context(
    world: tuple[TitleResolver, dict[int, str]],
) -> None:
    """ "Business Intelligence Analyst" is an O*NET name: ", Finance" after it says where the
    analyst works, and makes no "Finance BI Analyst" that no name knows. "Analyst, Finance",
    whose head is no name, stays a Finance Analyst."""
    resolver, labels = world
    found = resolver.resolve("Business Intelligence Analyst, Finance")
    assert labels[found.career_id or -1] == "15-2051.01"
    assert "finance" in resolver._read("Business Intelligence Analyst, Finance").evidence
    assert resolver._read("Analyst, Finance").words == ("finance", "analyst")


def test_a_second_title_lends_no_curated_alias_its_role(
    world: tuple[TitleResolver, dict[int, str]],
) -> None:
    """The analyst after the slash is another job: with "data" before it, it makes the data
    scientist no Data Analyst (a curated career whose role is the analyst's)."""
    resolver, labels = world
    found = resolver.resolve("Data Scientist / Quantitative Analyst")
    assert labels[found.career_id or -1] == "15-2051.00"
    assert not any("alias" in reason for reason in found.reasons)


def test_an_all_other_occupation_does_not_take_a_name_others_list(
    world: tuple[TitleResolver, dict[int, str]],
) -> None:
    """O*NET lists "Communications Manager" under Public Relations, Advertising and Promotions
    Managers and "Managers, All Other": where the scores put the catch-all first, its listing
    vouches for nothing."""
    resolver, labels = world
    found = resolver.resolve("Communications Manager, Search")
    assert labels.get(found.career_id or -1) != "11-9199.00"


@pytest.mark.parametrize(
    "title",
    [
        "Developer - iOS, Android, REST API, SQL, Xcode, AJAX",
        "Lead Android Developer - Java, Android SDK, Android",
        "Java Developer with Android",
    ],
)
def test_phone_app_work_is_no_side_of_a_web_application(
    world: tuple[TitleResolver, dict[int, str]], title: str
) -> None:
    """Dice titles of app developers: the REST API their apps call makes none of them a Back
    End Engineer, and Java none a web developer's side."""
    found = world[0].resolve(title)
    sides = {"back-end-engineer", "front-end-engineer", "full-stack-engineer"}
    assert world[1].get(found.candidates[0].career_id) not in sides


@pytest.mark.parametrize(
    "title",
    ["Principal, Strategy, YouTube", "Principal, Financial Technology and Strategy, Alphabet"],
)
def test_a_grade_alone_before_the_comma_names_no_school_principal(
    world: tuple[TitleResolver, dict[int, str]], title: str
) -> None:
    """Google posts these: "Principal" is the grade and the words after it the work. O*NET
    lists "Principal" only for schools, which put both on K-12 administrators at 0.87 and 0.80;
    "School Principal" keeps that reading."""
    resolver, labels = world
    school = "11-9032.00"
    found = resolver.resolve(title)
    assert found.level == "Principal"
    assert labels[found.candidates[0].career_id] != school
    assert labels[resolver.resolve("School Principal").career_id or -1] == school


@pytest.mark.parametrize("title", ["Data Analytics Associate", "Cyber Combat Targeteer"])
def test_candidates_are_listed_most_likely_first(
    world: tuple[TitleResolver, dict[int, str]], title: str
) -> None:
    """A role check that lowers the first candidate lowers the others with it: the first
    stayed first at 0.195 and 0.13 while the second read 0.366 and 0.32."""
    confidences = [c.confidence for c in world[0].resolve(title).candidates]
    assert confidences == sorted(confidences, reverse=True)


@pytest.mark.parametrize(
    "title", ["Product Manager", "Developer Advocate, Cloud Platform", "Sr. Systems Engineer"]
)
def test_a_career_a_name_chooses_is_alone_at_the_top(
    world: tuple[TitleResolver, dict[int, str]], title: str
) -> None:
    """A reviewed alias passes O*NET's reading: the two were listed with one confidence
    ("Product Manager": Computer and Information Systems Managers and Marketing Managers, 0.958
    each)."""
    first, second, *_ = world[0].resolve(title).candidates
    assert first.confidence > second.confidence
