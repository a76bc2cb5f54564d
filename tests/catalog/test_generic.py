"""Any catalog file imports with --map; missing columns fail once; nothing changed ranks nothing."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerpath import migrate
from careerpath.catalog.generic import generic_profile, identity, parse_generic_row
from careerpath.catalog.models import ResourceKind
from careerpath.catalog.service import file_source
from careerpath.cli.app import app
from careerpath.config import get_settings
from careerpath.ingest.report import ImportReport
from tests.support import require_shared_data

PROFILE = generic_profile(file_source("x.csv"), {"title": "name", "url": "link"}, "INR")


def test_missing_price_is_unknown_never_free_and_zero_is_free() -> None:
    unknown = parse_generic_row(PROFILE.mapping, {"name": "Go"}, ResourceKind.COURSE)
    assert (unknown.is_free, unknown.price_amount) == (False, None)
    free = parse_generic_row(PROFILE.mapping, {"name": "Go", "price": "0"}, ResourceKind.COURSE)
    assert free.is_free is True
    paid = parse_generic_row(PROFILE.mapping, {"name": "Go", "price": "499"}, ResourceKind.COURSE)
    assert (paid.price_amount, paid.price_currency) == (Decimal(499), "INR")


def test_a_row_without_url_gets_a_stable_identity() -> None:
    first = parse_generic_row(PROFILE.mapping, {"name": "SQL", "authors": "A"}, ResourceKind.BOOK)
    again = parse_generic_row(PROFILE.mapping, {"name": " SQL ", "authors": "A"}, ResourceKind.BOOK)
    other = parse_generic_row(PROFILE.mapping, {"name": "SQL", "authors": "B"}, ResourceKind.BOOK)
    assert first.source_key == again.source_key == identity("SQL", None, "A")
    assert other.source_key != first.source_key and first.url == ""


def test_language_is_read_or_detected() -> None:
    russian = parse_generic_row(
        PROFILE.mapping, {"name": "Основы программирования на Python"}, ResourceKind.COURSE
    )
    given = parse_generic_row(
        PROFILE.mapping, {"name": "Python", "language": "DE"}, ResourceKind.COURSE
    )
    assert (russian.language, given.language) == ("ru", "de")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("PROFESSIONAL CERTIFICATE", True), ("Specialization", True), ("yes", True), (1, True),
        ("COURSE", False), ("no", False), ("0", False), ("", None), (None, None),
    ],
)  # fmt: skip
def test_the_certificate_column_is_the_sources_own_flag(value: object, expected: bool) -> None:
    row = parse_generic_row(
        PROFILE.mapping,
        {"name": "Google Data Analytics", "certificate": value},
        ResourceKind.COURSE,
    )
    assert row.certificate is expected


def test_a_certificate_value_that_is_no_flag_rejects_the_row() -> None:
    with pytest.raises(ValueError, match="certificate is not yes/no"):
        parse_generic_row(
            PROFILE.mapping, {"name": "Go", "certificate": "maybe"}, ResourceKind.BOOK
        )


def test_rejections_are_grouped_by_reason() -> None:
    report = ImportReport(read=4)
    for line in (2, 3, 5):
        report.reject(line, "url is missing")
    report.reject(4, "title is missing")
    groups = report.reasons()
    assert [(g.reason, g.count, g.lines) for g in groups] == [
        ("url is missing", 3, (2, 3, 5)),
        ("title is missing", 1, (4,)),
    ]
    assert report.as_dict()["reasons"][0] == {"reason": "url is missing", "count": 3,
                                              "lines": [2, 3, 5]}  # fmt: skip


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("CAREERPATH_DATABASE_URL", url)
    monkeypatch.setenv("CAREERPATH_VAR_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    migrate.upgrade(url)
    yield url
    get_settings.cache_clear()


def test_a_file_without_the_needed_column_fails_in_one_line(
    cli_database: str, tmp_path: Path
) -> None:
    path = tmp_path / "prices.csv"
    path.write_text("course_name,fee\nSQL basics,10\n")
    result = CliRunner().invoke(app, ["ingest", "courses", str(path)])
    assert result.exit_code == 1
    assert "has columns course_name, fee" in result.output and "needs title" in result.output
    assert "line 2" not in result.output and len(result.output.strip().splitlines()) == 1
    mapped = CliRunner().invoke(app, ["ingest", "courses", str(path), "--map", "title=nope"])
    assert mapped.exit_code == 1 and "looked for column 'nope'" in mapped.output


def test_a_run_that_rejects_every_row_exits_non_zero(cli_database: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("title,url\nA,ftp://a\nB,ftp://b\n")
    result = CliRunner().invoke(app, ["ingest", "books", str(path)])
    assert result.exit_code == 1
    assert "Every row was rejected" in result.output


def _kizak_as_csv(tmp_path: Path) -> Path:
    """Write the real Coursera listing as a plain CSV with column names of its own."""
    rows = json.loads(
        require_shared_data("courses-coursera-stepik-kizak", "coursera_clear.json").read_text()
    )
    path = tmp_path / "market.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Course Name", "Instructor", "Blurb", "Fee (INR)", "Tags"])
        for row in rows[:60]:
            tags = ";".join(row["skills"])
            writer.writerow([row["title"], row["author"], row["description"], "", tags])
    return path


def test_any_file_imports_with_map_and_a_rerun_ranks_nothing(
    cli_database: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["demo"]).exit_code == 0
    path = _kizak_as_csv(tmp_path)
    args = ["ingest", "courses", str(path), "--map", "title=Course Name", "--map",
            "authors=Instructor", "--map", "description=Blurb", "--map", "price=Fee (INR)",
            "--map", "skills=Tags", "--currency", "INR"]  # fmt: skip
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "imported (new) │ 60" in first.output.replace("  ", " ").replace("  ", " ")
    # Only the careers the new courses touch are ranked again, never all 1,023. (The bare "1023"
    # also matched the search index's random generation number in the output, now and then.)
    assert "Rankings recomputed" in first.output and "recomputed: 1023 careers" not in first.output
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert "Nothing changed" in again.output
    assert "Rankings recomputed" not in again.output
