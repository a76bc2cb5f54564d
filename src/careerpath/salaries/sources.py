"""Which source a salary file's reports come from: stated per import, never implied by a profile.

A profile only says how to read columns. The source (key, name, URL, licence, retrieved date)
is named with ``--source KEY`` or read from the file's own source record: a ``FILE.source.json``
beside it, or the folder's ``SOURCE.md`` (the shape of the files in ``../shared/data``).
Known keys fill in their published name, URL and licence.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from careerpath.errors import InvalidInputError

KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,119}$")
UNSTATED_LICENCE = "as stated by the file's provider"


@dataclass(frozen=True, slots=True)
class ReportSource:
    """A salary index or survey as one import credits it."""

    key: str
    name: str
    licence: str = UNSTATED_LICENCE
    url: str | None = None
    retrieved_on: date | None = None
    note: str | None = None


AIJOBS_SOURCE = ReportSource(
    key="aijobs-salaries",
    name="aijobs.net salary index (AI/ML/Data salaries)",
    licence="CC0 1.0",
    url="https://aijobs.net/salaries/",
    note="Self-reported and job-listing salaries; country-level places only.",
)
KNOWN_SOURCES = {AIJOBS_SOURCE.key: AIJOBS_SOURCE}
# Origins a source record may name for a known source (the aijobs index is published on GitHub).
_KNOWN_ORIGINS = {"github.com/foorilla/ai-jobs-net-salaries": AIJOBS_SOURCE.key}


def check_key(key: str) -> str:
    """Return ``key`` if it can name a source (lower case, digits, ``.-_``); raise otherwise."""
    if not KEY_PATTERN.match(key):
        raise InvalidInputError(
            f"Bad source key {key!r}: use 1-120 lower-case letters, digits, '.', '-' or '_'."
        )
    return key


def resolve_source(
    path: Path,
    key: str | None,
    *,
    name: str | None = None,
    url: str | None = None,
    licence: str | None = None,
    retrieved_on: date | None = None,
) -> ReportSource:
    """Return the source of ``path``: the stated key, else the file's own record; never a guess."""
    record = source_record(path)
    if key is None and record is None:
        raise InvalidInputError(
            f"Name the source of {path.name}: --source KEY (e.g. --source aijobs-salaries), "
            f"or put a {path.name}.source.json beside it. A profile only maps columns."
        )
    if key is not None:
        check_key(key)
        base = KNOWN_SOURCES.get(key) or (
            record if record is not None and record.key == key else ReportSource(key, key)
        )
    else:
        assert record is not None  # noqa: S101  (narrowed by the check above)
        base = record
    return replace(
        base,
        name=name or base.name,
        url=url or base.url,
        licence=licence or base.licence,
        retrieved_on=retrieved_on or base.retrieved_on,
    )


def source_record(path: Path) -> ReportSource | None:
    """Return the source record stored beside ``path``, if there is one."""
    sidecar = path.with_name(f"{path.name}.source.json")
    if sidecar.is_file():
        return _from_json(sidecar)
    notes = path.with_name("SOURCE.md")
    if notes.is_file():
        return from_source_md(notes.read_text(encoding="utf-8"), path.parent.name)
    return None


def _from_json(sidecar: Path) -> ReportSource:
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        key = check_key(str(data["key"]))
        retrieved = data.get("retrieved_on")
        return replace(
            KNOWN_SOURCES.get(key, ReportSource(key, str(data.get("name") or key))),
            **{f: str(data[f]) for f in ("name", "url", "licence", "note") if data.get(f)},
            retrieved_on=date.fromisoformat(retrieved) if retrieved else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidInputError(
            f"{sidecar.name} must be a JSON object with a 'key' and optionally 'name', 'url', "
            f"'licence', 'retrieved_on' (YYYY-MM-DD): {exc}"
        ) from exc


def from_source_md(text: str, folder: str) -> ReportSource:
    """Read a SOURCE.md: its heading, origin URL, licence line and snapshot or retrieval date."""
    heading = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    origin = re.search(r"https?://\S+?(?=[)\s,]|$)", text)
    licence = re.search(r"\*\*Licen[cs]e[^*]*:\*\*\s*(.+)", text)
    retrieved = re.search(r"(?:retrieved|snapshot)\D{0,20}(\d{4}-\d{2}-\d{2})", text, re.I)
    url = origin.group() if origin else None
    known = next((k for origin_, k in _KNOWN_ORIGINS.items() if url and origin_ in url), None)
    base = KNOWN_SOURCES[known] if known else ReportSource(_slug(folder), folder)
    return replace(
        base,
        name=base.name if known or heading is None else heading.group(1).strip()[:300],
        url=base.url if known else url,
        licence=base.licence if known or licence is None else _licence(licence.group(1)),
        retrieved_on=date.fromisoformat(retrieved.group(1)) if retrieved else None,
    )


def _licence(line: str) -> str:
    found = re.search(r"\b(CC0|CC BY(?:-SA)?(?: \d\.\d)?|MIT|public domain)\b", line, re.I)
    return found.group(1) if found else line.strip()[:200]


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.lower()).strip("-._")
    return check_key(slug[:120] or "salary-source")
