"""Sign up, sign in, sessions, password change and reset, deletion, tokens."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import TestClient

from careerpath.accounts.auth import SESSION_COOKIE
from tests.accounts.actors import PASSWORD, Actor, confirm_email, new_user, unique_email

Client = TestClient[Litestar]


def test_register_ignores_role_and_id(api: Client) -> None:
    email = unique_email("mass")
    response = api.post(
        "/api/v1/auth/register",
        json={"email": email, "password": PASSWORD, "role": "admin", "id": 1, "is_active": True},
    )
    assert response.status_code == 202
    actor = Actor(api, email=email)
    confirm_email(actor)
    assert actor.sign_in().status_code == 200
    body = actor.request("GET", "/api/v1/me").json()
    assert body["role"] == "user"
    assert body["id"] != 1 or body["email"] == email


def test_login_sets_a_host_cookie_and_a_new_id_each_time(api: Client) -> None:
    actor = new_user(api)
    response = actor.request(
        "POST", "/api/v1/auth/login", json={"email": actor.email, "password": PASSWORD}
    )
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    for attribute in ("Path=/", "Secure", "HttpOnly", "SameSite=Lax"):
        assert attribute.lower() in cookie.lower()
    assert "domain=" not in cookie.lower()
    assert response.cookies[SESSION_COOKIE] != actor.secret
    # Signing in again dropped the session the browser came with.
    assert actor.request("GET", "/api/v1/me").status_code == 401


def test_login_does_not_reveal_whether_an_email_exists(api: Client) -> None:
    actor = new_user(api)
    known = api.post(
        "/api/v1/auth/login", json={"email": actor.email, "password": "wrong password!"}
    )
    unknown = api.post(
        "/api/v1/auth/login", json={"email": unique_email("nobody"), "password": "wrong password!"}
    )
    assert known.status_code == unknown.status_code == 401
    assert known.json()["detail"] == unknown.json()["detail"]


def test_unsafe_cookie_request_needs_the_csrf_token(api: Client) -> None:
    actor = new_user(api)
    without = Actor(api, secret=actor.secret)
    refused = without.request("POST", "/api/v1/me/tokens", json={"name": "x"})
    assert refused.status_code == 403
    assert actor.request("POST", "/api/v1/me/tokens", json={"name": "x"}).status_code == 201
    wrong = Actor(api, secret=actor.secret, csrf="0" * 64)
    assert wrong.request("POST", "/api/v1/me/tokens", json={"name": "y"}).status_code == 403


def test_cross_site_origin_is_refused(api: Client) -> None:
    actor = new_user(api)
    response = actor.request(
        "POST", "/api/v1/me/tokens", json={"name": "x"}, headers={"origin": "https://evil.example"}
    )
    assert response.status_code == 403


def test_session_refused_after_logout(api: Client) -> None:
    actor = new_user(api)
    assert actor.request("POST", "/api/v1/auth/logout").status_code == 204
    assert actor.request("GET", "/api/v1/me").status_code == 401


def test_every_session_refused_after_logout_all(api: Client) -> None:
    first = new_user(api)
    second = Actor(api, email=first.email)
    second.sign_in()
    assert len(first.request("GET", "/api/v1/me/sessions").json()) == 2
    assert first.request("POST", "/api/v1/me/logout-all").status_code == 204
    assert first.request("GET", "/api/v1/me").status_code == 401
    assert second.request("GET", "/api/v1/me").status_code == 401


def test_password_change_ends_other_sessions(api: Client) -> None:
    actor = new_user(api)
    other = Actor(api, email=actor.email)
    other.sign_in()
    old_secret = actor.secret
    changed = actor.request(
        "POST",
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "a brand new passphrase"},
    )
    assert changed.status_code == 200
    assert other.request("GET", "/api/v1/me").status_code == 401
    assert Actor(api, secret=old_secret).request("GET", "/api/v1/me").status_code == 401
    actor.secret = changed.cookies[SESSION_COOKIE]
    assert actor.request("GET", "/api/v1/me").status_code == 200


def test_one_session_can_be_revoked_from_the_list(api: Client) -> None:
    actor = new_user(api)
    other = Actor(api, email=actor.email)
    other.sign_in()
    sessions = actor.request("GET", "/api/v1/me/sessions").json()
    victim = next(s for s in sessions if not s["current"])
    assert "key" not in victim
    response = actor.request("DELETE", f"/api/v1/me/sessions/{victim['id']}")
    assert response.status_code == 204
    assert other.request("GET", "/api/v1/me").status_code == 401
    assert actor.request("GET", "/api/v1/me").status_code == 200


def test_api_token_is_shown_once_scoped_and_revocable(api: Client) -> None:
    actor = new_user(api)
    created = actor.request("POST", "/api/v1/me/tokens", json={"name": "cli", "scope": "read"})
    secret = created.json()["token"]
    listed = actor.request("GET", "/api/v1/me/tokens").json()
    assert secret not in str(listed)
    reader = Actor(api, token=secret)
    assert reader.request("GET", "/api/v1/me").json()["email"] == actor.email
    assert reader.request("POST", "/api/v1/me/tokens", json={"name": "x"}).status_code == 403
    token_id = created.json()["details"]["id"]
    assert actor.request("DELETE", f"/api/v1/me/tokens/{token_id}").status_code == 204
    assert reader.request("GET", "/api/v1/me").status_code == 401


def test_bearer_request_needs_no_csrf_token(api: Client) -> None:
    actor = new_user(api)
    secret = actor.request(
        "POST", "/api/v1/me/tokens", json={"name": "w", "scope": "write"}
    ).json()["token"]
    writer = Actor(api, token=secret)
    assert writer.request("POST", "/api/v1/me/tokens", json={"name": "z"}).status_code == 201


def test_delete_account_removes_it(api: Client) -> None:
    actor = new_user(api)
    assert (
        actor.request("DELETE", "/api/v1/me", json={"password": "wrong one here"}).status_code
        == 403
    )
    assert actor.request("DELETE", "/api/v1/me", json={"password": PASSWORD}).status_code == 204
    assert actor.sign_in().status_code == 401
    again = api.post("/api/v1/auth/register", json={"email": actor.email, "password": PASSWORD})
    assert again.status_code == 202
    confirm_email(actor)
    assert actor.sign_in().status_code == 200  # the address was free again: a new account


def test_oversized_body_is_a_413_problem(api: Client) -> None:
    response = api.post(
        "/api/v1/auth/login",
        content=b"{" + b" " * (1024 * 1024 + 1) + b"}",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "content-security-policy" in response.headers
