"""Request parameter types shared by every domain's routes and pages."""

from __future__ import annotations

from typing import Annotated

from litestar.params import HeaderParameter, KwargDefinition, PathParameter, QueryParameter

# Ids fit PostgreSQL's integer; a larger number is a 422, never an overflow in the database.
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, PathParameter(ge=1, le=MAX_ROW_ID)]
# The reader's languages as the browser sends them; ``catalog.language.reader_language`` reads it.
AcceptLanguage = Annotated[str | None, HeaderParameter(name="Accept-Language", max_length=500)]
# A page's ``?lang=``: the reader's choice, ahead of Accept-Language.
PageLanguage = Annotated[str | None, QueryParameter(max_length=10)]


def optional_number(
    *, le: float, ge: float | None = None, gt: float | None = None, description: str | None = None
) -> KwargDefinition:
    """Return a query parameter for an optional number whose lower bound the schema states.

    Litestar leaves a zero lower bound out of the schema of an optional number, so clients (and
    fuzzers) would read negative values as allowed; the bound is restated here.
    """
    extra: dict[str, float] = {}
    if ge is not None:
        extra["minimum"] = ge
    if gt is not None:
        extra["exclusiveMinimum"] = gt
    return QueryParameter(ge=ge, gt=gt, le=le, schema_extra=extra, description=description)
