"""What a page's Save buttons need to know: the reader's lists and what each already holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar import Request

from careerpath.accounts import lists
from careerpath.accounts.models import ItemKind
from careerpath.dependencies import DbSession


@dataclass(frozen=True)
class ListChoice:
    """One of the reader's lists, offered by the Save chooser."""

    id: int
    name: str


@dataclass(frozen=True)
class SaveChoices:
    """The signed-in reader's lists, and which lists hold each saved career, course or book."""

    lists: list[ListChoice]
    holding: dict[tuple[ItemKind, int], list[int]]

    def held_in(self, kind: str, ref_id: int) -> list[ListChoice]:
        """Return the lists that already hold this thing (empty when it is not saved)."""
        ids = self.holding.get((ItemKind(kind), int(ref_id)), [])
        return [choice for choice in self.lists if choice.id in ids]


async def save_choices(request: Request[Any, Any, Any], session: DbSession) -> SaveChoices | None:
    """Return the reader's save choices, or None when nobody is signed in.

    Called by the handler once its page is built, not as a dependency: Litestar resolves the
    dependencies of one level concurrently, and two reads must never share the session at once.
    """
    principal = request.scope.get("user")
    if principal is None:
        return None
    found = await lists.list_lists(session, principal.user_id)
    choices = [ListChoice(saved.id, saved.name) for saved, _count in found]
    return SaveChoices(choices, await lists.holdings(session, principal.user_id))
