"""Account pages: sign up and confirm, sign in, sign out, account settings (sessions, tokens…).

Every form is a plain POST with the session's CSRF token, so the pages work without JavaScript.
Form errors are shown on the form again; everything else goes to the app's error page.
"""

from __future__ import annotations

from typing import Annotated, Any, Final

import msgspec
from litestar import Controller, Request, get, post
from litestar.di import Provide
from litestar.params import PathParameter, QueryParameter, URLEncodedBody
from litestar.response import Redirect, Template

from careerpath.accounts import lists, registration, service, tokens
from careerpath.accounts.auth import SESSION_COOKIE, client_ip
from careerpath.accounts.cookies import (
    expired_cookie,
    form_cookie,
    form_token,
    form_token_matches,
    session_cookie,
    sign_in_from,
)
from careerpath.accounts.dependencies import (
    ACCOUNT_DEPENDENCIES,
    PORT,
    Caller,
    Port,
    Store,
    Throttled,
    provide_principal,
)
from careerpath.accounts.mail import mail_after
from careerpath.accounts.models import ItemKind, TokenScope, User
from careerpath.accounts.presenters import session_read, token_read
from careerpath.accounts.schemas import NO_NUL, RegisterIn
from careerpath.dependencies import AppSettings, DbSession
from careerpath.errors import CareerpathError, NotFoundError
from careerpath.params import MAX_ROW_ID, RowId
from careerpath.security.access import Access
from careerpath.web.problems import local_path

SEE_OTHER: Final = 303


FormText = Annotated[str, msgspec.Meta(max_length=2000, pattern=NO_NUL)]
NextPage = Annotated[str, QueryParameter(max_length=2000)]
PendingSave = Annotated[str, QueryParameter(max_length=40)]


class CredentialsForm(msgspec.Struct):
    """The sign-in and sign-up form."""

    email: FormText = ""
    password: FormText = ""
    display_name: FormText = ""
    next: FormText = ""
    save: FormText = ""
    form_token: FormText = ""


class ConfirmForm(msgspec.Struct):
    """The sign-up confirmation form behind the mailed link."""

    token: FormText = ""
    next: FormText = ""
    save: FormText = ""
    form_token: FormText = ""


class PasswordForm(msgspec.Struct):
    """The password-change form."""

    current_password: FormText = ""
    new_password: FormText = ""


class TokenForm(msgspec.Struct):
    """The new-token form."""

    name: FormText = ""
    scope: TokenScope = TokenScope.READ


class SignInPages(Controller):
    """Sign up and sign in; open to everyone."""

    include_in_schema = False
    opt = {"access": Access.PUBLIC}  # noqa: RUF012
    dependencies = {**ACCOUNT_DEPENDENCIES, **PORT}  # noqa: RUF012

    @get("/signin")
    async def signin_form(
        self, request: Request[Any, Any, Any], next: NextPage = "", save: PendingSave = ""
    ) -> Template:
        """Show the sign-in form; ``next`` and ``save`` ride along to the POST."""
        return _credentials_form("signin.html", request, then=next, save=save)

    @post("/signin")
    async def signin(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        store: Store,
        throttle: Throttled,
        settings: AppSettings,
        port: Port,
        data: URLEncodedBody[CredentialsForm],
    ) -> Template | Redirect:
        """Sign in and go to My lists, or show the form again with the error."""
        if not form_token_matches(request, data.form_token):
            return _credentials_form(
                "signin.html", request, FORM_EXPIRED, data.email, 403, data.next, data.save
            )
        try:
            user = await service.authenticate(
                session, throttle, client_ip(request.scope), data.email, data.password
            )
        except CareerpathError as exc:
            return _credentials_form(
                "signin.html", request, exc.detail, data.email, exc.status, data.next, data.save
            )
        then = await _save_pending(session, port, user.id, data.save) or local_path(data.next)
        return await _signed_in(request, session, store, settings, user, then)

    @get("/signup")
    async def signup_form(
        self, request: Request[Any, Any, Any], next: NextPage = "", save: PendingSave = ""
    ) -> Template:
        """Show the sign-up form; ``next`` and ``save`` ride along to the POST."""
        return _credentials_form("signup.html", request, then=next, save=save)

    @post("/signup")
    async def signup(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        throttle: Throttled,
        settings: AppSettings,
        data: URLEncodedBody[CredentialsForm],
    ) -> Template:
        """Mail a confirmation link (or, for a taken email, a reminder); the page says the same."""
        if not form_token_matches(request, data.form_token):
            return _credentials_form(
                "signup.html", request, FORM_EXPIRED, data.email, 403, data.next, data.save
            )
        sign_up = RegisterIn(data.email[:320], data.password, data.display_name[:100])
        then = {"next": local_path(data.next) if data.next else "", "save": data.save[:40]}
        try:
            outcome = await registration.register(
                session, throttle, settings.public_url, client_ip(request.scope), sign_up, then
            )
        except CareerpathError as exc:
            return _credentials_form(
                "signup.html", request, exc.detail, data.email, exc.status, data.next, data.save
            )
        context = {"sent": registration.REGISTRATION_MAIL_SAYS, "email": data.email[:320]}
        return Template(
            "signup_sent.html", context=context, background=mail_after(settings, outcome.mail)
        )

    @get("/confirm-email")
    async def confirm_form(
        self,
        request: Request[Any, Any, Any],
        token: Annotated[str, QueryParameter(max_length=200)] = "",
        next: NextPage = "",
        save: PendingSave = "",
    ) -> Template:
        """Show the button that confirms a sign-up (a GET alone, as a mail scanner's, does not)."""
        return _confirm_form(request, token, then=next, save=save)

    @post("/confirm-email")
    async def confirm(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        store: Store,
        settings: AppSettings,
        port: Port,
        data: URLEncodedBody[ConfirmForm],
    ) -> Template | Redirect:
        """Create the account, sign in and go where the sign-up was headed (My lists)."""
        if not form_token_matches(request, data.form_token):
            return _confirm_form(request, data.token, FORM_EXPIRED, 403, data.next, data.save)
        try:
            user = await registration.confirm(session, data.token)
        except CareerpathError as exc:
            return _confirm_form(request, data.token, exc.detail, exc.status, data.next, data.save)
        saved = await _save_pending(session, port, user.id, data.save)
        return await _signed_in(
            request, session, store, settings, user, saved or local_path(data.next)
        )

    @post("/signout")
    async def signout(
        self, request: Request[Any, Any, Any], session: DbSession, store: Store
    ) -> Redirect:
        """End this session and go home."""
        await service.end_session(session, store, request.cookies.get(SESSION_COOKIE))
        return Redirect("/", status_code=SEE_OTHER, cookies=[expired_cookie()])


FORM_EXPIRED = "This form has expired. Please send it again."


def _confirm_form(
    request: Request[Any, Any, Any],
    token: str,
    error: str | None = None,
    status: int = 200,
    then: str = "",
    save: str = "",
) -> Template:
    """Render the sign-up confirmation form; the token in its URL never leaves the site.

    ``same-origin``, not ``no-referrer``: under ``no-referrer`` a browser posts the form with
    ``Origin: null``, which the cross-site check refuses.
    """
    form = form_token(request)
    context = {
        "error": error,
        "token": token[:200],
        "form_token": form,
        "next": then[:2000],
        "save": save[:40],
    }
    return Template(
        "confirm_email.html",
        context=context,
        status_code=status,
        cookies=[form_cookie(form)],
        headers={"Referrer-Policy": "same-origin"},
    )


def _credentials_form(
    template: str,
    request: Request[Any, Any, Any],
    error: str | None = None,
    email: str = "",
    status: int = 200,
    then: str = "",
    save: str = "",
) -> Template:
    """Render the sign-in or sign-up form with its form token (and the error, if any).

    ``then`` (the page to return to) and ``save`` (an anonymous Save, ``kind:id``) ride along.
    """
    token = form_token(request)
    context = {
        "error": error,
        "email": email[:320],
        "form_token": token,
        "next": then[:2000],
        "save": save[:40],
    }
    return Template(template, context=context, status_code=status, cookies=[form_cookie(token)])


class AccountPages(Controller):
    """Account settings: sessions with revoke, API tokens, password, deletion."""

    path = "/account"
    include_in_schema = False
    opt = {"access": Access.USER}  # noqa: RUF012
    dependencies = {  # noqa: RUF012
        **ACCOUNT_DEPENDENCIES,
        "principal": Provide(provide_principal, sync_to_thread=False),
    }

    @get("/")
    async def settings_page(self, session: DbSession, store: Store, principal: Caller) -> Template:
        """Show the account, its sessions and its tokens."""
        return await _settings(session, store, principal, None, None)

    @post("/sessions/{session_id:str}/revoke")
    async def revoke_session(
        self,
        session: DbSession,
        store: Store,
        principal: Caller,
        session_id: Annotated[str, PathParameter(max_length=64)],
    ) -> Redirect:
        """End one session."""
        for found in await store.list_for_user(session, principal.user_id):
            if found.public_id == session_id:
                await store.delete(session, found.key)
                return Redirect("/account", status_code=SEE_OTHER)
        raise NotFoundError("No such session.")

    @post("/logout-all")
    async def logout_all(self, session: DbSession, store: Store, principal: Caller) -> Redirect:
        """End every session, this one included."""
        await service.revoke_all(session, store, principal.user_id)
        return Redirect("/signin", status_code=SEE_OTHER, cookies=[expired_cookie()])

    @post("/tokens")
    async def create_token(
        self, session: DbSession, store: Store, principal: Caller, data: URLEncodedBody[TokenForm]
    ) -> Template:
        """Create a token and show its secret this once."""
        name = data.name.strip()[:100] or "token"
        secret, _ = await tokens.create_token(session, principal.user_id, name, data.scope, 90)
        return await _settings(session, store, principal, secret, None)

    @post("/tokens/{token_id:int}/revoke")
    async def revoke_token(
        self,
        session: DbSession,
        principal: Caller,
        token_id: RowId,
    ) -> Redirect:
        """Revoke a token."""
        await tokens.revoke_token(session, principal.user_id, token_id)
        return Redirect("/account", status_code=SEE_OTHER)

    @post("/password")
    async def change_password(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        store: Store,
        settings: AppSettings,
        principal: Caller,
        data: URLEncodedBody[PasswordForm],
    ) -> Template | Redirect:
        """Change the password; other sessions end, this browser gets a fresh one."""
        try:
            user = await service.change_password(
                session, store, principal.user_id, data.current_password, data.new_password
            )
        except CareerpathError as exc:
            return await _settings(session, store, principal, None, exc.detail)
        return await _signed_in(request, session, store, settings, user, "/account")

    @post("/delete")
    async def delete(
        self, session: DbSession, store: Store, principal: Caller, data: URLEncodedBody[DeleteForm]
    ) -> Template | Redirect:
        """Delete the account and everything it owns, then go home signed out."""
        try:
            await service.delete_account(session, store, principal.user_id, data.password)
        except CareerpathError as exc:
            return await _settings(session, store, principal, None, exc.detail)
        return Redirect("/", status_code=SEE_OTHER, cookies=[expired_cookie()])


class DeleteForm(msgspec.Struct):
    """The account-deletion form: the password confirms it."""

    password: FormText = ""


async def _save_pending(db: DbSession, port: Port, user_id: int, save: str) -> str | None:
    """Save what an anonymous reader pressed Save on (``kind:id``); return its list's page."""
    kind, _, ref = save.partition(":")
    if kind not in {k.value for k in ItemKind} or not ref.isdigit():
        return None
    if not 0 < int(ref) <= MAX_ROW_ID:
        return None
    target = (await lists.ensure_default(db, user_id)).id
    try:
        await lists.add_item(db, port, user_id, target, ItemKind(kind), int(ref))
    except CareerpathError:  # gone since the reader pressed Save: signing in still succeeds
        return None
    return f"/lists/{target}"


async def _signed_in(
    request: Request[Any, Any, Any],
    db: DbSession,
    store: Store,
    settings: AppSettings,
    user: User,
    then: str,
) -> Redirect:
    signed = await sign_in_from(request, db, store, settings, user)
    return Redirect(then, status_code=SEE_OTHER, cookies=[session_cookie(signed.secret)])


async def _settings(
    db: DbSession, store: Store, principal: Caller, new_token: str | None, error: str | None
) -> Template:
    user = await service.get_user(db, principal.user_id)
    sessions = [
        session_read(s, principal.session_key) for s in await store.list_for_user(db, user.id)
    ]
    token_rows = [token_read(t) for t in await tokens.list_tokens(db, user.id)]
    context = {
        "user": user,
        "sessions": sessions,
        "tokens": token_rows,
        "new_token": new_token,
        "error": error,
        "csrf": principal.csrf_token,
    }
    return Template("account.html", context=context, status_code=422 if error else 200)
