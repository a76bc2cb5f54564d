"""Strong ETags and ``If-None-Match``: the tags, their comparison, and what a 304 leaves out.

One mechanism for the API and the pages alike (applied by ``web/outgoing.py``): the tag is a
hash of the identity content, taken before compression, so a response the anonymous cache
replays (which stores its tag) gets the same tag as a freshly rendered one, and a gzip body gets
its own (the content's, marked ``-gzip``: gzip's bytes vary with the time of compression).
"""

from __future__ import annotations

import base64
import hashlib

# What a 304 leaves out: it describes the representation the client already holds (RFC 9110).
NOT_MODIFIED_DROPS = frozenset({b"content-length", b"content-type", b"content-encoding"})
GZIP_SUFFIX = "-gzip"


def entity_tag(identity_body: bytes) -> str:
    """Return the strong entity tag of an identity (uncompressed) body."""
    digest = hashlib.blake2b(identity_body, digest_size=16).digest()
    return '"' + base64.urlsafe_b64encode(digest).decode().rstrip("=") + '"'


def gzip_tag(tag: str) -> str:
    """Return the tag of the gzip form of the content tagged ``tag``."""
    return tag[:-1] + GZIP_SUFFIX + '"' if tag.endswith('"') else tag


def matches(if_none_match: str | None, tag: str) -> bool:
    """Tell whether an ``If-None-Match`` value matches ``tag`` (weak comparison, RFC 9110)."""
    if not if_none_match:
        return False
    candidates = [part.strip().removeprefix("W/") for part in if_none_match.split(",")]
    return "*" in candidates or tag.removeprefix("W/") in candidates


def not_modified_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """Return the fields a 304 keeps of a 200's."""
    return [(k, v) for k, v in headers if k.lower() not in NOT_MODIFIED_DROPS]
