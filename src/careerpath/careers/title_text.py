"""Read a job title into words the resolver compares: pure, no database.

"Sr. Back-End Dev (Python/Django) - Remote, #R-1234" becomes the specialisation ``backend``,
the role ``developer``, the level Senior and the evidence ``python django``: abbreviations are
expanded, spellings folded ("back-end" = "backend" = "back end"), seniority read into a level,
and noise (locations, "Remote", "(m/w/d)", requisition numbers) dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Folded spellings, applied to the whole lower-case text before it is split into words.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bback[\s-]*end\b", "backend"),
        (r"\bfront[\s-]*end\b", "frontend"),
        (r"\bfull[\s-]*stack\b", "fullstack"),
        (r"\bdev[\s-]*ops\b", "devops"),
        (r"\bdev[\s-]*sec[\s-]*ops\b", "devsecops"),
        (r"\bml[\s-]*ops\b", "mlops"),
        (r"\bserver[\s-]*side\b", "serverside"),
        (r"\bclient[\s-]*side\b", "clientside"),
        (r"\bnode\s*\.?\s*js\b", "nodejs"),
        (r"\breact\s*\.?\s*js\b", "react"),
        (r"\bvue\s*\.?\s*js\b", "vue"),
        (r"\bangular\s*\.?\s*js\b", "angular"),
        (r"(?:\basp\s*)?\.net\b", " dotnet "),
        (r"\bc\s*\+\+", "cplusplus"),
        (r"\bc\s*#", "csharp"),
        (r"\bf\s*#", "fsharp"),
        (r"\bq\s*/\s*a\b", "qa"),
        (r"\bui\s*/\s*ux\b", "ui ux"),
        (r"\bux\s*/\s*ui\b", "ux ui"),
        (r"\bvice[\s-]+president\b", "vp"),
        (r"\bsite[\s-]+reliability\b", "sre"),
        (r"\bentry[\s-]+level\b", "junior"),
        (r"\bmid[\s-]+(?:level|senior)\b", " "),
        (r"\btech(?:nical)?\s+lead\b", "technical lead"),
        (r"\be[\s-]?commerce\b", "ecommerce"),
        (r"\bmachine[\s-]+learning\b", "ml"),
        (r"\bartificial\s+intelligence\b", "ai"),
        (r"\bbusiness\s+intelligence\b", "bi"),
        (r"\bquality\s+assurance\b", "qa"),
        (r"\binformation\s+technology\b", "it"),
        (r"\bhuman\s+resources?\b", "hr"),
        (r"\bdatabase\s+administrator\b", "dba"),
        (r"\bsecurity\s+operations?\s+cent(?:er|re)\b", "soc"),
        (r"\bnatural\s+language\s+processing\b", "nlp"),
        (r"\bcomputer\s+vision\b", "cv"),
        (r"\bsoftware\s+development\s+engineer\b", "sde"),
    )
)
# Abbreviations read as the words they stand for. Multi-word expansions keep their own order.
ABBREVIATIONS: dict[str, str] = {
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "jnr": "junior",
    "mgr": "manager",
    "mngr": "manager",
    "eng": "engineer",
    "engr": "engineer",
    "dev": "developer",
    "devs": "developer",
    "swe": "software engineer",
    "sde": "software engineer",
    "sre": "site reliability engineer",
    "pm": "product manager",
    "dir": "director",
    "asst": "assistant",
    "assoc": "associate",
    "admin": "administrator",
    "adm": "administrator",
    "sys": "system",
    "sysadmin": "system administrator",
    "sw": "software",
    "hw": "hardware",
    "infra": "infrastructure",
    "ops": "operations",
    "mgmt": "management",
    "coord": "coordinator",
    "rep": "representative",
    "spec": "specialist",
    "tech": "technician",
    "techs": "technician",
    "acct": "accountant",
    "exec": "executive",
    "svp": "vp",
    "evp": "vp",
    "avp": "vp",
    "rn": "registered nurse",
    "lpn": "licensed practical nurse",
    "cna": "nursing assistant",
    "np": "nurse practitioner",
    "mle": "ml engineer",
    "js": "javascript",
    "k8s": "kubernetes",
    "golang": "go",
    "postgres": "postgresql",
    "architecht": "architect",
    "enginer": "engineer",
    "engineeer": "engineer",
    "devloper": "developer",
    "develper": "developer",
}
# Words that only say how senior someone is; they set the level and are then dropped.
_LEVEL_ONLY = {
    "senior": "Senior",
    "junior": "Junior",
    "intern": "Junior",
    "internship": "Junior",
    "trainee": "Junior",
    "graduate": "Junior",
    "apprentice": "Junior",
    "experienced": "Senior",
    "i": "Junior",
    "ii": "Senior",
    "iii": "Senior",
    "iv": "Lead",
    "v": "Lead",
    "1": "Junior",
    "2": "Senior",
    "3": "Senior",
}
# Words that raise the level but can also be a title's role ("Lead" of "Team Lead").
_LEVEL_WORDS = {
    "lead": "Lead",
    "staff": "Lead",
    "principal": "Principal",
    "distinguished": "Principal",
    "head": "Manager",
    "director": "Manager",
    "vp": "Executive",
    "chief": "Executive",
}
_LEVEL_ORDER = ("Junior", "Senior", "Lead", "Principal", "Manager", "Executive")
# Modifier-only level words are dropped when a role follows them ("Staff Accountant").
_DROPPABLE_LEADS = {"lead", "staff", "principal", "distinguished"}
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "for",
        "in",
        "on",
        "at",
        "to",
        "with",
        "by",
        "or",
        "from",
        "&",
        "-",
        "/",
        "our",
        "your",
        "new",
        "needed",
        "wanted",
        "hiring",
    ]
)
_NOISE_WORDS = frozenset(
    [
        "remote",
        "hybrid",
        "onsite",
        "on-site",
        "wfh",
        "telecommute",
        "contract",
        "contractor",
        "freelance",
        "temp",
        "temporary",
        "permanent",
        "fulltime",
        "full-time",
        "parttime",
        "part-time",
        "w2",
        "c2c",
        "1099",
        "urgent",
        "urgently",
        "immediate",
        "immediately",
        "opening",
        "position",
        "job",
        "vacancy",
        "m/w/d",
        "m/f/d",
        "f/m/d",
        "w/m/d",
        "m/f",
        "f/m",
        "h/f",
        "x/f/m",
        "usa",
        "us",
        "uk",
        "eu",
        "emea",
        "apac",
        "latam",
    ]
)
_GENDER_MARKS = re.compile(r"\((?:[mwfdhx]\s*/\s*){1,3}[mwfdhx]\)|\b(?:[mwfdh]/){1,3}[mwfdhx]\b")
_REQUISITION = re.compile(
    r"(?:#\s*\w*\d\w*|\b(?:req|requisition|job\s*id|ref)\b\.?\s*[:#]?\s*[\w-]*\d[\w-]*"
    r"|\b[a-z]{0,3}-?\d{4,}\b)"
)
_BRACKETS = re.compile(r"[\(\[\{]([^\)\]\}]*)[\)\]\}]")
_SEPARATORS = re.compile(r"\s+[-–—|:@•]\s+|\s+\bat\b\s+|[|•]")
_WORD = re.compile(r"[a-z0-9][a-z0-9+#]*")
_KEEP_S = frozenset(
    [
        "sales",
        "news",
        "analytics",
        "logistics",
        "physics",
        "economics",
        "mathematics",
        "statistics",
        "graphics",
        "ethics",
        "devops",
        "mlops",
        "devsecops",
        "nodejs",
        "aws",
        "gis",
        "ios",
        "os",
        "sas",
        "js",
        "kubernetes",
        "jenkins",
        "robotics",
        "mechanics",
        "electronics",
        "genetics",
        "athletics",
        "aeronautics",
        "acoustics",
        "avionics",
        "optics",
        "plastics",
        "textiles",
        "linguistics",
        "dynamics",
        "kinesiology",
        "services",
        "series",
        "species",
        "bus",
        "gas",
        "lens",
        "canvas",
    ]
)


@dataclass(frozen=True, slots=True)
class ParsedTitle:
    """A title read into words: the main phrase ends with its role word, evidence is extra."""

    words: tuple[str, ...]
    role: str | None
    evidence: tuple[str, ...]
    level: str | None


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


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


def _clean(text: str) -> str:
    text = fold(text)
    text = _GENDER_MARKS.sub(" ", text)
    text = _REQUISITION.sub(" ", text)
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return text


def words_of(text: str) -> list[str]:
    """Split cleaned text into expanded, singular words, noise and stopwords left out."""
    found: list[str] = []
    for raw in _WORD.findall(text.replace("/", " ").replace("&", " and ")):
        for word in ABBREVIATIONS.get(raw, raw).split():
            if word not in _NOISE_WORDS and word not in STOPWORDS:
                found.append(singular(word))
    return found


def _reorder_of(text: str) -> str:
    """Put "X of Y" in title order, "Y X": "Director of Operations" → "Operations Director"."""
    before, sep, after = text.partition(" of ")
    if not sep or not before.strip() or not after.strip():
        return text
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


def parse_title(title: str) -> ParsedTitle:
    """Read ``title`` into main words (role last), evidence words and a level."""
    text = _clean(title)
    evidence_parts = _BRACKETS.findall(text)
    text = _BRACKETS.sub(" ", text)
    segments = [s for s in _SEPARATORS.split(text) if s.strip()]
    main_text = segments[0] if segments else ""
    evidence_parts += segments[1:]
    head, _, specialisation = main_text.partition(",")
    main = words_of(_reorder_of(head))
    extra = words_of(specialisation)
    evidence = [w for part in evidence_parts for w in words_of(part)]
    level = _level(main + extra + evidence)
    main = _strip_levels(main)
    extra = [w for w in extra if w not in _LEVEL_ONLY]
    evidence = [w for w in evidence if w not in _LEVEL_ONLY and w not in main]
    if not main and extra:
        main, extra = extra, []
    words = tuple(extra + main)
    return ParsedTitle(words, words[-1] if words else None, tuple(evidence), level)
