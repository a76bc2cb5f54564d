"""argon2id with at least the OWASP minimum cost, and the length policy."""

from __future__ import annotations

import asyncio

import pytest
from argon2 import Type, extract_parameters

from careerpath.accounts import passwords
from careerpath.errors import InvalidInputError


async def test_hashes_are_argon2id_with_at_least_19_mib_and_2_iterations() -> None:
    parameters = extract_parameters(await passwords.hash_password("correct horse battery staple"))
    assert parameters.type is Type.ID
    assert parameters.memory_cost >= 19 * 1024
    assert parameters.time_cost >= 2


async def test_verify_accepts_only_the_password() -> None:
    stored = await passwords.hash_password("correct horse battery staple")
    assert await passwords.verify_password(stored, "correct horse battery staple")
    assert not await passwords.verify_password(stored, "correct horse battery stapler")
    assert not await passwords.verify_password(None, "correct horse battery staple")
    assert not await passwords.verify_password("not a hash", "x")


async def test_hashing_leaves_the_event_loop_free() -> None:
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0)
    before = ticks
    await passwords.hash_password("correct horse battery staple")
    ticker.cancel()
    assert ticks > before + 1  # the loop ran other work while argon2 hashed


@pytest.mark.parametrize("password", ["short", "x" * 201])
def test_policy_refuses_bad_lengths(password: str) -> None:
    with pytest.raises(InvalidInputError):
        passwords.check_policy(password)
