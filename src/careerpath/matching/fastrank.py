"""Vectorised ranking of a whole catalog for one career (numpy), same formula as scoring.py.

The catalog becomes arrays once (kinds, quality, resource-skill incidence); each career then
costs a few array passes instead of one Python call per resource. Only the winners are scored
again by ``scoring.score_resource`` for their explanations, so stored scores and reasons come
from the one reference implementation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from careerpath.matching.scoring import (
    ResourceSignals,
    Scored,
    SkillShare,
    Weights,
    bayesian_rating,
    demand_ceiling,
    score_resource,
)

DEFAULT_WEIGHTS = Weights()
FLOOR_SLACK = 1e-6  # the exact score is rounded; keep what the floor could still admit
MARGIN = 16  # extra candidates re-scored exactly, so float ties at the cut cannot drop a winner


@dataclass(frozen=True)
class CatalogMatrix:
    """Arrays of a catalog: one row per resource."""

    signals: tuple[ResourceSignals, ...]
    ids: npt.NDArray[np.int64]
    kinds: npt.NDArray[np.str_]
    quality: npt.NDArray[np.float64]
    rows: npt.NDArray[np.int64]  # incidence: resource row …
    skills: npt.NDArray[np.int64]  # … teaches this skill id
    position: dict[int, int]  # resource id -> row

    @classmethod
    def build(
        cls,
        signals: Sequence[ResourceSignals],
        kinds: Sequence[str],
        weights: Weights = DEFAULT_WEIGHTS,
    ) -> CatalogMatrix:
        """Return the arrays of ``signals`` (with each resource's kind)."""
        pairs = [(row, skill) for row, s in enumerate(signals) for skill in s.skill_ids]
        rows, skills = (list(col) for col in zip(*pairs, strict=True)) if pairs else ([], [])
        quality = [
            bayesian_rating(s.rating, s.ratings_count, weights) / weights.max_rating
            for s in signals
        ]
        return cls(
            tuple(signals),
            np.array([s.resource_id for s in signals], dtype=np.int64),
            np.array(list(kinds), dtype=np.str_),
            np.array(quality, dtype=np.float64),
            np.array(rows, dtype=np.int64),
            np.array(skills, dtype=np.int64),
            {s.resource_id: row for row, s in enumerate(signals)},
        )


def _fit(
    matrix: CatalogMatrix, demand: Mapping[int, SkillShare], weights: Weights
) -> npt.NDArray[np.float64]:
    ceiling = demand_ceiling(demand, weights)
    covered = np.zeros(len(matrix.signals), dtype=np.float64)
    if ceiling <= 0 or not len(matrix.skills):
        return covered
    lookup = np.zeros(int(matrix.skills.max()) + 1, dtype=np.float64)
    for skill_id, skill in demand.items():
        if skill_id < len(lookup):
            lookup[skill_id] = skill.share
    covered += np.bincount(matrix.rows, weights=lookup[matrix.skills], minlength=len(covered))
    taught = np.maximum(np.bincount(matrix.rows, minlength=len(covered)), 1)
    fit: npt.NDArray[np.float64] = np.sqrt(
        np.minimum(1.0, covered / ceiling) * np.minimum(1.0, covered / taught)
    )
    return fit


def rank_matrix(
    matrix: CatalogMatrix,
    demand: Mapping[int, SkillShare],
    text_fit: Mapping[int, float],
    kind: str,
    limit: int,
    weights: Weights = DEFAULT_WEIGHTS,
    topic_fit: Mapping[int, float] | None = None,
    floor: float = 0.0,
    kept: frozenset[int] = frozenset(),
) -> list[Scored]:
    """Return the best ``limit`` resources of ``kind`` sharing a skill or a topic, best first.

    Resources scoring below ``floor`` are left out before the exact re-scoring (most of a
    career's candidates do, and re-scoring is the costly step), except those in ``kept``.
    """
    ceiling = demand_ceiling(demand, weights)
    fit = _fit(matrix, demand, weights)
    text = np.zeros(len(matrix.signals), dtype=np.float64)
    topic = np.zeros(len(matrix.signals), dtype=np.float64)
    for values, target in ((text_fit, text), (topic_fit or {}, topic)):
        for rid, value in values.items():
            row = matrix.position.get(rid)
            if row is not None:
                target[row] = value
    mask = (matrix.kinds == kind) & ((fit > 0) | (topic > 0))
    best_text = float(text[mask].max()) if mask.any() else 0.0
    text = np.clip(text / (best_text or 1.0), 0.0, 1.0)
    skill_peak = float(fit[mask].max()) if mask.any() else 0.0
    fit = np.clip(fit / (skill_peak or 1.0), 0.0, 1.0)
    best_topic = float(topic[mask].max()) if mask.any() else 0.0
    topic = np.clip(topic / (best_topic or 1.0), 0.0, 1.0)
    agree = weights.skills_alone + (1 - weights.skills_alone) * np.minimum(
        1.0, (text + topic) / weights.agreement_at
    )
    score = (
        weights.skills * fit * agree
        + weights.text * text
        + weights.topic * topic
        + weights.quality * matrix.quality
    )
    candidates = np.flatnonzero(mask)
    if floor > 0:
        pinned = np.array([matrix.position[r] for r in kept if r in matrix.position], dtype=int)
        above = score[candidates] >= floor - FLOOR_SLACK
        if len(pinned):
            above |= np.isin(candidates, pinned)
        # ``candidates`` is sorted and distinct; masking keeps it so (no set operations, which
        # sorted all 150,000 candidates again and took a third of a career's ranking time).
        candidates = candidates[above]
    keep = min(len(candidates), limit + MARGIN)
    if keep < len(candidates):
        part = np.argpartition(-score[candidates], keep - 1)[:keep]
        candidates = candidates[part]
    exact = []
    for row in candidates.tolist():
        base = matrix.signals[row]
        signals = ResourceSignals(
            base.resource_id, base.skill_ids, float(text[row]), base.rating,
            base.ratings_count, topic_fit=float(topic[row]),
        )  # fmt: skip
        scored = score_resource(signals, demand, weights, skill_peak, ceiling)
        if scored is not None and (scored.score >= floor or scored.resource_id in kept):
            exact.append(scored)
    exact.sort(key=lambda s: (-s.score, s.resource_id))
    return exact[:limit]
