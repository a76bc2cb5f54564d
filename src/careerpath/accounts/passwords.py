"""Password hashing with argon2id (19 MiB, 2 iterations: the OWASP minimum) and policy."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from careerpath.errors import InvalidInputError

MIN_LENGTH = 10
MAX_LENGTH = 200
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)
# Verified when the email is unknown, so a miss costs the same time as a wrong password.
_DUMMY_HASH = HASHER.hash("careerpath-dummy-password")


def check_policy(password: str) -> None:
    """Refuse passwords that are too short or too long (ASVS 2.1: length, not composition)."""
    if len(password) < MIN_LENGTH:
        raise InvalidInputError(f"The password must have at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise InvalidInputError(f"The password may have at most {MAX_LENGTH} characters.")


# argon2 takes tens of milliseconds of CPU: run on the event loop it stalls every other request
# of the worker, so both run in a thread (the hash releases the GIL).


async def hash_password(password: str) -> str:
    """Return the argon2id hash of ``password``."""
    return await asyncio.to_thread(HASHER.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    """Say whether ``password`` matches; an absent hash costs one verification too."""
    return await asyncio.to_thread(_verify, password_hash, password)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
