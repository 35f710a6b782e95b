import pytest

from onewindow.accounts.access import has_role
from onewindow.accounts.choices import Role
from onewindow.accounts.models import RoleAssignment
from onewindow.accounts.services import role_grant
from onewindow.accounts.tests.factories import UserFactory, staff
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.orgs.choices import WindowKind
from onewindow.orgs.tests.factories import CityFactory, DepartmentFactory, ServiceHallFactory, WindowFactory


@pytest.fixture
def newcomer(db):
    return UserFactory(username="newcomer")


def test_system_admin_grants_a_department_role_in_their_county(system_admin, department, newcomer):
    assignment = role_grant(actor=system_admin, user=newcomer, role=Role.REVIEWER, department=department)

    assert assignment.granted_by == system_admin
    assert has_role(newcomer, Role.REVIEWER)
    event = AuditEvent.objects.get(action="accounts.role.grant")
    assert event.object_id == str(assignment.pk)
    assert event.after["role"] == "reviewer"


def test_system_admin_grants_a_region_role_in_their_county(system_admin, county, newcomer):
    role_grant(actor=system_admin, user=newcomer, role=Role.WINDOW_CLERK, region=county)

    assert RoleAssignment.objects.filter(user=newcomer, role=Role.WINDOW_CLERK, region=county).exists()


def test_city_system_admin_reaches_the_county(department, newcomer):
    city_admin = staff(Role.SYSTEM_ADMIN, region=CityFactory())

    role_grant(actor=city_admin, user=newcomer, role=Role.DECIDER, department=department)

    assert has_role(newcomer, Role.DECIDER)


def test_system_admin_of_another_county_is_forbidden(other_county, department, county, newcomer):
    other_admin = staff(Role.SYSTEM_ADMIN, region=other_county)

    with pytest.raises(Forbidden):
        role_grant(actor=other_admin, user=newcomer, role=Role.REVIEWER, department=department)
    with pytest.raises(Forbidden):
        role_grant(actor=other_admin, user=newcomer, role=Role.SUPERVISOR, region=county)
    assert not newcomer.role_assignments.exists()
    assert not AuditEvent.objects.exists()


def test_department_admin_grants_department_roles_of_their_department_only(department, other_department, county, newcomer):
    department_admin = staff(Role.DEPARTMENT_ADMIN, department=department)

    role_grant(actor=department_admin, user=newcomer, role=Role.INSPECTOR, department=department)

    for role, scope in [
        (Role.REVIEWER, {"department": other_department}),
        (Role.DEPARTMENT_ADMIN, {"department": department}),
        (Role.WINDOW_CLERK, {"region": county}),
    ]:
        with pytest.raises(Forbidden):
            role_grant(actor=department_admin, user=newcomer, role=role, **scope)
    assert list(newcomer.role_assignments.values_list("role", flat=True)) == [Role.INSPECTOR]


def test_department_admin_of_another_department_is_forbidden(department, other_department, newcomer):
    other_admin = staff(Role.DEPARTMENT_ADMIN, department=other_department)

    with pytest.raises(Forbidden):
        role_grant(actor=other_admin, user=newcomer, role=Role.REVIEWER, department=department)


def test_staff_without_an_admin_role_and_anonymous_are_forbidden(reviewer, department, newcomer):
    with pytest.raises(Forbidden):
        role_grant(actor=reviewer, user=newcomer, role=Role.REVIEWER, department=department)
    with pytest.raises(Forbidden):
        role_grant(actor=None, user=newcomer, role=Role.REVIEWER, department=department)


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.REVIEWER, "region"),
        (Role.REVIEWER, "both"),
        (Role.REVIEWER, "none"),
        (Role.SYSTEM_ADMIN, "department"),
        (Role.WINDOW_CLERK, "none"),
        (Role.APPLICANT, "department"),
    ],
)
def test_scope_must_match_the_role(system_admin, department, county, newcomer, role, scope):
    arguments = {
        "region": {"region": county},
        "department": {"department": department},
        "both": {"department": department, "region": county},
        "none": {},
    }[scope]

    with pytest.raises(InvalidInput) as caught:
        role_grant(actor=system_admin, user=newcomer, role=role, **arguments)

    assert caught.value.code == "scope_mismatch"
    assert not newcomer.role_assignments.exists()


def test_unknown_role_is_invalid(system_admin, county, newcomer):
    with pytest.raises(InvalidInput) as caught:
        role_grant(actor=system_admin, user=newcomer, role="mayor", region=county)

    assert caught.value.code == "invalid_role"


def test_same_role_twice_conflicts(system_admin, department, reviewer):
    with pytest.raises(Conflict) as caught:
        role_grant(actor=system_admin, user=reviewer, role=Role.REVIEWER, department=department)

    assert caught.value.code == "role_exists"


def test_inactive_user_gets_no_role(system_admin, department, newcomer):
    newcomer.is_active = False
    newcomer.save()

    with pytest.raises(InvalidInput) as caught:
        role_grant(actor=system_admin, user=newcomer, role=Role.REVIEWER, department=department)

    assert caught.value.code == "user_inactive"


def test_admin_roles_open_the_management_site(system_admin, department, newcomer):
    role_grant(actor=system_admin, user=newcomer, role=Role.DEPARTMENT_ADMIN, department=department)

    newcomer.refresh_from_db()
    assert newcomer.is_staff


def test_window_must_suit_the_role_and_lie_in_its_scope(system_admin, county, other_county, department, newcomer):
    hall = ServiceHallFactory(region=county)
    county_window = WindowFactory(hall=hall)
    far_window = WindowFactory(hall=ServiceHallFactory(region=other_county))
    other_department_window = WindowFactory(hall=hall, kind=WindowKind.DEPARTMENTAL, department=DepartmentFactory(region=county))

    role_grant(actor=system_admin, user=newcomer, role=Role.WINDOW_CLERK, region=county, window=county_window)

    for role, scope, window, code in [
        (Role.REVIEWER, {"department": department}, county_window, "window_not_applicable"),
        (Role.WINDOW_CLERK, {"region": county}, far_window, "window_out_of_scope"),
        (Role.CHIEF_REPRESENTATIVE, {"department": department}, other_department_window, "window_out_of_scope"),
    ]:
        with pytest.raises(InvalidInput) as caught:
            role_grant(actor=system_admin, user=newcomer, role=role, window=window, **scope)
        assert caught.value.code == code
