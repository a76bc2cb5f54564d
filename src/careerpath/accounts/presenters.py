"""Turn account rows into API schemas."""

from __future__ import annotations

from careerpath.accounts.models import ApiToken, User
from careerpath.accounts.schemas import SessionRead, TokenRead, UserRead
from careerpath.accounts.sessions import SessionData, as_utc


def user_read(user: User) -> UserRead:
    """Return the API view of a user."""
    return UserRead(
        user.id, user.email, user.display_name, user.role, user.is_active, as_utc(user.created_at)
    )


def token_read(token: ApiToken) -> TokenRead:
    """Return the API view of a token, without its secret."""
    return TokenRead(
        id=token.id,
        name=token.name,
        prefix=token.prefix,
        scope=token.scope,
        created_at=as_utc(token.created_at),
        expires_at=as_utc(token.expires_at),
        last_used_at=as_utc(token.last_used_at) if token.last_used_at else None,
        revoked=token.revoked_at is not None,
    )


def session_read(data: SessionData, current_key: str | None) -> SessionRead:
    """Return the API view of a session; its store key never leaves the server."""
    return SessionRead(
        data.public_id, data.created_at, data.last_seen_at, data.user_agent, data.key == current_key
    )
