"""Answer only for the site's own host names: the public URL's, localhost, and configured ones.

Links never come from the request's Host (canonical URLs use ``CAREERPATH_PUBLIC_URL``); the
front door refuses other hosts outright (400) with this check, before the response cache, so no
cached answer is ever served to them either. Ports are ignored; probes are answered whatever
the Host.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from litestar.types import Scope

from careerpath.config import Settings
from careerpath.web.outgoing import request_fields

LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
UNCHECKED_PATHS = ("/healthz", "/readyz")


def allowed_hosts(settings: Settings) -> list[str]:
    """Return the host names (``*.example.com`` and ``*`` allowed) the app answers to."""
    public = urlsplit(settings.public_url).hostname or ""
    extra = [h.strip().lower() for h in settings.allowed_hosts.split(",") if h.strip()]
    return list(dict.fromkeys([public.lower(), *LOCAL_HOSTS, *extra]))


def host_name(scope: Scope) -> str:
    """Return the request's Host header without its port, lower-cased."""
    host = request_fields(scope).get(b"host", b"").decode("latin-1")
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
