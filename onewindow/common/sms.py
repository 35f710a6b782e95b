"""SMS gateways. The console backend prints; the memory backend keeps messages for tests."""

import logging
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("onewindow.sms")


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    text: str


class ConsoleSmsBackend:
    """Writes each message to the log instead of a gateway (the embedded default)."""

    def send(self, message: SmsMessage) -> None:
        logger.info("SMS to %s: %s", message.phone, message.text)


class MemorySmsBackend:
    """Keeps messages in `outbox` (tests)."""

    outbox: list[SmsMessage] = []

    def send(self, message: SmsMessage) -> None:
        self.outbox.append(message)


@cache
def _backend(path: str) -> ConsoleSmsBackend | MemorySmsBackend:
    return import_string(path)()


def send_sms(phone: str, text: str) -> None:
    """Send one SMS through the configured backend."""
    _backend(settings.SMS_BACKEND).send(SmsMessage(phone=phone, text=text))
