"""REST API of accounts: /api/v1/auth (sign up, in, out, reset) and /api/v1/me."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, post
from litestar.di import Provide
from litestar.params import JSONBody, PathParameter
from litestar.status_codes import HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from careerpath.accounts import registration, service, tokens
from careerpath.accounts.auth import SESSION_COOKIE, client_ip
from careerpath.accounts.cookies import expired_cookie, session_cookie, sign_in_from
from careerpath.accounts.dependencies import (
    ACCOUNT_DEPENDENCIES,
    Caller,
    Store,
    Throttled,
    provide_principal,
)
from careerpath.accounts.mail import mail_after
from careerpath.accounts.models import User
from careerpath.accounts.presenters import session_read, token_read, user_read
from careerpath.accounts.schemas import (
    DeleteAccountIn,
    EmailConfirmIn,
    LoginIn,
    LoginResult,
    PasswordChangeIn,
    RegisterIn,
    RegistrationAccepted,
    ResetConfirmIn,
    ResetRequestIn,
    SessionRead,
    TokenCreated,
    TokenIn,
    TokenRead,
    UserRead,
)
from careerpath.dependencies import AppSettings, DbSession
from careerpath.errors import NotFoundError
from careerpath.params import RowId
from careerpath.security.access import Access


async def _signed_in(
    db: DbSession, store: Store, settings: AppSettings, user: User, request: Request[Any, Any, Any]
) -> Response[LoginResult]:
    signed = await sign_in_from(request, db, store, settings, user)
    body = LoginResult(user_read(user), signed.csrf_token)
    return Response(body, cookies=[session_cookie(signed.secret)])


class AuthController(Controller):
    """Sign up, sign in, sign out, password reset."""

    path = "/api/v1/auth"
    tags = ["accounts"]  # noqa: RUF012
    opt = {"access": Access.PUBLIC}  # noqa: RUF012
    dependencies = ACCOUNT_DEPENDENCIES

    @post("/register", summary="Create an account", status_code=HTTP_202_ACCEPTED)
    async def register(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        throttle: Throttled,
        settings: AppSettings,
        data: JSONBody[RegisterIn],
    ) -> Response[RegistrationAccepted]:
        """Mail a link that creates a user with the ``user`` role; other fields are ignored.

        The answer is the same whether or not the email has an account (it does not reveal
        which): a new address gets a confirmation link (``confirm-email`` takes its token), a
        taken one a reminder to sign in; nobody can sign in before the link is followed.
        """
        outcome = await registration.register(
            session, throttle, settings.public_url, client_ip(request.scope), data
        )
        return Response(
            RegistrationAccepted(registration.REGISTRATION_ACCEPTED),
            status_code=HTTP_202_ACCEPTED,
            background=mail_after(settings, outcome.mail),
        )

    @post("/confirm-email", summary="Confirm a sign-up", status_code=200)
    async def confirm_email(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        store: Store,
        settings: AppSettings,
        data: JSONBody[EmailConfirmIn],
    ) -> Response[LoginResult]:
        """Spend a sign-up link's token: the account is created and signed in."""
        user = await registration.confirm(session, data.token)
        return await _signed_in(session, store, settings, user, request)

    @post("/login", summary="Sign in", status_code=200)
    async def login(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        store: Store,
        throttle: Throttled,
        settings: AppSettings,
        data: JSONBody[LoginIn],
    ) -> Response[LoginResult]:
        """Check the credentials and set a new session cookie."""
        ip = client_ip(request.scope)
        user = await service.authenticate(session, throttle, ip, data.email, data.password)
        return await _signed_in(session, store, settings, user, request)

    @post(
        "/logout",
        summary="Sign out",
        status_code=HTTP_204_NO_CONTENT,
        response_cookies=[expired_cookie()],
    )
    async def logout(
        self, request: Request[Any, Any, Any], session: DbSession, store: Store
    ) -> None:
        """End this session."""
        await service.end_session(session, store, request.cookies.get(SESSION_COOKIE))

    @post("/password-reset", summary="Ask for a reset link", status_code=HTTP_202_ACCEPTED)
    async def request_reset(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        throttle: Throttled,
        settings: AppSettings,
        data: JSONBody[ResetRequestIn],
    ) -> Response[dict[str, str]]:
        """Mail a one-time link if the email is known; the answer is the same either way."""
        ip = client_ip(request.scope)
        mail = await service.request_reset(session, throttle, settings.public_url, ip, data.email)
        return Response(
            {"detail": service.RESET_ACCEPTED},
            status_code=HTTP_202_ACCEPTED,
            background=mail_after(settings, mail),
        )

    @post("/password-reset/confirm", summary="Set a new password", status_code=HTTP_204_NO_CONTENT)
    async def confirm_reset(
        self, session: DbSession, store: Store, data: JSONBody[ResetConfirmIn]
    ) -> None:
        """Spend a reset token on a new password; every session of the account ends."""
        await service.confirm_reset(session, store, data.token, data.new_password)


class MeController(Controller):
    """The signed-in user's account, sessions and tokens."""

    path = "/api/v1/me"
    tags = ["accounts"]  # noqa: RUF012
    opt = {"access": Access.USER}  # noqa: RUF012
    dependencies = {  # noqa: RUF012
        **ACCOUNT_DEPENDENCIES,
        "principal": Provide(provide_principal, sync_to_thread=False),
    }

    @get("/", summary="Who am I")
    async def me(self, session: DbSession, principal: Caller) -> UserRead:
        """Return the caller's account."""
        return user_read(await service.get_user(session, principal.user_id))

    @delete(
        "/",
        summary="Delete my account and its data",
        status_code=HTTP_204_NO_CONTENT,
        response_cookies=[expired_cookie()],
    )
    async def delete_me(
        self, session: DbSession, store: Store, principal: Caller, data: JSONBody[DeleteAccountIn]
    ) -> None:
        """Delete the account with its lists, tokens and sessions."""
        await service.delete_account(session, store, principal.user_id, data.password)

    @post("/password", summary="Change my password", status_code=200)
    async def change_password(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        store: Store,
        settings: AppSettings,
        principal: Caller,
        data: JSONBody[PasswordChangeIn],
    ) -> Response[LoginResult]:
        """Change the password; every session ends and this caller gets a fresh one."""
        user = await service.change_password(
            session, store, principal.user_id, data.current_password, data.new_password
        )
        return await _signed_in(session, store, settings, user, request)

    @post(
        "/logout-all",
        summary="Sign out everywhere",
        status_code=HTTP_204_NO_CONTENT,
        response_cookies=[expired_cookie()],
    )
    async def logout_all(self, session: DbSession, store: Store, principal: Caller) -> None:
        """End every session of the caller."""
        await service.revoke_all(session, store, principal.user_id)

    @get("/sessions", summary="My sessions")
    async def sessions(
        self, session: DbSession, store: Store, principal: Caller
    ) -> list[SessionRead]:
        """List the caller's signed-in browsers."""
        found = await store.list_for_user(session, principal.user_id)
        return [session_read(s, principal.session_key) for s in found]

    @delete(
        "/sessions/{session_id:str}", summary="End one session", status_code=HTTP_204_NO_CONTENT
    )
    async def end_session(
        self,
        session: DbSession,
        store: Store,
        principal: Caller,
        session_id: Annotated[str, PathParameter(max_length=64)],
    ) -> None:
        """End one of the caller's sessions."""
        for found in await store.list_for_user(session, principal.user_id):
            if found.public_id == session_id:
                await store.delete(session, found.key)
                return
        raise NotFoundError("No such session.")

    @get("/tokens", summary="My API tokens")
    async def list_tokens(self, session: DbSession, principal: Caller) -> list[TokenRead]:
        """List the caller's tokens (never their secrets)."""
        return [token_read(t) for t in await tokens.list_tokens(session, principal.user_id)]

    @post("/tokens", summary="Create an API token")
    async def create_token(
        self, session: DbSession, principal: Caller, data: JSONBody[TokenIn]
    ) -> TokenCreated:
        """Create a token; its secret is shown in this answer only."""
        secret, token = await tokens.create_token(
            session, principal.user_id, data.name, data.scope, data.expires_in_days
        )
        return TokenCreated(secret, token_read(token))

    @delete(
        "/tokens/{token_id:int}", summary="Revoke an API token", status_code=HTTP_204_NO_CONTENT
    )
    async def revoke_token(
        self,
        session: DbSession,
        principal: Caller,
        token_id: RowId,
    ) -> None:
        """Revoke one of the caller's tokens."""
        await tokens.revoke_token(session, principal.user_id, token_id)
