"""Sign-up that does not reveal whether an email has an account, and holds under concurrency."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Iterator

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select

from careerpath.accounts.auth import SESSION_COOKIE
from careerpath.accounts.models import SavedList, User
from careerpath.config import Settings
from careerpath.db import create_engine, create_session_factory
from careerpath.main import create_app
from tests.accounts.actors import PASSWORD, Actor, generous_settings, running_client, unique_email
from tests.accounts.test_pages import form_post
from tests.mailbox import Inbox, local_smtp

OTHER_PASSWORD = "an attacker's long passphrase"


@pytest.fixture
def mailed(settings: Settings) -> Iterator[tuple[Settings, Inbox]]:
    """Generous settings that deliver mail to a local inbox."""
    with local_smtp() as (inbox, port):
        yield generous_settings(settings, smtp_host="127.0.0.1", smtp_port=port), inbox


def _mails_to(inbox: Inbox, email: str) -> list[str]:
    return [str(m["Subject"]) for m in inbox.messages if m["To"] == email]


def test_new_and_existing_emails_get_the_same_answer(mailed: tuple[Settings, Inbox]) -> None:
    settings, inbox = mailed
    new, taken = unique_email("new"), unique_email("taken")
    with running_client(settings) as api:
        first = api.post("/api/v1/auth/register", json={"email": taken, "password": PASSWORD})
        fresh = api.post("/api/v1/auth/register", json={"email": new, "password": PASSWORD})
        again = api.post(
            "/api/v1/auth/register", json={"email": taken.upper(), "password": OTHER_PASSWORD}
        )
        assert first.status_code == fresh.status_code == again.status_code == 202
        assert fresh.json() == again.json()
        assert fresh.headers.keys() - {"x-request-id"} == again.headers.keys() - {"x-request-id"}
        assert SESSION_COOKIE not in fresh.cookies
        # The new address can sign in at once; the taken one keeps its owner's password.
        assert Actor(api, email=new).sign_in().status_code == 200
        assert Actor(api, email=taken).sign_in(OTHER_PASSWORD).status_code == 401
        assert Actor(api, email=taken).sign_in().status_code == 200
    assert _mails_to(inbox, new) == ["Welcome to careerpath"]
    assert _mails_to(inbox, taken) == [
        "Welcome to careerpath",
        "You already have a careerpath account",
    ]
    (notice,) = [m for m in inbox.messages if "already" in str(m["Subject"])]
    text = notice.get_payload(decode=True).decode()
    assert "/forgot-password" in text
    assert OTHER_PASSWORD not in text


def test_signup_page_with_a_taken_email_points_to_sign_in(
    mailed: tuple[Settings, Inbox],
) -> None:
    settings, inbox = mailed
    email = unique_email("page")
    with running_client(settings) as api:
        created = form_post(api, "/signup", email=email, password=PASSWORD)
        assert created.status_code == 303
        api.cookies.clear()
        taken = form_post(api, "/signup", email=email, password=OTHER_PASSWORD)
        assert taken.status_code == 200
        assert SESSION_COOKIE not in taken.cookies
        assert 'action="/signin"' in taken.text
        assert "We sent a mail to this address" in taken.text
    assert _mails_to(inbox, email) == [
        "Welcome to careerpath",
        "You already have a careerpath account",
    ]


async def test_ten_concurrent_sign_ups_make_one_account_per_email(settings: Settings) -> None:
    shared, others = unique_email("race"), [unique_email("race") for _ in range(5)]
    emails = [shared] * 5 + others
    app = create_app(generous_settings(settings))
    async with AsyncTestClient(app=app, base_url="https://testserver.local") as api:
        answers = await asyncio.gather(
            *(
                api.post("/api/v1/auth/register", json={"email": e, "password": PASSWORD})
                for e in emails
            )
        )
    statuses = Counter(answer.status_code for answer in answers)
    # 202 each; a SQLite writer that lost the lock may answer 503 (retry later), never 500.
    assert set(statuses) <= {202, 503}, [a.text for a in answers if a.status_code != 202]
    assert statuses[202] >= 1
    engine = create_engine(settings.database_url)
    async with create_session_factory(engine)() as session:
        rows = Counter(await session.scalars(select(User.email).where(User.email.in_(set(emails)))))
        default_lists = await session.scalar(
            select(func.count())
            .select_from(SavedList)
            .join(User, User.id == SavedList.owner_id)
            .where(User.email.in_(set(emails)), SavedList.is_default.is_(True))
        )
    await engine.dispose()
    assert max(rows.values()) == 1
    assert shared in rows
    assert default_lists == len(rows)
