"""The /accounts/mfa/ page: setting up a TOTP authenticator, verifying with it, and its guard (the middleware)."""

import datetime as dt

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from onewindow.accounts.tests.factories import TEST_PASSWORD
from onewindow.accounts.tests.otp import confirmed_device, current_code, wrong_code
from onewindow.audit.models import AuditEvent

MFA = "/accounts/mfa/"
PROFILE = "/accounts/profile/"

pytestmark = pytest.mark.django_db


def _login(client, username):
    client.post("/accounts/login/", {"username": username, "password": TEST_PASSWORD})


@override_settings(REQUIRE_MFA=True)
def test_full_setup_then_verify_flow_for_staff(client, reviewer):
    _login(client, "reviewer")

    guarded = client.get(PROFILE)
    assert guarded.status_code == 302
    assert guarded["Location"] == f"{MFA}?next=%2Faccounts%2Fprofile%2F"

    setup = client.get(guarded["Location"])
    assert setup.status_code == 200
    html = setup.content.decode()
    assert "<svg" in html and "<img" not in html
    device = TOTPDevice.objects.get(user=reviewer)
    assert not device.confirmed
    assert device.config_url.split("secret=")[1][:8] in html.replace(" ", "")

    refused = client.post(MFA, {"code": wrong_code(device), "next": PROFILE})
    assert refused.status_code == 200
    assert "验证码不正确" in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    device = TOTPDevice.objects.get(pk=device.pk)
    device.throttle_reset()  # the failed attempt above makes django-otp wait a second before the next
    confirmed = client.post(MFA, {"code": current_code(device), "next": PROFILE})
    assert confirmed["Location"] == PROFILE
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(action="accounts.mfa_device.confirm", object_id=str(device.pk)).exists()
    assert client.get(PROFILE).status_code == 200

    client.post("/accounts/logout/")
    with time_machine.travel(dt.timedelta(minutes=2)):
        _login(client, "reviewer")
        assert client.get(PROFILE)["Location"].startswith(MFA)
        verify = client.get(f"{MFA}?next={PROFILE}")
        assert "<svg" not in verify.content.decode()
        assert client.post(MFA, {"code": wrong_code(device), "next": PROFILE}).status_code == 200
        device.refresh_from_db()
        device.throttle_reset()
        verified = client.post(MFA, {"code": current_code(device), "next": PROFILE})
        assert verified["Location"] == PROFILE
        assert client.get(PROFILE).status_code == 200


@override_settings(REQUIRE_MFA=True)
def test_a_used_code_cannot_be_replayed(client, reviewer):
    device = confirmed_device(reviewer)
    code = current_code(device)
    _login(client, "reviewer")
    assert client.post(MFA, {"code": code})["Location"] == reverse("workbench:home")
    client.post("/accounts/logout/")

    _login(client, "reviewer")
    replay = client.post(MFA, {"code": code})

    assert replay.status_code == 200
    assert client.get(PROFILE).status_code == 302


@override_settings(REQUIRE_MFA=True)
@time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
def test_throttled_after_failures(client, reviewer):
    device = confirmed_device(reviewer)
    _login(client, "reviewer")
    client.post(MFA, {"code": wrong_code(device)})

    response = client.post(MFA, {"code": current_code(device)})

    assert "次数过多" in response.content.decode()
    assert client.get(PROFILE).status_code == 302


@override_settings(REQUIRE_MFA=True)
def test_malformed_code_is_refused_by_the_form(client, reviewer):
    confirmed_device(reviewer)
    _login(client, "reviewer")

    response = client.post(MFA, {"code": "12ab56"})

    assert "验证码应为6位数字。" in response.content.decode()
    assert 'aria-describedby="id_code_error"' in response.content.decode()


@override_settings(REQUIRE_MFA=True)
def test_an_outside_next_is_replaced_by_home(client, reviewer):
    device = confirmed_device(reviewer)
    _login(client, "reviewer")

    response = client.post(MFA, {"code": current_code(device), "next": "https://evil.example/"})

    assert response["Location"] == reverse("workbench:home")


@override_settings(REQUIRE_MFA=True)
def test_mfa_page_does_not_loop_and_logout_stays_reachable(client, reviewer):
    _login(client, "reviewer")

    assert client.get(MFA).status_code == 200
    assert client.get("/accounts/logout/").status_code == 200
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


@override_settings(REQUIRE_MFA=True)
def test_applicants_are_not_asked(client, applicant):
    _login(client, "applicant")

    assert client.get(PROFILE).status_code == 200
    assert not TOTPDevice.objects.exists()


@override_settings(REQUIRE_MFA=True)
def test_htmx_requests_are_redirected_by_header(client, reviewer):
    _login(client, "reviewer")

    response = client.get(PROFILE, headers={"HX-Request": "true"})

    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(MFA)


@override_settings(REQUIRE_MFA=False)
def test_staff_are_not_asked_when_mfa_is_off(client, reviewer):
    _login(client, "reviewer")

    assert client.get(PROFILE).status_code == 200


@override_settings(REQUIRE_MFA=True)
def test_management_site_is_guarded_too(client, system_admin):
    _login(client, "sysadmin")

    assert client.get("/admin/")["Location"].startswith(MFA)


def test_anonymous_is_sent_to_login(client):
    response = client.get(MFA)

    assert response["Location"].startswith(reverse("accounts:login"))


def test_verified_user_is_passed_on(client, applicant):
    device = confirmed_device(applicant)
    _login(client, "applicant")
    client.post(MFA, {"code": current_code(device), "next": PROFILE})

    assert client.get(f"{MFA}?next={PROFILE}")["Location"] == PROFILE
