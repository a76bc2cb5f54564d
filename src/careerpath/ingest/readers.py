"""Stream records out of CSV and JSON Lines files, each with the line it started on."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from careerpath.errors import InvalidInputError

FileFormat = Literal["csv", "jsonl", "json"]

# Real descriptions run long; the stdlib default (128 KiB) rejects some postings.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """One raw record and the 1-based line of the file it starts on."""

    line: int
    fields: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class UnreadableRecord:
    """A record that could not even be parsed, with the reason."""

    line: int
    reason: str


Record = SourceRecord | UnreadableRecord


def detect_format(path: Path) -> FileFormat:
    """Guess the format from the file name: .csv, .jsonl/.ndjson or .json."""
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in {".csv", ".tsv", ".txt"}:
        return "csv"
    raise InvalidInputError(f"Cannot tell the format of {path.name}: use .csv, .jsonl or .json")


def read_records(
    path: Path, *, file_format: FileFormat | None = None, delimiter: str = ","
) -> Iterator[Record]:
    """Yield every record of ``path`` in order, never stopping at a bad one."""
    kind = file_format or detect_format(path)
    if kind == "csv":
        yield from _read_csv(path, delimiter)
    elif kind == "jsonl":
        yield from _read_jsonl(path)
    else:
        yield from _read_json_array(path)


def _read_csv(path: Path, delimiter: str) -> Iterator[Record]:
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        if reader.fieldnames is None:  # reading the names consumes the header line(s)
            return
        line = reader.line_num + 1
        try:
            for row in reader:
                if None in row:
                    yield UnreadableRecord(line, "more fields than the header names")
                else:
                    yield SourceRecord(line, row)
                line = reader.line_num + 1
        except csv.Error as exc:
            yield UnreadableRecord(line, f"CSV syntax error: {exc}")


# The json module recurses once per level: a file nested ~1,000 deep exhausts the stack.
TOO_DEEP = "invalid JSON: nested too deeply"


def _read_jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            yield _json_record(line_number, line)


def _json_record(line: int, text: str) -> Record:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return UnreadableRecord(line, f"invalid JSON: {exc.msg}")
    except RecursionError:
        return UnreadableRecord(line, TOO_DEEP)
    if not isinstance(value, dict):
        return UnreadableRecord(line, "a record must be a JSON object")
    return SourceRecord(line, value)


def _read_json_array(path: Path) -> Iterator[Record]:
    """A JSON file holding one array of objects; the 'line' is the 1-based item number."""
    try:
        data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        yield UnreadableRecord(exc.lineno, f"invalid JSON: {exc.msg}")
        return
    except RecursionError:
        yield UnreadableRecord(1, TOO_DEEP)
        return
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, start=1):
        if isinstance(item, dict):
            yield SourceRecord(number, item)
        else:
            yield UnreadableRecord(number, "an item must be a JSON object")
