"""Provider links: ``/go/{resource_id}`` goes only to the resource's stored URL.

Nothing from the request (query, path, headers) ever becomes part of the target; the request
only contributes what the click record keeps: the time, the same-site page it came from, and a
salted hash of the visitor.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts.items_port import ItemsPort, ResourceLink
from careerpath.accounts.models import OutboundClick
from careerpath.errors import NotFoundError

MAX_FROM_PATH = 300


def target_url(link: ResourceLink) -> str:
    """Return the stored URL with the provider's affiliate parameters added."""
    parts = urlsplit(link.url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise NotFoundError("This resource has no usable link.")
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in link.affiliate_params]
    query += list(link.affiliate_params.items())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def same_site_path(referer: str | None, host: str) -> str:
    """Return the path of a referring page on this site, or "" for anything else."""
    if not referer:
        return ""
    try:
        parts = urlsplit(referer)
    except ValueError:  # a malformed Referer is no referer
        return ""
    if parts.netloc != host:
        return ""
    return parts.path[:MAX_FROM_PATH]


def visitor_hash(secret_key: str, ip: str, user_agent: str, day: date) -> str:
    """Return a salted, daily-rotating hash of the visitor (no IP or agent is stored)."""
    message = f"{day.isoformat()}|{ip}|{user_agent}".encode()
    return hmac.new(secret_key.encode(), message, hashlib.sha256).hexdigest()


async def follow(
    db: AsyncSession, port: ItemsPort, resource_id: int, from_path: str, visitor: str
) -> str:
    """Record a click on a resource and return where to send the visitor."""
    link = await port.resource_link(db, resource_id)
    if link is None:
        raise NotFoundError(f"Resource {resource_id} does not exist.")
    target = target_url(link)
    db.add(OutboundClick(resource_id=resource_id, from_path=from_path, visitor_hash=visitor))
    await db.flush()
    return target
