"""The title resolver over the real O*NET 29.2 files and the demo careers, built once."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from careerpath.careers.resolver import TitleResolver
from careerpath.careers.title_evaluation import leak_free_split
from careerpath.careers.title_training import shipped
from careerpath.careers.title_types import CareerNode, TitleName
from careerpath.cli.titles import occupation_names
from careerpath.skills.onet import read_onet
from tests.support import require_shared_data

CURATED = 100_000


@pytest.fixture(scope="session")
def onet() -> list[object]:
    return list(occupation_names(read_onet(require_shared_data("onet"))))


@pytest.fixture(scope="session")
def world(onet: list[object]) -> tuple[TitleResolver, dict[int, str]]:
    """Every O*NET occupation plus the curated demo careers: id → SOC code or slug."""
    split = leak_free_split(onet, share=0.0)  # type: ignore[arg-type]
    labels = dict(enumerate(split.codes))
    nodes = [CareerNode(i, group=code[:2], code=code) for i, code in labels.items()]
    names = list(split.names)
    text = resources.files("careerpath.demo").joinpath("data/careers.toml").read_text("utf-8")
    for offset, career in enumerate(tomllib.loads(text)["career"]):
        career_id = CURATED + offset
        labels[career_id] = career["slug"]
        parent = split.codes.index(career["onet_soc_code"])
        nodes.append(CareerNode(career_id, parent, curated=True, group=labels[parent][:2]))
        names.append(TitleName(career_id, career["title"], "title"))
        names += [TitleName(career_id, a, "curated") for a in career.get("aliases", [])]
    return TitleResolver(names, nodes, split.context, shipped()), labels
