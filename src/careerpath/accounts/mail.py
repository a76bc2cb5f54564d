"""Outgoing mail: SMTP when ``CAREERPATH_SMTP_HOST`` is set, else the log and a local outbox.

Without SMTP outside production, every mail is also written to ``var/outbox/`` (one file per
mail, newest last), so that sign-up links can be followed in development and by tests.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
import smtplib
import time
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from litestar.background_tasks import BackgroundTask

from careerpath.config import Settings

logger = logging.getLogger(__name__)
OUTBOX = "outbox"


@dataclass(frozen=True, slots=True)
class Mail:
    """One message to one recipient."""

    to: str
    subject: str
    body: str
    headers: tuple[tuple[str, str], ...] = ()


async def send_mail(settings: Settings, mail: Mail) -> None:
    """Deliver ``mail`` by SMTP, or write it to the log in development.

    In production without SMTP the body (a reset link is a password) never reaches the log:
    only that a mail could not be sent, and to whom.
    """
    if not settings.smtp_host:
        if settings.env == "production":
            logger.error(
                "mail to %s not sent (%s): CAREERPATH_SMTP_HOST is unset", mail.to, mail.subject
            )
        else:
            logger.warning("mail to %s: %s\n%s", mail.to, mail.subject, mail.body)
            await asyncio.to_thread(_to_outbox, settings.var_dir / OUTBOX, mail)
        return
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = mail.to
    message["Subject"] = mail.subject
    for name, value in mail.headers:
        message[name] = value
    message.set_content(mail.body)
    try:
        await asyncio.to_thread(_deliver, settings.smtp_host, settings.smtp_port, message)
    except (OSError, smtplib.SMTPException):
        logger.exception("could not send mail to %s", mail.to)


def mail_after(settings: Settings, mail: Mail | None) -> BackgroundTask | None:
    """Send ``mail`` once the answer is out, so SMTP time tells nothing about the request."""
    return BackgroundTask(send_mail, settings, mail) if mail else None


def outbox_mails(folder: Path, to: str) -> list[str]:
    """Return the bodies of the mails the outbox in ``folder`` holds for ``to``, oldest first."""
    prefix = _file_prefix(to)
    files = sorted(
        p for p in (folder / OUTBOX).glob("*.txt") if p.name.split("-", 1)[1].startswith(prefix)
    )
    return [p.read_text(encoding="utf-8") for p in files]


def _to_outbox(folder: Path, mail: Mail) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = f"{time.time_ns():020d}-{_file_prefix(mail.to)}-{secrets.token_hex(4)}.txt"
    text = f"To: {mail.to}\nSubject: {mail.subject}\n\n{mail.body}\n"
    # Written aside, then renamed: a reader never sees half a mail.
    (folder / f"{name}.part").write_text(text, encoding="utf-8")
    (folder / f"{name}.part").rename(folder / name)


def _file_prefix(address: str) -> str:
    return hashlib.sha256(address.lower().encode()).hexdigest()[:16]


def _deliver(host: str, port: int, message: EmailMessage) -> None:
    with smtplib.SMTP(host, port, timeout=10) as smtp:
        smtp.send_message(message)
