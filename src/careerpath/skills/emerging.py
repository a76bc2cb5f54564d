"""Spot names that look like technologies but are not in the taxonomy ("unlinked mentions"). Pure.

A curator reads these to find emerging skills, so precision matters more than recall: a name
is taken only where postings list technologies ("Kafka, Flink and Pulsar" after a known
Kafka) or ask for experience with it ("experience with Temporal"), and only when it is
written like a product name (a capital, an inner capital, a digit, ".js"), never a plain word.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable

from careerpath.skills.extract import Mention

# A product-like name: "Flink", "ClickHouse", "S3", "Deno", "htmx.js", "C++", "dbt-core".
_NAME = r"[A-Za-z][A-Za-z0-9]*(?:[.+#-][A-Za-z0-9]+)*[+#]*"
_GLUE = r"\s*(?:,|/|\||;|\band\b|\bor\b|&)\s*(?:and\s+|or\s+)?"
_NEXT = re.compile(_GLUE + "(" + _NAME + ")")
_BEFORE = re.compile("(" + _NAME + ")" + _GLUE + "$")
_INTRO = re.compile(
    r"\b(?:experience (?:with|in|using)|knowledge of|familiarity with|proficien(?:cy|t) (?:in|with)"
    r"|expertise in|skills in|hands-on with)\s+(" + _NAME + ")",
    re.IGNORECASE,
)
_PRODUCT = re.compile(
    r"[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*|[A-Z]{3,6}[0-9]*|[A-Za-z]+[0-9][A-Za-z0-9]*"
    r"|[A-Za-z]+\.(?:js|io|ai|net)|[A-Z][a-z]{2,}[+#]*"
)
# Capitalised words that start list items or follow "experience with" but are not products.
_COMMON_WORDS = """
    a an and any all other others similar related including include etc such as the this
    that these those their our your its it we you they be is are will would should can
    strong good excellent solid deep basic advanced working proven demonstrated hands
    experience knowledge understanding familiarity skills skill ability tools tool technologies
    technology frameworks framework languages language systems system platforms platform
    development design testing software web data cloud mobile modern new current various
    multiple one two three years year team teams business customer clients client
    project projects management support services service applications application
    equivalent preferred required plus bonus nice must degree bs ms ba phd us usa
    english senior junior lead principal engineer developer architect analyst manager
    remote onsite full time part contract job role position company please apply email
    engineering information computer security finance healthcare insurance retail life math
    quality configuration server analytics open object group messaging capital enterprise
    electrical iterative databases mobility load stored storage network integration access
    """
_COMMON = frozenset(_COMMON_WORDS.split())
MAX_NAME = 40
# How far back a list item may start before a known skill (characters).
BACK_REACH = 45


def unlinked(text: str, known: Iterable[Mention], taxonomy: Container[str]) -> dict[str, str]:
    """Return {folded key: name as written} of product-like names near known skills.

    ``taxonomy`` holds the folded alias keys and their first words: a name the taxonomy has is
    not unlinked (it was only not counted here, for want of evidence), nor is a vendor that
    starts a known name ("Oracle", "Cisco").
    """
    mentions = list(known)
    lowered = text.lower()
    covered = [(start, end) for _, start, end in mentions]
    found: dict[str, str] = {}

    def take(name: str, start: int) -> None:
        name = name.rstrip(".-")
        key = name.lower()
        if (
            _product_like(name)
            and key not in taxonomy
            and not (name[1:].islower() and _written_lower(lowered, text, key))
            and not any(a <= start < b for a, b in covered)
        ):
            found.setdefault(key, name)

    for _, start, end in mentions:
        position = end
        while (item := _NEXT.match(text, position)) is not None:
            take(item.group(1), item.start(1))
            position = item.end()
        tail = _BEFORE.search(text[max(0, start - BACK_REACH) : start])
        if tail is not None:
            take(tail.group(1), start - len(tail.group(0)))
    for intro in _INTRO.finditer(text):
        take(intro.group(1), intro.start(1))
    return found


def _written_lower(lowered: str, text: str, key: str) -> bool:
    """A capitalised word also written in lower case is a word ("Engineering"), not a name."""
    for found in re.finditer(r"\b" + re.escape(key) + r"\b", lowered):
        if text[found.start()].islower():
            return True
    return False


def _product_like(name: str) -> bool:
    return (
        1 < len(name) <= MAX_NAME
        and name.lower() not in _COMMON
        and _PRODUCT.fullmatch(name) is not None
    )
