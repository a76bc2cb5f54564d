"""Pure seniority detection: "Senior Data Engineer" is the Data Engineer career, senior level."""

from __future__ import annotations

import re

LEVELS = ("entry", "mid", "senior", "executive")
# The aijobs.net codes for experience level.
LEVEL_CODES = {"EN": "entry", "MI": "mid", "SE": "senior", "EX": "executive"}
_LEVEL_WORDS = {
    "entry": ("junior", "jr", "entry level", "entry-level", "graduate", "intern", "trainee"),
    "mid": ("mid level", "mid-level", "intermediate"),
    "senior": ("senior", "sr", "lead", "staff", "principal"),
    "executive": ("head of", "director", "vp", "vice president", "chief"),
}
_PATTERNS = [
    (level, re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b\.?", re.IGNORECASE))
    for level, words in _LEVEL_WORDS.items()
]


def split_level(title: str) -> tuple[str, str | None]:
    """Return the title without its seniority words, and the level they name (or None)."""
    for level, pattern in reversed(_PATTERNS):
        if pattern.search(title):
            base = " ".join(pattern.sub(" ", title).split())
            return (base or title), level
    return title, None


def level_of(value: str | None) -> str | None:
    """Return the level a code or word names ("SE", "senior", "Mid"), or None."""
    if value is None or not value.strip():
        return None
    cleaned = value.strip()
    if cleaned.upper() in LEVEL_CODES:
        return LEVEL_CODES[cleaned.upper()]
    lowered = cleaned.lower()
    if lowered in LEVELS:
        return lowered
    return split_level(cleaned)[1]
