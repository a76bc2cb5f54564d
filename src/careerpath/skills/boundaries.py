"""Where a name found in text starts and ends as a whole word. Pure.

Scraped postings run sentences together ("Git.Excellent"), pluralise names ("APIs") and glue
versions to them ("Java8", "Python 3.11"). The extractor decides the common case (a separator
on both sides) inline and calls these only for the few matches that need them.
"""

from __future__ import annotations

import re

SEPARATORS = frozenset(' \t\r\n,;:()[]/|"')
# A version after a name: "Java 8", "Python 3.11", "Java SE v.8+"; not "SQL 5 years".
_VERSION = re.compile(
    r" ?v?\.?\d{1,2}(?:\.\d{1,2}){0,2}\+?(?![\w.#+])(?!\s*\+?\s*(?:years?|yrs?|months?|%))"
)
# Digits glued to a name: "Java8", "Angular2", "Python3".
_GLUED_VERSION = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,2}\+?(?![\w#+])")
# Plurals need a name at least this long: "APIs", "frameworks", never "Rs" or "Cs".
MIN_PLURAL = 3
# Around a one-letter name ("C", "R") only these may stand: "R&D" or "C-level" are not skills.
NEIGHBOURS = " \t\r\n,/();:."
_LETTER_NEIGHBOURS = frozenset(NEIGHBOURS)


# Characters that may continue a name after a match: "C++", "C#", "node_js", "Java 8".
_GLUE = "_+# "


def word_char(char: str) -> bool:
    """Say whether ``char`` is part of a word (as regex ``\\w``)."""
    return char.isalnum() or char == "_"


# The common case, decided by set lookups: a separator or punctuation before a name (not a dot:
# "ASP.NET"), and after it ("Java 8", "Git.Excellent" and "APIs" are not). The sets hold Latin-1
# characters only, so any other character takes the scalar checks (``start_ok``, ``stop``).
_LATIN1 = [chr(code) for code in range(256)]
CLEAR_BEFORE = frozenset(c for c in _LATIN1 if c in SEPARATORS or not (word_char(c) or c == "."))
# Clear after a name whatever follows it; a space is clear before anything but a digit, a dot
# before anything but a letter or digit.
CLEAR_AFTER = frozenset(
    c for c in _LATIN1 if c != " " and (c in SEPARATORS or not (c.isalnum() or c in _GLUE + "."))
)
NOT_DIGIT = frozenset(c for c in _LATIN1 if not c.isdigit())
NOT_ALNUM = frozenset(c for c in _LATIN1 if not c.isalnum())
WORD_CHARS = frozenset(c for c in _LATIN1 if word_char(c))
NOT_WORD = frozenset(_LATIN1) - WORD_CHARS


def start_ok(text: str, start: int) -> bool:
    """Say whether a match may start here ("Java" not in "JavaBeans"; "skills.Python" ok)."""
    if not start or text[start - 1] in SEPARATORS:
        return True
    first, before = text[start], text[start - 1]
    if word_char(first) and word_char(before):
        return False
    if before == "." and first.isalnum() and start > 1 and text[start - 2].isalnum():
        # "ASP.NET" or "node.js" is one name; "experience.Python" is two run-together sentences.
        return first.isupper() and text[start - 2].islower()
    return True


def stop(text: str, start: int, end: int) -> int | None:
    """Return where a match really ends (plural, version), or None when it is part of a word."""
    if end >= len(text):
        return end
    after = text[end]
    if after in SEPARATORS and (after != " " or not text[end + 1 : end + 2].isdigit()):
        return end  # the common case, decided without a regex
    last = text[end - 1]
    if not word_char(last):
        return end
    if after.isalnum() or after in "_+#":
        return _glued_end(text, start, end)
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        # "Git.Excellent": a sentence run into the next one, not a dotted name.
        following = text[end + 2 : end + 3]
        if not (text[end + 1].isupper() and following.islower() and following.isalpha()):
            return None
    version = _VERSION.match(text, end)
    return version.end() if version and last.isalpha() else end


def _glued_end(text: str, start: int, end: int) -> int | None:
    """A plural "s" or a version glued to the name ("APIs", "Java8"), else None."""
    after = text[end]
    plural = after == "s" and end - start >= MIN_PLURAL and text[end - 1].isalpha()
    if plural and (end + 1 == len(text) or not (word_char(text[end + 1]) or text[end + 1] in "+#")):
        return end + 1
    if after.isdigit() and text[end - 1].isalpha():
        glued = _GLUED_VERSION.match(text, end)
        if glued:
            return glued.end()
    return None


def letter_ok(text: str, start: int, end: int) -> bool:
    """One-letter names ("C", "R") stand only between spaces, commas, slashes, brackets,
    and never beside an ampersand ("R & D", "I & C Engineering")."""
    if end - start > 1:
        return True
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before not in _LETTER_NEIGHBOURS or after not in _LETTER_NEIGHBOURS:
        return False
    return "&" not in (text[max(0, start - 3) : start] + text[end : end + 3])
