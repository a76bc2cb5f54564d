"""REST API of saved lists (/api/v1/lists), shared lists (/api/v1/shared) and /go links."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, patch, post, put
from litestar.di import Provide
from litestar.params import JSONBody, PathParameter
from litestar.response import Redirect
from litestar.status_codes import HTTP_204_NO_CONTENT, HTTP_302_FOUND

from careerpath.accounts import lists, outbound
from careerpath.accounts.auth import client_ip
from careerpath.accounts.dependencies import PORT, Caller, Port, provide_principal
from careerpath.accounts.list_views import (
    download_headers,
    export_csv,
    export_document,
    list_read,
    list_summary,
)
from careerpath.accounts.schemas import (
    ExportDocument,
    ItemIn,
    ItemRead,
    ItemUpdateIn,
    ListIn,
    ListRead,
    ListSummary,
    ListUpdateIn,
    OrderIn,
    SharedListRead,
    ShareRead,
)
from careerpath.db import utcnow
from careerpath.dependencies import AppSettings, DbSession
from careerpath.params import RowId
from careerpath.security.access import Access

ListId = RowId
ItemId = RowId
ShareToken = Annotated[str, PathParameter(min_length=20, max_length=64)]
CSV = "text/csv; charset=utf-8"
NO_REFERRER = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}


class ListController(Controller):
    """The caller's own lists."""

    path = "/api/v1/lists"
    tags = ["lists"]  # noqa: RUF012
    opt = {"access": Access.USER}  # noqa: RUF012
    dependencies = {**PORT, "principal": Provide(provide_principal, sync_to_thread=False)}  # noqa: RUF012

    @get("/", summary="My lists")
    async def index(self, session: DbSession, principal: Caller) -> list[ListSummary]:
        """Return the caller's lists, the default "Saved" list first."""
        return [list_summary(s, n) for s, n in await lists.list_lists(session, principal.user_id)]

    @post("/", summary="Create a list")
    async def create(
        self,
        session: DbSession,
        principal: Caller,
        port: Port,
        settings: AppSettings,
        data: JSONBody[ListIn],
    ) -> ListRead:
        """Create a private list; ``owner_id`` and other unknown fields are ignored."""
        saved = await lists.create_list(session, principal.user_id, data.name, data.note)
        return await list_read(session, port, saved, settings.public_url)

    @get("/{list_id:int}", summary="Get one of my lists")
    async def read(
        self,
        session: DbSession,
        principal: Caller,
        port: Port,
        settings: AppSettings,
        list_id: ListId,
    ) -> ListRead:
        """Return a list with its items."""
        saved = await lists.get_own_list(session, principal.user_id, list_id)
        return await list_read(session, port, saved, settings.public_url)

    @patch("/{list_id:int}", summary="Rename a list or change its note")
    async def update(
        self,
        session: DbSession,
        principal: Caller,
        port: Port,
        settings: AppSettings,
        list_id: ListId,
        data: JSONBody[ListUpdateIn],
    ) -> ListRead:
        """Change the name or note."""
        saved = await lists.update_list(session, principal.user_id, list_id, data.name, data.note)
        return await list_read(session, port, saved, settings.public_url)

    @delete("/{list_id:int}", summary="Delete a list", status_code=HTTP_204_NO_CONTENT)
    async def remove(self, session: DbSession, principal: Caller, list_id: ListId) -> None:
        """Delete a list that is not the default one."""
        await lists.delete_list(session, principal.user_id, list_id)

    @post("/{list_id:int}/items", summary="Save something to a list")
    async def add_item(
        self,
        session: DbSession,
        principal: Caller,
        port: Port,
        list_id: ListId,
        data: JSONBody[ItemIn],
    ) -> ItemRead:
        """Add a career, course or book (saving it again keeps one entry)."""
        item = await lists.add_item(
            session, port, principal.user_id, list_id, data.kind, data.ref_id
        )
        info = (await port.describe(session, item.kind, [item.ref_id]))[item.ref_id]
        return ItemRead(
            item.id,
            item.kind,
            item.ref_id,
            info.title,
            info.url,
            item.position,
            item.progress,
            item.added_at,
        )

    @patch("/{list_id:int}/items/{item_id:int}", summary="Set progress on a saved course")
    async def set_progress(
        self,
        session: DbSession,
        principal: Caller,
        port: Port,
        settings: AppSettings,
        list_id: ListId,
        item_id: ItemId,
        data: JSONBody[ItemUpdateIn],
    ) -> ListRead:
        """Mark a course not started, in progress or done."""
        await lists.set_progress(session, principal.user_id, list_id, item_id, data.progress)
        saved = await lists.get_own_list(session, principal.user_id, list_id)
        return await list_read(session, port, saved, settings.public_url)

    @delete(
        "/{list_id:int}/items/{item_id:int}",
        summary="Remove an item",
        status_code=HTTP_204_NO_CONTENT,
    )
    async def remove_item(
        self, session: DbSession, principal: Caller, list_id: ListId, item_id: ItemId
    ) -> None:
        """Remove one item from a list."""
        await lists.remove_item(session, principal.user_id, list_id, item_id)

    @put("/{list_id:int}/order", summary="Reorder a list")
    async def reorder(
        self,
        session: DbSession,
        principal: Caller,
        port: Port,
        settings: AppSettings,
        list_id: ListId,
        data: JSONBody[OrderIn],
    ) -> ListRead:
        """Put the items in the given order."""
        saved = await lists.reorder(session, principal.user_id, list_id, data.item_ids)
        return await list_read(session, port, saved, settings.public_url)

    @post("/{list_id:int}/share", summary="Share a list by link", status_code=200)
    async def share(
        self, session: DbSession, principal: Caller, settings: AppSettings, list_id: ListId
    ) -> ShareRead:
        """Return the list's read-only share link, creating it when needed."""
        token = await lists.share(session, principal.user_id, list_id)
        return ShareRead(f"{settings.public_url.rstrip('/')}/s/{token}", token)

    @delete("/{list_id:int}/share", summary="Stop sharing a list", status_code=HTTP_204_NO_CONTENT)
    async def unshare(self, session: DbSession, principal: Caller, list_id: ListId) -> None:
        """Revoke the share link."""
        await lists.unshare(session, principal.user_id, list_id)

    @get("/{list_id:int}/export.json", summary="Export a list as JSON")
    async def export_json(
        self, session: DbSession, principal: Caller, port: Port, list_id: ListId
    ) -> Response[ExportDocument]:
        """Download the list as JSON."""
        saved = await lists.get_own_list(session, principal.user_id, list_id)
        document = await export_document(session, port, saved)
        return Response(document, headers=download_headers(saved, "json"))

    @get("/{list_id:int}/export.csv", summary="Export a list as CSV", media_type=CSV)
    async def export_csv(
        self, session: DbSession, principal: Caller, port: Port, list_id: ListId
    ) -> Response[str]:
        """Download the list as CSV; cells that look like formulas are neutralised."""
        saved = await lists.get_own_list(session, principal.user_id, list_id)
        document = await export_document(session, port, saved)
        return Response(export_csv(document), headers=download_headers(saved, "csv"))


class SharedListController(Controller):
    """Lists shared by link: read-only, for anyone with the link."""

    path = "/api/v1/shared"
    tags = ["lists"]  # noqa: RUF012
    opt = {"access": Access.PUBLIC}  # noqa: RUF012
    dependencies = PORT

    @get("/{token:str}", summary="Read a shared list")
    async def read(
        self, session: DbSession, port: Port, token: ShareToken
    ) -> Response[SharedListRead]:
        """Return a shared list without anything about its owner."""
        saved = await lists.get_shared(session, token)
        full = await list_read(session, port, saved, "")
        body = SharedListRead(full.name, full.note, full.items)
        return Response(
            body, headers={"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
        )

    @get("/{token:str}/export.json", summary="Export a shared list as JSON")
    async def export_json(
        self, session: DbSession, port: Port, token: ShareToken
    ) -> Response[ExportDocument]:
        """Download a shared list as JSON."""
        saved = await lists.get_shared(session, token)
        document = await export_document(session, port, saved)
        return Response(document, headers={**download_headers(saved, "json"), **NO_REFERRER})

    @get("/{token:str}/export.csv", summary="Export a shared list as CSV", media_type=CSV)
    async def export_csv(self, session: DbSession, port: Port, token: ShareToken) -> Response[str]:
        """Download a shared list as CSV; cells that look like formulas are neutralised."""
        saved = await lists.get_shared(session, token)
        document = await export_document(session, port, saved)
        headers = {**download_headers(saved, "csv"), **NO_REFERRER}
        return Response(export_csv(document), headers=headers)


@get(
    "/go/{resource_id:int}",
    opt={"access": Access.PUBLIC},
    dependencies=PORT,
    tags=["lists"],
    summary="Go to a provider's page",
    status_code=HTTP_302_FOUND,
    cache=False,
)
async def go(
    request: Request[Any, Any, Any],
    session: DbSession,
    port: Port,
    settings: AppSettings,
    resource_id: RowId,
) -> Redirect:
    """Record the click and redirect to the resource's stored URL, never to one from the request."""
    visitor = outbound.visitor_hash(
        settings.resolved_secret_key(),
        client_ip(request.scope),
        request.headers.get("user-agent", ""),
        utcnow().date(),
    )
    from_path = outbound.same_site_path(
        request.headers.get("referer"), request.headers.get("host", "")
    )
    target = await outbound.follow(session, port, resource_id, from_path, visitor)
    return Redirect(target, status_code=HTTP_302_FOUND, headers={"Cache-Control": "no-store"})
