"""Accounts: sign in and out, passwords and resets, deletion, admin changes.

Sign-in and reset answer the same whether or not an email is known, and cost about the same time
(an unknown email still pays one argon2 verification). Sign-up is ``registration.py``'s.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts import passwords, schemas
from careerpath.accounts.auth import csrf_token_for
from careerpath.accounts.mail import Mail
from careerpath.accounts.models import ApiToken, PasswordReset, Role, User
from careerpath.accounts.sessions import (
    SessionStore,
    as_utc,
    new_session,
    session_key,
)
from careerpath.db import utcnow
from careerpath.errors import (
    AuthenticationError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from careerpath.security.throttle import Throttle

RESET_LIFETIME = timedelta(hours=1)
EMAIL_PATTERN = re.compile(schemas.EMAIL_PATTERN)
MAX_EMAIL_LENGTH = 320
WRONG_CREDENTIALS = "The email or password is wrong."
RESET_ACCEPTED = "If an account uses this email, a reset link is on its way."


def normalize_email(email: str) -> str:
    """Return the comparable form of an email address."""
    return email.strip().lower()


def check_email(email: str) -> None:
    """Refuse what is not an email address (the API checks its schema; pages and CLI come here)."""
    # ASCII blanks only, as the API schema's pattern: both must accept the same addresses.
    if len(email) > MAX_EMAIL_LENGTH or not EMAIL_PATTERN.match(email.strip(" \t\n\r\f\v")):
        raise InvalidInputError("This is not an email address.")


def session_key_of(secret: str) -> str:
    """Return the store key of a session cookie value."""
    return session_key(secret)


def digest(value: str) -> str:
    """Return what is kept of a secret sent in a link or used as a key (its SHA-256)."""
    return hashlib.sha256(value.encode()).hexdigest()


async def get_user(db: AsyncSession, user_id: int) -> User:
    """Return a user by id."""
    user = await db.get(User, user_id)
    if user is None:
        raise NotFoundError(f"User {user_id} does not exist.")
    return user


async def find_by_email(db: AsyncSession, email: str) -> User | None:
    """Return the user with ``email``, if any."""
    return await db.scalar(select(User).where(User.email == normalize_email(email)))


async def authenticate(
    db: AsyncSession, throttle: Throttle, ip: str, email: str, password: str
) -> User:
    """Return the user whose credentials these are; failures count toward the login limit."""
    # Per (account, address) and per address: someone else's failures from elsewhere cannot
    # lock the owner out, and one address cannot try many accounts.
    account_key = f"account:{digest(normalize_email(email))}:ip:{ip}"
    await throttle.ensure_allowed("login", account_key, f"ip:{ip}")
    user = await find_by_email(db, email)
    valid = await passwords.verify_password(user.password_hash if user else None, password)
    if user is None or not valid or not user.is_active:
        await throttle.hit("login", account_key, f"ip:{ip}")
        raise AuthenticationError(WRONG_CREDENTIALS)
    return user


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A new session: the user, the cookie secret and the session's CSRF token."""

    user: User
    secret: str
    csrf_token: str


async def sign_in(
    db: AsyncSession,
    store: SessionStore,
    secret_key: str,
    user: User,
    *,
    old_secret: str | None,
    user_agent: str,
) -> SignedIn:
    """Drop the caller's old session and open a new one (always a new id)."""
    await end_session(db, store, old_secret)
    secret, data = new_session(user.id, user_agent)
    await store.save(db, data)
    return SignedIn(user, secret, csrf_token_for(secret_key, data.key))


async def end_session(db: AsyncSession, store: SessionStore, secret: str | None) -> None:
    """End the session whose cookie secret is ``secret`` (nothing when there is none)."""
    if secret:
        await store.delete(db, session_key_of(secret))


async def revoke_all(db: AsyncSession, store: SessionStore, user_id: int) -> None:
    """End every session of a user and revoke every API token of theirs.

    Password change, reset, sign-out-everywhere and disabling all come here: a token taken
    along with a stolen password must not outlive the owner's reaction.
    """
    await store.delete_for_user(db, user_id)
    await db.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


async def change_password(
    db: AsyncSession, store: SessionStore, user_id: int, current: str, new: str
) -> User:
    """Set a new password after checking the current one; every session ends."""
    user = await get_user(db, user_id)
    if not await passwords.verify_password(user.password_hash, current):
        raise PermissionDeniedError("The current password is wrong.")
    passwords.check_policy(new)
    user.password_hash = await passwords.hash_password(new)
    await revoke_all(db, store, user.id)
    await db.flush()
    return user


async def request_reset(
    db: AsyncSession, throttle: Throttle, public_url: str, ip: str, email: str
) -> Mail | None:
    """Create a one-time reset link for a known, active email and return the mail to send."""
    await throttle.attempt("reset", f"ip:{ip}", f"account:{digest(normalize_email(email))}")
    user = await find_by_email(db, email)
    if user is None or not user.is_active:
        return None
    token = secrets.token_urlsafe(32)
    db.add(
        PasswordReset(
            user_id=user.id, token_hash=digest(token), expires_at=utcnow() + RESET_LIFETIME
        )
    )
    await db.flush()
    link = f"{public_url.rstrip('/')}/reset-password?token={token}"
    body = (
        f"Someone asked to reset your careerpath password.\n\n{link}\n\n"
        "The link works once, for one hour. If it was not you, ignore this mail."
    )
    return Mail(user.email, "Reset your careerpath password", body)


async def confirm_reset(db: AsyncSession, store: SessionStore, token: str, new: str) -> None:
    """Set a new password with a reset token; the token is spent and every session ends."""
    reset = await db.scalar(select(PasswordReset).where(PasswordReset.token_hash == digest(token)))
    if reset is None or reset.used_at is not None or as_utc(reset.expires_at) <= utcnow():
        raise NotFoundError("This reset link is invalid or has expired. Ask for a new one.")
    passwords.check_policy(new)
    user = await get_user(db, reset.user_id)
    user.password_hash = await passwords.hash_password(new)
    reset.used_at = utcnow()
    await revoke_all(db, store, user.id)
    await db.flush()


async def delete_account(
    db: AsyncSession, store: SessionStore, user_id: int, password: str
) -> None:
    """Delete a user and everything they own (lists, tokens, sessions, resets)."""
    user = await get_user(db, user_id)
    if not await passwords.verify_password(user.password_hash, password):
        raise PermissionDeniedError("The password is wrong.")
    await revoke_all(db, store, user.id)
    await db.delete(user)
    await db.flush()


async def list_users(db: AsyncSession, limit: int, offset: int) -> tuple[list[User], int]:
    """Return one page of users, oldest first."""
    total = await db.scalar(select(func.count()).select_from(User))
    rows = await db.scalars(select(User).order_by(User.id).limit(limit).offset(offset))
    return list(rows), total or 0


async def update_user(
    db: AsyncSession, store: SessionStore, user_id: int, role: Role | None, is_active: bool | None
) -> User:
    """Change a user's role or disable them; disabling ends their sessions and tokens."""
    user = await get_user(db, user_id)
    if role is not None:
        user.role = role
    if is_active is not None:
        user.is_active = is_active
        if not is_active:
            await revoke_all(db, store, user.id)
            await db.execute(
                update(ApiToken)
                .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
                .values(revoked_at=utcnow())
            )
    await db.flush()
    return user
