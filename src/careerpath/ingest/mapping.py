"""Column mappings: which source column feeds which field, with ready profiles per source."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ColumnMapping:
    """Maps target fields to source columns; a field may read several columns (joined)."""

    columns: Mapping[str, tuple[str, ...]]
    delimiter: str = ","
    defaults: Mapping[str, Any] = field(default_factory=dict)

    def missing_columns(self, header: set[str]) -> list[str]:
        """Return the mapped source columns that the file does not have."""
        wanted = {column for columns in self.columns.values() for column in columns}
        return sorted(wanted - header)

    def value(
        self, fields: Mapping[str, Any], target: str, separator: str = "\n", *, strip: bool = True
    ) -> Any:
        """Return the target field's value: one column as is, several joined as text.

        Blank text is None; other text is stripped unless ``strip`` is false (text that is
        repaired first: a stripped no-break space can be half of a character).
        """
        sources = self.columns.get(target, ())
        if len(sources) == 1:
            return _blank_to_none(fields.get(sources[0]), strip)
        parts = [str(v) for c in sources if (v := _blank_to_none(fields.get(c), strip))]
        return separator.join(parts) if parts else self.defaults.get(target)


def _blank_to_none(value: Any, strip: bool = True) -> Any:
    if isinstance(value, str):
        stripped = value.strip()
        return (stripped if strip else value) if stripped else None
    return value
