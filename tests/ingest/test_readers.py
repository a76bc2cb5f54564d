"""Readers report the line each record starts on, and never stop at a bad one."""

from __future__ import annotations

from pathlib import Path

from careerpath.ingest.readers import SourceRecord, UnreadableRecord, read_records


def lines(path: Path) -> list[tuple[int, str]]:
    return [
        (r.line, "ok" if isinstance(r, SourceRecord) else r.reason.split(":")[0])
        for r in read_records(path)
    ]


def test_csv_lines_count_the_header_and_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('a,b\n1,2\n"multi\nline",3\n4,5,6\n7,8\n')
    assert lines(path) == [
        (2, "ok"),
        (3, "ok"),
        (5, "more fields than the header names"),
        (6, "ok"),
    ]


def test_empty_csv_yields_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("")
    assert lines(path) == []


def test_jsonl_reports_bad_lines_and_skips_blank_ones(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1}\n\n{broken\n[1, 2]\n{"a": 2}\n')
    records = list(read_records(path))
    assert [r.line for r in records] == [1, 3, 4, 5]
    assert isinstance(records[1], UnreadableRecord)
    assert records[2].reason == "a record must be a JSON object"  # type: ignore[union-attr]


def test_json_array_numbers_items(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('[{"a": 1}, 2, {"a": 3}]')
    assert lines(path) == [(1, "ok"), (2, "an item must be a JSON object"), (3, "ok")]
