"""Measure the title resolver on held-out O*NET titles, split so that nothing leaks. Pure.

Names are grouped by their order-free key of main words (``title_training.name_key``): "Application
Developer", "Applications Developer" and "Developer, Applications" are one group. A seeded
share of the groups is held out whole, from every occupation that lists it, so neither a title
nor its near-duplicate is on the training side. Occupation titles always train. A held-out title
that O*NET lists under several occupations counts as right for any of them.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from careerpath.careers.resolver import TitleResolver
from careerpath.careers.title_calibration import CurvePoint, threshold_curve
from careerpath.careers.title_settings import THRESHOLD
from careerpath.careers.title_text import parse_title
from careerpath.careers.title_training import name_key, train
from careerpath.careers.title_types import CareerNode, TitleName

HOLDOUT_SHARE = 0.2
SEED = 20250221
RELIABILITY_BINS = 10


@dataclass(frozen=True)
class OccupationNames:
    """What O*NET says about one occupation's names, plus its description and tasks."""

    code: str
    title: str
    alternate: list[str]
    reported: list[str]
    context: str = ""


@dataclass(frozen=True, slots=True)
class HeldOut:
    """A held-out title, every occupation that lists it (or a near-duplicate), and its kind."""

    title: str
    codes: frozenset[str]
    kind: str


@dataclass
class Split:
    """Training names (career id = position of the code in ``codes``) and held-out titles."""

    codes: list[str]
    names: list[TitleName] = field(default_factory=list)
    held: list[HeldOut] = field(default_factory=list)
    context: dict[int, str] = field(default_factory=dict)

    def resolver(self, *, classifier: bool = True) -> TitleResolver:
        """Build the resolver from the training side only, as `careerpath titles train` and
        the service build it from all of O*NET."""
        nodes = [CareerNode(i, group=code[:2], code=code) for i, code in enumerate(self.codes)]
        trained = train("held-out split", self.training_rows(), classifier=classifier)
        return TitleResolver(self.names, nodes, self.context, trained)

    def nested(self, seed: int) -> Split:
        """Split this training side again (``seed``): titles to fit settings on that the
        titles held out here never see."""
        names: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for name in self.names:
            names[name.career_id][name.kind].append(name.name)
        return leak_free_split(
            [
                OccupationNames(
                    code,
                    names[i]["title"][0],
                    names[i]["onet_alternate"],
                    names[i]["onet_reported"],
                    self.context.get(i, ""),
                )
                for i, code in enumerate(self.codes)
            ],
            seed=seed,
        )

    def training_rows(self) -> list[tuple[str, list[tuple[str, str]], str]]:
        """Return the training side as ``title_training.train`` reads it."""
        names: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for name in self.names:
            names[name.career_id].append((name.name, name.kind))
        return [(code, names[i], self.context.get(i, "")) for i, code in enumerate(self.codes)]


@dataclass(frozen=True, slots=True)
class ReliabilityBin:
    """Answers whose confidence falls in [low, high): how many, mean confidence, accuracy."""

    low: float
    high: float
    answers: int
    confidence: float
    accuracy: float


@dataclass(frozen=True)
class TitleEvaluation:
    """The figures `careerpath titles evaluate` prints."""

    titles: int
    multi_listed: int
    by_kind: dict[str, int]
    top1: float
    top5: float
    top1_detailed: float
    broad: float
    major_group: float
    threshold: float
    coverage: float
    precision: float
    reliability: list[ReliabilityBin]
    curve: list[CurvePoint]
    answers: list[tuple[float, bool]]


def _bucket(text: str, seed: int) -> float:
    digest = hashlib.sha256(f"{seed}|{text}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def leak_free_split(
    occupations: Iterable[OccupationNames], share: float = HOLDOUT_SHARE, seed: int = SEED
) -> Split:
    """Hold out ``share`` of the name groups (seeded), whole, from every occupation."""
    occupations = sorted(occupations, key=lambda o: o.code)
    split = Split([o.code for o in occupations])
    rows: list[tuple[int, str, str, tuple[str, ...]]] = []
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    kept = set()
    for index, occupation in enumerate(occupations):
        split.names.append(TitleName(index, occupation.title, "title"))
        split.context[index] = occupation.context
        kept.add(name_key(parse_title(occupation.title)))
        for kind, titles in (
            ("alternate", occupation.alternate),
            ("reported", occupation.reported),
        ):
            for title in titles:
                key = name_key(parse_title(title))
                rows.append((index, title, kind, key))
                owners[key].add(occupation.code)
    seen: set[str] = set()
    for index, title, kind, key in rows:
        if key and key not in kept and _bucket("|".join(key), seed) < share:
            if title not in seen:
                seen.add(title)
                split.held.append(HeldOut(title, frozenset(owners[key]), kind))
        else:
            split.names.append(TitleName(index, title, f"onet_{kind}"))
    return split


def evaluate(split: Split, resolver: TitleResolver | None = None) -> TitleEvaluation:
    """Resolve every held-out title and score the answers against O*NET's codes."""
    resolver = resolver or split.resolver()
    top1 = top5 = detailed = broad = major = 0
    answers: list[tuple[float, bool]] = []
    for held in split.held:
        resolution = resolver.resolve(held.title, explain=False)
        ranked = [split.codes[c.career_id] for c in resolution.candidates]
        six = {code[:7] for code in held.codes}
        right = bool(ranked) and ranked[0][:7] in six
        top1 += right
        top5 += any(code[:7] in six for code in ranked[:5])
        detailed += bool(ranked) and ranked[0] in held.codes
        # The SOC broad occupation: 15-1252 and its sibling 15-1251 are both 15-125x.
        broad += bool(ranked) and ranked[0][:6] in {code[:6] for code in held.codes}
        major += bool(ranked) and ranked[0][:2] in {code[:2] for code in held.codes}
        answers.append((resolution.confidence, right))
    n = max(len(split.held), 1)
    confident = [right for confidence, right in answers if confidence >= THRESHOLD]
    kinds: dict[str, int] = defaultdict(int)
    for held in split.held:
        kinds[held.kind] += 1
    return TitleEvaluation(
        titles=len(split.held),
        multi_listed=sum(len(h.codes) > 1 for h in split.held),
        by_kind=dict(kinds),
        top1=top1 / n,
        top5=top5 / n,
        top1_detailed=detailed / n,
        broad=broad / n,
        major_group=major / n,
        threshold=THRESHOLD,
        coverage=len(confident) / n,
        precision=sum(confident) / max(len(confident), 1),
        reliability=reliability(answers),
        curve=threshold_curve(answers),
        answers=answers,
    )


def reliability(answers: list[tuple[float, bool]]) -> list[ReliabilityBin]:
    """Group (confidence, right) pairs into equal-width bins: a calibrated bin's accuracy is
    close to its mean confidence."""
    bins: dict[int, list[tuple[float, bool]]] = defaultdict(list)
    for confidence, right in answers:
        bins[min(int(confidence * RELIABILITY_BINS), RELIABILITY_BINS - 1)].append(
            (confidence, right)
        )
    return [
        ReliabilityBin(
            low=b / RELIABILITY_BINS,
            high=(b + 1) / RELIABILITY_BINS,
            answers=len(items),
            confidence=sum(c for c, _ in items) / len(items),
            accuracy=sum(r for _, r in items) / len(items),
        )
        for b, items in sorted(bins.items())
    ]
