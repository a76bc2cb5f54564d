"""A salary import that moves a saved career's median mails a digest; its link works signed out."""

from __future__ import annotations

import asyncio
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careerpath import migrate
from careerpath.alerts.service import send_digests
from careerpath.config import Settings
from careerpath.db import create_engine, create_session_factory
from careerpath.demo.loader import load_demo
from tests.accounts.actors import Actor, generous_settings, grant_role, new_user, running_client
from tests.jobs.support import finished_job
from tests.mailbox import Inbox, local_smtp
from tests.support import require_shared_data

CAREER = "data-engineer"


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    """A local SMTP server."""
    with local_smtp() as served:
        yield served


def _aijobs_parts() -> tuple[bytes, bytes]:
    """Real 2022 US Data Engineer reports: junior and mid levels, then senior and executive."""
    path = require_shared_data("salaries-aijobs", "salaries.csv")
    with path.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = [
            r for r in reader
            if r["job_title"] == "Data Engineer" and r["company_location"] == "US"
            and r["work_year"] == "2022"
        ]  # fmt: skip
        header = reader.fieldnames or []
    parts = []
    for levels in ({"EN", "MI"}, {"SE", "EX"}):
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(r for r in rows if r["experience_level"] in levels)
        parts.append(out.getvalue().encode())
    return parts[0], parts[1]


def _fresh_demo(folder: Path) -> str:
    url = f"sqlite+aiosqlite:///{folder / 'alerts.db'}"
    migrate.upgrade(url)

    async def load() -> None:
        engine = create_engine(url)
        async with create_session_factory(engine)() as session, session.begin():
            await load_demo(session)
        await engine.dispose()

    asyncio.run(load())
    return url


def _import(curator: Actor, content: bytes, source: str) -> dict[str, Any]:
    accepted = curator.request(
        "POST",
        "/api/v1/curation/imports/salaries",
        params={"format": "csv", "profile": "aijobs", "source": source},
        content=content,
        headers={"Content-Type": "application/octet-stream"},
    )
    return finished_job(curator, accepted)


def _digest(settings: Settings) -> None:
    async def run() -> None:
        engine = create_engine(settings.database_url)
        async with create_session_factory(engine)() as session, session.begin():
            await send_digests(session, settings)
        await engine.dispose()

    asyncio.run(run())


def test_median_move_mails_a_digest_with_a_working_unsubscribe_link(
    smtp: tuple[Inbox, int], tmp_path: Path
) -> None:
    inbox, port = smtp
    juniors, seniors = _aijobs_parts()
    # A database of its own on SQLite: the imports move figures other tests read.
    local = generous_settings(
        Settings(
            env="test",
            database_url=_fresh_demo(tmp_path),
            var_dir=tmp_path / "var",
            secret_key="test-secret-key-not-for-production",
            log_level="WARNING",
            public_url="http://testserver.local",
            allowed_hosts="testserver.local,testserver",
            cache_check_seconds=0,
            scheduled_jobs=False,
            smtp_host="127.0.0.1",
            smtp_port=port,
        )
    )
    with running_client(local) as api:
        curator = new_user(api, "curator")
        grant_role(local.database_url, curator.user_id, "curator")
        assert _import(curator, juniors, "aijobs-juniors")["state"] == "succeeded"
        reader = new_user(api, "reader")
        inbox.messages.clear()  # the two sign-ups' welcome mails
        career_id = api.get(f"/api/v1/careers/{CAREER}").json()["id"]
        refused = reader.request("PUT", f"/api/v1/me/alerts/{CAREER}", json={"frequency": "daily"})
        assert refused.status_code == 422  # not saved yet
        lists = reader.request("GET", "/api/v1/lists").json()
        saved = {"kind": "career", "ref_id": career_id}
        assert reader.request(
            "POST", f"/api/v1/lists/{lists[0]['id']}/items", json=saved
        ).is_success
        opted = reader.request("PUT", f"/api/v1/me/alerts/{CAREER}", json={"frequency": "daily"})
        assert opted.status_code == 200, opted.text
        _digest(local)
        assert inbox.messages == []  # nothing moved since the opt-in
        assert _import(curator, seniors, "aijobs-seniors")["state"] == "succeeded"
        _digest(local)
        assert len(inbox.messages) == 1
        mail = inbox.messages[0]
        assert mail["To"] == reader.email
        body = mail.get_payload(decode=True).decode()  # type: ignore[union-attr]
        assert re.search(r"Median salary \(US\) moved \+\d+%", body), body
        link = re.search(r"/alerts/unsubscribe\?token=([\w.=-]+)", body)
        assert link
        assert link.group(1) in mail["List-Unsubscribe"]
        _digest(local)
        assert len(inbox.messages) == 1  # the baseline moved on with the digest
        forged = link.group(1)[:-2] + ("AA" if not link.group(1).endswith("AA") else "BB")
        assert api.get("/alerts/unsubscribe", params={"token": forged}).status_code == 404
        api.cookies.clear()
        gone = api.get("/alerts/unsubscribe", params={"token": link.group(1)})  # signed out
        assert gone.status_code == 200
        assert "Data Engineer" in gone.text
        assert reader.request("GET", "/api/v1/me/alerts").json() == []
