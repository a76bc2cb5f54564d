"""Export a list as CSV or JSON; CSV cells that a spreadsheet would run as formulas are defused."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
COLUMNS = ("position", "kind", "ref_id", "title", "url", "progress", "added_at")


def neutralise(cell: str) -> str:
    """Prefix a cell that starts like a formula with a quote, as OWASP advises for CSV."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def to_csv(rows: Iterable[Sequence[object]]) -> str:
    """Return the rows as CSV under ``COLUMNS``, every text cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([neutralise(str(cell)) if cell is not None else "" for cell in row])
    return buffer.getvalue()
