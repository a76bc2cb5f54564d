"""Request dependencies of the accounts domain: the caller, the session store, the throttle."""

from __future__ import annotations

from typing import Any, TypeAlias

from litestar import Request
from litestar.datastructures import State
from litestar.di import NamedDependency, Provide

from careerpath.accounts.items_port import ItemsPort
from careerpath.accounts.sessions import SessionStore
from careerpath.errors import AuthenticationError
from careerpath.security.access import Principal, principal_of
from careerpath.security.throttle import Throttle


def provide_principal(request: Request[Any, Any, Any]) -> Principal:
    """Return the authenticated caller (the guard has already refused anonymous callers)."""
    principal = principal_of(request)
    if principal is None:
        raise AuthenticationError("Sign in or send an API token to use this.")
    return principal


def provide_optional_principal(request: Request[Any, Any, Any]) -> Principal | None:
    """Return the caller if any."""
    return principal_of(request)


def provide_store(state: State) -> SessionStore:
    """Return the app's session store."""
    store: SessionStore = state.session_store
    return store


def provide_throttle(state: State) -> Throttle:
    """Return the app's throttle."""
    throttle: Throttle = state.throttle
    return throttle


Store: TypeAlias = NamedDependency[SessionStore]
Throttled: TypeAlias = NamedDependency[Throttle]
Caller: TypeAlias = NamedDependency[Principal]
OptionalCaller: TypeAlias = NamedDependency[Principal | None]
Port: TypeAlias = NamedDependency[ItemsPort]


ACCOUNT_DEPENDENCIES = {
    "store": Provide(provide_store, sync_to_thread=False),
    "throttle": Provide(provide_throttle, sync_to_thread=False),
}


def provide_port(state: State) -> ItemsPort:
    """Return the app's port to the careers and catalog domains."""
    port: ItemsPort = state.items_port
    return port


PORT = {"port": Provide(provide_port, sync_to_thread=False)}
