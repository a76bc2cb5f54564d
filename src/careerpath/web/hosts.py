"""Answer only for the site's own host names: the public URL's, localhost, and configured ones.

Links never come from the request's Host (canonical URLs use ``CAREERPATH_PUBLIC_URL``); this
check refuses other hosts outright (400), before the response cache, so no cached answer is
ever served to them either. Ports are ignored; probes are answered whatever the Host.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Receive, Scope, Send

from careerpath.config import Settings
from careerpath.errors import BadRequestError

LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
UNCHECKED_PATHS = ("/healthz", "/readyz")


def allowed_hosts(settings: Settings) -> list[str]:
    """Return the host names (``*.example.com`` and ``*`` allowed) the app answers to."""
    public = urlsplit(settings.public_url).hostname or ""
    extra = [h.strip().lower() for h in settings.allowed_hosts.split(",") if h.strip()]
    return list(dict.fromkeys([public.lower(), *LOCAL_HOSTS, *extra]))


def host_name(scope: Scope) -> str:
    """Return the request's Host header without its port, lower-cased."""
    host = next((v for k, v in scope["headers"] if k == b"host"), b"").decode("latin-1")
    if not host.endswith("]"):
        host = host.rsplit(":", 1)[0]
    return host.lower()


class HostCheck:
    """Match a request's Host header against the allowed names."""

    def __init__(self, hosts: list[str]) -> None:
        self.any = "*" in hosts
        self.exact = frozenset(h for h in hosts if not h.startswith("*"))
        self.suffixes = tuple(h[1:] for h in hosts if h.startswith("*."))

    def allows(self, scope: Scope) -> bool:
        """Say whether the request's Host is one the site answers to."""
        name = host_name(scope)
        if self.any or name in self.exact:
            return True
        return bool(self.suffixes) and name.endswith(self.suffixes)


def host_check_middleware(settings: Settings) -> Callable[[ASGIApp], ASGIApp]:
    """Return the middleware that answers 400 to Hosts the site does not serve."""
    check = HostCheck(allowed_hosts(settings))

    def middleware(app: ASGIApp) -> ASGIApp:
        async def refuse_other_hosts(scope: Scope, receive: Receive, send: Send) -> None:
            if (
                scope["type"] == ScopeType.HTTP
                and not scope["path"].startswith(UNCHECKED_PATHS)
                and not check.allows(scope)
            ):
                raise BadRequestError(f"This site does not answer for {host_name(scope)!r}.")
            await app(scope, receive, send)

        return refuse_other_hosts

    return middleware
