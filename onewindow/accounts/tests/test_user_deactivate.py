import pytest
from django.contrib.auth import authenticate

from onewindow.accounts.choices import Role
from onewindow.accounts.services import user_activate, user_deactivate, user_set_password
from onewindow.accounts.tests.factories import TEST_PASSWORD, staff
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Conflict, Forbidden, InvalidInput


def test_system_admin_deactivates_and_reactivates_staff_of_their_county(rf, system_admin, reviewer):
    user_deactivate(actor=system_admin, user=reviewer)

    assert authenticate(rf.post("/"), username="reviewer", password=TEST_PASSWORD) is None
    with pytest.raises(Conflict):
        user_deactivate(actor=system_admin, user=reviewer)

    user_activate(actor=system_admin, user=reviewer)

    assert authenticate(rf.post("/"), username="reviewer", password=TEST_PASSWORD) == reviewer
    actions = list(AuditEvent.objects.order_by("seq").values_list("action", flat=True))
    assert actions == ["accounts.user.deactivate", "accounts.user.activate"]


def test_department_admin_deactivates_own_department_staff_only(department, reviewer, other_reviewer):
    department_admin = staff(Role.DEPARTMENT_ADMIN, department=department)

    user_deactivate(actor=department_admin, user=reviewer)

    with pytest.raises(Forbidden):
        user_deactivate(actor=department_admin, user=other_reviewer)
    other_reviewer.refresh_from_db()
    assert other_reviewer.is_active


def test_department_admin_cannot_deactivate_a_system_admin_assigned_to_their_department(department, system_admin):
    department_admin = staff(Role.DEPARTMENT_ADMIN, department=department)
    staff_member = staff(Role.REVIEWER, department=department)
    staff_member.role_assignments.create(role=Role.SYSTEM_ADMIN, region=department.region)

    with pytest.raises(Forbidden):
        user_deactivate(actor=department_admin, user=staff_member)


def test_nobody_deactivates_themself_and_staff_cannot_deactivate(system_admin, reviewer, applicant):
    with pytest.raises(InvalidInput):
        user_deactivate(actor=system_admin, user=system_admin)
    with pytest.raises(Forbidden):
        user_deactivate(actor=reviewer, user=applicant)


def test_set_password_checks_strength_and_permission(system_admin, reviewer, other_reviewer):
    with pytest.raises(InvalidInput) as caught:
        user_set_password(actor=reviewer, user=reviewer, password="12345678")
    assert "password" in caught.value.details
    with pytest.raises(Forbidden):
        user_set_password(actor=other_reviewer, user=reviewer, password="Another-Long-Secret-9")

    user_set_password(actor=system_admin, user=reviewer, password="Another-Long-Secret-9")

    reviewer.refresh_from_db()
    assert reviewer.check_password("Another-Long-Secret-9")
    event = AuditEvent.objects.get(action="accounts.user.set_password")
    assert event.before is None and event.after is None
