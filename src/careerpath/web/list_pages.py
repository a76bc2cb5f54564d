"""My lists, one list, the Save button's target, and the public shared-list page."""

from __future__ import annotations

from typing import Annotated, Final

import msgspec
from litestar import Controller, get, post
from litestar.di import Provide
from litestar.params import PathParameter, URLEncodedBody
from litestar.response import Redirect, Template

from careerpath.accounts import lists
from careerpath.accounts.dependencies import PORT, Caller, Port, provide_principal
from careerpath.accounts.list_views import item_reads, list_read, list_summary
from careerpath.accounts.models import ItemKind, Progress
from careerpath.accounts.schemas import NO_NUL, Name, Note
from careerpath.dependencies import AppSettings, DbSession
from careerpath.params import MAX_ROW_ID, RowId
from careerpath.security.access import Access

SEE_OTHER: Final = 303
ListId = RowId
ItemId = RowId


class SaveForm(msgspec.Struct):
    """The Save button: what to save, and into which list (or a new one, by name)."""

    kind: ItemKind
    ref_id: Annotated[int, msgspec.Meta(ge=1, le=MAX_ROW_ID)]
    list_id: Annotated[int, msgspec.Meta(ge=0, le=MAX_ROW_ID)] = 0
    new_list: Annotated[str, msgspec.Meta(max_length=100, pattern=NO_NUL)] = ""


class NewListForm(msgspec.Struct):
    """The new-list form."""

    name: Name
    note: Note = ""


class ProgressForm(msgspec.Struct):
    """The progress selector of a saved course."""

    progress: Progress


class ListPages(Controller):
    """The signed-in user's lists."""

    path = "/lists"
    include_in_schema = False
    opt = {"access": Access.USER}  # noqa: RUF012
    dependencies = {**PORT, "principal": Provide(provide_principal, sync_to_thread=False)}  # noqa: RUF012

    @get("/")
    async def index(self, session: DbSession, principal: Caller) -> Template:
        """Show My lists with a form for a new one."""
        found = await lists.list_lists(session, principal.user_id)
        context = {"lists": [list_summary(s, n) for s, n in found], "csrf": principal.csrf_token}
        return Template("lists.html", context=context)

    @post("/")
    async def create(
        self, session: DbSession, principal: Caller, data: URLEncodedBody[NewListForm]
    ) -> Redirect:
        """Create a list and open it."""
        saved = await lists.create_list(session, principal.user_id, data.name, data.note)
        return Redirect(f"/lists/{saved.id}", status_code=SEE_OTHER)

    @get("/{list_id:int}")
    async def show(
        self,
        session: DbSession,
        principal: Caller,
        port: Port,
        settings: AppSettings,
        list_id: ListId,
    ) -> Template:
        """Show one list with progress selectors, remove buttons and sharing."""
        saved = await lists.get_own_list(session, principal.user_id, list_id)
        context = {
            "list": await list_read(session, port, saved, settings.public_url),
            "csrf": principal.csrf_token,
            "progress_values": [p.value for p in Progress],
        }
        return Template("list.html", context=context)

    @post("/save")
    async def save(
        self, session: DbSession, principal: Caller, port: Port, data: URLEncodedBody[SaveForm]
    ) -> Redirect:
        """Save from a career, course or book page, then show the list it went into."""
        if data.new_list.strip():  # a name typed in the chooser wins over the list picked
            created = await lists.create_list(session, principal.user_id, data.new_list, "")
            target = created.id
        else:
            target = data.list_id or (await lists.ensure_default(session, principal.user_id)).id
        await lists.add_item(session, port, principal.user_id, target, data.kind, data.ref_id)
        return Redirect(f"/lists/{target}", status_code=SEE_OTHER)

    @post("/{list_id:int}/items/{item_id:int}/progress")
    async def progress(
        self,
        session: DbSession,
        principal: Caller,
        list_id: ListId,
        item_id: ItemId,
        data: URLEncodedBody[ProgressForm],
    ) -> Redirect:
        """Set a course's progress."""
        await lists.set_progress(session, principal.user_id, list_id, item_id, data.progress)
        return Redirect(f"/lists/{list_id}", status_code=SEE_OTHER)

    @post("/{list_id:int}/items/{item_id:int}/remove")
    async def remove(
        self, session: DbSession, principal: Caller, list_id: ListId, item_id: ItemId
    ) -> Redirect:
        """Remove an item."""
        await lists.remove_item(session, principal.user_id, list_id, item_id)
        return Redirect(f"/lists/{list_id}", status_code=SEE_OTHER)

    @post("/{list_id:int}/share")
    async def share(self, session: DbSession, principal: Caller, list_id: ListId) -> Redirect:
        """Create the share link."""
        await lists.share(session, principal.user_id, list_id)
        return Redirect(f"/lists/{list_id}", status_code=SEE_OTHER)

    @post("/{list_id:int}/unshare")
    async def unshare(self, session: DbSession, principal: Caller, list_id: ListId) -> Redirect:
        """Revoke the share link."""
        await lists.unshare(session, principal.user_id, list_id)
        return Redirect(f"/lists/{list_id}", status_code=SEE_OTHER)


@get("/s/{token:str}", include_in_schema=False, opt={"access": Access.PUBLIC}, dependencies=PORT)
async def shared_list_page(
    session: DbSession,
    port: Port,
    token: Annotated[str, PathParameter(min_length=20, max_length=64)],
) -> Template:
    """Show a shared list read-only; the link must not leak onward through Referer."""
    saved = await lists.get_shared(session, token)
    context = {
        "name": saved.name,
        "note": saved.note,
        "items": await item_reads(session, port, saved),
    }
    return Template(
        "shared_list.html",
        context=context,
        headers={"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"},
    )
