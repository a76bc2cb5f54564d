"""Pure relevance of a resource to a career, in [0, 1], with the reasons behind it.

score = w_skills · skill_fit · agreement + w_text · text_fit + w_topic · topic_fit
        + w_quality · quality

- skill_fit, scaled so the career's best candidate has 1: the geometric mean of coverage and
  focus. Coverage is the demand the resource's skills cover (each weighted by the career's
  profile) over that of the career's top skills, capped at 1; focus is the mean weight of all
  the resource's skills, so a course that lists thirty generic skills does not outrank one about
  the career's own subject;
- text_fit: the search engine's relevance of the career profile to the resource, scaled to 0..1
  by the caller (best hit = 1);
- topic_fit: the same for the career's core words (title, aliases) in the resource's title,
  topics and skill names only: what the resource is about, not what it mentions;
- agreement: skills alone are weak evidence. A broad course lists a dozen tools, and a few of
  them are always on a career's long list (a data-engineering certificate "covers" Spark and
  Kafka for a security engineer). The skill fit counts fully only when the resource's words
  agree, ``min(1, (text_fit + topic_fit) / agreement_at)``, and at ``skills_alone`` otherwise;
- quality: a Bayesian-averaged rating mapped to 0..1, so 5.0 from 2 ratings does not beat 4.7
  from 20,000;
- availability is a gate, not a weight: broken or retired resources never rank.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

UNAVAILABLE = frozenset({"link_broken", "retired"})


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each signal counts, and the prior of the rating average."""

    skills: float = 0.35
    text: float = 0.2
    topic: float = 0.3
    quality: float = 0.15
    top_skills: int = 8
    skills_alone: float = 0.4
    agreement_at: float = 0.5
    prior_rating: float = 4.0
    prior_count: int = 50
    max_rating: float = 5.0


@dataclass(frozen=True, slots=True)
class ResourceSignals:
    """What the scorer knows of one resource."""

    resource_id: int
    skill_ids: frozenset[int]
    text_fit: float = 0.0
    rating: float | None = None
    ratings_count: int = 0
    status: str = "active"
    topic_fit: float = 0.0


@dataclass(frozen=True, slots=True)
class SkillShare:
    """A skill of the career with the share of its postings that ask for it."""

    skill_id: int
    name: str
    share: float


@dataclass(frozen=True, slots=True)
class Signal:
    """One component of a score, and whether it lifted or lowered the resource."""

    name: str
    contribution: float
    effect: str


@dataclass(frozen=True, slots=True)
class Scored:
    """A resource's score and its explanation."""

    resource_id: int
    score: float
    covered: tuple[SkillShare, ...]
    signals: tuple[Signal, ...] = field(default_factory=tuple)
    # Its words agree with the career (``words_agree``): about the career, not only listing
    # some of its skills.
    about: bool = False


def bayesian_rating(rating: float | None, count: int, weights: Weights = Weights()) -> float:
    """Return the rating pulled toward the prior in proportion to how few ratings back it."""
    if rating is None or count <= 0:
        return weights.prior_rating
    total = weights.prior_rating * weights.prior_count + rating * count
    return total / (weights.prior_count + count)


def demand_ceiling(demand: Mapping[int, SkillShare], weights: Weights = Weights()) -> float:
    """Return the summed share of the career's top skills (full coverage of its demand)."""
    top = sorted(demand.values(), key=lambda s: (-s.share, s.skill_id))[: weights.top_skills]
    return sum(skill.share for skill in top)


def skill_fit(
    skill_ids: Iterable[int],
    demand: Mapping[int, SkillShare],
    weights: Weights = Weights(),
    ceiling: float | None = None,
) -> tuple[float, tuple[SkillShare, ...]]:
    """Return how well the skills fit the career (coverage × focus), and the skills covered.

    ``ceiling`` is ``demand_ceiling(demand, weights)``, passed in when scoring many resources.
    """
    if ceiling is None:
        ceiling = demand_ceiling(demand, weights)
    taught = set(skill_ids)
    covered = sorted(
        (demand[i] for i in taught if i in demand), key=lambda s: (-s.share, s.skill_id)
    )
    if ceiling <= 0 or not taught:
        return 0.0, tuple(covered)
    total = sum(skill.share for skill in covered)
    coverage = min(1.0, total / ceiling)
    return math.sqrt(coverage * min(1.0, total / len(taught))), tuple(covered)


def agreement(text_fit: float, topic_fit: float, weights: Weights = Weights()) -> float:
    """Return how much of the skill fit counts, given how well the resource's words agree."""
    agree = min(1.0, (_clamp(text_fit) + _clamp(topic_fit)) / weights.agreement_at)
    return weights.skills_alone + (1 - weights.skills_alone) * agree


def words_agree(text_fit: float, topic_fit: float, weights: Weights = Weights()) -> bool:
    """Say whether the resource's words agree fully: its skill fit then counts whole."""
    return _clamp(text_fit) + _clamp(topic_fit) >= weights.agreement_at


def grounded(taught: frozenset[int], anchors: frozenset[int], names_a_core_word: bool) -> bool:
    """Say whether a resource is about the career at all: it names one of the career's core
    words (its title's words and the like, ``textfit.CORE_WEIGHT``) anywhere, or it teaches
    one of the skills that are the career's beyond doubt (``Demand.anchors``).

    A rating never makes a resource relevant, and neither does a skill O*NET merely lists (the
    Spark tutorials on Registered Nurses' list), nor the career's weak words: "provide",
    "implement" and "health" in its tasks had put a data engineering certificate first for
    Registered Nurses, and "design" C compiler books on Civil Engineers' list, because the
    search scores are scaled to the best hit, which is weak where nothing is about the career.
    """
    return names_a_core_word or not taught.isdisjoint(anchors)


def score_resource(
    resource: ResourceSignals,
    demand: Mapping[int, SkillShare],
    weights: Weights = Weights(),
    skill_peak: float = 1.0,
    ceiling: float | None = None,
) -> Scored | None:
    """Score one resource for a career; None when it is not available to learners.

    ``skill_peak`` is the best skill fit among the career's candidates: skill fit is scaled by
    it, like the text fits, so no signal is drowned because its raw values run small.
    """
    if resource.status in UNAVAILABLE:
        return None
    fit, covered = skill_fit(resource.skill_ids, demand, weights, ceiling)
    fit = _clamp(fit / skill_peak) if skill_peak > 0 else 0.0
    fit *= agreement(resource.text_fit, resource.topic_fit, weights)
    quality = bayesian_rating(resource.rating, resource.ratings_count, weights) / weights.max_rating
    neutral_quality = weights.prior_rating / weights.max_rating
    parts = (
        ("skills", weights.skills * fit, fit > 0),
        ("text", weights.text * _clamp(resource.text_fit), resource.text_fit > 0),
        ("topic", weights.topic * _clamp(resource.topic_fit), resource.topic_fit > 0),
        ("quality", weights.quality * quality, quality >= neutral_quality),
    )
    total = sum(contribution for _, contribution, _ in parts)
    signals = tuple(
        Signal(name, round(contribution, 4), "lifted" if lifted else "lowered")
        for name, contribution, lifted in parts
    )
    about = words_agree(resource.text_fit, resource.topic_fit, weights)
    return Scored(resource.resource_id, round(_clamp(total), 6), covered[:5], signals, about)


def rank(
    resources: Iterable[ResourceSignals],
    demand: Mapping[int, SkillShare],
    weights: Weights = Weights(),
    *,
    limit: int | None = None,
) -> list[Scored]:
    """Return the available resources best first (ties broken by id, so order is stable)."""
    candidates = list(resources)
    ceiling = demand_ceiling(demand, weights)
    peak = max(
        (skill_fit(r.skill_ids, demand, weights, ceiling)[0] for r in candidates), default=1.0
    )
    scored = [
        s
        for r in candidates
        if (s := score_resource(r, demand, weights, peak, ceiling)) is not None
    ]
    scored.sort(key=lambda s: (-s.score, s.resource_id))
    return scored[:limit] if limit is not None else scored


def _clamp(value: float) -> float:
    return max(0.0, min(1.0, value))
