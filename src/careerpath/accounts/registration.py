"""Sign-up in two steps: a mailed link confirms the address, and only then is there an account.

A sign-up answers the same, does the same work and takes the same time whether or not the email
has an account: it always hashes the password, looks the email up and writes one ``sign_up``
row; only the mail differs (a confirmation link, or "you have an account already"), and mail
goes out after the answer. Nothing can be signed in with before the link is followed, so even
a sign-in with the chosen password cannot tell a new address from a taken one.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts import passwords, schemas, service
from careerpath.accounts.mail import Mail
from careerpath.accounts.models import Role, SavedList, SignUp, User
from careerpath.db import utcnow
from careerpath.errors import ConflictError, NotFoundError
from careerpath.security.throttle import Throttle

SIGN_UP_LIFETIME = timedelta(hours=24)
# What the mail holds, for the sign-up page, whose heading already says "Check your email".
REGISTRATION_MAIL_SAYS = (
    "If the address is new, the mail holds a link that creates your account. "
    "If it has an account already, the mail says how to sign in or reset the password."
)
REGISTRATION_ACCEPTED = f"Check your email. {REGISTRATION_MAIL_SAYS}"
LINK_INVALID = "This confirmation link is invalid or has expired. Sign up again."
ALREADY_REGISTERED = "This address has an account already: sign in."


@dataclass(frozen=True, slots=True)
class Registration:
    """A sign-up's outcome: the mail to send (None for a disabled account's address)."""

    mail: Mail | None


async def register(
    db: AsyncSession,
    throttle: Throttle,
    public_url: str,
    ip: str,
    sign_up: schemas.RegisterIn,
    then: dict[str, str] | None = None,
) -> Registration:
    """Record a sign-up and return the mail for its address; ``then`` rides along in the link."""
    await throttle.attempt("registration", ip)
    service.check_email(sign_up.email)
    passwords.check_policy(sign_up.password)
    email = service.normalize_email(sign_up.email)
    password_hash = await passwords.hash_password(sign_up.password)
    existing = await service.find_by_email(db, email)
    token = secrets.token_urlsafe(32)
    now = utcnow()
    # The same writes either way; a taken email's row is never mailed, so it can never be used.
    await db.execute(delete(SignUp).where(SignUp.expires_at < now))
    db.add(
        SignUp(
            email=email,
            display_name=sign_up.display_name.strip(),
            password_hash=password_hash,
            token_hash=service.digest(token),
            expires_at=now + SIGN_UP_LIFETIME,
        )
    )
    await db.flush()
    if existing is None:
        return Registration(_confirmation_mail(email, public_url, token, then or {}))
    return Registration(_existing_account_mail(existing, public_url))


async def confirm(db: AsyncSession, token: str) -> User:
    """Create the account a mailed link stands for (role ``user``, a default "Saved" list)."""
    spent = await db.execute(
        update(SignUp)
        .where(
            SignUp.token_hash == service.digest(token),
            SignUp.used_at.is_(None),
            SignUp.expires_at > utcnow(),
        )
        .values(used_at=utcnow())
        .returning(SignUp.email, SignUp.display_name, SignUp.password_hash)
    )
    row = spent.one_or_none()
    if row is None:
        raise NotFoundError(LINK_INVALID)
    user = User(
        email=row.email,
        display_name=row.display_name,
        password_hash=row.password_hash,
        role=Role.USER,
    )
    try:
        # The INSERT decides: a lost race or an account made meanwhile fails it, never a 500.
        async with db.begin_nested():
            db.add(user)
    except IntegrityError:
        raise ConflictError(ALREADY_REGISTERED) from None
    db.add(SavedList(owner_id=user.id, name="Saved", is_default=True))
    await db.flush()
    return user


def _confirmation_mail(email: str, public_url: str, token: str, then: dict[str, str]) -> Mail:
    query = urlencode({"token": token, **{k: v for k, v in then.items() if v}})
    link = f"{public_url.rstrip('/')}/confirm-email?{query}"
    body = (
        f"Follow this link to create your careerpath account:\n\n{link}\n\n"
        "It works once, for 24 hours. If you did not sign up, ignore this mail: "
        "no account is made without it."
    )
    return Mail(email, "Confirm your careerpath account", body)


def _existing_account_mail(user: User, public_url: str) -> Mail | None:
    if not user.is_active:
        return None
    site = public_url.rstrip("/")
    body = (
        "Someone tried to create a careerpath account with this address, which has one already."
        f"\n\nSign in at {site}/signin, or set a new password at {site}/forgot-password."
        "\n\nIf it was not you, ignore this mail: nothing changed."
    )
    return Mail(user.email, "You already have a careerpath account", body)
