"""The account and list pages work as plain HTML forms, without JavaScript."""

from __future__ import annotations

import re

import httpx
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from careerpath.accounts.auth import SESSION_COOKIE
from tests.accounts.actors import PASSWORD, Actor, unique_email
from tests.support import confirmation_path

Client = TestClient[Litestar]


def csrf_in(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


def form_post(api: Client, path: str, **fields: str) -> httpx.Response:
    """Open the sign-in or sign-up form, then post it with its form token."""
    token = re.search(r'name="form_token" value="([0-9a-f]{64})"', api.get(path).text)
    assert token, "no form token in the page"
    return api.post(path, data={**fields, "form_token": token.group(1)}, follow_redirects=False)


def confirm_by_form(api: Client, link: str) -> httpx.Response:
    """Open a mailed sign-up link and press its button (hidden fields ride along)."""
    page = api.get(link).text
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    assert "token" in fields and "form_token" in fields, "no confirmation form in the page"
    return api.post("/confirm-email", data=fields, follow_redirects=False)


def sign_up_by_form(api: Client, **fields: str) -> Actor:
    """Sign up by the form, follow the mailed link and return the signed-in actor."""
    email = unique_email("page")
    response = form_post(api, "/signup", email=email, password=PASSWORD, **fields)
    assert response.status_code == 200
    main = response.text.split("<main", 1)[1]
    assert main.count("Check your email") == 1, "the heading says it; the notice must not again"
    assert SESSION_COOKIE not in response.cookies
    confirmed = confirm_by_form(api, confirmation_path(api.app.state.settings.var_dir, email))
    assert confirmed.status_code == 303, confirmed.text
    actor = Actor(api, email=email, secret=confirmed.cookies[SESSION_COOKIE])
    api.cookies.clear()
    return actor


def test_sign_up_save_share_and_open_signed_out(api: Client) -> None:
    actor = sign_up_by_form(api)
    career = actor.request("GET", "/careers/back-end-engineer")
    assert career.status_code == 200
    assert 'action="/lists/save"' in career.text
    ref_id = re.search(r'name="ref_id" value="(\d+)"', career.text)
    assert ref_id
    form = {"kind": "career", "ref_id": ref_id.group(1)}
    refused = actor.request("POST", "/lists/save", data=form, follow_redirects=False)
    assert refused.status_code == 403
    saved = actor.request(
        "POST",
        "/lists/save",
        data={**form, "csrf_token": csrf_in(career.text)},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    page = actor.request("GET", saved.headers["location"])
    assert "Back End Engineer" in page.text
    shared = actor.request(
        "POST",
        f"{saved.headers['location']}/share",
        data={"csrf_token": csrf_in(page.text)},
        follow_redirects=False,
    )
    assert shared.status_code == 303
    link = re.search(
        r'href="https?://[^/"]+(/s/[A-Za-z0-9_-]{43})"',
        actor.request("GET", saved.headers["location"]).text,
    )
    assert link
    public = api.get(link.group(1))
    assert public.status_code == 200
    assert "Back End Engineer" in public.text
    assert public.headers["referrer-policy"] == "no-referrer"


def test_sign_in_form_shows_errors_and_pages_need_a_session(api: Client) -> None:
    wrong = form_post(api, "/signin", email=unique_email(), password="not the password")
    assert wrong.status_code == 401
    assert "email or password is wrong" in wrong.text
    assert api.get("/lists").status_code == 401
    assert api.get("/account").status_code == 401


def test_account_page_lists_sessions_and_creates_tokens(api: Client) -> None:
    actor = sign_up_by_form(api)
    page = actor.request("GET", "/account")
    assert page.status_code == 200
    assert "this browser" in page.text
    created = actor.request(
        "POST",
        "/account/tokens",
        data={"name": "laptop", "scope": "read", "csrf_token": csrf_in(page.text)},
    )
    token = re.search(r"<code>(cp_[A-Za-z0-9_-]+)</code>", created.text)
    assert token
    assert Actor(api, token=token.group(1)).request("GET", "/api/v1/me").status_code == 200
    assert token.group(1) not in actor.request("GET", "/account").text


def test_cross_site_form_post_is_refused(api: Client) -> None:
    response = api.post(
        "/signin",
        data={"email": unique_email(), "password": PASSWORD},
        headers={"origin": "https://evil.example"},
    )
    assert response.status_code == 403


def test_nul_characters_are_refused_not_crashing(api: Client) -> None:
    form = form_post(api, "/signup", email="a\x00b@example.org", password=PASSWORD)
    assert form.status_code == 422
    body = api.post(
        "/api/v1/auth/register", json={"email": "a\x00b@example.org", "password": PASSWORD}
    )
    assert body.status_code == 422
    assert api.get("/api/v1/careers", params={"q": "back\x00end"}).status_code == 422


def test_forgotten_password_pages(api: Client) -> None:
    actor = sign_up_by_form(api)
    known = api.post("/forgot-password", data={"email": actor.email})
    unknown = api.post("/forgot-password", data={"email": unique_email()})
    assert known.status_code == unknown.status_code == 200
    assert "reset link is on its way" in known.text and "reset link is on its way" in unknown.text
    form = api.get("/reset-password", params={"token": "x" * 43})
    assert form.status_code == 200
    assert form.headers["referrer-policy"] == "same-origin"
    refused = api.post(
        "/reset-password", data={"token": "x" * 43, "new_password": "a long new password"}
    )
    assert refused.status_code == 404
    assert "invalid or has expired" in refused.text


@pytest.mark.parametrize("email", ["not-an-email", "", "   ", "a@b", "two@@example.org"])
def test_signup_form_checks_the_email_format(api: Client, email: str) -> None:
    api.cookies.clear()
    form = form_post(api, "/signup", email=email, password=PASSWORD)
    assert form.status_code == 422
    assert "not an email address" in form.text


@pytest.mark.parametrize("path", ["/signin", "/signup"])
def test_sign_in_and_up_forms_need_their_form_token(api: Client, path: str) -> None:
    api.cookies.clear()
    fields = {"email": unique_email("csrf"), "password": PASSWORD}
    forged = api.post(path, data=fields, follow_redirects=False)  # no Origin: a login CSRF
    assert forged.status_code == 403
    assert SESSION_COOKIE not in forged.cookies
    api.get(path)  # the browser's own cookie, but someone else's token
    wrong = api.post(path, data={**fields, "form_token": "0" * 64}, follow_redirects=False)
    assert wrong.status_code == 403
    if path == "/signup":
        assert form_post(api, path, **fields).status_code == 200
