"""Readable descriptions: put back the spaces scraped catalog text lost between sentences (pure).

Provider pages lose line breaks when scraped, so "…in this courseKickstart your…" and
"…new skills.Learn…" and "learn:Python" reach the catalog glued. Only junctions no real word
has are split: a lower-case word of three letters or more running into a capitalised word
("seriesPrepare"), or sentence punctuation after a word running into a capital ("skills.Learn").
Names written in camel case start with a capital or are short ("JavaScript", "NumPy", "iPhone",
"pgAdmin"), dotted names keep their capitals ("ASP.NET", "Node.js"), so they are left alone.

Some files were also decoded twice ("decÃ\xada", "Youâ\x80\x99ll"): each run of such characters
that is valid UTF-8 when read back as Latin-1 bytes is decoded once more ("decía", "You’ll").
"""

from __future__ import annotations

import re

_LOWER = "a-zà-öø-ÿа-яё"
_UPPER = "A-ZÀ-ÖØ-ÞА-ЯЁ"
# "seriesPrepare": a whole lower-case word, then a whole capitalised one.
_GLUED_WORDS = re.compile(rf"(?<![{_LOWER}{_UPPER}\d])([{_LOWER}]{{3,}})([{_UPPER}][{_LOWER}]+)\b")
# "coursePyTorch": a longer lower-case word, then a camel-case name ("phpMyAdmin" stays whole).
_GLUED_NAME = re.compile(
    rf"(?<![{_LOWER}{_UPPER}\d])([{_LOWER}]{{4,}})([{_UPPER}][{_LOWER}]+[{_UPPER}][\w.#+]*)\b"
)
# "skills.Learn", "learn:Python", "done!Next": a word, sentence punctuation, a capitalised word.
# A UTF-8 lead byte and its continuation bytes, each read as one Latin-1 character.
_MOJIBAKE = re.compile(r"[\xc2-\xf4][\x80-\xbf]+")
_GLUED_SENTENCES = re.compile(rf"([{_LOWER}]{{2,}}[.!?:;])([{_UPPER}][{_LOWER}]+)\b")


def unglue(text: str) -> str:
    """Return ``text`` with a space put back where two sentences or words were glued together."""
    text = _MOJIBAKE.sub(_decoded_once_more, text)
    text = _GLUED_SENTENCES.sub(r"\1 \2", text)
    text = _GLUED_NAME.sub(r"\1 \2", text)
    return _GLUED_WORDS.sub(r"\1 \2", text)


def _decoded_once_more(found: re.Match[str]) -> str:
    try:
        return found.group().encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:  # real Latin-1 text ("Ã©" can be meant): leave it
        return found.group()
