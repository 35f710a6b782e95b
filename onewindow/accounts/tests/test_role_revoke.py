import pytest

from onewindow.accounts.access import has_role
from onewindow.accounts.choices import Role
from onewindow.accounts.models import RoleAssignment
from onewindow.accounts.services import role_grant, role_revoke
from onewindow.accounts.tests.factories import UserFactory, staff
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Forbidden


def test_system_admin_revokes_a_role_in_their_county(system_admin, reviewer):
    assignment = reviewer.role_assignments.get()

    role_revoke(actor=system_admin, assignment=assignment)

    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()
    assert not has_role(reviewer, Role.REVIEWER)
    event = AuditEvent.objects.get(action="accounts.role.revoke")
    assert event.before["role"] == "reviewer"


def test_admin_of_another_scope_is_forbidden(other_county, other_department, reviewer):
    for actor in (staff(Role.SYSTEM_ADMIN, region=other_county), staff(Role.DEPARTMENT_ADMIN, department=other_department), UserFactory()):
        with pytest.raises(Forbidden):
            role_revoke(actor=actor, assignment=reviewer.role_assignments.get())
    assert reviewer.role_assignments.exists()


def test_department_admin_revokes_in_their_department_but_not_a_department_admin(department):
    department_admin = staff(Role.DEPARTMENT_ADMIN, department=department)
    peer_admin = staff(Role.DEPARTMENT_ADMIN, department=department)
    inspector = staff(Role.INSPECTOR, department=department)

    role_revoke(actor=department_admin, assignment=inspector.role_assignments.get())

    with pytest.raises(Forbidden):
        role_revoke(actor=department_admin, assignment=peer_admin.role_assignments.get())
    assert not inspector.role_assignments.exists()


def test_admins_cannot_revoke_their_own_admin_role(system_admin):
    with pytest.raises(Forbidden) as caught:
        role_revoke(actor=system_admin, assignment=system_admin.role_assignments.get())

    assert caught.value.code == "revoke_own_admin"


def test_revoking_the_last_admin_role_closes_the_management_site(system_admin, department):
    user = UserFactory()
    role_grant(actor=system_admin, user=user, role=Role.DEPARTMENT_ADMIN, department=department)
    role_grant(actor=system_admin, user=user, role=Role.SYSTEM_ADMIN, region=department.region)

    role_revoke(actor=system_admin, assignment=user.role_assignments.get(role=Role.SYSTEM_ADMIN))
    user.refresh_from_db()
    assert user.is_staff

    role_revoke(actor=system_admin, assignment=user.role_assignments.get(role=Role.DEPARTMENT_ADMIN))
    user.refresh_from_db()
    assert not user.is_staff
