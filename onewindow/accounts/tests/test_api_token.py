"""POST /api/v1/auth/token and using the token as a bearer."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.test import override_settings

from onewindow.accounts.models import ApiToken
from onewindow.accounts.tests.factories import TEST_PASSWORD
from onewindow.accounts.tests.otp import confirmed_device, current_code, wrong_code
from onewindow.accounts.tokens import hash_token

TOKEN = "/api/v1/auth/token"
ME = "/api/v1/auth/me"

pytestmark = pytest.mark.django_db


def _obtain(client, username, password=TEST_PASSWORD, **extra):
    return client.post(TOKEN, {"username": username, "password": password, **extra}, content_type="application/json")


def _bearer(plain):
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def test_good_credentials_give_a_token_that_works_as_bearer(client, reviewer):
    response = _obtain(client, "reviewer", name="对接系统")

    assert response.status_code == 201
    body = response.json()
    assert body["name"] == "对接系统" and body["expires_at"] is None
    token = ApiToken.objects.get(user=reviewer)
    assert token.key_hash == hash_token(body["token"])
    assert token.last_used_at is None

    me = client.get(ME, **_bearer(body["token"]))

    assert me.status_code == 200
    assert me.json()["username"] == "reviewer"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_wrong_credentials_answer_401_with_a_code(client, reviewer):
    response = _obtain(client, "reviewer", password="wrong")

    assert response.status_code == 401
    assert response.json() == {"code": "invalid_credentials", "message": "用户名或密码错误。"}
    assert not ApiToken.objects.exists()


def test_malformed_body_answers_400(client, db):
    response = client.post(TOKEN, {"username": "x"}, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "invalid_input"


def test_repeated_failures_lock_out_with_429_in_json(client, reviewer):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _obtain(client, "reviewer", password="wrong").status_code == 401

    locked = _obtain(client, "reviewer", password="wrong")

    assert locked.status_code == 429
    assert locked["Content-Type"].startswith("application/json")
    assert locked.json()["code"] == "locked_out"
    still_locked = _obtain(client, "reviewer")
    assert still_locked.status_code == 429
    assert not ApiToken.objects.exists()


def test_api_failures_count_toward_the_login_page_lockout(client, reviewer):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _obtain(client, "reviewer", password="wrong")

    page = client.post("/accounts/login/", {"username": "reviewer", "password": TEST_PASSWORD})

    assert page.status_code == 429


def test_revoked_token_is_refused(client, reviewer):
    plain = _obtain(client, "reviewer").json()["token"]
    ApiToken.objects.filter(user=reviewer).update(revoked_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))

    response = client.get(ME, **_bearer(plain))

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_expired_token_is_refused(client, reviewer):
    plain = _obtain(client, "reviewer").json()["token"]
    ApiToken.objects.filter(user=reviewer).update(expires_at=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))

    assert client.get(ME, **_bearer(plain)).status_code == 200
    with time_machine.travel(dt.datetime(2030, 1, 1, 0, 0, 1, tzinfo=dt.UTC)):
        assert client.get(ME, **_bearer(plain)).status_code == 401


def test_token_of_a_deactivated_user_is_refused(client, reviewer):
    plain = _obtain(client, "reviewer").json()["token"]
    reviewer.is_active = False
    reviewer.save()

    assert client.get(ME, **_bearer(plain)).status_code == 401


def test_unknown_token_is_refused(client, db):
    assert client.get(ME, **_bearer("ow_deadbeef_nonsense")).status_code == 401


@override_settings(REQUIRE_MFA=True)
def test_staff_without_a_device_must_set_one_up_first(client, reviewer):
    response = _obtain(client, "reviewer")

    assert response.status_code == 403
    assert response.json()["code"] == "mfa_setup_required"


@override_settings(REQUIRE_MFA=True)
def test_staff_with_a_device_must_send_a_valid_code(client, reviewer):
    device = confirmed_device(reviewer)

    assert _obtain(client, "reviewer").json()["code"] == "otp_required"
    wrong = _obtain(client, "reviewer", otp=wrong_code(device))
    assert wrong.status_code == 401 and wrong.json()["code"] == "invalid_otp"
    assert not ApiToken.objects.exists()

    device.refresh_from_db()
    device.throttle_reset()
    good = _obtain(client, "reviewer", otp=current_code(device))

    assert good.status_code == 201


@override_settings(REQUIRE_MFA=True)
def test_applicants_need_no_code(client, applicant):
    assert _obtain(client, "applicant").status_code == 201


@override_settings(REQUIRE_MFA=True)
def test_unverified_staff_session_is_refused_by_the_api(client, reviewer):
    client.force_login(reviewer)

    assert client.get(ME).status_code == 401
