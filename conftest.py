"""Fixtures shared by every app's tests: a county with two departments, and users by role."""

import pytest

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory, staff
from onewindow.orgs.tests.factories import CountyFactory, DepartmentFactory


@pytest.fixture
def county(db):
    return CountyFactory(code="990123", name="示范县")


@pytest.fixture
def department(county):
    """The department under test (市场监督管理局)."""
    return DepartmentFactory(region=county, name="市场监督管理局")


@pytest.fixture
def other_department(county):
    """Another department of the same county: its users must not reach `department`'s objects."""
    return DepartmentFactory(region=county, name="卫生健康局")


@pytest.fixture
def other_county(db):
    return CountyFactory(code="990124", name="邻县")


@pytest.fixture
def applicant(db):
    return UserFactory(username="applicant", real_name="张三", id_number="11010519491231002X")


@pytest.fixture
def make_staff(db):
    """`make_staff(Role.REVIEWER, department=d)` → a user holding that role."""
    return staff


@pytest.fixture
def reviewer(department):
    return staff(Role.REVIEWER, department=department, username="reviewer")


@pytest.fixture
def other_reviewer(other_department):
    return staff(Role.REVIEWER, department=other_department, username="other-reviewer")


@pytest.fixture
def system_admin(county):
    return staff(Role.SYSTEM_ADMIN, region=county, username="sysadmin")


from onewindow.audit.tests.support import purge_audit_trail_after_transactional_tests  # noqa: E402, F401


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    """Per-process caches of published rows keyed by primary key: SQLite reuses keys after a test's
    rollback, so each test starts with them empty."""
    from onewindow.cases.services import intake

    intake._PARTS.clear()
    yield
    intake._PARTS.clear()
