"""notifications_send: deliver pending rows, retry failures with a growing delay, give up after five attempts."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections, transaction

from onewindow.notifications import services
from onewindow.notifications.choices import Channel, NotificationStatus
from onewindow.notifications.models import Notification
from onewindow.notifications.services import MAX_ATTEMPTS, notifications_send, notifications_send_all
from onewindow.notifications.tests.factories import NotificationFactory, SmsFactory

pytestmark = pytest.mark.django_db

MOMENT = dt.datetime(2026, 6, 12, 9, 0, tzinfo=dt.UTC)


class GatewayDown(Exception):
    pass


@pytest.fixture
def broken_sms(monkeypatch):
    def send_sms(phone, text):
        raise GatewayDown("短信网关无响应")

    monkeypatch.setattr(services, "send_sms", send_sms)


def test_sends_each_channel_and_marks_rows_sent(sms_outbox, time_machine):
    time_machine.move_to(MOMENT, tick=False)
    sms = SmsFactory(title="办件受理", body="已受理", link="/my/cases/A1")
    email = NotificationFactory(channel=Channel.EMAIL, recipient=None, email="li@example.cn", status=NotificationStatus.PENDING)
    site = NotificationFactory(status=NotificationStatus.PENDING)
    already_sent = SmsFactory(status=NotificationStatus.SENT)

    assert notifications_send() == {"sent": 3, "retry": 0, "failed": 0}

    assert [(m.phone, m.text) for m in sms_outbox] == [(sms.phone, "办件受理\n已受理\nhttp://127.0.0.1:8000/my/cases/A1")]
    assert [m.to for m in mail.outbox] == [["li@example.cn"]]
    for row in (sms, email, site):
        row.refresh_from_db()
        assert (row.status, row.sent_at, row.attempts) == (NotificationStatus.SENT, MOMENT, 0)
    assert already_sent.phone not in [m.phone for m in sms_outbox]


def test_a_failure_is_retried_later_and_given_up_after_five_attempts(broken_sms, time_machine):
    time_machine.move_to(MOMENT, tick=False)
    row = SmsFactory()

    assert notifications_send() == {"sent": 0, "retry": 1, "failed": 0}
    row.refresh_from_db()
    assert (row.status, row.attempts, row.next_attempt_at) == (NotificationStatus.PENDING, 1, MOMENT + dt.timedelta(minutes=1))
    assert row.last_error == "GatewayDown: 短信网关无响应"
    assert notifications_send() == {"sent": 0, "retry": 0, "failed": 0}  # not due yet

    for attempt, delay in zip(range(2, MAX_ATTEMPTS), (1, 5, 15), strict=True):
        time_machine.shift(dt.timedelta(minutes=delay))
        assert notifications_send()["retry"] == 1
        row.refresh_from_db()
        assert (row.status, row.attempts) == (NotificationStatus.PENDING, attempt)

    time_machine.shift(dt.timedelta(minutes=60))
    assert notifications_send() == {"sent": 0, "retry": 0, "failed": 1}
    row.refresh_from_db()
    assert (row.status, row.attempts, row.next_attempt_at, row.sent_at) == (NotificationStatus.FAILED, MAX_ATTEMPTS, None, None)
    time_machine.shift(dt.timedelta(days=1))
    assert notifications_send() == {"sent": 0, "retry": 0, "failed": 0}


def test_a_retry_that_succeeds_is_sent(monkeypatch, sms_outbox, time_machine):
    time_machine.move_to(MOMENT, tick=False)
    row = SmsFactory()
    answers = iter([GatewayDown("忙"), None])

    def flaky(phone, text):
        error = next(answers)
        if error:
            raise error
        sms_outbox.append((phone, text))

    monkeypatch.setattr(services, "send_sms", flaky)
    notifications_send()
    time_machine.shift(dt.timedelta(minutes=1))

    assert notifications_send() == {"sent": 1, "retry": 0, "failed": 0}
    row.refresh_from_db()
    assert (row.status, row.attempts, row.next_attempt_at) == (NotificationStatus.SENT, 1, None)
    assert row.last_error == "GatewayDown: 忙"


def test_one_failing_row_does_not_stop_the_others(monkeypatch, sms_outbox):
    bad, good = SmsFactory(phone="13800000000"), SmsFactory(phone="13900000000")

    def send_sms(phone, text):
        if phone == bad.phone:
            raise GatewayDown("号码停机")
        sms_outbox.append(phone)

    monkeypatch.setattr(services, "send_sms", send_sms)

    assert notifications_send() == {"sent": 1, "retry": 1, "failed": 0}
    assert sms_outbox == [good.phone]


def test_an_email_failure_is_recorded(monkeypatch):
    row = NotificationFactory(channel=Channel.EMAIL, recipient=None, email="li@example.cn", status=NotificationStatus.PENDING)

    def send_mail(*args, **kwargs):
        raise ConnectionRefusedError("SMTP refused")

    monkeypatch.setattr(services, "send_mail", send_mail)

    assert notifications_send()["retry"] == 1
    row.refresh_from_db()
    assert row.last_error == "ConnectionRefusedError: SMTP refused"


def test_a_batch_is_bounded_and_send_all_drains_the_rest(sms_outbox):
    SmsFactory.create_batch(5)

    assert notifications_send(batch=2) == {"sent": 2, "retry": 0, "failed": 0}
    assert notifications_send_all(batch=2) == {"sent": 3, "retry": 0, "failed": 0}
    assert len(sms_outbox) == 5
    assert not Notification.objects.filter(status=NotificationStatus.PENDING).exists()


def test_the_command_sends_and_reports(sms_outbox):
    SmsFactory.create_batch(3)
    output = []

    class Out:
        def write(self, text):
            output.append(text)

    call_command("notifications_send", "--batch", "2", stdout=Out())

    assert len(sms_outbox) == 3
    assert "3 sent, 0 to retry, 0 failed." in "".join(output)


def test_the_pending_index_is_partial():
    index = next(i for i in Notification._meta.indexes if i.name == "notifications_pending")
    assert index.fields == ["id"]
    assert index.condition.children == [("status", NotificationStatus.PENDING)]


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks (SKIP LOCKED)")
@pytest.mark.django_db(transaction=True)
def test_a_row_another_sender_holds_is_skipped_not_waited_for(sms_outbox):
    held, free = SmsFactory(), SmsFactory()
    locked, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def other_sender():
        try:
            with transaction.atomic():
                Notification.objects.select_for_update().get(pk=held.pk)
                locked.set()
                release.wait(10)
        except BaseException as error:  # noqa: BLE001 - reported to the main thread
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_sender)
    thread.start()
    try:
        assert locked.wait(10)
        assert notifications_send() == {"sent": 1, "retry": 0, "failed": 0}
    finally:
        release.set()
        thread.join()

    assert errors == []
    assert [message.phone for message in sms_outbox] == [free.phone]
    assert Notification.objects.get(pk=held.pk).status == NotificationStatus.PENDING
    assert notifications_send() == {"sent": 1, "retry": 0, "failed": 0}
