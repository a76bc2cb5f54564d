"""API schemas of accounts. Unknown fields (``role``, ``id``, ``owner_id``) are ignored."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec

from careerpath.accounts.models import ItemKind, Progress, Role, TokenScope
from careerpath.params import MAX_ROW_ID

# Explicit whitespace characters: Python's \s and JSON Schema's (ECMA) \s differ.
_PART = r"[^@ \t\n\r\f\v\x00]+"
EMAIL_PATTERN = rf"^{_PART}@{_PART}\.{_PART}$"
Email = Annotated[str, msgspec.Meta(max_length=320, pattern=EMAIL_PATTERN)]
Password = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
NewPassword = Annotated[str, msgspec.Meta(min_length=10, max_length=200)]
# PostgreSQL text cannot hold NUL, so free text refuses it up front (422, never 500).
NO_NUL = r"^[^\x00]*$"
Name = Annotated[str, msgspec.Meta(min_length=1, max_length=100, pattern=NO_NUL)]
Note = Annotated[str, msgspec.Meta(max_length=2000, pattern=NO_NUL)]


class RegisterIn(msgspec.Struct):
    """A sign-up."""

    email: Email
    password: NewPassword
    display_name: Annotated[str, msgspec.Meta(max_length=100, pattern=NO_NUL)] = ""


class EmailConfirmIn(msgspec.Struct):
    """The token of a sign-up's mailed link."""

    token: Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NO_NUL)]


class RegistrationAccepted(msgspec.Struct):
    """The answer to a sign-up, the same whether or not the email had an account."""

    detail: str


class LoginIn(msgspec.Struct):
    """A sign-in."""

    email: Annotated[str, msgspec.Meta(max_length=320, pattern=NO_NUL)]
    password: Password


class UserRead(msgspec.Struct):
    """A user as the API shows it."""

    id: int
    email: str
    display_name: str
    role: Role
    is_active: bool
    created_at: datetime


class LoginResult(msgspec.Struct):
    """The signed-in user and the CSRF token to send with unsafe requests."""

    user: UserRead
    csrf_token: str


class PasswordChangeIn(msgspec.Struct):
    """A password change."""

    current_password: Password
    new_password: NewPassword


class ResetRequestIn(msgspec.Struct):
    """A request for a password-reset link."""

    email: Annotated[str, msgspec.Meta(max_length=320, pattern=NO_NUL)]


class ResetConfirmIn(msgspec.Struct):
    """A new password set with a reset link's token."""

    token: Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=NO_NUL)]
    new_password: NewPassword


class DeleteAccountIn(msgspec.Struct):
    """Confirmation of account deletion."""

    password: Password


class SessionRead(msgspec.Struct):
    """A signed-in browser."""

    id: str
    created_at: datetime
    last_seen_at: datetime
    user_agent: str
    current: bool


class TokenIn(msgspec.Struct):
    """A new personal API token."""

    name: Name
    scope: TokenScope = TokenScope.READ
    expires_in_days: Annotated[int, msgspec.Meta(ge=1, le=365)] = 90


class TokenRead(msgspec.Struct):
    """A token without its secret."""

    id: int
    name: str
    prefix: str
    scope: TokenScope
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None
    revoked: bool


class TokenCreated(msgspec.Struct):
    """A new token: the secret is shown this once."""

    token: str
    details: TokenRead


class UserUpdateIn(msgspec.Struct):
    """What an admin may change about a user."""

    role: Role | None = None
    is_active: bool | None = None


class UserPage(msgspec.Struct):
    """One page of users."""

    items: list[UserRead]
    total: int


class ListIn(msgspec.Struct):
    """A new list."""

    name: Name
    note: Note = ""


class ListUpdateIn(msgspec.Struct):
    """Changes to a list."""

    name: Name | None = None
    note: Note | None = None


class ItemIn(msgspec.Struct):
    """Something to save."""

    kind: ItemKind
    ref_id: Annotated[int, msgspec.Meta(ge=1, le=MAX_ROW_ID)]


class ItemUpdateIn(msgspec.Struct):
    """Progress on a saved course."""

    progress: Progress


class OrderIn(msgspec.Struct):
    """The list's item ids in their new order."""

    item_ids: Annotated[list[int], msgspec.Meta(max_length=1000)]


class ItemRead(msgspec.Struct):
    """A saved thing."""

    id: int
    kind: ItemKind
    ref_id: int
    title: str
    url: str | None
    position: int
    progress: Progress
    added_at: datetime


class ListRead(msgspec.Struct):
    """A list with its items."""

    id: int
    name: str
    note: str
    is_default: bool
    shared: bool
    share_url: str | None
    items: list[ItemRead]


class ListSummary(msgspec.Struct):
    """A list without its items."""

    id: int
    name: str
    note: str
    is_default: bool
    shared: bool
    item_count: int


class SharedListRead(msgspec.Struct):
    """A shared list as a visitor sees it: no ids of the owner."""

    name: str
    note: str
    items: list[ItemRead]


class ShareRead(msgspec.Struct):
    """The share link of a list."""

    url: str
    token: str


class ExportRow(msgspec.Struct):
    """One item of an exported list."""

    position: int
    kind: ItemKind
    ref_id: int
    title: str
    url: str | None
    progress: Progress
    added_at: datetime


class ExportDocument(msgspec.Struct):
    """A list as its JSON export."""

    name: str
    note: str
    items: list[ExportRow]
