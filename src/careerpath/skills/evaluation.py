"""Quality measures: span precision/recall/F1 on BIO-tagged sentences, title top-k. Pure."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 with the counts behind them."""

    precision: float
    recall: float
    f1: float
    predicted: int
    gold: int


def bio_spans(tags: Sequence[str]) -> list[Span]:
    """Return the [start, end) token spans of a BIO tag sequence ("B", "I" or "B-Knowledge")."""
    spans: list[Span] = []
    start: int | None = None
    for index, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I")
        if start is not None and not inside:
            spans.append((start, index))
            start = None
        if tag.startswith("B") or (inside and start is None):
            start = index
    return spans


def token_offsets(tokens: Sequence[str]) -> tuple[str, list[Span]]:
    """Join tokens with single spaces; return the text and each token's character span."""
    offsets: list[Span] = []
    position = 0
    for token in tokens:
        offsets.append((position, position + len(token)))
        position += len(token) + 1
    return " ".join(tokens), offsets


def char_to_token_span(start: int, end: int, offsets: Sequence[Span]) -> Span | None:
    """Return the tokens a character range touches."""
    touched = [i for i, (a, b) in enumerate(offsets) if a < end and start < b]
    return (touched[0], touched[-1] + 1) if touched else None


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def strict_scores(pairs: Iterable[tuple[set[Span], set[Span]]]) -> Scores:
    """Score (gold, predicted) span sets by exact span equality."""
    hits = predicted = gold = 0
    for gold_spans, predicted_spans in pairs:
        hits += len(gold_spans & predicted_spans)
        predicted += len(predicted_spans)
        gold += len(gold_spans)
    p, r = _ratio(hits, predicted), _ratio(hits, gold)
    return Scores(p, r, _f1(p, r), predicted, gold)


def overlap_scores(pairs: Iterable[tuple[set[Span], set[Span]]]) -> Scores:
    """Score by token overlap: a prediction is right if it overlaps any gold span (and back)."""
    right = found = predicted = gold = 0
    for gold_spans, predicted_spans in pairs:
        right += sum(any(_overlaps(p, g) for g in gold_spans) for p in predicted_spans)
        found += sum(any(_overlaps(p, g) for p in predicted_spans) for g in gold_spans)
        predicted += len(predicted_spans)
        gold += len(gold_spans)
    p, r = _ratio(right, predicted), _ratio(found, gold)
    return Scores(p, r, _f1(p, r), predicted, gold)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def span_pairs(
    sentences: Iterable[tuple[Sequence[str], Sequence[str]]],
    find: Callable[[str], Iterable[Span]],
) -> list[tuple[set[Span], set[Span]]]:
    """Run ``find`` (text → character spans) on each tokenised sentence; pair with the gold.

    Predicted token spans that overlap are merged, as a BIO tagging would have them: two names
    inside one token ("CentOS/Red Hat") are one predicted span, not two.
    """
    pairs = []
    for tokens, tags in sentences:
        text, offsets = token_offsets(tokens)
        predicted = [
            span
            for start, end in find(text)
            if (span := char_to_token_span(start, end, offsets)) is not None
        ]
        pairs.append((set(bio_spans(tags)), merge_overlapping(predicted)))
    return pairs


def merge_overlapping(spans: Iterable[Span]) -> set[Span]:
    """Return the spans with overlapping ones joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return set(merged)


def top_k_accuracy(ranked: Iterable[tuple[str, Sequence[str]]], k: int) -> float:
    """Share of (expected, ranked answers) pairs whose expected answer is in the top ``k``."""
    results = [expected in answers[:k] for expected, answers in ranked]
    return _ratio(sum(results), len(results))
