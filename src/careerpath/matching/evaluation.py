"""Pure ranking metrics for the matching evaluation: graded gains and NDCG@k."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

MAX_GRADE = 3


def grade(judged_skills: frozenset[int], relevant: frozenset[int]) -> int:
    """Return a graded relevance: how many relevant skills a resource is judged to teach (≤ 3)."""
    return min(MAX_GRADE, len(judged_skills & relevant))


def dcg(gains: Sequence[float]) -> float:
    """Return the discounted cumulative gain of gains in rank order (2^g - 1 form)."""
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains))


def ndcg_at(ranked_ids: Sequence[int], grades: Mapping[int, int], k: int = 10) -> float:
    """Return NDCG@k of a ranking against graded judgments (0 when nothing is relevant)."""
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    if ideal <= 0:
        return 0.0
    return dcg([grades.get(i, 0) for i in ranked_ids[:k]]) / ideal


def precision_at(ranked_ids: Sequence[int], grades: Mapping[int, int], k: int = 15) -> float:
    """Return the share of the first ``k`` places held by relevant items (empty places count)."""
    return sum(1 for i in ranked_ids[:k] if grades.get(i, 0) > 0) / k
