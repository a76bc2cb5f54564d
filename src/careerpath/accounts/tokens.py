"""Personal API tokens: created once, kept as SHA-256, named, scoped, expiring, revocable."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts.auth import PAT_PREFIX
from careerpath.accounts.models import ApiToken, TokenScope
from careerpath.db import utcnow
from careerpath.errors import NotFoundError


async def create_token(
    db: AsyncSession, user_id: int, name: str, scope: TokenScope, days: int
) -> tuple[str, ApiToken]:
    """Create a token and return its secret (never stored) with its row."""
    secret = PAT_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user_id=user_id,
        name=name.strip(),
        token_hash=hashlib.sha256(secret.encode()).hexdigest(),
        prefix=secret[:10],
        scope=scope,
        created_at=utcnow(),
        expires_at=utcnow() + timedelta(days=days),
    )
    db.add(token)
    await db.flush()
    return secret, token


async def list_tokens(db: AsyncSession, user_id: int) -> list[ApiToken]:
    """Return a user's tokens, newest first."""
    rows = await db.scalars(
        select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id.desc())
    )
    return list(rows)


async def revoke_token(db: AsyncSession, user_id: int, token_id: int) -> None:
    """Revoke one of the user's tokens (another user's token is "not found")."""
    token = await db.get(ApiToken, token_id)
    if token is None or token.user_id != user_id:
        raise NotFoundError(f"Token {token_id} does not exist.")
    token.revoked_at = token.revoked_at or utcnow()
    await db.flush()
