"""Request parameter types shared by every domain's routes and pages."""

from __future__ import annotations

from typing import Annotated

from litestar.params import PathParameter

# Ids fit PostgreSQL's integer; a larger number is a 422, never an overflow in the database.
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, PathParameter(ge=1, le=MAX_ROW_ID)]
