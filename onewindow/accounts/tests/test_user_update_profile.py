import pytest

from onewindow.accounts.choices import Role
from onewindow.accounts.services import user_update_profile
from onewindow.accounts.tests.factories import staff
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Forbidden, InvalidInput


def test_user_updates_own_phone_and_audit_masks_it(applicant):
    user_update_profile(actor=applicant, user=applicant, phone="13800138000")

    applicant.refresh_from_db()
    assert applicant.phone == "13800138000"
    assert applicant.real_name == "张三"
    event = AuditEvent.objects.get(action="accounts.user.update_profile")
    assert event.after["phone"] == "138****8000"
    assert event.before["id_number"] == "110***********002X"


def test_admin_who_manages_the_user_updates_the_profile(system_admin, reviewer):
    user_update_profile(actor=system_admin, user=reviewer, real_name="赵六", id_number="")

    reviewer.refresh_from_db()
    assert reviewer.real_name == "赵六"
    assert reviewer.id_number == ""


def test_others_are_forbidden(reviewer, other_reviewer, other_department):
    other_admin = staff(Role.DEPARTMENT_ADMIN, department=other_department)
    for actor in (other_reviewer, other_admin, None):
        with pytest.raises(Forbidden):
            user_update_profile(actor=actor, user=reviewer, real_name="改名")
    reviewer.refresh_from_db()
    assert reviewer.real_name != "改名"


def test_invalid_values_change_nothing(applicant):
    with pytest.raises(InvalidInput) as caught:
        user_update_profile(actor=applicant, user=applicant, phone="12345", id_number="110105194912310021")

    assert {"phone", "id_number"} <= set(caught.value.details)
    applicant.refresh_from_db()
    assert applicant.id_number == "11010519491231002X"
    assert not AuditEvent.objects.exists()
