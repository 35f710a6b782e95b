"""notification_queue: rows per channel inside the caller's transaction, the send task enqueued once after commit."""

import pytest
from django.core import mail
from django.db import transaction

from onewindow.common.errors import InvalidInput
from onewindow.notifications import tasks
from onewindow.notifications.choices import Channel, NotificationStatus
from onewindow.notifications.models import Notification
from onewindow.notifications.services import notification_queue

pytestmark = pytest.mark.django_db


class EnqueueCounter:
    """Stands in for the task: counts enqueues and runs the real one."""

    def __init__(self, task) -> None:
        self.calls = 0
        self.task = task

    def enqueue(self):
        self.calls += 1
        return self.task.enqueue()


@pytest.fixture
def enqueued(monkeypatch):
    counter = EnqueueCounter(tasks.send_notifications)
    monkeypatch.setattr(tasks, "send_notifications", counter)
    return counter


def _queue(recipient=None, **kwargs):
    fields = {"title": "办件受理", "body": "您的办件已受理。", "phone": "13800000001", "email": "zhang@example.cn"}
    return notification_queue(recipient=recipient, **{**fields, **kwargs})


def test_one_row_per_channel_with_an_address(applicant, department):
    rows = _queue(applicant, link="/my/cases/X1", subject=department)

    assert sorted(row.channel for row in rows) == sorted(Channel.values)
    site = next(row for row in rows if row.channel == Channel.SITE)
    sms = next(row for row in rows if row.channel == Channel.SMS)
    assert (site.recipient, site.phone, site.email) == (applicant, "", "")
    assert (sms.phone, sms.email) == ("13800000001", "")
    assert all(row.status == NotificationStatus.PENDING and row.link == "/my/cases/X1" for row in rows)
    assert {(row.subject_type, row.subject_id) for row in rows} == {("orgs.department", str(department.pk))}


def test_channels_without_an_address_are_skipped(applicant):
    assert [row.channel for row in notification_queue(phone="13800000001", title="t", body="b")] == [Channel.SMS]
    assert [row.channel for row in notification_queue(recipient=applicant, title="t", body="b")] == [Channel.SITE]
    assert [r.channel for r in _queue(applicant, channels=[Channel.SMS, Channel.SMS, Channel.SITE])] == [Channel.SMS, Channel.SITE]
    assert _queue(None, phone="", email="", channels=[Channel.SITE]) == []


def test_a_malformed_phone_or_email_only_drops_that_channel(applicant):
    rows = _queue(applicant, phone="13800000001<script>", email="not-an-address")

    assert [row.channel for row in rows] == [Channel.SITE]


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"title": " "}, "notification_empty"),
        ({"body": ""}, "notification_empty"),
        ({"title": "长" * 201}, "notification_title_too_long"),
        ({"link": "https://evil.example/x"}, "notification_link_invalid"),
        ({"link": "//evil.example/x"}, "notification_link_invalid"),
        ({"channels": ["fax"]}, "notification_channel_invalid"),
    ],
)
def test_invalid_input_writes_nothing(applicant, fields, code):
    with pytest.raises(InvalidInput) as raised:
        _queue(applicant, **fields)

    assert raised.value.code == code
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_sends_nothing(applicant, enqueued, sms_outbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        _queue(applicant)
        raise RuntimeError("the transition failed")

    assert not Notification.objects.exists()
    assert enqueued.calls == 0
    assert sms_outbox == [] and mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_a_committed_transaction_enqueues_once_and_the_task_sends_every_row(applicant, enqueued, sms_outbox):
    with transaction.atomic():
        _queue(applicant, link="/my/cases/X1")
        _queue(applicant, title="第二条", phone="13800000002", email="")
        assert enqueued.calls == 0  # not before the commit

    assert enqueued.calls == 1
    assert sorted(message.phone for message in sms_outbox) == ["13800000001", "13800000002"]
    assert "办件受理\n您的办件已受理。\nhttp://127.0.0.1:8000/my/cases/X1" in [m.text for m in sms_outbox]
    assert [(m.subject, m.to, m.from_email) for m in mail.outbox] == [("办件受理", ["zhang@example.cn"], "onewindow@localhost")]
    assert "http://127.0.0.1:8000/my/cases/X1" in mail.outbox[0].body
    assert set(Notification.objects.values_list("status", flat=True)) == {NotificationStatus.SENT}
    assert not Notification.objects.filter(sent_at__isnull=True).exists()


@pytest.mark.django_db(transaction=True)
def test_the_real_task_runs_on_commit_in_the_notifications_queue(applicant, sms_outbox):
    assert tasks.send_notifications.queue_name == "notifications"
    with transaction.atomic():
        _queue(applicant)

    assert [message.phone for message in sms_outbox] == ["13800000001"]
    assert len(mail.outbox) == 1


def test_a_rolled_back_savepoint_does_not_lose_the_enqueue(applicant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            _queue(applicant)
            raise RuntimeError
        _queue(applicant)
        _queue(applicant)

    assert len(callbacks) == 1
    assert Notification.objects.count() == 6  # two queues of three channels survived


def test_nothing_queued_registers_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        assert notification_queue(title="t", body="b") == []

    assert callbacks == []


@pytest.mark.django_db(transaction=True)
def test_each_transaction_gets_its_own_enqueue(applicant, enqueued, sms_outbox):
    for phone in ("13800000001", "13800000002"):
        with transaction.atomic():
            _queue(applicant, phone=phone)

    assert enqueued.calls == 2
    assert [message.phone for message in sms_outbox] == ["13800000001", "13800000002"]
