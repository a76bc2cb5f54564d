"""Admin API: list users, change roles, disable accounts."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, patch
from litestar.params import JSONBody, QueryParameter

from careerpath.accounts import service
from careerpath.accounts.dependencies import ACCOUNT_DEPENDENCIES, Store
from careerpath.accounts.presenters import user_read
from careerpath.accounts.schemas import UserPage, UserRead, UserUpdateIn
from careerpath.dependencies import DbSession
from careerpath.params import RowId
from careerpath.security.access import Access


class AdminUserController(Controller):
    """User management for admins."""

    path = "/api/v1/admin/users"
    tags = ["admin"]  # noqa: RUF012
    opt = {"access": Access.ADMIN}  # noqa: RUF012
    dependencies = ACCOUNT_DEPENDENCIES

    @get("/", summary="List users")
    async def list_users(
        self,
        session: DbSession,
        limit: Annotated[int, QueryParameter(ge=1, le=100)] = 50,
        offset: Annotated[int, QueryParameter(ge=0, le=1_000_000)] = 0,
    ) -> UserPage:
        """Return one page of users."""
        users, total = await service.list_users(session, limit, offset)
        return UserPage([user_read(u) for u in users], total)

    @patch("/{user_id:int}", summary="Change a user's role or status")
    async def update_user(
        self,
        session: DbSession,
        store: Store,
        user_id: RowId,
        data: JSONBody[UserUpdateIn],
    ) -> UserRead:
        """Set a role or disable/enable a user; disabling ends their sessions and tokens."""
        user = await service.update_user(session, store, user_id, data.role, data.is_active)
        return user_read(user)
