"""Saved lists: private by default, one default "Saved" list, items with progress, sharing.

Every read or write by an owner goes through ``get_own_list``: another user's list is "not
found", never "forbidden", so ids reveal nothing.
"""

from __future__ import annotations

import secrets

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from careerpath.accounts.items_port import ItemInfo, ItemsPort
from careerpath.accounts.models import ItemKind, Progress, SavedItem, SavedList
from careerpath.errors import ConflictError, NotFoundError

MAX_LISTS = 100
MAX_ITEMS = 1000
SHARE_TOKEN_BYTES = 32  # 256 random bits


async def ensure_default(db: AsyncSession, owner_id: int) -> SavedList:
    """Return the owner's default "Saved" list, creating it when missing."""
    found = await db.scalar(
        select(SavedList).where(SavedList.owner_id == owner_id, SavedList.is_default.is_(True))
    )
    if found is None:
        found = SavedList(owner_id=owner_id, name="Saved", is_default=True)
        db.add(found)
        await db.flush()
    return found


async def list_lists(db: AsyncSession, owner_id: int) -> list[tuple[SavedList, int]]:
    """Return the owner's lists (default first) with their item counts."""
    await ensure_default(db, owner_id)
    counts = (
        select(SavedItem.saved_list_id, func.count().label("n"))
        .group_by(SavedItem.saved_list_id)
        .subquery()
    )
    rows = await db.execute(
        select(SavedList, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.saved_list_id == SavedList.id)
        .where(SavedList.owner_id == owner_id)
        .order_by(SavedList.is_default.desc(), SavedList.id)
    )
    return [(row[0], int(row[1])) for row in rows]


async def holdings(db: AsyncSession, owner_id: int) -> dict[tuple[ItemKind, int], list[int]]:
    """Return, for each thing the owner saved, the ids of the lists that hold it."""
    rows = await db.execute(
        select(SavedItem.kind, SavedItem.ref_id, SavedItem.saved_list_id)
        .join(SavedList, SavedList.id == SavedItem.saved_list_id)
        .where(SavedList.owner_id == owner_id)
    )
    found: dict[tuple[ItemKind, int], list[int]] = {}
    for kind, ref_id, list_id in rows:
        found.setdefault((kind, ref_id), []).append(list_id)
    return found


async def create_list(db: AsyncSession, owner_id: int, name: str, note: str) -> SavedList:
    """Create a list for the owner."""
    count = await db.scalar(select(func.count()).where(SavedList.owner_id == owner_id))
    if (count or 0) >= MAX_LISTS:
        raise ConflictError(f"You can have at most {MAX_LISTS} lists.")
    saved = SavedList(owner_id=owner_id, name=name.strip(), note=note)
    db.add(saved)
    await db.flush()
    return await get_own_list(db, owner_id, saved.id)


async def get_own_list(
    db: AsyncSession, owner_id: int, list_id: int, *, lock: bool = False
) -> SavedList:
    """Return one of the owner's lists with its items; anyone else's is "not found".

    ``lock`` holds the list's row until the transaction ends (PostgreSQL; SQLite has one writer
    anyway), so concurrent changes of one list run one after the other.
    """
    query = (
        select(SavedList)
        .options(selectinload(SavedList.items))
        .where(SavedList.id == list_id, SavedList.owner_id == owner_id)
        .execution_options(populate_existing=True)
    )
    saved = await db.scalar(query.with_for_update(of=SavedList) if lock else query)
    if saved is None:
        raise NotFoundError(f"List {list_id} does not exist.")
    return saved


async def update_list(
    db: AsyncSession, owner_id: int, list_id: int, name: str | None, note: str | None
) -> SavedList:
    """Rename a list or change its note."""
    saved = await get_own_list(db, owner_id, list_id)
    if name is not None:
        saved.name = name.strip()
    if note is not None:
        saved.note = note
    await db.flush()
    return saved


async def delete_list(db: AsyncSession, owner_id: int, list_id: int) -> None:
    """Delete a list (the default one stays)."""
    saved = await get_own_list(db, owner_id, list_id)
    if saved.is_default:
        raise ConflictError("The default list cannot be deleted; remove its items instead.")
    await db.delete(saved)
    await db.flush()


async def add_item(
    db: AsyncSession, port: ItemsPort, owner_id: int, list_id: int, kind: ItemKind, ref_id: int
) -> SavedItem:
    """Save a career, course or book to a list (saving it twice keeps one entry)."""
    saved = await get_own_list(db, owner_id, list_id, lock=True)  # positions stay unique
    if not await port.describe(db, kind, [ref_id]):
        raise NotFoundError(f"There is no {kind.value} {ref_id}.")
    for item in saved.items:
        if item.kind is kind and item.ref_id == ref_id:
            return item
    if len(saved.items) >= MAX_ITEMS:
        raise ConflictError(f"A list holds at most {MAX_ITEMS} items.")
    # The next position is computed by the INSERT itself: on SQLite the statement holds the
    # write lock, so two concurrent saves cannot both take the same one (PostgreSQL: the lock).
    after_last = (
        select(func.coalesce(func.max(SavedItem.position) + 1, 0))
        .where(SavedItem.saved_list_id == saved.id)
        .scalar_subquery()
    )
    item = SavedItem(saved_list_id=saved.id, kind=kind, ref_id=ref_id, position=after_last)
    try:
        async with db.begin_nested():
            db.add(item)
    except IntegrityError:  # a concurrent save of the same thing won (SQLite has no row lock)
        return await _saved_item(db, saved.id, kind, ref_id)
    await db.refresh(item, ["position"])
    return item


async def _saved_item(db: AsyncSession, list_id: int, kind: ItemKind, ref_id: int) -> SavedItem:
    found = await db.scalar(
        select(SavedItem).where(
            SavedItem.saved_list_id == list_id, SavedItem.kind == kind, SavedItem.ref_id == ref_id
        )
    )
    if found is None:  # the unique constraint failed for another reason
        raise ConflictError("This clashes with a change made at the same time.")
    return found


def _own_item(saved: SavedList, item_id: int) -> SavedItem:
    for item in saved.items:
        if item.id == item_id:
            return item
    raise NotFoundError(f"Item {item_id} is not in this list.")


async def set_progress(
    db: AsyncSession, owner_id: int, list_id: int, item_id: int, progress: Progress
) -> SavedItem:
    """Record progress on a saved course."""
    item = _own_item(await get_own_list(db, owner_id, list_id), item_id)
    if item.kind is not ItemKind.COURSE:
        raise ConflictError("Progress is kept for courses only.")
    item.progress = progress
    await db.flush()
    return item


async def remove_item(db: AsyncSession, owner_id: int, list_id: int, item_id: int) -> None:
    """Remove an item; the others close up."""
    saved = await get_own_list(db, owner_id, list_id)
    saved.items.remove(_own_item(saved, item_id))
    for position, item in enumerate(saved.items):
        item.position = position
    await db.flush()


async def reorder(db: AsyncSession, owner_id: int, list_id: int, item_ids: list[int]) -> SavedList:
    """Put the items in the order given (every item exactly once)."""
    saved = await get_own_list(db, owner_id, list_id)
    if sorted(item_ids) != sorted(item.id for item in saved.items):
        raise ConflictError("Send every item id of the list exactly once, as it is now.")
    rank = {item_id: position for position, item_id in enumerate(item_ids)}
    for item in saved.items:
        item.position = rank[item.id]
    await db.flush()
    return await get_own_list(db, owner_id, list_id)


async def share(db: AsyncSession, owner_id: int, list_id: int) -> str:
    """Return the list's share token, creating one (256 random bits) when it has none."""
    saved = await get_own_list(db, owner_id, list_id)
    if saved.share_token is None:
        # Set only if still unset: of two concurrent calls one sets it, both return that one.
        await db.execute(
            update(SavedList)
            .where(SavedList.id == saved.id, SavedList.share_token.is_(None))
            .values(share_token=secrets.token_urlsafe(SHARE_TOKEN_BYTES))
            .execution_options(synchronize_session=False)
        )
        await db.refresh(saved, ["share_token"])
    if saved.share_token is None:  # pragma: no cover - unshared in between by the owner
        raise ConflictError("The list was changed at the same time. Try again.")
    return saved.share_token


async def unshare(db: AsyncSession, owner_id: int, list_id: int) -> None:
    """Revoke the share link; the old link stops working at once."""
    saved = await get_own_list(db, owner_id, list_id)
    saved.share_token = None
    await db.flush()


async def get_shared(db: AsyncSession, token: str) -> SavedList:
    """Return the list a share token opens."""
    saved = await db.scalar(
        select(SavedList)
        .options(selectinload(SavedList.items))
        .where(SavedList.share_token == token)
    )
    if saved is None:
        raise NotFoundError("This shared list does not exist or is no longer shared.")
    return saved


async def describe_items(
    db: AsyncSession, port: ItemsPort, items: list[SavedItem]
) -> dict[tuple[ItemKind, int], ItemInfo]:
    """Return the title and page of every item, asking each domain once."""
    found: dict[tuple[ItemKind, int], ItemInfo] = {}
    for kind in ItemKind:
        ids = [item.ref_id for item in items if item.kind is kind]
        if ids:
            for ref_id, info in (await port.describe(db, kind, ids)).items():
                found[(kind, ref_id)] = info
    return found
