"""JSON request bodies: valid UTF-8, nested at most ``MAX_JSON_DEPTH`` deep, else a 400 problem.

The decoder would raise ``UnicodeDecodeError`` or ``RecursionError`` (a 500) for such bodies;
the app's request class checks them first, so every route with a JSON body gets the check.
"""

from __future__ import annotations

import re
from typing import Any

from litestar import Request

from careerpath.errors import BadRequestError

MAX_JSON_DEPTH = 64
# A string (an unterminated one runs to the end, which keeps the scan linear) or a bracket.
_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"?|[\[\]{}]', re.DOTALL)


def json_depth_exceeds(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Say whether arrays and objects in ``body`` nest deeper than ``limit`` (strings ignored)."""
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    depth = 0
    for token in _TOKENS.finditer(body):
        first = token[0][:1]
        if first == b'"':
            continue
        depth += 1 if first in b"[{" else -1
        if depth > limit:
            return True
    return False


def check_json_body(body: bytes) -> None:
    """Raise ``BadRequestError`` unless ``body`` is UTF-8 nested at most ``MAX_JSON_DEPTH`` deep."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequestError(f"The JSON body is not valid UTF-8 (byte {exc.start}).") from exc
    if json_depth_exceeds(body):
        raise BadRequestError(f"The JSON body nests deeper than {MAX_JSON_DEPTH} levels.")


class CheckedRequest(Request[Any, Any, Any]):
    """The app's request: its JSON body is checked before it is decoded."""

    async def json(self) -> Any:
        """Return the decoded JSON body, refusing invalid UTF-8 and excessive nesting."""
        check_json_body(await self.body())
        return await super().json()
