"""Curators import files through the API with the CLI's services and per-row report."""

from __future__ import annotations

import httpx
from litestar import Litestar
from litestar.testing import TestClient

from tests.accounts.actors import Actor, grant_role, new_user
from tests.jobs.support import finished_job
from tests.support import require_shared_data

Client = TestClient[Litestar]
HEADER = "source_file,kind,section,topic,subtopic,title,url,authors,notes,nested\n"


def books_file() -> bytes:
    """Thirty real free-programming-books rows, then one with no URL (line 32)."""
    real = require_shared_data("catalog-free-programming-books", "free_programming_books_en.csv")
    lines = real.read_text(encoding="utf-8").splitlines(keepends=True)
    body = "".join(lines[1:31])
    bad = "books/x.md,book,S,Databases,,A book without a link,,Nobody,,0\n"
    return (HEADER + body + bad).encode()


def upload(actor: Actor, kind: str, content: bytes, file_format: str = "csv") -> httpx.Response:
    """Post ``content`` for import; the answer points at the job."""
    return actor.request(
        "POST",
        f"/api/v1/curation/imports/{kind}",
        params={"format": file_format},
        content=content,
        headers={"Content-Type": "application/octet-stream"},
    )


def test_curator_import_reports_every_row_and_is_idempotent(api: Client, database_url: str) -> None:
    curator = new_user(api, "curator")
    grant_role(database_url, curator.user_id, "curator")
    content = books_file()
    first = upload(curator, "books", content)
    assert first.status_code == 202, first.text
    job = finished_job(curator, first)
    assert job["state"] == "succeeded", job
    report = job["report"]
    assert report["read"] == 31
    assert job["progress"] == {"read": 31, "total": 31}
    assert report["rejected"] == 1
    assert report["errors"][0]["line"] == 32
    assert "url" in report["errors"][0]["reason"]
    again = upload(curator, "books", content)
    assert again.headers["location"] == first.headers["location"]  # the same file runs once
    assert finished_job(curator, again)["attempts"] == 1


def test_plain_users_and_visitors_cannot_import(api: Client) -> None:
    user = new_user(api, "plain")
    assert upload(user, "books", b"x").status_code == 403
    anonymous = api.post("/api/v1/curation/imports/books", content=b"x")
    assert anonymous.status_code == 401


def test_files_that_cannot_start_are_reported_on_their_header(
    api: Client, database_url: str
) -> None:
    curator = new_user(api, "curator")
    grant_role(database_url, curator.user_id, "curator")
    for kind, content in (("books", b"a,b\n1,2\n"), ("salaries", b"a,b\n1,2\n")):
        report = finished_job(curator, upload(curator, kind, content, file_format="json"))["report"]
        assert report["imported"] == report["updated"] == 0
        assert report["errors"][0]["line"] == 1
        assert report["errors"][0]["reason"]
    unknown_kind = upload(curator, "spaceships", b"a\n")
    assert unknown_kind.status_code in {400, 422}
    assert unknown_kind.json()["status"] == unknown_kind.status_code


def test_salary_uploads_name_their_source(api: Client, database_url: str) -> None:
    curator = new_user(api, "curator")
    grant_role(database_url, curator.user_id, "curator")
    real = require_shared_data("salaries-aijobs", "salaries.csv")
    content = "".join(real.read_text(encoding="utf-8").splitlines(keepends=True)[:21]).encode()
    params = {"format": "csv", "profile": "aijobs"}
    unnamed = finished_job(
        curator,
        curator.request(
            "POST", "/api/v1/curation/imports/salaries", params=params, content=content
        ),
    )["report"]
    assert unnamed["imported"] == 0
    assert "source" in unnamed["errors"][0]["reason"]
    named = finished_job(
        curator,
        curator.request(
            "POST",
            "/api/v1/curation/imports/salaries",
            params={**params, "source": "upload-test-index"},
            content=content,
        ),
    )["report"]
    assert named["imported"] + named["unchanged"] == 20
