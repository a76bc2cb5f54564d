"""Sign-up that does not reveal whether an email has an account, and holds under concurrency."""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from http.cookiejar import DefaultCookiePolicy

import pytest
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts.auth import SESSION_COOKIE
from careerpath.accounts.models import SavedList, SignUp, User
from careerpath.config import Settings
from careerpath.db import create_engine, create_session_factory, utcnow
from careerpath.main import create_app
from tests.accounts.actors import PASSWORD, Actor, generous_settings, running_client, unique_email
from tests.accounts.test_pages import confirm_by_form, form_post
from tests.mailbox import Inbox, local_smtp

OTHER_PASSWORD = "an attacker's long passphrase"
CONFIRM = "Confirm your careerpath account"
ALREADY = "You already have a careerpath account"
LINK = re.compile(r"https?://[^/\s]+(/confirm-email\?\S+)")


@pytest.fixture
def mailed(settings: Settings) -> Iterator[tuple[Settings, Inbox]]:
    """Generous settings that deliver mail to a local inbox."""
    with local_smtp() as (inbox, port):
        yield generous_settings(settings, smtp_host="127.0.0.1", smtp_port=port), inbox


def _mails_to(inbox: Inbox, email: str) -> list[str]:
    return [str(m["Subject"]) for m in inbox.messages if m["To"] == email]


def _links_to(inbox: Inbox, email: str) -> list[str]:
    """Return the paths of the sign-up links mailed to ``email``, oldest first."""
    bodies = [m.get_payload(decode=True).decode() for m in inbox.messages if m["To"] == email]
    return [found.group(1) for body in bodies if (found := LINK.search(body))]


def _token(link: str) -> str:
    found = re.search(r"token=([\w-]+)", link)
    assert found
    return found.group(1)


def test_new_and_existing_emails_get_the_same_answer(mailed: tuple[Settings, Inbox]) -> None:
    settings, inbox = mailed
    new, taken = unique_email("new"), unique_email("taken")
    with running_client(settings) as api:
        first = api.post("/api/v1/auth/register", json={"email": taken, "password": PASSWORD})
        (link,) = _links_to(inbox, taken)
        owner = api.post("/api/v1/auth/confirm-email", json={"token": _token(link)})
        assert owner.status_code == 200
        assert owner.json()["user"]["email"] == taken
        api.cookies.clear()
        fresh = api.post("/api/v1/auth/register", json={"email": new, "password": PASSWORD})
        again = api.post(
            "/api/v1/auth/register", json={"email": taken.upper(), "password": OTHER_PASSWORD}
        )
        assert first.status_code == fresh.status_code == again.status_code == 202
        assert fresh.json() == again.json()
        assert fresh.headers.keys() - {"x-request-id"} == again.headers.keys() - {"x-request-id"}
        assert SESSION_COOKIE not in fresh.cookies
        # Neither can sign in with the password just chosen: the requester cannot tell them apart.
        assert Actor(api, email=new).sign_in().status_code == 401
        assert Actor(api, email=taken).sign_in(OTHER_PASSWORD).status_code == 401
        assert Actor(api, email=taken).sign_in().status_code == 200  # the owner's is unchanged
        (new_link,) = _links_to(inbox, new)
        confirmed = api.post("/api/v1/auth/confirm-email", json={"token": _token(new_link)})
        assert confirmed.status_code == 200
        assert SESSION_COOKIE in confirmed.cookies
        assert Actor(api, email=new).sign_in().status_code == 200
        spent = api.post("/api/v1/auth/confirm-email", json={"token": _token(new_link)})
        assert spent.status_code == 404  # a link works once
    assert _mails_to(inbox, new) == [CONFIRM]
    assert _mails_to(inbox, taken) == [CONFIRM, ALREADY]
    (notice,) = [m for m in inbox.messages if "already" in str(m["Subject"])]
    text = notice.get_payload(decode=True).decode()
    assert "/forgot-password" in text
    assert "confirm-email" not in text
    assert OTHER_PASSWORD not in text


def test_signup_page_answers_the_same_for_new_and_taken_emails(
    mailed: tuple[Settings, Inbox],
) -> None:
    settings, inbox = mailed
    email, new = unique_email("page"), unique_email("page")
    with running_client(settings) as api:
        assert form_post(api, "/signup", email=email, password=PASSWORD).status_code == 200
        created = confirm_by_form(api, _links_to(inbox, email)[0])
        assert created.status_code == 303
        assert SESSION_COOKIE in created.cookies
        api.cookies.clear()
        taken = form_post(api, "/signup", email=email, password=OTHER_PASSWORD)
        api.cookies.clear()
        fresh = form_post(api, "/signup", email=new, password=PASSWORD)
        assert taken.status_code == fresh.status_code == 200
        assert SESSION_COOKIE not in taken.cookies and SESSION_COOKIE not in fresh.cookies
        assert taken.text.replace(email, new) == fresh.text
        assert "Check your email" in fresh.text
    assert _mails_to(inbox, email) == [CONFIRM, ALREADY]
    assert _mails_to(inbox, new) == [CONFIRM]


def test_a_pending_save_rides_through_the_mailed_link(mailed: tuple[Settings, Inbox]) -> None:
    settings, inbox = mailed
    email = unique_email("saver")
    with running_client(settings) as api:
        career = api.get("/api/v1/careers/back-end-engineer").json()
        save = f"career:{career['id']}"
        form_post(api, "/signup", email=email, password=PASSWORD, save=save)
        api.cookies.clear()
        (link,) = _links_to(inbox, email)
        assert "save=career" in link
        confirmed = confirm_by_form(api, link)
        assert confirmed.status_code == 303
        assert confirmed.headers["location"].startswith("/lists/")
        opened = api.get(confirmed.headers["location"])
        assert opened.status_code == 200
        assert career["title"] in opened.text


def test_a_link_needs_the_button_and_expires(mailed: tuple[Settings, Inbox]) -> None:
    settings, inbox = mailed
    email = unique_email("late")
    with running_client(settings) as api:
        api.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD})
        (link,) = _links_to(inbox, email)
        shown = api.get(link)  # what a mail scanner does: it must not create the account
        assert shown.status_code == 200
        assert shown.headers["referrer-policy"] == "same-origin"
        assert Actor(api, email=email).sign_in().status_code == 401
        _expire_sign_ups(settings.database_url, email)
        refused = confirm_by_form(api, link)
        assert refused.status_code == 404
        assert "invalid or has expired" in refused.text
        assert SESSION_COOKIE not in refused.cookies


def _expire_sign_ups(database_url: str, email: str) -> None:
    from tests.conftest import run_async

    async def work(session: AsyncSession) -> None:
        await session.execute(
            update(SignUp)
            .where(SignUp.email == email)
            .values(expires_at=utcnow() - timedelta(minutes=1))
        )

    run_async(work, database_url)


async def test_concurrent_confirmations_make_one_account_per_email(
    mailed: tuple[Settings, Inbox],
) -> None:
    settings, inbox = mailed
    shared, others = unique_email("race"), [unique_email("race") for _ in range(5)]
    emails = [shared] * 5 + others
    app = create_app(settings)
    async with AsyncTestClient(app=app, base_url="https://testserver.local") as api:
        for email in emails:
            answer = await api.post(
                "/api/v1/auth/register", json={"email": email, "password": PASSWORD}
            )
            assert answer.status_code == 202
        tokens = [_token(link) for email in {*emails} for link in _links_to(inbox, email)]
        assert len(tokens) == len(emails)
        # Each confirmation as a different browser: no session cookie of another one rides along.
        api.cookies.jar.set_policy(DefaultCookiePolicy(allowed_domains=[]))
        answers = await asyncio.gather(
            *(api.post("/api/v1/auth/confirm-email", json={"token": t}) for t in tokens)
        )
    statuses = Counter(answer.status_code for answer in answers)
    # One account per email; the other links of that email answer 409 (or 503 when a SQLite
    # writer lost the lock: retry later), never 500.
    assert set(statuses) <= {200, 409, 503}, [a.text for a in answers if a.status_code >= 500]
    assert statuses[200] >= 1
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
    assert default_lists == len(rows)
