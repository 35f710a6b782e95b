from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import RequestFactory, override_settings

from onewindow.accounts.access import access_of, reaches_department
from onewindow.accounts.choices import ApplicantKind, Role
from onewindow.accounts.models import User
from onewindow.common.identity import normalize_resident_id, normalize_uscc
from onewindow.demo.accounts import USERNAMES
from onewindow.orgs.models import Department

EXPECTED_ROLES = {
    "demo-applicant": {(Role.APPLICANT, None)},
    "demo-enterprise": {(Role.APPLICANT, None)},
    "demo-clerk": {(Role.WINDOW_CLERK, "示范县")},
    "demo-reviewer": {(Role.REVIEWER, "示范县市场监督管理局")},
    "demo-decider": {(Role.DECIDER, "示范县市场监督管理局")},
    "demo-chief": {(Role.CHIEF_REPRESENTATIVE, "示范县市场监督管理局")},
    "demo-supervisor": {(Role.SUPERVISOR, "示范县")},
    "demo-listadmin": {(Role.LIST_MANAGER, "示范县")},
    "demo-inspector": {(Role.INSPECTOR, "示范县市场监督管理局")},
    "demo-admin": {(Role.SYSTEM_ADMIN, "示范县")},
    "demo-deptadmin": {(Role.DEPARTMENT_ADMIN, "示范县市场监督管理局")},
    "demo-reviewer2": {(Role.REVIEWER, "示范县卫生健康局")},
}


def _output(command):
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, inside a transaction rolled back at its end (as TestCase.setUpTestData)."""
    with django_db_blocker.unblock(), transaction.atomic():
        _output("load_demo")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded, db):
    """Each test runs in a savepoint inside the module's transaction."""


def _login(client, username, password):
    # django-axes wants the request it checks for lockouts
    return client.login(request=RequestFactory().post("/accounts/login/"), username=username, password=password)


def test_every_demo_account_logs_in_with_the_demo_password(demo, client):
    assert set(USERNAMES) == set(EXPECTED_ROLES)
    for username in USERNAMES:
        assert _login(client, username, "onewindow-demo"), username
        client.logout()
    assert not _login(client, "demo-clerk", "wrong-password")


def test_a_rerun_resets_the_passwords_to_the_setting(demo, client):
    with override_settings(DEMO_PASSWORD="blue-harbor-7319"):
        _output("load_demo")
    assert _login(client, "demo-reviewer", "blue-harbor-7319")
    assert not _login(client, "demo-reviewer", "onewindow-demo")


def test_every_demo_account_has_its_roles(demo):
    for username, expected in EXPECTED_ROLES.items():
        user = User.objects.get(username=username)
        roles = {(a.role, (a.department or a.region).name if (a.department or a.region) else None) for a in user.role_assignments.all()}
        assert roles == expected, username
        assert user.real_name and user.phone


def test_the_clerk_sits_at_window_a01_of_the_center(demo):
    assignment = User.objects.get(username="demo-clerk").role_assignments.get()
    assert (assignment.window.hall.name, assignment.window.number) == ("示范县政务服务中心", "A01")


def test_the_admin_is_a_superuser_and_department_roles_stay_in_their_department(demo):
    admin = User.objects.get(username="demo-admin")
    assert admin.is_staff and admin.is_superuser
    market = Department.objects.get(name="示范县市场监督管理局")
    health = Department.objects.get(name="示范县卫生健康局")
    reviewer2 = User.objects.get(username="demo-reviewer2")
    assert reaches_department(reviewer2, health, [Role.REVIEWER])
    assert not reaches_department(reviewer2, market, [Role.REVIEWER])
    assert not access_of(User.objects.get(username="demo-applicant")).is_staff_member


def test_applicants_have_valid_identity_numbers(demo):
    person = User.objects.get(username="demo-applicant")
    assert normalize_resident_id(person.id_number) == person.id_number
    enterprise = User.objects.get(username="demo-enterprise")
    assert enterprise.applicant_kind == ApplicantKind.ENTERPRISE
    assert enterprise.enterprise_name == "示范县味道好餐饮有限公司"
    assert enterprise.uscc.startswith("91990123") and normalize_uscc(enterprise.uscc) == enterprise.uscc
    assert normalize_resident_id(enterprise.id_number) == enterprise.id_number
