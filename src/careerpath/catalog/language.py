"""Pure: the reader's language, from ``?lang=``, else Accept-Language, else English.

It lives with the catalog because it chooses among resources by their language: career
rankings, skill pages, the home page and search all ask it, and all sit above the catalog.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

DEFAULT_LANGUAGE = "en"
_CODE = re.compile(r"^[a-z]{2,3}$")


def _weight(params: list[str]) -> float:
    for param in params:
        name, _, value = param.strip().partition("=")
        if name.strip() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def preferred(accept_language: str | None) -> str | None:
    """Return the primary language the header weighs most (None when it names none)."""
    best: tuple[float, str] | None = None
    for part in (accept_language or "")[:500].split(","):
        tag, *params = part.split(";")
        primary = tag.strip().lower().split("-")[0]
        weight = _weight(params)
        if _CODE.match(primary) and weight > 0 and (best is None or weight > best[0]):
            best = (weight, primary)
    return best[1] if best else None


def reader_language(requested: str | None, accept_language: str | None) -> str:
    """Return ``requested`` when it is a language code, else the header's, else English."""
    if requested and _CODE.match(requested.strip().lower()):
        return requested.strip().lower()
    return preferred(accept_language) or DEFAULT_LANGUAGE


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return dict(Locale("en").languages)


def language_name(code: str) -> str:
    """Return the English name of a language code ("ru" -> "Russian"); the code if unknown."""
    return _names().get(code, code)
