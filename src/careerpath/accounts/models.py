"""Tables of the accounts domain: users, sign-ups, sessions, tokens, resets, saved lists, clicks."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careerpath.db import Base, TimestampMixin, text_enum, utcnow


class Role(enum.StrEnum):
    """What a user may do beyond their own data."""

    USER = "user"
    CURATOR = "curator"
    ADMIN = "admin"


class TokenScope(enum.StrEnum):
    """What an API token may do: read only, or read and write."""

    READ = "read"
    WRITE = "write"


class ItemKind(enum.StrEnum):
    """The kinds of things a list can hold."""

    CAREER = "career"
    COURSE = "course"
    BOOK = "book"


class Progress(enum.StrEnum):
    """How far a learner is with a saved course."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class User(TimestampMixin, Base):
    """A person with an account."""

    __tablename__ = "user_account"
    __table_args__ = (UniqueConstraint("email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    display_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(text_enum(Role, "role", 20), default=Role.USER)
    is_active: Mapped[bool] = mapped_column(default=True)


class UserSession(Base):
    """A signed-in browser; ``key`` is the SHA-256 of the cookie value, never the value."""

    __tablename__ = "user_session"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    user_agent: Mapped[str] = mapped_column(String(300), default="")


class ApiToken(Base):
    """A personal API token; only its SHA-256 is kept."""

    __tablename__ = "api_token"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64))
    prefix: Mapped[str] = mapped_column(String(16))
    scope: Mapped[TokenScope] = mapped_column(text_enum(TokenScope, "token_scope", 20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]


class PasswordReset(Base):
    """A one-time password-reset link; only its SHA-256 is kept."""

    __tablename__ = "password_reset"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class SignUp(Base):
    """A sign-up waiting for its mailed link; the account exists only once the link is followed.

    Every sign-up writes one, whether or not the email has an account already (only a new
    email's link is mailed): the same work either way, and nothing to sign in with until the
    address is confirmed, so a sign-up cannot tell whether an email was taken.
    """

    __tablename__ = "sign_up"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    display_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(200))
    token_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime] = mapped_column(index=True)
    used_at: Mapped[datetime | None]


class SavedList(TimestampMixin, Base):
    """A user's list of careers, courses and books; private unless ``share_token`` is set."""

    __tablename__ = "saved_list"
    __table_args__ = (UniqueConstraint("share_token"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    is_default: Mapped[bool] = mapped_column(default=False)
    share_token: Mapped[str | None] = mapped_column(String(64))

    items: Mapped[list[SavedItem]] = relationship(
        back_populates="saved_list",
        cascade="all, delete-orphan",
        order_by="SavedItem.position",
    )


class SavedItem(Base):
    """One career, course or book in a list, with the learner's progress."""

    __tablename__ = "saved_item"
    __table_args__ = (UniqueConstraint("saved_list_id", "kind", "ref_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    saved_list_id: Mapped[int] = mapped_column(
        ForeignKey("saved_list.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ItemKind] = mapped_column(text_enum(ItemKind, "item_kind", 20))
    ref_id: Mapped[int]
    position: Mapped[int] = mapped_column(default=0)
    progress: Mapped[Progress] = mapped_column(
        text_enum(Progress, "progress", 20), default=Progress.NOT_STARTED
    )
    added_at: Mapped[datetime] = mapped_column(default=utcnow)

    saved_list: Mapped[SavedList] = relationship(back_populates="items")


class OutboundClick(Base):
    """A click on a provider link: what, when, from which page, and a salted visitor hash."""

    __tablename__ = "outbound_click"

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(index=True)
    clicked_at: Mapped[datetime] = mapped_column(default=utcnow)
    from_path: Mapped[str] = mapped_column(String(300), default="")
    visitor_hash: Mapped[str] = mapped_column(String(64))
