"""Readable descriptions: put back the spaces scraped catalog text lost between sentences (pure).

Provider pages lose line breaks when scraped, so "…in this courseKickstart your…" and
"…new skills.Learn…" and "learn:Python" reach the catalog glued. Only junctions no real word
has are split: a lower-case word of three letters or more running into a capitalised word
("seriesPrepare"), or sentence punctuation after a word running into a capital ("skills.Learn").
Names written in camel case start with a capital or are short ("JavaScript", "NumPy", "iPhone",
"pgAdmin"), dotted names keep their capitals ("ASP.NET", "Node.js"), so they are left alone.

Some files were also decoded twice ("decÃ\xada", "Youâ\x80\x99ll"): imports repair that
(``catalog.normalize.fix_mojibake``), and rows stored before they did are repaired here by the
same function ("decía", "You’ll").
"""

from __future__ import annotations

import re

from careerpath.catalog.normalize import fix_mojibake

_LOWER = "a-zà-öø-ÿа-яё"
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
# "seriesPrepare": a whole lower-case word, then a whole capitalised one.
_GLUED_WORDS = re.compile(rf"(?<![{_LOWER}{_UPPER}\d])([{_LOWER}]{{3,}})([{_UPPER}][{_LOWER}]+)\b")
# "coursePyTorch": a longer lower-case word, then a camel-case name ("phpMyAdmin" stays whole).
_GLUED_NAME = re.compile(
    rf"(?<![{_LOWER}{_UPPER}\d])([{_LOWER}]{{4,}})([{_UPPER}][{_LOWER}]+[{_UPPER}][\w.#+]*)\b"
)
# "skills.Learn", "learn:Python", "done!Next": a word, sentence punctuation, a capitalised word.
_GLUED_SENTENCES = re.compile(rf"([{_LOWER}]{{2,}}[.!?:;])([{_UPPER}][{_LOWER}]+)\b")


def unglue(text: str) -> str:
    """Return ``text`` with a space put back where two sentences or words were glued together."""
    text = fix_mojibake(text)
    text = _GLUED_SENTENCES.sub(r"\1 \2", text)
    text = _GLUED_NAME.sub(r"\1 \2", text)
    return _GLUED_WORDS.sub(r"\1 \2", text)
