"""Fixtures of the notifications tests: empty SMS and e-mail outboxes."""

import pytest
from django.core import mail

from onewindow.common.sms import MemorySmsBackend


@pytest.fixture(autouse=True)
def sms_outbox():
    """The SMS messages sent during the test (the test settings use the memory backend)."""
    MemorySmsBackend.outbox.clear()
    mail.outbox = []
    yield MemorySmsBackend.outbox
    MemorySmsBackend.outbox.clear()
