"""Title resolution on real job titles: the salary index's and the job postings' own words.

O*NET's held-out names (`careerpath titles evaluate`) are mostly old trade titles; the titles
careerpath meets are these. ``data/real_titles.tsv`` holds 198 distinct titles read from
``../shared/data`` (141 of the aijobs salary file's most reported titles, 57 from the dice and
google postings, dressed as posted), each judged by hand with every career a reader would accept
(an O*NET occupation's slug or a curated career's), or "(abstain)" where the title alone names no
career ("Manager", "Associate", a company name). Titles whose career a reader could not tell
("Research Scientist", "Data Manager") are left out rather than guessed.

``data/real_titles_holdout.tsv`` is a second set judged the same way, 254 other titles of the
same files (86 of aijobs, 168 postings, 69 of them outside IT: finance, law, marketing, HR,
sales, trades): the resolver is tuned looking at the first file's failures only, and this one
says whether a change generalises. Never tune on it. (Titles-8 read its wrong answers once,
and two general rules came of them; README: quality table. The next held-out set must be new.)

``data/real_titles_more.tsv`` is a third set, 275 titles sampled (seeded) from the same files
among those in neither of the first two (165 dice and 60 Google postings, 50 aijobs titles; 27
more sampled were left out as unjudgeable), judged the same way by someone who had not seen
the resolver's answers; it is a tuning file like the first. Its judge had "Tech Lead" and
"Technical Lead" abstain; on review they read as software developers, as the title reader
deliberately reads them.

``data/real_titles_fresh.tsv`` is the new held-out set the titles-8 note asked for: 302 titles
sampled (seeded, 20261202) among those in none of the first three (12 aijobs, all that were
left; 180 dice and 110 Google postings), judged by a reader who never saw the resolver, its
code or the other files; 7 left out as unjudgeable, 2 must abstain. Its figures are printed,
never its wrong answers: nobody has read them.

The resolver is built as the service builds it after `import onet` and `demo`: every O*NET
occupation, the curated careers refining their occupations, the shipped artefact. Prints
coverage and precision at the threshold, the best candidate's accuracy whatever its
confidence, how many of the must-abstain titles abstain, and the tuning files' wrong answers.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from _stats import print_table
from careerpath.careers.resolver import TitleResolver
from careerpath.careers.title_evaluation import leak_free_split
from careerpath.careers.title_settings import THRESHOLD
from careerpath.careers.title_training import shipped
from careerpath.careers.title_types import CareerNode, Resolution, TitleName
from careerpath.careers.titles import slugify
from careerpath.cli.titles import occupation_names
from careerpath.skills.onet import read_onet

ONET = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "onet"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "real_titles.tsv"
HOLDOUT = DATA / "real_titles_holdout.tsv"
FRESH = DATA / "real_titles_fresh.tsv"
MORE = DATA / "real_titles_more.tsv"
# The files the resolver is tuned on and its confidence fitted on (`titles_calibration.py`).
TUNING = (GOLD, MORE)
ABSTAIN = "(abstain)"
CURATED = 100_000


@dataclass(frozen=True)
class Judged:
    """One real title and the careers (slugs) a reader accepts; empty when it must abstain."""

    title: str
    source: str
    accepted: frozenset[str]


def read_gold(path: Path = GOLD) -> list[Judged]:
    """Return the hand-judged titles of ``path`` (``data/real_titles.tsv`` by default)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [Judged(row["title"], row["source"], _accepted(row["acceptable"])) for row in rows]


def _accepted(cell: str) -> frozenset[str]:
    return frozenset() if cell == ABSTAIN else frozenset(cell.split(";"))


def build_world() -> tuple[TitleResolver, dict[int, str]]:
    """Return the resolver over O*NET plus the curated careers, and each career id's slug."""
    release = read_onet(ONET)
    split = leak_free_split(occupation_names(release), share=0.0)
    slugs = {i: slugify(release.occupations[code].title) for i, code in enumerate(split.codes)}
    nodes = [CareerNode(i, group=code[:2], code=code) for i, code in enumerate(split.codes)]
    names = list(split.names)
    text = resources.files("careerpath.demo").joinpath("data/careers.toml").read_text("utf-8")
    for offset, career in enumerate(tomllib.loads(text)["career"]):
        career_id = CURATED + offset
        parent = split.codes.index(career["onet_soc_code"])
        slugs[career_id] = career["slug"]
        nodes.append(CareerNode(career_id, parent, curated=True, group=split.codes[parent][:2]))
        names.append(TitleName(career_id, career["title"], "title"))
        names += [TitleName(career_id, a, "curated") for a in career.get("aliases", [])]
    return TitleResolver(names, nodes, split.context, shipped()), slugs


def score(judged: list[tuple[Judged, Resolution]], slugs: dict[int, str]) -> list[str]:
    """Return one table row: coverage, precision, best candidate right, vague abstaining."""
    named = [(item, found) for item, found in judged if item.accepted]
    answered = [(item, found) for item, found in named if found.career_id is not None]
    right = sum(slugs[found.career_id] in item.accepted for item, found in answered)  # type: ignore[index]
    first_right = sum(
        bool(found.candidates) and slugs[found.candidates[0].career_id] in item.accepted
        for item, found in named
    )
    vague = [found for item, found in judged if not item.accepted]
    return [
        str(len(named)),
        f"{len(answered) / len(named):.3f}",
        f"{right / len(answered):.3f}" if answered else "-",
        f"{first_right / len(named):.3f}",
        f"{sum(found.career_id is None for found in vague)} of {len(vague)}",
    ]


def report(resolver: TitleResolver, slugs: dict[int, str], path: Path, *, wrong: bool) -> None:
    """Print coverage and precision on one judged file, per source and overall, and its
    wrong answers when asked."""
    gold = read_gold(path)
    unknown = {slug for item in gold for slug in item.accepted} - set(slugs.values())
    if unknown:
        raise SystemExit(f"titles_real: {path.name} names unknown careers: {sorted(unknown)}")
    judged = [(item, resolver.resolve(item.title)) for item in gold]
    rows = [
        [source, *score([(i, f) for i, f in judged if source in ("all", i.source)], slugs)]
        for source in ("aijobs", "postings", "all")
    ]
    print_table(
        f"{path.name}: real titles judged by hand, threshold {THRESHOLD}",
        ["source", "titles", "coverage", "precision", "best candidate right", "vague abstain"],
        rows,
    )
    if not wrong:
        return
    answers = [
        [item.title, slugs[found.career_id], f"{found.confidence:.2f}"]
        for item, found in judged
        if found.career_id is not None and slugs[found.career_id] not in item.accepted
    ]
    print_table(
        f"{path.name}: wrong answers",
        ["title", "answer", "confidence"],
        answers or [["(none)", "", ""]],
    )


def main() -> None:
    """Print the figures of the tuning files with their wrong answers, then the held-out files'
    figures alone: reading their failures would be tuning on them."""
    if not ONET.exists():
        print(f"titles_real: skipped, {ONET} is absent")
        return
    resolver, slugs = build_world()
    for path in TUNING:
        report(resolver, slugs, path, wrong=True)
    for path in (HOLDOUT, FRESH):
        report(resolver, slugs, path, wrong=False)


if __name__ == "__main__":
    main()
