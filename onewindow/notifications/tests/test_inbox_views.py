"""The message pages: the recipient's inbox, opening a message, marking all read; others see nothing."""

import pytest

from onewindow.notifications.choices import Channel
from onewindow.notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db

INBOX = "/messages/"


def _read_url(message):
    return f"/messages/{message.pk}/read"


def test_the_recipient_sees_their_messages_newest_first_unread_highlighted(client, applicant, reviewer):
    older = NotificationFactory(recipient=applicant, title="受理通知", body="您的办件已受理。\n请留意。")
    newer = NotificationFactory(recipient=applicant, title="补正通知", link="/my/cases/X1")
    NotificationFactory(recipient=applicant, title="已读消息", read_at=older.created_at)
    NotificationFactory(recipient=applicant, channel=Channel.SMS, phone="13800000001", title="短信副本")
    NotificationFactory(recipient=reviewer, title="别人的消息")
    client.force_login(applicant)

    response = client.get(INBOX)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("补正通知") < html.index("受理通知")
    assert "您的办件已受理。<br>请留意。" in html
    assert "别人的消息" not in html and "短信副本" not in html
    assert html.count("badge-blue") == 2 and "您有 2 条未读消息。" in html
    assert "全部标为已读" in html
    assert f'action="{_read_url(newer)}"' in html and "查看详情" in html
    assert "portal/base.html" in [t.name for t in response.templates]


def test_only_unread(client, applicant):
    NotificationFactory(recipient=applicant, title="未读的")
    NotificationFactory(recipient=applicant, title="读过的", read_at="2026-06-01T00:00:00Z")
    client.force_login(applicant)

    html = client.get(INBOX, {"unread": "1"}).content.decode()

    assert "未读的" in html and "读过的" not in html


def test_the_inbox_pages_by_cursor(client, applicant):
    NotificationFactory.create_batch(25, recipient=applicant)
    client.force_login(applicant)

    first = client.get(INBOX)
    cursor = first.context["page"].next_cursor
    second = client.get(INBOX, {"cursor": cursor})
    broken = client.get(INBOX, {"cursor": "not-a-cursor"})

    assert len(first.context["page"].items) == 20 and len(second.context["page"].items) == 5
    assert broken.status_code == 200 and len(broken.context["page"].items) == 20


def test_staff_read_their_messages_in_the_workbench_shell(client, reviewer):
    NotificationFactory(recipient=reviewer, title="期限预警")
    client.force_login(reviewer)

    response = client.get(INBOX)

    assert "期限预警" in response.content.decode()
    assert "workbench/base.html" in [t.name for t in response.templates]


def test_an_empty_inbox(client, applicant):
    client.force_login(applicant)

    html = client.get(INBOX).content.decode()

    assert "暂无消息。" in html and "全部标为已读" not in html


def test_visitors_are_sent_to_the_login(client):
    message = NotificationFactory()

    for response in (client.get(INBOX), client.post(_read_url(message)), client.post("/messages/read-all")):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    message.refresh_from_db()
    assert message.read_at is None


def test_opening_a_message_marks_it_read_and_follows_its_link(client, applicant):
    message = NotificationFactory(recipient=applicant, link="/my/cases/X1")
    client.force_login(applicant)

    response = client.post(_read_url(message))

    assert (response.status_code, response["Location"]) == (302, "/my/cases/X1")
    message.refresh_from_db()
    assert message.read_at is not None


def test_a_message_without_a_link_goes_back(client, applicant):
    message = NotificationFactory(recipient=applicant)
    client.force_login(applicant)

    back = client.post(_read_url(message), {"next": "/messages/?unread=1"})
    elsewhere = client.post(_read_url(message), {"next": "https://evil.example/"})

    assert back["Location"] == "/messages/?unread=1"
    assert elsewhere["Location"] == INBOX


def test_another_users_message_is_not_found_and_not_touched(client, applicant, reviewer):
    message = NotificationFactory(recipient=applicant, link="/my/cases/X1")
    client.force_login(reviewer)

    response = client.post(_read_url(message))

    assert response.status_code == 404
    assert "/my/cases/X1" not in response.content.decode()
    message.refresh_from_db()
    assert message.read_at is None
    assert client.post("/messages/999999/read").status_code == 404


def test_reading_needs_a_post(client, applicant):
    message = NotificationFactory(recipient=applicant)
    client.force_login(applicant)

    assert client.get(_read_url(message)).status_code == 405
    message.refresh_from_db()
    assert message.read_at is None


def test_mark_all_read(client, applicant, reviewer):
    mine = NotificationFactory.create_batch(2, recipient=applicant)
    theirs = NotificationFactory(recipient=reviewer)
    client.force_login(applicant)

    response = client.post("/messages/read-all", follow=True)

    assert response.redirect_chain == [(INBOX, 302)]
    assert "已将2条消息标为已读。" in response.content.decode()
    assert all(m.read_at for m in (type(theirs).objects.filter(pk__in=[m.pk for m in mine])))
    theirs.refresh_from_db()
    assert theirs.read_at is None
