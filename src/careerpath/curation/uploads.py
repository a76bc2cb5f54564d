"""Uploaded files, streamed to disk under var_dir/uploads and named by their content hash."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from careerpath.errors import PayloadTooLargeError

UPLOADS = "uploads"


@dataclass(frozen=True)
class StoredUpload:
    """An upload on disk and the SHA-256 of its bytes."""

    path: Path
    sha256: str


async def store_upload(
    chunks: AsyncIterator[bytes], var_dir: Path, suffix: str, limit: int
) -> StoredUpload:
    """Write ``chunks`` to a file chunk by chunk (never whole in memory) and hash them."""
    folder = var_dir / UPLOADS
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{uuid.uuid4().hex}.part"
    digest, size = hashlib.sha256(), 0
    try:
        with partial.open("wb") as handle:
            async for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise PayloadTooLargeError(f"Uploads are limited to {limit:,} bytes.")
                digest.update(chunk)
                handle.write(chunk)
        final = folder / f"{digest.hexdigest()}.{suffix}"
        partial.replace(final)
    finally:
        partial.unlink(missing_ok=True)
    return StoredUpload(final, digest.hexdigest())


def count_rows(path: Path) -> int:
    """Return the lines of ``path`` past its first (a header, or the first JSON record)."""
    with path.open("rb") as handle:
        lines = sum(1 for _ in handle)
    return max(lines - 1, 0)
