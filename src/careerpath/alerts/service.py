"""Opt in and out of alerts on saved careers, and send the digests that are due."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from careerpath.accounts.mail import Mail, send_mail
from careerpath.accounts.models import ItemKind, SavedItem, SavedList, User
from careerpath.alerts import snapshot, tokens
from careerpath.alerts.changes import Rules, Snapshot, changes
from careerpath.alerts.models import CareerAlert, Frequency
from careerpath.careers.models import Career
from careerpath.careers.schemas import CareerRef
from careerpath.config import Settings
from careerpath.db import utcnow
from careerpath.errors import InvalidInputError

PERIODS = {Frequency.DAILY: timedelta(days=1), Frequency.WEEKLY: timedelta(days=7)}
# A digest a few minutes early is still the day's digest: the scheduler ticks each minute.
SLACK = timedelta(minutes=10)


@dataclass(frozen=True)
class DigestRun:
    """What one digest run did."""

    checked: int
    mailed: int


async def subscribe(
    session: AsyncSession, user_id: int, career: CareerRef, frequency: Frequency
) -> CareerAlert:
    """Opt in (or change the frequency) for a career the user saved; snapshot it now."""
    if not await _saved(session, user_id, career.id):
        raise InvalidInputError("Save the career to one of your lists before asking for alerts.")
    alert = await session.scalar(
        select(CareerAlert).where(
            CareerAlert.user_id == user_id, CareerAlert.career_id == career.id
        )
    )
    if alert is None:
        baseline = (await snapshot.take(session, career.id)).as_dict()
        alert = CareerAlert(user_id=user_id, career_id=career.id, baseline=baseline)
        session.add(alert)
    alert.frequency = frequency
    await session.flush()
    return alert


async def unsubscribe(session: AsyncSession, alert_id: int) -> Career | None:
    """Stop an alert (again is fine); return its career when it still existed."""
    alert = await session.get(CareerAlert, alert_id)
    if alert is None:
        return None
    career = await session.get(Career, alert.career_id)
    await session.delete(alert)
    await session.flush()
    return career


async def list_alerts(session: AsyncSession, user_id: int) -> Sequence[tuple[CareerAlert, Career]]:
    """Return the user's alerts with their careers."""
    query = (
        select(CareerAlert, Career)
        .join(Career, Career.id == CareerAlert.career_id)
        .where(CareerAlert.user_id == user_id)
        .order_by(Career.title)
    )
    return [(alert, career) for alert, career in (await session.execute(query)).all()]


async def stop_user_alert(session: AsyncSession, user_id: int, career_id: int) -> None:
    """Stop the user's alert on a career; stopping one that does not exist changes nothing.

    Opting out is idempotent (like the signed unsubscribe link), so a retried DELETE or a
    second click never reads as an error.
    """
    alert = await session.scalar(
        select(CareerAlert).where(
            CareerAlert.user_id == user_id, CareerAlert.career_id == career_id
        )
    )
    if alert is not None:
        await unsubscribe(session, alert.id)


async def send_digests(
    session: AsyncSession, settings: Settings, now: datetime | None = None
) -> DigestRun:
    """Mail each user whose due alerts found changes one digest; move those baselines on."""
    now = now or utcnow()
    per_user: dict[int, list[tuple[CareerAlert, Career, list[str]]]] = defaultdict(list)
    checked = 0
    for alert, career in await _due(session, now):
        checked += 1
        current = await snapshot.take(session, career.id)
        found = changes(Snapshot.from_dict(alert.baseline), current, Rules())
        if found:
            per_user[alert.user_id].append((alert, career, found))
            alert.baseline, alert.last_sent_at = current.as_dict(), now
    for user_id, entries in per_user.items():
        user = await session.get(User, user_id)
        if user is not None:
            await send_mail(settings, _digest_mail(settings, user.email, entries))
    await session.flush()
    return DigestRun(checked, len(per_user))


async def _due(session: AsyncSession, now: datetime) -> list[tuple[CareerAlert, Career]]:
    rows = await session.execute(
        select(CareerAlert, Career).join(Career, Career.id == CareerAlert.career_id)
    )
    return [
        (alert, career)
        for alert, career in rows.all()
        if alert.last_sent_at is None
        or now - alert.last_sent_at >= PERIODS[alert.frequency] - SLACK
    ]


def _digest_mail(
    settings: Settings, to: str, entries: list[tuple[CareerAlert, Career, list[str]]]
) -> Mail:
    secret = settings.resolved_secret_key()
    base = settings.public_url.rstrip("/")
    lines = ["What changed in the careers you follow:", ""]
    for alert, career, found in entries:
        lines += [f"{career.title} — {base}/careers/{career.slug}"]
        lines += [f"  • {sentence}" for sentence in found]
        lines += [
            f"  Stop these alerts: {base}/alerts/unsubscribe?token={tokens.sign(secret, alert.id)}"
        ]
        lines.append("")
    first = tokens.sign(secret, entries[0][0].id)
    titles = ", ".join(career.title for _, career, _ in entries)
    return Mail(
        to=to,
        subject=f"careerpath: news on {titles}",
        body="\n".join(lines),
        headers=(
            ("List-Unsubscribe", f"<{base}/alerts/unsubscribe?token={first}>"),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ),
    )


async def _saved(session: AsyncSession, user_id: int, career_id: int) -> bool:
    query = (
        select(SavedItem.id)
        .join(SavedList, SavedList.id == SavedItem.saved_list_id)
        .where(
            SavedList.owner_id == user_id,
            SavedItem.kind == ItemKind.CAREER,
            SavedItem.ref_id == career_id,
        )
        .limit(1)
    )
    return await session.scalar(query) is not None
