"""``careerpath users``: create users (e.g. the first admin), change roles, disable accounts."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts import passwords, service
from careerpath.accounts.lists import ensure_default
from careerpath.accounts.models import Role, User
from careerpath.accounts.sessions import create_session_store
from careerpath.cli.runtime import console, run_in_transaction
from careerpath.errors import CareerpathError

T = TypeVar("T")

app = typer.Typer(help="Manage user accounts.", no_args_is_help=True)


@app.command()
def create(
    email: str,
    role: Annotated[Role, typer.Option(help="user, curator or admin")] = Role.USER,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input")
    ] = False,
) -> None:
    """Create a user with a role (the way to make the first admin).

    The password is asked for (hidden, twice) or read from stdin, never taken as an argument:
    arguments end up in shell history and in every process listing.
    """
    password = _read_password(password_stdin)

    async def work(db: AsyncSession) -> User:
        service.check_email(email)
        passwords.check_policy(password)
        if await service.find_by_email(db, email) is not None:
            raise typer.BadParameter(f"{email} has an account already.")
        user = User(
            email=service.normalize_email(email),
            password_hash=await passwords.hash_password(password),
            role=role,
        )
        db.add(user)
        await db.flush()
        await ensure_default(db, user.id)
        return user

    user = _run(work)
    console.print(f"[green]Created[/] {user.email} (id {user.id}, role {user.role.value}).")


@app.command("set-role")
def set_role(email: str, role: Role) -> None:
    """Give a user another role."""
    user = _run(lambda db: _update(db, email, role, None))
    console.print(f"{user.email} is now {user.role.value}.")


@app.command()
def disable(email: str) -> None:
    """Disable a user: every session and token stops working at once."""
    user = _run(lambda db: _update(db, email, None, False))
    console.print(f"{user.email} is disabled.")


async def _update(db: AsyncSession, email: str, role: Role | None, active: bool | None) -> User:
    user = await service.find_by_email(db, email)
    if user is None:
        raise typer.BadParameter(f"No account uses {email}.")
    store = create_session_store()
    return await service.update_user(db, store, user.id, role, active)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


def _run(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    try:
        return run_in_transaction(work)
    except CareerpathError as exc:
        console.print(f"[red]{exc.detail}[/]")
        raise typer.Exit(1) from exc
