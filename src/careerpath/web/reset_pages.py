"""Forgotten password pages: ask for a link, then set a new password with it."""

from __future__ import annotations

from typing import Annotated, Any, Final

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.background_tasks import BackgroundTask
from litestar.params import QueryParameter, URLEncodedBody
from litestar.response import Redirect, Template

from careerpath.accounts import service
from careerpath.accounts.auth import client_ip
from careerpath.accounts.dependencies import ACCOUNT_DEPENDENCIES, Store, Throttled
from careerpath.accounts.mail import send_mail
from careerpath.accounts.schemas import NO_NUL
from careerpath.dependencies import AppSettings, DbSession
from careerpath.errors import CareerpathError
from careerpath.security.access import Access

SEE_OTHER: Final = 303
FormText = Annotated[str, msgspec.Meta(max_length=2000, pattern=NO_NUL)]


class ForgotForm(msgspec.Struct):
    """The forgotten-password form."""

    email: FormText = ""


class ResetForm(msgspec.Struct):
    """The new-password form behind the mailed link."""

    token: FormText = ""
    new_password: FormText = ""


class ResetPages(Controller):
    """Open to everyone; the answers never say whether an email has an account."""

    include_in_schema = False
    opt = {"access": Access.PUBLIC}  # noqa: RUF012
    dependencies = ACCOUNT_DEPENDENCIES

    @get("/forgot-password")
    async def forgot_form(self) -> Template:
        """Show the form that asks for a reset link."""
        return Template("forgot_password.html", context={"sent": None})

    @post("/forgot-password")
    async def forgot(
        self,
        request: Request[Any, Any, Any],
        session: DbSession,
        throttle: Throttled,
        settings: AppSettings,
        data: URLEncodedBody[ForgotForm],
    ) -> Response[Any]:
        """Mail a link if the email is known; the page says the same either way."""
        mail = await service.request_reset(
            session, throttle, settings.public_url, client_ip(request.scope), data.email
        )
        background = BackgroundTask(send_mail, settings, mail) if mail else None
        context = {"sent": service.RESET_ACCEPTED}
        return Template("forgot_password.html", context=context, background=background)

    @get("/reset-password")
    async def reset_form(
        self, token: Annotated[str, QueryParameter(max_length=200)] = ""
    ) -> Template:
        """Show the new-password form for a mailed link (its token never leaves the site)."""
        # Not no-referrer: the browser would post the form with "Origin: null", refused as
        # cross-site (seen in Chromium on the sign-up confirmation, which shares the pattern).
        return Template(
            "reset_password.html",
            context={"token": token, "error": None},
            headers={"Referrer-Policy": "same-origin"},
        )

    @post("/reset-password")
    async def reset(
        self, session: DbSession, store: Store, data: URLEncodedBody[ResetForm]
    ) -> Template | Redirect:
        """Set the new password and send the person to sign in."""
        try:
            await service.confirm_reset(session, store, data.token, data.new_password)
        except CareerpathError as exc:
            context = {"token": data.token, "error": exc.detail}
            return Template("reset_password.html", context=context, status_code=exc.status)
        return Redirect("/signin", status_code=SEE_OTHER)
