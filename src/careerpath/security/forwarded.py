"""The client's address behind reverse proxies: ``CAREERPATH_TRUSTED_PROXIES`` and X-Forwarded-For.

Without trusted proxies the peer address is the client (a forwarded header anyone can send is
ignored). With them, the client is the right-most X-Forwarded-For hop that is not a trusted
proxy: each proxy appends the address it saw, so hops left of the last untrusted one are
whatever the client chose to write.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@dataclass(frozen=True, slots=True)
class TrustedProxies:
    """Networks (and, for tests and unix sockets, literal names) whose forwarded header counts."""

    networks: tuple[Network, ...]
    names: frozenset[str]

    def trusts(self, address: str) -> bool:
        """Say whether ``address`` is one of the trusted proxies."""
        if address in self.names:
            return True
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def client(self, peer: str, forwarded_for: str) -> str:
        """Return the client address for a request from ``peer`` with this forwarded header."""
        if not self.trusts(peer):
            return peer
        hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
        for hop in reversed(hops):
            if not self.trusts(hop):
                return hop
        return hops[0] if hops else peer


@lru_cache(maxsize=8)
def trusted_proxies(spec: str) -> TrustedProxies:
    """Parse a comma-separated list of addresses, networks (CIDR) and names."""
    networks: list[Network] = []
    names: set[str] = set()
    for entry in filter(None, (part.strip() for part in spec.split(","))):
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            names.add(entry)
    return TrustedProxies(tuple(networks), frozenset(names))
