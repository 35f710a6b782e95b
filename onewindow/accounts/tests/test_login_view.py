from django.conf import settings
from django.urls import reverse

from onewindow.accounts.tests.factories import TEST_PASSWORD

LOGIN = "/accounts/login/"


def _login(client, username, password=TEST_PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def test_login_page_has_labelled_fields(client, db):
    response = client.get(LOGIN)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<label for="id_username"' in html and '<label for="id_password"' in html
    assert "登录" in html


def test_staff_land_on_the_workbench(client, reviewer):
    response = _login(client, "reviewer")

    assert response.status_code == 302
    assert response["Location"] == reverse("workbench:home")
    assert client.session["_auth_user_id"] == str(reviewer.pk)


def test_applicants_land_on_the_portal(client, applicant):
    response = _login(client, "applicant")

    assert response["Location"] == reverse("portal:home")


def test_a_safe_next_is_honoured_and_an_outside_one_ignored(client, applicant):
    assert _login(client, "applicant", next="/accounts/profile/")["Location"] == "/accounts/profile/"
    client.logout()
    assert _login(client, "applicant", next="https://evil.example/")["Location"] == reverse("portal:home")


def test_wrong_password_shows_a_chinese_message_and_logs_nobody_in(client, reviewer):
    response = _login(client, "reviewer", password="wrong-password")

    assert response.status_code == 200
    html = response.content.decode()
    assert "用户名或密码错误。" in html
    assert "_auth_user_id" not in client.session


def test_deactivated_user_cannot_log_in(client, reviewer):
    reviewer.is_active = False
    reviewer.save()

    response = _login(client, "reviewer")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_repeated_failures_lock_the_login_and_show_the_locked_out_page(client, reviewer):
    limit = settings.AXES_FAILURE_LIMIT
    for _attempt in range(limit - 1):
        assert _login(client, "reviewer", password="wrong-password").status_code == 200

    locked = _login(client, "reviewer", password="wrong-password")

    assert locked.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in locked.templates]
    assert "临时锁定" in locked.content.decode()
    still_locked = _login(client, "reviewer")
    assert still_locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username(client, reviewer, applicant):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "reviewer", password="wrong-password")

    assert _login(client, "applicant").status_code == 302


def test_logged_in_user_visiting_login_is_sent_home(client, applicant):
    client.force_login(applicant)

    assert client.get(LOGIN)["Location"] == reverse("portal:home")
