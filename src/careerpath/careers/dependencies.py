"""The ``career`` dependency: a route's ``{slug}`` resolved once into a ``CareerRef``."""

from __future__ import annotations

from typing import Annotated, TypeAlias

from litestar.di import NamedDependency
from litestar.params import PathParameter

from careerpath.careers import service
from careerpath.careers.schemas import CareerRef
from careerpath.dependencies import DbSession, DocCache

CareerSlug = Annotated[str, PathParameter(max_length=300, description="Career slug or alias slug")]
CurrentCareer: TypeAlias = NamedDependency[CareerRef]


async def provide_career(session: DbSession, cache: DocCache, slug: CareerSlug) -> CareerRef:
    """Resolve the path's slug; an alias answers a redirect to the canonical URL."""
    return await service.resolve_career(session, cache, slug)
