import pytest

from onewindow.accounts.choices import ApplicantKind
from onewindow.accounts.models import User
from onewindow.accounts.services import user_create
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import InvalidInput

GOOD = {
    "username": "wangwu",
    "password": "Lanting-Xu-2024!",
    "real_name": "王五",
    "phone": "139 1234 5678",
    "id_number": "11010519491231002x",
}


def _create(**changes):
    return user_create(actor=None, **{**GOOD, **changes})


@pytest.mark.django_db
def test_creates_user_with_normalized_fields_and_audits_without_secrets():
    user = _create()

    user.refresh_from_db()
    assert user.username == "wangwu"
    assert user.phone == "13912345678"
    assert user.id_number == "11010519491231002X"
    assert user.check_password(GOOD["password"])
    assert not user.role_assignments.exists()
    event = AuditEvent.objects.get(action="accounts.user.create", object_id=str(user.pk))
    assert event.after["id_number"] == "110***********002X"
    assert event.after["phone"] == "139****5678"
    assert "password" not in event.after
    assert user.password not in str(event.after)


@pytest.mark.django_db
def test_enterprise_applicant_needs_name_and_valid_uscc():
    user = _create(applicant_kind=ApplicantKind.ENTERPRISE, enterprise_name="示范科技有限公司", uscc="91350100m000100y43")

    assert user.uscc == "91350100M000100Y43"

    with pytest.raises(InvalidInput) as caught:
        _create(username="other", applicant_kind=ApplicantKind.ENTERPRISE, enterprise_name="", uscc="")
    assert set(caught.value.details) == {"enterprise_name", "uscc"}


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"id_number": "110105194912310021"}, "id_number", "id_number_checksum"),
        ({"phone": "12912345678"}, "phone", "phone_format"),
        ({"phone": "1391234567"}, "phone", "phone_format"),
        ({"password": "short"}, "password", "password_too_short"),
        ({"password": "password123"}, "password", "password_too_common"),
        ({"password": "wangwu2024"}, "password", "password_too_similar"),
        ({"real_name": "  "}, "real_name", "real_name_required"),
        ({"username": "bad name!"}, "username", "username_format"),
        ({"uscc": "91350100M000100Y44"}, "uscc", "uscc_checksum"),
    ],
)
@pytest.mark.django_db
def test_invalid_input_is_refused_with_a_chinese_message_and_writes_nothing(changes, field, code):
    with pytest.raises(InvalidInput) as caught:
        _create(**changes)

    assert caught.value.code == code
    assert field in caught.value.details
    assert any("\u4e00" <= char <= "\u9fff" for char in caught.value.message)
    assert not User.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_every_problem_is_reported_at_once():
    with pytest.raises(InvalidInput) as caught:
        _create(id_number="110105194912310021", phone="123", password="123")

    assert {"id_number", "phone", "password"} <= set(caught.value.details)


@pytest.mark.django_db
def test_username_must_be_unique_ignoring_case():
    _create()

    with pytest.raises(InvalidInput) as caught:
        _create(username="WangWu", id_number="")

    assert caught.value.code == "username_taken"
    assert User.objects.count() == 1
