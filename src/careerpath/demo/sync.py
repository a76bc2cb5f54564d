"""Bring a list of child rows in line with the desired state, touching only what differs.

Re-loading the same data therefore writes nothing: rows are matched by a natural key, changed
attributes are set, missing rows added and extra rows deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, TypeVar

Row = TypeVar("Row")


def sync_children(
    existing: list[Row],
    desired: Sequence[Mapping[str, Any]],
    *,
    key: Callable[[Mapping[str, Any]], Hashable],
    row_key: Callable[[Row], Hashable],
    make: Callable[[Mapping[str, Any]], Row],
) -> tuple[list[Row], list[Row]]:
    """Update ``existing`` in place so that it holds exactly ``desired``.

    Returns the rows added and removed, for callers whose list is not an ORM collection.
    """
    by_key = {row_key(row): row for row in existing}
    wanted = {key(values): values for values in desired}
    removed = [row for row_id, row in by_key.items() if row_id not in wanted]
    for row in removed:
        existing.remove(row)
    added = []
    for row_id, values in wanted.items():
        current = by_key.get(row_id)
        if current is None:
            added.append(make(values))
        else:
            assign(current, values)
    existing.extend(added)
    return added, removed


def assign(row: object, values: Mapping[str, Any]) -> None:
    """Set each attribute whose value differs, so unchanged rows stay clean."""
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
