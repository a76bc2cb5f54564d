"""Pure: the language a resource's title and description are written in.

Sources declare a language, or none (then English is assumed), and the declaration can be
wrong: the Coursera listing marks nothing, yet holds Portuguese, Spanish, French, Italian and
Chinese courses among its English ones. The script decides first (most letters Cyrillic:
Russian; as many Chinese or Japanese characters as Latin words: Chinese or Japanese); Latin text
is read by its commonest little words, which every text has and no skill name is. The declared
language is overridden only when the text clearly says otherwise: the best profile finds at
least MIN_WORDS of its words, twice as many as the declared language's, and more than any other
profile (Spanish and Portuguese share many words; a tie keeps the declaration).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain

MIN_WORDS = 5
# The title and the opening of a description say which language they are in; reading on costs
# an import time and changes no answer on the real files.
SAMPLE_CHARACTERS = 600
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NOT_CYRILLIC = re.compile(r"[^\u0400-\u04ff]+")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_LATIN_WORD = re.compile(r"[a-zà-öø-ÿ]+")
# Frequent function words per language; words two profiles share count for both.
_PROFILES = {
    "en": "a the and of to in is you this for with that are will your on how an be by from it as "
    "or can we what about learn course these have has which their who all into they",
    "es": "el la los las de del y en que para con por una un es se al lo como más este esta "
    "su sus curso aprenderás aprender también pero sobre cómo sin hay datos nos te",
    "pt": "o os a as do da dos das de e em no na nos nas que para com por uma um é não ao à "
    "como mais este esta seu sua você curso também sobre são dados pelo pela",
    "fr": "le la les des du de et en un une pour dans est que qui sur avec vous au aux ce cette "
    "par pas sont cours plus vos votre nous données comment",
    "it": "il lo la gli le di del della dei delle e è in un una per con che non sono questo "
    "questa corso al alla nel nella si dati come anche",
    "de": "der die das und ist zu den mit von für ein eine auf sie nicht im dem des werden wir "
    "sich kurs sind oder auch wie daten",
}
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _words in _PROFILES.items():
    for _word in _words.split():
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _language)


def detect_language(text: str, declared: str = "en") -> str:
    """Return the language ``text`` is written in: ``declared`` unless it clearly is not."""
    if text.isascii():
        # Text in the other profiles' languages has accents within a few sentences.
        return declared if declared == "en" else _by_words(text[:SAMPLE_CHARACTERS], declared)
    if _CYRILLIC.search(text) and _mostly_cyrillic(text):
        return "ru"
    sample = text[:SAMPLE_CHARACTERS]
    return _cjk_language(sample) or _by_words(sample, declared)


def _mostly_cyrillic(text: str) -> bool:
    # Deleting the other characters counts without a list of one-letter strings (3x faster).
    letters = len(_NOT_LETTER.sub("", text))
    return bool(letters) and len(_NOT_CYRILLIC.sub("", text)) * 2 > letters


def _cjk_language(text: str) -> str | None:
    """Chinese or Japanese when their characters (about a word each) outnumber Latin words."""
    characters = _HAN_OR_KANA.findall(text)
    if not characters or len(characters) < len(_LATIN_WORD.findall(text.lower())):
        return None
    return "ja" if len(_KANA.findall(text)) * 10 >= len(characters) else "zh"


def word_counts(text: str) -> Counter[str]:
    """Return how many of each language's profile words ``text`` has."""
    profiles = _LANGUAGES_OF
    return Counter(
        chain.from_iterable(profiles.get(w, ()) for w in _LATIN_WORD.findall(text.lower()))
    )


def _by_words(text: str, declared: str) -> str:
    counts = word_counts(text)
    ranked = counts.most_common(2)
    if not ranked:
        return declared
    best, hits = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    confident = hits >= MIN_WORDS and hits >= 2 * counts[declared] and hits > runner_up
    return best if confident and best != declared else declared
