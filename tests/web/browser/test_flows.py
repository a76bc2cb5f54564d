"""The flows a new reader goes through, in Chromium, each checked at the point it used to break."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta

import pytest

from tests.support import require_shared_data
from tests.web.browser.checks import (
    PASSWORD,
    assert_fits,
    assert_readable,
    save_from_head,
    sign_up,
)
from tests.web.browser.conftest import Site, Tab

pytestmark = pytest.mark.browser

CAREER = "/careers/back-end-engineer"


def test_wrong_password_shows_the_form_again(desktop: Tab) -> None:
    desktop.go("/signin")
    desktop.page.fill("#email", "nobody@example.com")
    desktop.page.fill("#password", "wrong password here")
    with desktop.page.expect_response("**/signin") as answer:
        desktop.page.get_by_role("button", name="Sign in").click()
    assert answer.value.status == 401
    assert_readable(desktop, answer.value)
    assert desktop.page.get_by_role("alert").is_visible()
    assert desktop.page.locator("#password").is_visible()


def test_sign_up_with_a_known_email_says_check_your_email(desktop: Tab) -> None:
    sign_up(desktop, "known@example.com")
    desktop.page.get_by_role("button", name="Sign out").first.click()
    desktop.go("/signup")
    desktop.page.fill("#email", "known@example.com")
    desktop.page.fill("#password", PASSWORD)
    with desktop.page.expect_response("**/signup") as answer:
        desktop.page.get_by_role("button", name="Sign up").click()
    assert answer.value.status == 200  # the same page as for a new address; the owner is mailed
    assert_readable(desktop, answer.value)
    assert "link that creates your account" in desktop.page.get_by_role("status").inner_text()
    desktop.page.get_by_role("link", name="Sign in").first.click()
    desktop.page.wait_for_load_state()
    desktop.page.fill("#email", "known@example.com")
    desktop.page.fill("#password", PASSWORD)
    desktop.page.get_by_role("button", name="Sign in").click()
    desktop.page.wait_for_load_state()
    assert desktop.page.get_by_role("button", name="Sign out").first.is_visible()


def test_wrong_current_password_shows_the_account_page(desktop: Tab) -> None:
    sign_up(desktop, "changer@example.com")
    desktop.go("/account")
    desktop.page.fill("input[name=current_password]", "not my password")
    desktop.page.fill("input[name=new_password]", "a brand new password")
    with desktop.page.expect_response("**/account/password") as answer:
        desktop.page.locator("form[action='/account/password'] button").click()
    assert_readable(desktop, answer.value)
    assert desktop.page.get_by_role("alert").is_visible()


def test_anonymous_save_is_kept_through_sign_up_then_shared(desktop: Tab, browser: object) -> None:
    desktop.go(CAREER)
    title = desktop.page.locator("h1").inner_text()
    desktop.page.locator(".career__head").get_by_role("link", name="Save").click()
    desktop.page.wait_for_url("**/signin?*")
    desktop.page.get_by_role("link", name="Create an account").click()
    sign_up(desktop, "saver@example.com")
    assert "/lists/" in desktop.page.url
    assert desktop.page.get_by_role("link", name=title).first.is_visible()

    desktop.page.get_by_role("button", name="Create share link").click()
    desktop.page.wait_for_load_state()
    link = desktop.page.locator("main a[href*='/s/']").first.get_attribute("href")
    assert link
    assert link.startswith(desktop.site.url + "/s/"), link  # the host actually served

    stranger = browser.new_context()  # type: ignore[attr-defined]
    page = stranger.new_page()
    response = page.goto(link)
    assert response.status == 200
    assert page.get_by_text(title).first.is_visible()
    stranger.close()


def age_sessions(site: Site, minutes: int) -> None:
    """Move every session's last activity ``minutes`` into the past, as idle time would."""
    with closing(sqlite3.connect(site.database)) as db, db:
        for key, seen in db.execute("SELECT key, last_seen_at FROM user_session").fetchall():
            earlier = datetime.fromisoformat(seen) - timedelta(minutes=minutes)
            db.execute(
                "UPDATE user_session SET last_seen_at = ? WHERE key = ?",
                (earlier.isoformat(sep=" "), key),
            )


def test_session_expiry_sends_the_reader_to_sign_in_and_back(desktop: Tab) -> None:
    sign_up(desktop, "idler@example.com")
    desktop.go("/lists")
    age_sessions(desktop.site, minutes=31)

    response = desktop.go("/lists")
    assert "/signin?next=%2Flists" in desktop.page.url
    assert_readable(desktop, response)
    desktop.page.fill("#email", "idler@example.com")
    desktop.page.fill("#password", PASSWORD)
    desktop.page.get_by_role("button", name="Sign in").click()
    desktop.page.wait_for_url("**/lists")
    assert desktop.page.locator("h1").inner_text() == "My lists"


def test_save_after_expiry_goes_to_sign_in(desktop: Tab) -> None:
    sign_up(desktop, "late-saver@example.com")
    desktop.go(CAREER)
    age_sessions(desktop.site, minutes=31)
    save_from_head(desktop)
    desktop.page.wait_for_load_state()
    assert "/signin?next=" in desktop.page.url
    assert desktop.page.locator("#email").is_visible()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?free=true&max_hours=80&max_price=&known=",
        "?max_hours=&max_price=&known=",
        "?free=true&max_hours=40&max_price=50&known=Python%2C+SQL",
    ],
    ids=["bare", "price-empty", "all-empty", "full"],
)
def test_learning_path_form(desktop: Tab, query: str) -> None:
    response = desktop.go(f"{CAREER}/path{query}")
    assert response.status == 200
    assert_readable(desktop, response)
    desktop.page.get_by_role("button", name="Update").click()  # submit as it stands
    desktop.page.wait_for_load_state()
    assert desktop.page.locator("h1").inner_text().startswith("Learning path")


@pytest.mark.parametrize(
    ("skills", "text"),
    [("", ""), ("Python, SQL, Docker", ""), ("", "Five years of Django and PostgreSQL.")],
    ids=["empty", "skills", "text"],
)
def test_skill_gap_form(desktop: Tab, skills: str, text: str) -> None:
    desktop.go(f"{CAREER}/gap")
    desktop.page.fill("textarea[name=skills], input[name=skills]", skills)
    desktop.page.fill("textarea[name=text]", text)
    with desktop.page.expect_response(f"**{CAREER}/gap") as answer:
        desktop.page.locator("main form button[type=submit]").click()
    assert answer.value.status == 200
    assert_readable(desktop, answer.value)


def test_skill_links_open_skill_pages(desktop: Tab) -> None:
    if not desktop.site.has_onet:
        require_shared_data("onet")
    desktop.go(CAREER)
    api_links = desktop.page.locator("main a[href^='/api/']").count()
    assert api_links == 0
    desktop.page.locator("main a[href^='/skills/']").first.click()
    desktop.page.wait_for_load_state()
    assert "/skills/" in desktop.page.url
    assert desktop.page.locator("h1").is_visible()


def test_phone_menu_reaches_sign_in_and_my_lists(phone: Tab) -> None:
    phone.go(CAREER)
    assert phone.page.locator(".topnav").is_hidden()
    phone.page.get_by_text("Menu").click()
    phone.page.locator(".menu").get_by_role("link", name="Sign in").click()
    phone.page.wait_for_url("**/signin")
    sign_up(phone, "phone@example.com")
    phone.go(CAREER)
    phone.page.get_by_text("Menu").click()
    menu = phone.page.locator(".menu")
    assert menu.get_by_role("link", name="My lists").is_visible()
    assert menu.get_by_role("button", name="Sign out").is_visible()
    assert_fits(phone)


def test_api_docs_render_with_nothing_from_elsewhere(desktop: Tab) -> None:
    desktop.go("/api/docs")
    desktop.page.get_by_text("careerpath API").first.wait_for()
    desktop.page.get_by_text("List careers").first.wait_for()
    assert desktop.offsite == []
    assert desktop.errors == []


def test_head_answers_on_pages(desktop: Tab) -> None:
    for path in ["/", CAREER, "/search?q=python", "/topics", "/signin"]:
        response = desktop.page.request.head(desktop.site.url + path)
        assert response.status == 200, path


def test_career_page_course_links_count_the_click_and_can_be_saved(desktop: Tab) -> None:
    desktop.go(CAREER)
    section = desktop.page.locator("#path")
    assert section.get_by_text("affiliate").is_visible()
    first = section.locator("ol.ranked > li").first
    assert (first.locator("a").first.get_attribute("href") or "").startswith("/go/")
    assert first.get_by_role("link", name="Save").is_visible()


def test_account_can_be_deleted_from_the_account_page(desktop: Tab) -> None:
    sign_up(desktop, "leaver@example.com")
    desktop.go("/account")
    desktop.page.fill("#delete-password", PASSWORD)
    desktop.page.get_by_role("button", name="Delete my account").click()
    desktop.page.wait_for_url(desktop.site.url + "/")
    desktop.go("/signin")
    desktop.page.fill("#email", "leaver@example.com")
    desktop.page.fill("#password", PASSWORD)
    with desktop.page.expect_response("**/signin") as answer:
        desktop.page.get_by_role("button", name="Sign in").click()
    assert answer.value.status == 401


def test_careers_directory_leads_with_the_guides(desktop: Tab) -> None:
    desktop.go("/")
    desktop.page.get_by_role("link", name="Back End Engineer").first.wait_for()
    desktop.page.get_by_role("link", name="All").filter(has_text="careers by job family").click()
    desktop.page.wait_for_url("**/careers")
    guides = desktop.page.locator("section[aria-labelledby=curated-heading] h3").all_inner_texts()
    assert "Back End Engineer" in guides
    families = desktop.page.locator("details.family summary").all_inner_texts()
    assert families, "no job family listed"
    assert all("career" in text for text in families)
