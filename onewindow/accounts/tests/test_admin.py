"""The management site's account pages: access by role, rows by visibility, writes through the services."""

import pytest
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.models import ApiToken, RoleAssignment, User
from onewindow.accounts.services import role_grant, token_create
from onewindow.accounts.tests.factories import UserFactory
from onewindow.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

USERS = "/admin/accounts/user/"


@pytest.fixture
def county_admin(county, db):
    """A system admin of the county with the management site opened by `role_grant`."""
    root = UserFactory(is_superuser=True, is_staff=True)
    user = UserFactory(username="county-admin")
    role_grant(actor=root, user=user, role=Role.SYSTEM_ADMIN, region=county)
    return user


@pytest.fixture
def department_admin(department):
    root = UserFactory(is_superuser=True, is_staff=True)
    user = UserFactory(username="dept-admin")
    role_grant(actor=root, user=user, role=Role.DEPARTMENT_ADMIN, department=department)
    return user


def _add_user(client, **changes):
    data = {
        "username": "liuqi",
        "password1": "Lanting-Xu-2024!",
        "password2": "Lanting-Xu-2024!",
        "real_name": "刘七",
        "phone": "13912345678",
        "id_number": "11010519491231002X",
        "applicant_kind": "person",
        "enterprise_name": "",
        "uscc": "",
        **changes,
    }
    return client.post(f"{USERS}add/", data)


def test_system_admin_lists_the_users_they_may_see(client, county_admin, reviewer, applicant, other_county):
    far = UserFactory(username="far-away")
    far.role_assignments.create(role=Role.WINDOW_CLERK, region=other_county)
    client.force_login(county_admin)

    html = client.get(USERS).content.decode()

    assert "reviewer" in html and "applicant" in html
    assert "far-away" not in html


def test_system_admin_adds_a_user_through_the_service(client, county_admin):
    client.force_login(county_admin)

    response = _add_user(client)

    assert response.status_code == 302
    user = User.objects.get(username="liuqi")
    assert user.check_password("Lanting-Xu-2024!")
    assert AuditEvent.objects.filter(action="accounts.user.create", object_id=str(user.pk), actor=county_admin).exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id_number": "110105194912310021"}, "校验位错误"),
        ({"phone": "12345"}, "手机号码应为11位"),
        ({"password1": "short", "password2": "short"}, "密码太短"),
        ({"password2": "different-Password-1"}, "两次输入的密码不一致"),
    ],
)
def test_add_form_validates_like_the_service(client, county_admin, changes, message):
    client.force_login(county_admin)

    response = _add_user(client, **changes)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(username="liuqi").exists()


def test_change_page_never_shows_hashes_or_the_full_id_number(client, county_admin, applicant):
    client.force_login(county_admin)

    html = client.get(f"{USERS}{applicant.pk}/change/").content.decode()

    assert applicant.password not in html
    assert "md5$" not in html and "pbkdf2" not in html
    assert applicant.id_number not in html
    assert applicant.masked_id_number in html


def test_change_page_updates_the_profile_through_the_service(client, county_admin, applicant):
    client.force_login(county_admin)
    data = {
        "real_name": "张三丰",
        "phone": "13800138000",
        "new_id_number": "",
        "applicant_kind": "person",
        "enterprise_name": "",
        "uscc": "",
        "role_assignments-TOTAL_FORMS": "0",
        "role_assignments-INITIAL_FORMS": "0",
    }

    response = client.post(f"{USERS}{applicant.pk}/change/", data)

    assert response.status_code == 302
    applicant.refresh_from_db()
    assert applicant.real_name == "张三丰"
    assert applicant.id_number == "11010519491231002X"
    assert AuditEvent.objects.filter(action="accounts.user.update_profile", object_id=str(applicant.pk)).exists()
    bad = client.post(f"{USERS}{applicant.pk}/change/", {**data, "new_id_number": "110105194912310021"})
    assert "校验位错误" in bad.content.decode()


def test_inline_grants_a_role_through_the_service(client, county_admin, applicant, department):
    client.force_login(county_admin)
    data = {
        "real_name": applicant.real_name,
        "phone": applicant.phone,
        "applicant_kind": "person",
        "role_assignments-TOTAL_FORMS": "1",
        "role_assignments-INITIAL_FORMS": "0",
        "role_assignments-0-role": Role.REVIEWER,
        "role_assignments-0-department": str(department.pk),
    }

    response = client.post(f"{USERS}{applicant.pk}/change/", data)

    assert response.status_code == 302
    assignment = RoleAssignment.objects.get(user=applicant)
    assert assignment.granted_by == county_admin
    assert AuditEvent.objects.filter(action="accounts.role.grant", object_id=str(assignment.pk)).exists()


def test_inline_revokes_and_grants_beside_existing_roles(client, county_admin, reviewer, department, county):
    kept = reviewer.role_assignments.get()
    dropped = RoleAssignment.objects.create(user=reviewer, role=Role.INSPECTOR, department=department)
    client.force_login(county_admin)
    data = {
        "real_name": reviewer.real_name,
        "phone": reviewer.phone,
        "applicant_kind": "person",
        "role_assignments-TOTAL_FORMS": "3",
        "role_assignments-INITIAL_FORMS": "2",
        "role_assignments-0-id": str(kept.pk),
        "role_assignments-0-user": str(reviewer.pk),
        "role_assignments-1-id": str(dropped.pk),
        "role_assignments-1-user": str(reviewer.pk),
        "role_assignments-1-DELETE": "on",
        "role_assignments-2-role": Role.WINDOW_CLERK,
        "role_assignments-2-region": str(county.pk),
    }

    response = client.post(f"{USERS}{reviewer.pk}/change/", data)

    assert response.status_code == 302
    assert set(reviewer.role_assignments.values_list("role", flat=True)) == {Role.REVIEWER, Role.WINDOW_CLERK}
    assert AuditEvent.objects.filter(action="accounts.role.revoke", object_id=str(dropped.pk)).exists()


def test_inline_refuses_a_revocation_outside_the_admins_reach(client, department_admin, department, other_department):
    both = UserFactory(username="both")
    mine = both.role_assignments.create(role=Role.REVIEWER, department=department)
    theirs = both.role_assignments.create(role=Role.REVIEWER, department=other_department)
    client.force_login(department_admin)
    data = {
        "real_name": both.real_name,
        "phone": both.phone,
        "applicant_kind": "person",
        "role_assignments-TOTAL_FORMS": "2",
        "role_assignments-INITIAL_FORMS": "2",
        "role_assignments-0-id": str(mine.pk),
        "role_assignments-0-user": str(both.pk),
        "role_assignments-1-id": str(theirs.pk),
        "role_assignments-1-user": str(both.pk),
        "role_assignments-1-DELETE": "on",
    }

    response = client.post(f"{USERS}{both.pk}/change/", data)

    assert response.status_code == 403  # the user holds a role the department admin does not administer
    assert RoleAssignment.objects.filter(pk=theirs.pk).exists()


def test_inline_refuses_revoking_ones_own_admin_role(client, county_admin):
    own = county_admin.role_assignments.get()
    client.force_login(county_admin)
    data = {
        "real_name": county_admin.real_name,
        "phone": county_admin.phone,
        "applicant_kind": "person",
        "role_assignments-TOTAL_FORMS": "1",
        "role_assignments-INITIAL_FORMS": "1",
        "role_assignments-0-id": str(own.pk),
        "role_assignments-0-user": str(county_admin.pk),
        "role_assignments-0-DELETE": "on",
    }

    response = client.post(f"{USERS}{county_admin.pk}/change/", data)

    assert response.status_code == 200
    assert "您无权撤销角色" in response.content.decode()
    assert RoleAssignment.objects.filter(pk=own.pk).exists()


def test_role_add_page_refuses_a_scope_outside_the_admins_reach(client, department_admin, department, applicant, county):
    client.force_login(department_admin)

    response = client.post(
        "/admin/accounts/roleassignment/add/", {"user": str(applicant.pk), "role": Role.WINDOW_CLERK, "region": str(county.pk)}
    )

    assert response.status_code == 200
    assert not RoleAssignment.objects.filter(user=applicant).exists()


def test_department_admin_cannot_open_another_departments_user(client, department_admin, reviewer, other_reviewer):
    client.force_login(department_admin)

    assert client.get(f"{USERS}{reviewer.pk}/change/").status_code == 200
    assert client.get(f"{USERS}{other_reviewer.pk}/change/").status_code == 302  # "does not exist" → back to the list
    assert client.get(f"{USERS}add/").status_code == 403


def test_staff_without_an_admin_role_and_anonymous_are_kept_out(client, reviewer):
    assert client.get(USERS)["Location"].startswith(reverse("admin:login"))
    reviewer.is_staff = True
    reviewer.save()
    client.force_login(reviewer)
    assert client.get(USERS).status_code == 403


def test_password_reset_goes_through_the_service(client, county_admin, reviewer):
    client.force_login(county_admin)
    url = reverse("admin:accounts_user_password", args=[reviewer.pk])

    weak = client.post(url, {"password1": "short", "password2": "short"})
    done = client.post(url, {"password1": "Another-Long-Secret-9", "password2": "Another-Long-Secret-9"})

    assert "密码太短" in weak.content.decode()
    assert done.status_code == 302
    reviewer.refresh_from_db()
    assert reviewer.check_password("Another-Long-Secret-9")
    assert AuditEvent.objects.filter(action="accounts.user.set_password", actor=county_admin).exists()


def test_deactivate_action_uses_the_service(client, county_admin, reviewer, other_county):
    far = UserFactory(username="far")
    far.role_assignments.create(role=Role.WINDOW_CLERK, region=other_county)
    client.force_login(county_admin)

    client.post(USERS, {"action": "deactivate_selected", "_selected_action": [str(reviewer.pk), str(far.pk)]})

    reviewer.refresh_from_db()
    far.refresh_from_db()
    assert not reviewer.is_active
    assert far.is_active


def test_token_admin_shows_no_hash_and_revokes(client, county_admin, reviewer):
    token, plain = token_create(actor=reviewer, user=reviewer, name="对接")
    client.force_login(county_admin)

    html = client.get(f"/admin/accounts/apitoken/{token.pk}/change/").content.decode()
    client.post("/admin/accounts/apitoken/", {"action": "revoke_selected", "_selected_action": [str(token.pk)]})

    assert token.key_hash not in html and plain not in html
    assert token.prefix in html
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert not ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).exists()
