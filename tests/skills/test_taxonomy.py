"""The shipped taxonomy: one skill per O*NET technology, categories, reviewed aliases."""

from __future__ import annotations

from collections import Counter
from functools import cache

import pytest

from careerpath.skills import categories
from careerpath.skills.curated import curated_layer
from careerpath.skills.onet import read_onet
from careerpath.skills.shipped import shipped_technology, shipped_tools
from careerpath.skills.store import taxonomy_fingerprint
from careerpath.skills.taxonomy import SkillSpec, alias_key, build_taxonomy, reviewed_aliases
from tests.support import require_shared_data


@cache
def taxonomy() -> dict[str, SkillSpec]:
    specs = build_taxonomy(shipped_technology(), reviewed_aliases(), tools=shipped_tools())
    return {s.name: s for s in specs}


def owner_of(alias: str) -> str | None:
    key = alias_key(alias)
    owners = [s.name for s in taxonomy().values() if any(a.key == key for a in s.aliases)]
    assert len(owners) <= 1
    return owners[0] if owners else None


def test_one_skill_per_distinct_onet_technology_name_plus_the_reviewed_additions() -> None:
    onet = {row.name for row in shipped_technology()}
    added = {skill.name for skill in curated_layer().added} - onet
    assert len(onet) == 8768
    assert len(added) >= 300
    assert set(taxonomy()) == onet | added


def test_every_alias_key_belongs_to_exactly_one_skill() -> None:
    keys = Counter(a.key for s in taxonomy().values() for a in s.aliases)
    assert keys.most_common(1)[0][1] == 1


def test_every_reviewed_alias_names_a_real_onet_technology() -> None:
    missing = set(reviewed_aliases().aliases) - set(taxonomy())
    assert not missing


@pytest.mark.parametrize(
    ("alias", "skill"),
    [
        ("AWS", "Amazon Web Services AWS software"),
        ("Java", "Oracle Java"),
        ("MSSQL", "Microsoft SQL Server"),
        ("Postgres", "PostgreSQL"),
        ("k8s", "Kubernetes"),
        ("Node", "Node.js"),
        ("React.js", "React"),
        ("ROR", "Ruby on Rails"),
        ("dijango", "Django"),
        ("Kafka", "Apache Kafka"),
        ("CSS", "Cascading style sheets CSS"),
        ("SVN", "Apache Subversion SVN"),
        ("Ansible", "Ansible software"),
        ("CI/CD", "Continuous integration software"),
    ],
)
def test_job_ad_spellings_map_to_the_formal_onet_name(alias: str, skill: str) -> None:
    assert owner_of(alias) == skill


@pytest.mark.parametrize("common_word", ["Word", "Project", "Teams", "Access", "Web Services"])
def test_rules_never_turn_plain_words_into_aliases(common_word: str) -> None:
    assert owner_of(common_word) is None


@pytest.mark.parametrize(
    ("skill", "category"),
    [
        ("Python", categories.LANGUAGES),
        ("Oracle Java", categories.LANGUAGES),
        ("PostgreSQL", categories.DATABASES),
        ("Docker", categories.DEVOPS),
        ("Amazon Web Services AWS software", categories.CLOUD),
        ("Django", categories.WEB),
        ("Microsoft Excel", categories.OFFICE),
        ("TensorFlow", categories.DATA),
        ("Linux", categories.OS),
    ],
)
def test_categories_a_person_understands(skill: str, category: str) -> None:
    assert taxonomy()[skill].category == category


def test_categories_are_known() -> None:
    assert {s.category for s in taxonomy().values()} <= set(categories.CATEGORY_ORDER)


@cache
def _released() -> dict[str, SkillSpec]:
    release = read_onet(require_shared_data("onet"))
    specs = build_taxonomy(release.technology, reviewed_aliases(), tools=release.tool_occupations())
    return {s.name: s for s in specs}


def _keys(spec: SkillSpec) -> set[str]:
    return {a.key for a in spec.aliases}


def test_an_acronym_more_occupations_tools_spell_out_otherwise_is_no_alias() -> None:
    """Ninety occupations' tools list "Personal digital assistants PDA": an accountant's tool
    list is not about the Pile Driving Analyzer, nor an SAP posting's "FMS" a matrix solver."""
    skills = _released()
    assert "pda" not in _keys(skills["Pile Dynamics Pile Driving Analyzer PDA"])
    assert "fms" not in _keys(skills["Multipath Corporation Fast Matrix Solver FMS"])
    # Nurses' "Continuous passive motion CPM machines": the acronym need not end the name.
    assert "cpm" not in _keys(skills["Sawtooth Composite Product Mapping CPM"])
    without_tools = build_taxonomy(shipped_technology(), reviewed_aliases())
    analyzer = next(s for s in without_tools if s.name.startswith("Pile Dynamics Pile Driving"))
    assert "pda" in _keys(analyzer)  # the tools decide


def test_the_shipped_taxonomy_is_the_one_an_onet_import_builds() -> None:
    """`demo` loads the shipped taxonomy and `import onet` builds its own: were they to differ,
    each would undo the other's aliases in turn."""
    assert taxonomy_fingerprint(taxonomy().values()) == taxonomy_fingerprint(_released().values())


def test_an_acronym_the_tools_spell_out_the_same_way_stays() -> None:
    skills = _released()
    assert "gps" in _keys(skills["Global positioning system GPS software"])
    assert "plc" in _keys(skills["Programmable logic controller PLC software"])
    # Four tools misspell it "Fourier transfer infrared": the name's sense still outnumbers it.
    assert "ftir" in _keys(skills["Fourier transform infrared FTIR software"])
    assert "sem" in _keys(skills["Search engine marketing SEM software"])  # reviewed
