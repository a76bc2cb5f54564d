"""Alerts on saved careers: opt in and out (signed in), and the signed one-click unsubscribe."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, delete, get, post, put
from litestar.di import Provide
from litestar.params import JSONBody, QueryParameter
from litestar.status_codes import HTTP_204_NO_CONTENT

from careerpath.accounts.dependencies import Caller, provide_principal
from careerpath.alerts import service, tokens
from careerpath.alerts.schemas import AlertIn, AlertRead
from careerpath.careers.dependencies import CurrentCareer
from careerpath.dependencies import AppSettings, DbSession
from careerpath.security.access import Access

Token = Annotated[str, QueryParameter(min_length=3, max_length=80, pattern=r"^\d+\.[\w-]+=*$")]


class AlertController(Controller):
    """The caller's alerts."""

    path = "/api/v1/me/alerts"
    tags = ["alerts"]  # noqa: RUF012
    opt = {"access": Access.USER}  # noqa: RUF012
    dependencies = {"principal": Provide(provide_principal, sync_to_thread=False)}  # noqa: RUF012

    @get("/", summary="My alerts")
    async def index(self, session: DbSession, principal: Caller) -> list[AlertRead]:
        """Return the caller's alerts."""
        return [
            AlertRead(c.slug, c.title, a.frequency.value, a.created_at, a.last_sent_at)
            for a, c in await service.list_alerts(session, principal.user_id)
        ]

    @put("/{slug:str}", summary="Get digests about a saved career")
    async def follow(
        self, session: DbSession, principal: Caller, career: CurrentCareer, data: JSONBody[AlertIn]
    ) -> AlertRead:
        """Opt in (or change how often); the career must be in one of the caller's lists."""
        alert = await service.subscribe(session, principal.user_id, career, data.frequency)
        return AlertRead(
            career.slug, career.title, alert.frequency.value, alert.created_at, alert.last_sent_at
        )

    @delete("/{slug:str}", summary="Stop digests about a career", status_code=HTTP_204_NO_CONTENT)
    async def unfollow(self, session: DbSession, principal: Caller, career: CurrentCareer) -> None:
        """Opt out (again is fine: no alert on the career is already the state asked for)."""
        await service.stop_user_alert(session, principal.user_id, career.id)


class UnsubscribeController(Controller):
    """The link in every digest: works signed out, once or many times."""

    path = "/alerts/unsubscribe"
    include_in_schema = False
    opt = {"access": Access.PUBLIC}  # noqa: RUF012

    @get("/", summary="Unsubscribe from an alert", cache=False)
    async def by_link(
        self, session: DbSession, settings: AppSettings, token: Token
    ) -> Response[str]:
        """Stop the alert the signed token names."""
        return await _unsubscribe(session, settings.resolved_secret_key(), token)

    @post("/", summary="One-click unsubscribe (RFC 8058)", status_code=200)
    async def one_click(
        self, session: DbSession, settings: AppSettings, token: Token
    ) -> Response[str]:
        """Stop the alert the signed token names (mail clients post here)."""
        return await _unsubscribe(session, settings.resolved_secret_key(), token)


async def _unsubscribe(session: DbSession, secret: str, token: str) -> Response[str]:
    career = await service.unsubscribe(session, tokens.verify(secret, token))
    what = f"about {career.title}" if career else "you asked to stop"
    return Response(
        f"<!doctype html><title>Unsubscribed</title><p>You will get no more digests {what}.</p>",
        media_type="text/html",
        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
    )
