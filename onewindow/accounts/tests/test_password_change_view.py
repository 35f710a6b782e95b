from django.urls import reverse

from onewindow.accounts.tests.factories import TEST_PASSWORD
from onewindow.audit.models import AuditEvent

PASSWORD = "/accounts/password/"


def test_user_changes_own_password_and_stays_logged_in(client, applicant):
    client.force_login(applicant)

    response = client.post(
        PASSWORD, {"old_password": TEST_PASSWORD, "new_password1": "Qingming-Shanghe-42", "new_password2": "Qingming-Shanghe-42"}
    )

    assert response["Location"] == reverse("accounts:profile")
    applicant.refresh_from_db()
    assert applicant.check_password("Qingming-Shanghe-42")
    assert AuditEvent.objects.filter(action="accounts.user.set_password", object_id=str(applicant.pk)).exists()
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_weak_or_wrong_old_password_is_refused_in_chinese(client, applicant):
    client.force_login(applicant)

    weak = client.post(PASSWORD, {"old_password": TEST_PASSWORD, "new_password1": "short", "new_password2": "short"})
    wrong_old = client.post(
        PASSWORD, {"old_password": "nope", "new_password1": "Qingming-Shanghe-42", "new_password2": "Qingming-Shanghe-42"}
    )

    assert "密码太短" in weak.content.decode()
    assert wrong_old.status_code == 200
    applicant.refresh_from_db()
    assert applicant.check_password(TEST_PASSWORD)


def test_anonymous_is_sent_to_login(client, db):
    assert client.get(PASSWORD)["Location"].startswith(reverse("accounts:login"))
