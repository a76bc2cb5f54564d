"""Turn saved lists into API schemas and export files."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts import export, lists
from careerpath.accounts.items_port import ItemInfo, ItemsPort
from careerpath.accounts.models import SavedList
from careerpath.accounts.schemas import (
    ExportDocument,
    ExportRow,
    ItemRead,
    ListRead,
    ListSummary,
)
from careerpath.accounts.sessions import as_utc

GONE = ItemInfo("(no longer available)", None)


def list_summary(saved: SavedList, count: int) -> ListSummary:
    """Return a list without its items."""
    return ListSummary(
        saved.id, saved.name, saved.note, saved.is_default, saved.share_token is not None, count
    )


async def item_reads(db: AsyncSession, port: ItemsPort, saved: SavedList) -> list[ItemRead]:
    """Return the list's items in order, with titles from their domains."""
    infos = await lists.describe_items(db, port, saved.items)
    rows = []
    for item in sorted(saved.items, key=lambda i: i.position):
        info = infos.get((item.kind, item.ref_id), GONE)
        rows.append(
            ItemRead(
                item.id,
                item.kind,
                item.ref_id,
                info.title,
                info.url,
                item.position,
                item.progress,
                as_utc(item.added_at),
            )
        )
    return rows


async def list_read(
    db: AsyncSession, port: ItemsPort, saved: SavedList, public_url: str
) -> ListRead:
    """Return a list with its items and (for its owner) its share link."""
    share_url = f"{public_url.rstrip('/')}/s/{saved.share_token}" if saved.share_token else None
    return ListRead(
        saved.id,
        saved.name,
        saved.note,
        saved.is_default,
        saved.share_token is not None,
        share_url,
        await item_reads(db, port, saved),
    )


async def export_document(db: AsyncSession, port: ItemsPort, saved: SavedList) -> ExportDocument:
    """Return the list as its JSON export."""
    rows = [
        ExportRow(i.position + 1, i.kind, i.ref_id, i.title, i.url, i.progress, i.added_at)
        for i in await item_reads(db, port, saved)
    ]
    return ExportDocument(saved.name, saved.note, rows)


def download_headers(saved: SavedList, extension: str) -> dict[str, str]:
    """Return the headers that make a browser save the export as a file."""
    return {"Content-Disposition": f'attachment; filename="list-{saved.id}.{extension}"'}


def export_csv(document: ExportDocument) -> str:
    """Return the export as CSV, formula-like cells neutralised."""
    return export.to_csv(
        (r.position, r.kind.value, r.ref_id, r.title, r.url, r.progress.value, r.added_at)
        for r in document.items
    )
