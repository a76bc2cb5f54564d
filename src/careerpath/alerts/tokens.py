"""Signed unsubscribe tokens: the alert id and an HMAC of it, so the link works signed out."""

from __future__ import annotations

import base64
import hashlib
import hmac

from careerpath.errors import NotFoundError

PURPOSE = b"careerpath-alert-unsubscribe:"


def sign(secret: str, alert_id: int) -> str:
    """Return the token that unsubscribes ``alert_id``."""
    return f"{alert_id}.{_mac(secret, alert_id)}"


def verify(secret: str, token: str) -> int:
    """Return the alert id a genuine token names; any other token is not found."""
    raw_id, _, mac = token.partition(".")
    if not raw_id.isdigit() or len(raw_id) > 12:
        raise NotFoundError("This unsubscribe link is not valid.")
    alert_id = int(raw_id)
    if not hmac.compare_digest(mac, _mac(secret, alert_id)):
        raise NotFoundError("This unsubscribe link is not valid.")
    return alert_id


def _mac(secret: str, alert_id: int) -> str:
    digest = hmac.new(secret.encode(), PURPOSE + str(alert_id).encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode()
