"""Read a job title into words the resolver compares: pure, no database.

"Sr. Back-End Dev (Python/Django) - Remote, #R-1234" becomes the specialisation ``backend``,
the role ``developer``, the level Senior and the evidence ``python django``: abbreviations are
expanded, spellings folded ("back-end" = "backend" = "back end"), seniority read into a level,
and noise (locations, "Remote", "(m/w/d)", requisition numbers) dropped.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WORDS = tomllib.loads(
    resources.files("careerpath.careers").joinpath("data/title_words.toml").read_text("utf-8")
)
# Folded spellings, applied in one pass to the lower-case text before it is split into words.
# The alternatives are tried only where a word starts (5x faster than at every character);
# ".net" is given a word start of its own first ("vb.net" → "vb .net").
_PHRASES: tuple[tuple[str, str], ...] = tuple(
    (pattern, replacement) for pattern, replacement in _WORDS["phrases"]
)
_ALL_PHRASES = re.compile(
    r"(?<![a-z0-9])(?=[a-z.])(?:"
    + "|".join(f"(?P<p{i}>{pattern})" for i, (pattern, _) in enumerate(_PHRASES))
    + ")"
)
_ERP_PRODUCTS = re.compile("|".join(_WORDS["erp_products"]), re.IGNORECASE)
# The word every ERP suite's name is read as ("SAP Consultant" is an "ERP Consultant").
ERP = "erp"
ABBREVIATIONS: dict[str, str] = _WORDS["abbreviations"]
_LEVEL_ONLY: dict[str, str] = _WORDS["level_only"]
_LEVEL_WORDS: dict[str, str] = _WORDS["level_words"]
_LEVEL_ORDER = ("Junior", "Senior", "Lead", "Principal", "Manager", "Executive")
# Modifier-only level words are dropped when a role follows them ("Staff Accountant").
_DROPPABLE_LEADS = {"lead", "staff", "principal", "distinguished"}
# Grades that are a role only in one trade ("Principal" of a school): a posted title whose head
# is the grade alone ("Principal, Strategy") names the grade, and the words after it the work.
_GRADE_HEADS = frozenset(_DROPPABLE_LEADS - {"lead"})
STOPWORDS = frozenset(_WORDS["stopwords"].split())
_NOISE_WORDS = frozenset(_WORDS["noise"].split())
_KEEP_S = frozenset(_WORDS["keep_s"].split())
SOFTWARE_WORDS = frozenset(_WORDS["software"].split())
LANGUAGE_WORDS = frozenset(_WORDS["languages"].split())
# Phone-app work: neither side of a web application.
MOBILE_WORDS = frozenset(_WORDS["mobile"].split())
# In a software title these roles are one job: "Java Engineer" is listed as "Java Developer".
SOFTWARE_ROLES = ("engineer", "developer", "programmer")
# Roles that, beside a product's name, write software for it.
_PRODUCT_ROLES = frozenset({"developer", "programmer"})
_SIDE_FRAMEWORKS = {side: frozenset(words.split()) for side, words in _WORDS["sides"].items()}
# What a job works with, not what it is: languages, web frameworks, platforms and tools.
TECHNOLOGY_WORDS = LANGUAGE_WORDS.union(_WORDS["platforms"].split(), *_SIDE_FRAMEWORKS.values())
# "Team Lead" leads a crew; "Machine Learning Lead" and "Data Analytics Lead" lead a field's
# work, and their role is that field's, not a crew lead's.
_CREW_WORDS = frozenset({"team", "crew", "shift", "line", "group", "store", "floor", "project"})
_GENDER_MARKS = re.compile(r"\((?:[mwfdhx]\s*/\s*){1,3}[mwfdhx]\)|\b(?:[mwfdh]/){1,3}[mwfdhx]\b")
_REQUISITION = re.compile(
    r"(?:#\s*\w*\d\w*|\b(?:req|requisition|job\s*id|ref)\b\.?\s*[:#]?\s*[\w-]*\d[\w-]*"
    r"|\b[a-z]{0,3}-?\d{4,}\b)"
)
_BRACKETS = re.compile(r"[\(\[\{]([^\)\]\}]*)[\)\]\}]")
_SEPARATORS = re.compile(r"\s+[-–—|:@•]\s+|\s+\bat\b\s+|[|•]")
# A posted title ends where its context starts: " - Boston, MA", ": C#, .NET", " | Remote",
# " at Acme", or a second title after " / ". Posters often space a dash on one side only
# ("Engineer- Remote", "Engineer -Pre-sales"); a dash inside a word ("Back-end") joins.
_POSTED_SEPARATORS = re.compile(r"\s+[|@•/]\s+|\s+[-–—]\s*|\s*[-–—]\s+|\s*:\s+|\s+\bat\b\s+|[|•]")
# "Python / Django Developer": a first part naming only technologies is no title of its own.
_SLASH = re.compile(r"\s+/\s+")
# " for Capital Markets", " in Austin, TX", " with Android": context, once the words before
# it make a title of two words or more ("Check In Agent" and "Pilot in Command" are names).
_CONTEXT = re.compile(r"\s+\b(?:for|in|with|w/)\s+")
# A part after a dash that is this short and ends with a role noun is the role of a head that
# names none.
_ROLE_PART_WORDS = 3
# A specialisation after a comma is part of the title when it is this short ("Software
# Engineer, Backend"); a longer one names a team or product ("Data Analyst, SMB Sales Growth
# Programs, Google Cloud"), and is only evidence, as is every comma part after the first.
_SPECIALISATION_WORDS = 2
# Commas that list the title's own words: "Shipping, Receiving, and Inventory Clerks".
_LIST = re.compile(r",\s*(?:and|or|&)\s")
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")


@dataclass(frozen=True, slots=True)
class ParsedTitle:
    """A title read into words: the main phrase ends with its role word, evidence is extra."""

    words: tuple[str, ...]
    role: str | None
    evidence: tuple[str, ...]
    level: str | None


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents."""
    if text.isascii():  # nothing to decompose, and most titles are plain ASCII
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=100_000)
def singular(word: str) -> str:
    """Return a cheap singular: "engineers" → "engineer", "technologies" → "technology"."""
    if word in _KEEP_S or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Agent, action and plural endings, longest first; a stem keeps at least three letters.
_STEM_ENDINGS = (
    *("ations", "ation", "ings", "ing", "ers", "ors", "ies"),
    *("er", "or", "ed", "es", "e", "s", "y"),
)


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Return a crude stem, so that a title's agent word meets the tasks' action words:
    "sampler", "samples" and "sampling" → "sampl"; "tumbler", "tumbling" → "tumbl"."""
    for ending in _STEM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _replace_phrase(match: re.Match[str]) -> str:
    return _PHRASES[int(match.lastgroup[1:])][1]  # type: ignore[index]


def _clean(text: str) -> str:
    text = fold(text)
    text = _GENDER_MARKS.sub(" ", text)
    text = _REQUISITION.sub(" ", text)
    return _ALL_PHRASES.sub(_replace_phrase, text.replace(".net", " .net"))


def words_of(text: str) -> list[str]:
    """Split cleaned text into expanded, singular words, noise and stopwords left out."""
    return list(_words(text))


# A posted title's parts recur ("Remote", ", Chicago, IL") and each is split more than once.
@lru_cache(maxsize=100_000)
def _words(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for raw in _WORD.findall(text.replace("/", " ").replace("&", " and ")):
        for word in ABBREVIATIONS.get(raw, raw).split():
            if word not in _NOISE_WORDS and word not in STOPWORDS:
                found.append(singular(word))
    return tuple(found)


def _reorder_of(text: str) -> str:
    """Put "X of Y" in title order, "Y X": "Director of Operations" → "Operations Director".

    "Head of Engineering" is read as "Engineering Director", the name O*NET lists.
    """
    before, sep, after = text.partition(" of ")
    if not sep or not before.strip() or not after.strip():
        return text
    if before.split()[-1] == "head":
        before = f"{before.rsplit(' ', 1)[0]} director" if " " in before.strip() else "director"
    return f"{after} {before}"


def _level(words: list[str]) -> str | None:
    found = [_LEVEL_ONLY.get(w) or _LEVEL_WORDS.get(w) for w in words]
    ranked = [level for level in found if level is not None]
    return max(ranked, key=_LEVEL_ORDER.index) if ranked else None


def _strip_levels(words: list[str]) -> list[str]:
    kept = [w for w in words if w not in _LEVEL_ONLY]
    while len(kept) > 1 and kept[0] in _DROPPABLE_LEADS:
        kept = kept[1:]
    return kept


def _name_parts(text: str) -> tuple[str, str, list[str]]:
    """Split a name into its head, the specialisation after its comma, and the rest."""
    segments = [s for s in _SEPARATORS.split(text) if s.strip()]
    head, _, specialisation = (segments[0] if segments else "").partition(",")
    return head, specialisation, segments[1:]


def _posted_parts(text: str) -> tuple[str, str, list[str]]:
    """Split a title as posted into its head, a short specialisation, and its context."""
    return _posted_split(text, specialised=True)


def _posted_context(text: str) -> tuple[str, str, list[str]]:
    """Split a title as posted into its head and its context, a comma ending the head."""
    return _posted_split(text, specialised=False)


def _posted_split(text: str, specialised: bool) -> tuple[str, str, list[str]]:
    text = _joined_technologies(text)
    segments = [s for s in _POSTED_SEPARATORS.split(text) if s.strip()]
    # The title is the first part with a word that is not noise ("Fulltime: Network Engineer").
    first = next((at for at, s in enumerate(segments) if words_of(s)), 0)
    main = segments[first] if segments else ""
    context = segments[:first] + segments[first + 1 :]
    before, *after = _CONTEXT.split(main, maxsplit=1)
    if after and len(_strip_levels(words_of(before))) >= 2:
        main, context = before, [*after, *context]
    role_part = segments[first + 1] if first + 1 < len(segments) else ""
    if _names_a_role(role_part) and not ROLE_NOUNS.intersection(words_of(main)):
        # "SAP PLM - Senior Consultant": the part before the dash names the work, the part
        # after it the role.
        main = f"{main.split(',')[0]} {role_part}"
        context.remove(role_part)
    head, *commas = main.split(",")
    if _LIST.search(main):
        return head, ",".join(commas), context
    if specialised and commas and len(words_of(commas[0])) <= _SPECIALISATION_WORDS:
        return head, commas[0], [*commas[1:], *context]
    return head, "", [*commas, *context]


def _names_a_role(part: str) -> bool:
    """Whether a part of a posted title is a short role ("Senior Consultant", "Solution
    Engineer"): at most three words besides the level, the last a role noun."""
    words = _strip_levels(words_of(part))
    return 0 < len(words) <= _ROLE_PART_WORDS and words[-1] in ROLE_NOUNS


def _joined_technologies(text: str) -> str:
    """Join "python / django developer" into "python/django developer": a part before " / "
    that names only technologies specialises the title after it."""
    parts = _SLASH.split(text)
    joined = parts[0]
    for part in parts[1:]:
        before = words_of(joined.split("/")[-1])
        if before and TECHNOLOGY_WORDS.issuperset(before):
            joined = f"{joined}/{part}"
        else:
            joined = f"{joined} / {part}"
    return joined


def parse_title(title: str) -> ParsedTitle:
    """Read a name (O*NET's, a curated alias) into main words (role last), evidence words and
    a level."""
    return _parse(title, _name_parts)


def parse_posted_title(title: str, *, specialised: bool = True) -> ParsedTitle:
    """Read a title as people post it: as a name, but the team, product, place or second
    title around it is only evidence ("Data Analyst, SMB Sales, Google Cloud"). A short part
    after the head's comma specialises it ("Analyst, Finance" is a Finance Analyst) unless
    ``specialised`` is false: then it is context too."""
    parts = _posted_parts if specialised else _posted_context
    parsed = _graded(_parse(_ERP_PRODUCTS.sub(f" {ERP} ", title), parts))
    words = parsed.words
    if parsed.role in _GRADE_HEADS and _head_is(title, parsed.role):
        # "Principal, Strategy, YouTube" is a principal-grade strategist, no school principal.
        return ParsedTitle(words[:-1], None, parsed.evidence, parsed.level)
    if parsed.role == "lead" and len(words) >= 2 and words[-2] in _ROLE_WORDS:
        # "Data Analyst Lead" is a lead data analyst: the role is the analyst's.
        return ParsedTitle(words[:-1], words[-2], parsed.evidence, parsed.level)
    if parsed.role == "lead" and len(words) >= 2 and words[-2] not in _CREW_WORDS:
        return ParsedTitle(words, None, parsed.evidence, parsed.level)
    return parsed


def _head_is(title: str, word: str) -> bool:
    """Whether the part of a posted title before its first comma is ``word`` alone."""
    head, comma, _ = title.partition(",")
    return bool(comma) and words_of(fold(head)) == [word]


def _graded(parsed: ParsedTitle) -> ParsedTitle:
    """Drop a grade number after the role ("Machine Learning Engineer 5"): employers number
    their grades past the 1 to 3 every name reads, and the number names no job."""
    words = parsed.words
    if len(words) < 2 or not words[-1].isdigit() or len(words[-1]) > 2:
        return parsed
    level = parsed.level or ("Lead" if int(words[-1]) > 3 else "Senior")
    return ParsedTitle(words[:-1], words[-2], parsed.evidence, level)


def language_role_title(
    parsed: ParsedTitle, unknown: Callable[[str], bool] | None = None
) -> ParsedTitle | None:
    """Read "Golang Engineer" or "Elixir Developer" as "Software Engineer" with the languages
    as evidence: a software role specialised only by general-purpose languages is a software
    developer's job, whatever the language (None when the title is not such a one). So is a
    developer or programmer of an ERP system or of products no name knows (``unknown``): "SAP
    Developer", "BizTalk Developer"; an engineer of one may keep systems ("Citrix Engineer"),
    and a platform or tool of the list (SAS, Tableau, SQL) names work of its own."""
    words = parsed.words
    if parsed.role not in SOFTWARE_ROLES or len(words) < 2:
        return None
    products = unknown if parsed.role in _PRODUCT_ROLES else None
    if not all(_is_language(word, products) for word in words[:-1]):
        return None
    evidence = tuple(w for w in (*words[:-1], *parsed.evidence) if w != "software")
    return ParsedTitle(("software", words[-1]), words[-1], evidence, parsed.level)


def _is_language(word: str, unknown: Callable[[str], bool] | None) -> bool:
    """Whether ``word`` only says what software is written in or for."""
    if word in LANGUAGE_WORDS:
        return True
    if unknown is None:
        return False
    return word == ERP or (unknown(word) and word not in TECHNOLOGY_WORDS)


def role_last(parsed: ParsedTitle, is_role: Callable[[str], bool]) -> ParsedTitle:
    """End the title at its last role word when words no name ends with follow it: "Java
    Developer Boston", "Software Engineer Image Processing" and "Software Engineer C" are
    developers and engineers, the rest is evidence. ``is_role`` says whether names end with a
    word; the title is kept when none of its words is a role."""
    words = parsed.words
    if parsed.role is None or is_role(parsed.role):
        return parsed
    for at in range(len(words) - 2, -1, -1):
        if words[at] in ROLE_NOUNS and is_role(words[at]):
            evidence = (*parsed.evidence, *words[at + 1 :])
            return ParsedTitle(words[: at + 1], words[at], evidence, parsed.level)
    return parsed


def framework_sides(words: Collection[str]) -> dict[str, str]:
    """Return the side of a web application that each framework among ``words`` works on, as
    side → framework ({"backend": "django"}); both sides make one "fullstack" work. React Native
    builds phone apps: a title saying "native" names no front end."""
    sides: dict[str, str] = {}
    for side, frameworks in _SIDE_FRAMEWORKS.items():
        named = sorted(frameworks.intersection(words))
        if named and not (side == "frontend" and "native" in words):
            sides[side] = named[0]
    if len(sides) == 2:
        return {"fullstack": " and ".join(sides.values())}
    return sides


def _parse(title: str, parts: Callable[[str], tuple[str, str, list[str]]]) -> ParsedTitle:
    text = _clean(title)
    evidence_parts = _BRACKETS.findall(text)
    head, specialisation, context = parts(_BRACKETS.sub(" ", text))
    main = words_of(_reorder_of(head))
    extra = words_of(specialisation)
    evidence = [w for part in [*evidence_parts, *context] for w in words_of(part)]
    level = _level(main + extra + evidence)
    main = _strip_levels(main)
    extra = [w for w in extra if w not in _LEVEL_ONLY]
    evidence = [w for w in evidence if w not in _LEVEL_ONLY and w not in main]
    if not main and extra:
        main, extra = extra, []
    if SOFTWARE_WORDS.intersection(main + extra + evidence) and "software" not in main + extra:
        evidence.append("software")
    words = tuple(extra + main)
    return ParsedTitle(words, words[-1] if words else None, tuple(evidence), level)


# Words that name the job rather than what it works on: a course is about "Golang", never about
# "Engineer".
_ROLE_WORDS = frozenset(
    {
        *SOFTWARE_ROLES,
        *("analyst", "scientist", "architect"),
        *("administrator", "manager", "specialist", "consultant", "designer", "tester"),
        *("technician", "expert", "director", "officer", "coordinator", "head", "vp"),
    }
)
# Nouns that end a title as its role; what follows one in a posted title is context.
ROLE_NOUNS = _ROLE_WORDS | {
    *("accountant", "assistant", "associate", "auditor", "planner", "recruiter"),
    *("representative", "supervisor", "therapist", "nurse", "writer", "dba"),
}


def title_topic(title: str) -> str | None:
    """Return a job title's words that can name a course topic, its role and level words left
    out ("Sr. Golang Engineer" → "Golang"); None when it has no such words, or no others. A
    posted title's head speaks for it: "Business Intelligence Analyst, Finance" asks for
    "Business Intelligence", not for courses on all three."""
    head = _TOPIC_END.split(title, maxsplit=1)[0]
    if head.strip() != title.strip():
        kept = _topic_words(head)
        if kept:
            return " ".join(kept)
    kept = _topic_words(title)
    if not kept or len(kept) == len(title.split()):
        return None
    return " ".join(kept)


# Where a posted title's head ends: its comma, bracket, or a dash or bar spaced on one side.
_TOPIC_END = re.compile(r",|\(|\s+[-–—|@•:]\s*|\s*[-–—|:]\s+")


def _topic_words(text: str) -> list[str]:
    """Return the words of ``text`` that are no role, level or punctuation, as written."""
    kept: list[str] = []
    for token in text.split():
        word = singular(fold(token).strip(".,;:()[]-–—|/"))
        word = ABBREVIATIONS.get(word, word)
        if not word or word in _ROLE_WORDS or word in _LEVEL_ONLY or word in _LEVEL_WORDS:
            continue
        kept.append(token.strip(",;:"))
    while kept and fold(kept[0]) in STOPWORDS:  # "Head of AI" → "AI"
        kept.pop(0)
    return kept
