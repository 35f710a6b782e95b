"""`User.objects.visible_to`, `RoleAssignment.objects.visible_to`, `ApiToken.objects.visible_to` for each kind of user."""

import pytest
from django.contrib.auth.models import AnonymousUser

from onewindow.accounts.choices import Role
from onewindow.accounts.models import ApiToken, RoleAssignment, User
from onewindow.accounts.tests.factories import UserFactory, staff
from onewindow.orgs.tests.factories import DepartmentFactory


@pytest.fixture
def people(department, other_department, other_county, county, applicant, reviewer, other_reviewer, system_admin):
    return {
        "applicant": applicant,
        "reviewer": reviewer,
        "other_reviewer": other_reviewer,
        "system_admin": system_admin,
        "clerk": staff(Role.WINDOW_CLERK, region=county),
        "far_reviewer": staff(Role.REVIEWER, department=DepartmentFactory(region=other_county)),
        "far_clerk": staff(Role.WINDOW_CLERK, region=other_county),
        "department_admin": staff(Role.DEPARTMENT_ADMIN, department=department),
        "superuser": UserFactory(is_superuser=True),
    }


def _visible(viewer, people):
    pks = set(User.objects.visible_to(viewer).values_list("pk", flat=True))
    return {name for name, person in people.items() if person.pk in pks}


def test_a_user_without_admin_role_sees_only_themself(people):
    assert _visible(people["reviewer"], people) == {"reviewer"}
    assert _visible(people["applicant"], people) == {"applicant"}


def test_system_admin_sees_staff_of_their_region_and_applicants(people):
    assert _visible(people["system_admin"], people) == {
        "applicant",
        "reviewer",
        "other_reviewer",
        "system_admin",
        "clerk",
        "department_admin",
    }


def test_department_admin_sees_users_of_their_department(people):
    assert _visible(people["department_admin"], people) == {"reviewer", "department_admin"}


def test_superuser_sees_everyone(people):
    assert _visible(people["superuser"], people) == set(people)


def test_anonymous_and_deactivated_users_see_no_one(people):
    assert not User.objects.visible_to(AnonymousUser()).exists()
    assert not User.objects.visible_to(None).exists()
    people["system_admin"].is_active = False
    assert not User.objects.visible_to(people["system_admin"]).exists()


def test_role_assignments_follow_the_same_reach(people, department):
    def visible(viewer):
        return set(RoleAssignment.objects.visible_to(viewer).values_list("user__username", flat=True))

    assert visible(people["reviewer"]) == {"reviewer"}
    assert visible(people["department_admin"]) == {"reviewer", people["department_admin"].username}
    assert people["far_reviewer"].username not in visible(people["system_admin"])
    assert people["clerk"].username in visible(people["system_admin"])


def test_tokens_are_visible_to_their_owner_only(people):
    token = ApiToken.objects.create(user=people["reviewer"], name="t", prefix="abcd", key_hash="0" * 64)

    assert list(ApiToken.objects.visible_to(people["reviewer"])) == [token]
    assert not ApiToken.objects.visible_to(people["system_admin"]).exists()
    assert not ApiToken.objects.visible_to(AnonymousUser()).exists()
