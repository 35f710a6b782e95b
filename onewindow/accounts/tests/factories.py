"""Factories for users and role assignments, and `staff()` to make a user holding one role."""

import factory
from factory.django import DjangoModelFactory

from onewindow.accounts.access import forget_access
from onewindow.accounts.choices import DEPARTMENT_ROLES, Role
from onewindow.accounts.models import RoleAssignment, User

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    real_name = factory.Sequence(lambda n: f"测试用户{n}")
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            obj.save()


class RoleAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.APPLICANT


def staff(role: Role, *, department=None, region=None, **user_fields) -> User:  # type: ignore[no-untyped-def]
    """A new user holding `role` over `department` (department roles) or `region` (region roles)."""
    user = UserFactory(**user_fields)
    grant(user, role, department=department, region=region)
    return user


def grant(user: User, role: Role, *, department=None, region=None) -> RoleAssignment:  # type: ignore[no-untyped-def]
    """Give `user` one more role assignment; the scope defaults from the department."""
    if role in DEPARTMENT_ROLES:
        assert department is not None, f"{role} needs a department"
        region = None
    elif role != Role.APPLICANT:
        region = region or (department.region if department is not None else None)
        assert region is not None, f"{role} needs a region"
        department = None
    assignment = RoleAssignmentFactory(user=user, role=role, department=department, region=region)
    forget_access(user)
    return assignment
