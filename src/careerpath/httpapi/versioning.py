"""Versioning and retirement of API operations (the policy is in the README, "Using the API").

The major version is in the path (``/api/v1``); within it changes are additive. An operation on
its way out declares ``opt={"retirement": Retirement(...)}`` on its decorator: from then on the
document marks it deprecated and every response carries ``Deprecation`` (RFC 9745), ``Sunset``
(RFC 8594) and a ``Link`` to its successor.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime
from typing import Any

RETIREMENT_OPT = "retirement"
POLICY_URL = "/api/docs#description/versioning-and-deprecation"


@dataclass(frozen=True, slots=True)
class Retirement:
    """When an operation was deprecated, when it will be removed, and what replaces it."""

    deprecated_on: date
    sunset_on: date
    successor: str | None = None


def retirement_of(opt: dict[str, Any]) -> Retirement | None:
    """Return the retirement an operation declares, if any."""
    found = opt.get(RETIREMENT_OPT)
    return found if isinstance(found, Retirement) else None


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def retirement_headers(retirement: Retirement) -> dict[str, str]:
    """Return the ``Deprecation``, ``Sunset`` and ``Link`` fields for a retiring operation."""
    since = calendar.timegm(_midnight(retirement.deprecated_on).timetuple())
    links = [f'<{POLICY_URL}>; rel="deprecation"; type="text/html"']
    if retirement.successor:
        links.append(f'<{retirement.successor}>; rel="successor-version"')
    return {
        "Deprecation": f"@{since}",
        "Sunset": format_datetime(_midnight(retirement.sunset_on), usegmt=True),
        "Link": ", ".join(links),
    }
