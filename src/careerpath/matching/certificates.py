"""Pure: whether a resource is a certificate programme, by its source's own field or words.

A source that says so in a field of its own (the import's ``certificate`` column) decides.
Otherwise a resource is one when its title calls it so ("… Professional Certificate", "…
Specialization", "Certified Kubernetes Administrator", "… Exam Prep", "… Certification") or its
description opens by naming it a course series ("Django for Everybody Specialization - 4 course
series"). A course that only says it is *part of* a specialization is not one: the words must
describe the item itself, so they are read from the title and the description's first sentence
only.
"""

from __future__ import annotations

import re

_TITLE = re.compile(
    r"\b(professional certificate|certificate program(me)?|certification|speciali[sz]ation|"
    r"nanodegree|exam prep|exam guide|exam cram|сертификат\w*|сертификац\w*|"
    r"certified(:| (\w+ ){0,3}(administrator|developer|engineer|practitioner|associate|"
    r"professional|architect|expert|specialist|analyst|course)))",
    re.IGNORECASE,
)
_SERIES = re.compile(
    r"^[^.\n]{0,200}\b(speciali[sz]ation|professional certificate)\s*-\s*\d+\s*course series",
    re.IGNORECASE,
)
_ONLY_PART = re.compile(r"\b(part of|course \d+ of|in this specialization)\b", re.IGNORECASE)


def is_certificate(title: str, description: str = "", declared: bool | None = None) -> bool:
    """Return the source's own flag, else whether its title or opening names a certificate."""
    if declared is not None:
        return declared
    if _TITLE.search(title) and not _ONLY_PART.search(title):
        return True
    return bool(_SERIES.match(description[:300]))
