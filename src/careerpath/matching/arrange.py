"""Pure: turn resources ordered by score into a list worth reading.

- near-duplicates collapse to the best one: same title and provider (a trailing year or
  edition ignored: "Front-End Developer Handbook 2017" and "… 2018" are one book), or the same
  address once normalised (scheme, ``www.``, trailing slash, query and fragment ignored);
- in any 10 consecutive items at most 3 come from one provider and at most 3 are about the
  same tool or practice (a framework, database, platform, tool or method their title names:
  PostgreSQL, Git, Agile, test-driven development), and
  in any 15 at most 5 teach the same programming language (a list is not a catalog of one
  vendor, one tool or one language);
  when only such items are left they follow at the end rather than being dropped;
- within the top 10, then positions 11–15, then each further block of 10, items with a level
  are reordered beginner, intermediate, advanced among the places such items hold (items of
  unknown level keep theirs; blocks keep the sets the caps were checked on).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar
from urllib.parse import urlsplit

PROVIDER_WINDOW, PROVIDER_CAP = 10, 3
LANGUAGE_WINDOW, LANGUAGE_CAP = 15, 5
SUBJECT_WINDOW, SUBJECT_CAP = 10, 3
LEVEL_BLOCKS = (10, 5)  # then blocks of 10
LEVEL_ORDER = {"beginner": 0, "intermediate": 1, "advanced": 2}
_NOT_WORD = re.compile(r"[\W_]+")
_ORDINALS = r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_EDITION = re.compile(rf"(?: (?:(?:19|20)\d\d|(?:{_ORDINALS}) edition|edition))+$")


@dataclass(frozen=True, slots=True)
class Placed:
    """What the arrangement needs to know of one ranked resource."""

    resource_id: int
    title: str
    provider: str | None
    url: str
    level: str | None
    languages: frozenset[int]  # programming languages the resource teaches (skill ids)
    subjects: frozenset[int] = frozenset()  # tools and practices its title names (skill ids)


T = TypeVar("T")
H = TypeVar("H", bound=Hashable)


@lru_cache(maxsize=1 << 18)  # recompute keys the same titles for every career: once each
def title_key(title: str) -> str:
    """Return a title reduced to its letters and digits, lowercased, without a year or edition
    at its end."""
    return _EDITION.sub("", _NOT_WORD.sub(" ", title.lower()).strip())


@lru_cache(maxsize=1 << 18)  # likewise each address once (urlsplit is the costly part)
def url_key(url: str) -> str:
    """Return an address without scheme, ``www.``, query, fragment or trailing slash."""
    if not url:
        return ""
    parts = urlsplit(url.strip().lower())
    return parts.netloc.removeprefix("www.") + parts.path.rstrip("/")


def collapse(items: Sequence[T], placed: Callable[[T], Placed]) -> list[T]:
    """Keep the first of each group of near-duplicates (input is best first)."""
    seen: set[Hashable] = set()
    kept = []
    for item in items:
        info = placed(item)
        keys: set[Hashable] = {("t", title_key(info.title), (info.provider or "").lower())}
        if url := url_key(info.url):
            keys.add(("u", url))
        if keys & seen:
            continue
        seen |= keys
        kept.append(item)
    return kept


def _at_cap(groups: Iterable[Iterable[H]], cap: int) -> set[H]:
    counts: dict[H, int] = {}
    for group in groups:
        for key in group:
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n >= cap}


def _blocked(chosen: list[Placed]) -> tuple[set[str], set[int], set[int]]:
    """Return the providers, languages and subjects at their cap among the last items chosen."""
    providers = _at_cap(
        (((p.provider or "").lower(),) for p in chosen[-(PROVIDER_WINDOW - 1) :] if p.provider),
        PROVIDER_CAP,
    )
    languages = _at_cap((p.languages for p in chosen[-(LANGUAGE_WINDOW - 1) :]), LANGUAGE_CAP)
    subjects = _at_cap((p.subjects for p in chosen[-(SUBJECT_WINDOW - 1) :]), SUBJECT_CAP)
    return providers, languages, subjects


def diversify(items: Sequence[T], placed: Callable[[T], Placed]) -> list[T]:
    """Order items best first under the provider, subject and language caps."""
    # The caps depend only on the last few items chosen, so each step computes what is
    # blocked once and scans with set lookups (the scan used to recount the window per item).
    pending = [(item, placed(item), (placed(item).provider or "").lower()) for item in items]
    order: list[T] = []
    chosen: list[Placed] = []
    while pending:
        providers, languages, subjects = _blocked(chosen)
        pick = next(
            (
                n
                for n, (_, info, provider) in enumerate(pending)
                if provider not in providers
                and languages.isdisjoint(info.languages)
                and subjects.isdisjoint(info.subjects)
            ),
            None,
        )
        if pick is None:
            break
        item, info, _ = pending.pop(pick)
        order.append(item)
        chosen.append(info)
    return order + [item for item, _, _ in pending]


def _level(info: Placed) -> int:
    return LEVEL_ORDER.get(info.level or "", 1)


def beginners_first(items: Sequence[T], placed: Callable[[T], Placed]) -> list[T]:
    """Within each block, order the levelled items by level (stable; the others stay put)."""
    ordered: list[T] = []
    start, sizes = 0, iter(LEVEL_BLOCKS)
    while start < len(items):
        end = start + next(sizes, 10)
        block = list(items[start:end])
        known = [n for n, item in enumerate(block) if placed(item).level in LEVEL_ORDER]
        levelled = sorted((block[n] for n in known), key=lambda i: _level(placed(i)))
        for n, item in zip(known, levelled, strict=True):
            block[n] = item
        ordered.extend(block)
        start = end
    return ordered


def arrange(items: Sequence[T], placed: Callable[[T], Placed]) -> list[T]:
    """Collapse duplicates, diversify, then put beginners first within each block."""
    return beginners_first(diversify(collapse(items, placed), placed), placed)
