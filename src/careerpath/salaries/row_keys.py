"""The identity of a salary row within its source: the idempotence key of every import."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any


class RowKeys:
    """Hands out each row's key in file order: (source, the row's fields, its copy number).

    Identical rows are distinct reports (two people, same pay): the copy number (the row's
    position among identical rows of the file) keeps them apart, while a re-import of the same
    file yields the same keys. The source's key is part of the identity, so another source's
    equal row is a report of its own and never taken for one already stored.
    """

    def __init__(self, source_key: str, columns: Iterable[str]) -> None:
        self.source_key = source_key
        self.columns = sorted(set(columns))
        self.copies: Counter[str] = Counter()

    def key(self, fields: Mapping[str, Any]) -> str:
        """Return the next row's key (128 bits of BLAKE2b, hex)."""
        identity = "\x1f".join(map(str, map(fields.get, self.columns)))
        self.copies[identity] += 1
        text = f"{self.source_key}\x1e{identity}\x1e{self.copies[identity]}"
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
