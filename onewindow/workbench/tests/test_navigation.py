"""The workbench's page table and role sections: every page exists, every staff role has a section."""

import pytest
from django.urls import NoReverseMatch, reverse

from onewindow.accounts.choices import STAFF_ROLES, Role
from onewindow.workbench.navigation import PAGES, navigation_for, role_labels
from onewindow.workbench.sections import SECTIONS, SUPERUSER


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.url_name)
def test_every_page_exists(page):
    try:
        reverse(page.url_name)
    except NoReverseMatch:  # pragma: no cover - the failure message is the point
        pytest.fail(f"the workbench links to {page.url_name}, which does not exist")


def test_every_staff_role_and_the_superuser_have_a_section():
    assert set(SECTIONS) == {role.value for role in STAFF_ROLES} | {SUPERUSER}


def test_sections_link_only_to_known_pages():
    for spec in SECTIONS.values():
        assert set(spec.pages) <= set(PAGES)


def test_anonymous_user_gets_no_navigation(db):
    from django.contrib.auth.models import AnonymousUser

    assert navigation_for(AnonymousUser(), "/workbench/") == []


def test_pages_below_a_section_mark_it_current(reviewer):
    groups = navigation_for(reviewer, reverse("orgs:index") + "departments/1/")

    current = [link.url for group in groups for link in group if link.current]
    assert current == [reverse("orgs:index")]


def test_role_labels_in_role_order(make_staff, department):
    from onewindow.accounts.tests.factories import grant

    user = make_staff(Role.DEPARTMENT_ADMIN, department=department)
    grant(user, Role.WINDOW_CLERK, region=department.region)

    assert role_labels(user) == ["窗口受理人员", "部门管理员"]
