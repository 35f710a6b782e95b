import pytest

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff


@pytest.fixture
def list_manager(county):
    return staff(Role.LIST_MANAGER, region=county, username="listadmin")


@pytest.fixture
def second_list_manager(county):
    return staff(Role.LIST_MANAGER, region=county, username="listadmin2")


@pytest.fixture
def department_admin(department):
    return staff(Role.DEPARTMENT_ADMIN, department=department, username="deptadmin")


@pytest.fixture
def other_department_admin(other_department):
    return staff(Role.DEPARTMENT_ADMIN, department=other_department, username="other-deptadmin")
