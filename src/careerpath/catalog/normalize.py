"""Pure parsers that turn a source's raw values into clean resource fields."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from careerpath.catalog.models import ResourceLevel

_TRACKING_PARAMS = {"utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "ref"}
# Stepik appends the search that led to a course (?search=…); it is not part of its address.
_HOST_PARAMS = {"stepik.org": {"search"}}
# An address that splits without surprises (no query, fragment, brackets, spaces or control
# characters): canonical_url builds its form directly, skipping urlsplit/urlunsplit.
_PLAIN_URL = re.compile(r"(https?)://([A-Za-z0-9.-]+(?::[0-9]+)?)(/[^\x00-\x20\x7f?#\[\]]*)?", re.I)
# A UTF-8 lead byte then continuation bytes, as cp1252/Latin-1 shows them.
_CONTINUATION = "\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122"
_MOJIBAKE = re.compile(f"[\xc2-\xf4][{_CONTINUATION}]{{1,3}}")
_LEVELS = {
    "beginner": ResourceLevel.BEGINNER,
    "introductory": ResourceLevel.BEGINNER,
    "intermediate": ResourceLevel.INTERMEDIATE,
    "advanced": ResourceLevel.ADVANCED,
    "mixed": None,
}
_FORMATS = ("PDF", "HTML", "EPUB", "Kindle", "MOBI", "ODT", "DOC", "TXT", "Markdown", "LaTeX")
_LICENCE = re.compile(r"\((CC[\w -]*|MIT|GPL[\w .-]*|GFDL[\w .-]*|Apache[\w .-]*)\)")
_PAREN = re.compile(r"\(([^()]*)\)")


def canonical_url(raw: str) -> str | None:
    """Return the URL in its comparable form (scheme and host lowercased, tracking dropped)."""
    plain = _PLAIN_URL.fullmatch(raw.strip())
    if plain:
        scheme, host, path = plain.groups()
        path = path.rstrip("/") if path else ""
        return f"{scheme.lower()}://{host.lower()}{path}"
    return split_canonical_url(raw)


def split_canonical_url(raw: str) -> str | None:
    """Return canonical_url's answer by splitting the address (any address; the oracle)."""
    parts = urlsplit(raw.strip())
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    host = parts.netloc.lower()
    query = ""
    if parts.query:  # most addresses have none: skip the parse and re-encode
        dropped = _TRACKING_PARAMS | _HOST_PARAMS.get(host.removeprefix("www."), set())
        query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k not in dropped])
    path = parts.path.rstrip("/") if parts.path not in {"", "/"} else ""
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def url_host(url: str) -> str:
    """Return the host of ``url`` without ``www.``."""
    return urlsplit(url).netloc.lower().removeprefix("www.")


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 that was decoded as cp1252/Latin-1 (``hoursâ\x80\x94no`` → ``hours—no``).

    Each run of a lead byte and its continuation bytes is decoded again only when it is valid
    UTF-8 (real Latin-1 text such as "Ã©" stays). Repair before stripping or squeezing
    spaces: "à" and a no-break space read as Latin-1 end in one ("Ã\xa0", "Â\xa0").
    """
    return text if text.isascii() else _MOJIBAKE.sub(_repair, text)


def _repair(found: re.Match[str]) -> str:
    try:
        raw = b"".join(_byte(char) for char in found.group())
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return found.group()


def _byte(char: str) -> bytes:
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:
        return char.encode("latin-1")


def parse_level(raw: object) -> ResourceLevel | None:
    """Return the level named by ``raw``; unknown or numeric values give ``None``."""
    if not isinstance(raw, str):
        return None
    return _LEVELS.get(raw.strip().lower())


def parse_decimal(raw: object) -> Decimal | None:
    """Return ``raw`` as a decimal, or ``None`` when it is blank; raise ValueError when junk."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        return Decimal(str(raw).replace(",", "").strip())
    except InvalidOperation:
        raise ValueError(f"not a number: {raw!r}") from None


def parse_rating(raw: object) -> float | None:
    """Return a 0–5 rating; 0 means unrated in the sources, so it gives ``None``."""
    value = parse_decimal(raw)
    if value is None or value == 0:
        return None
    if not 0 < value <= 5:
        raise ValueError(f"rating {value} is outside 0–5")
    return float(value)


def parse_count(raw: object) -> int | None:
    """Return a non-negative count, or ``None`` when blank."""
    value = parse_decimal(raw)
    if value is None:
        return None
    if value < 0:
        raise ValueError(f"negative count: {raw!r}")
    return int(value)


_YES = frozenset({"yes", "y", "true", "t", "1"})
_NO = frozenset({"no", "n", "false", "f", "0", "none", "course", "single course"})
# A credential type naming a programme of several courses or an exam-backed credential.
_PROGRAMME = re.compile(
    r"certificate|certification|speciali[sz]ation|nanodegree|micromasters|professional",
    re.IGNORECASE,
)


def parse_certificate(raw: object) -> bool | None:
    """Return a certificate flag: yes/no words, or a credential type; blank gives ``None``.

    Exports name the credential ("PROFESSIONAL CERTIFICATE", "SPECIALIZATION", "COURSE"): a
    programme's name means yes, a single course means no. Anything else is not a flag.
    """
    if raw is None or isinstance(raw, bool):
        return raw
    text = " ".join(str(raw).split()).lower()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    if _PROGRAMME.search(text):
        return True
    raise ValueError(f"certificate is not yes/no or a credential type: {text[:40]!r}")


def parse_notes(notes: str | None) -> tuple[str | None, str | None, list[str]]:
    """Split free-programming-books notes into (formats, licence, other parenthesised notes)."""
    if not notes:
        return None, None, []
    licence_match = _LICENCE.search(notes)
    licence = licence_match.group(1).strip() if licence_match else None
    formats: list[str] = []
    other: list[str] = []
    for inner in _PAREN.findall(notes):
        words = [w.strip() for w in inner.split(",")]
        if any(w in _FORMATS for w in words):
            formats.extend(w for w in words if w in _FORMATS)
        elif inner.strip() != licence and not inner.strip().startswith(":"):
            other.append(inner.strip(" *"))
    return (", ".join(dict.fromkeys(formats)) or None), licence, other


def clean_title(raw: str) -> str:
    """Drop Markdown escapes left in titles (``C\\#`` → ``C#``) and squeeze spaces."""
    return " ".join(raw.replace("\\", "").split())
