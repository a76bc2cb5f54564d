"""Outgoing mail: SMTP when ``CAREERPATH_SMTP_HOST`` is set, the log (console) otherwise."""

from __future__ import annotations

import asyncio
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

from litestar.background_tasks import BackgroundTask

from careerpath.config import Settings

logger = logging.getLogger(__name__)


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


def _deliver(host: str, port: int, message: EmailMessage) -> None:
    with smtplib.SMTP(host, port, timeout=10) as smtp:
        smtp.send_message(message)
