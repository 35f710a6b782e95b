"""The workbench home: staff only, one section per role held, the calendar warning for system admins."""

import datetime as dt
import re

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from onewindow.accounts.choices import DEPARTMENT_ROLES, REGION_ROLES, STAFF_ROLES, Role
from onewindow.accounts.tests.factories import UserFactory, grant
from onewindow.common.time import LOCAL_TZ
from onewindow.orgs.tests.factories import WindowFactory

HOME = reverse("workbench:home")


def _section_keys(response) -> set[str]:
    return set(re.findall(r'<section class="card role-section" id="role-([a-z_]+)"', response.content.decode()))


def _holder(make_staff, role, department):
    scope = {"department": department} if role in DEPARTMENT_ROLES else {"region": department.region}
    return make_staff(role, **scope)


def test_anonymous_is_sent_to_login_with_next(client, db):
    response = client.get(HOME)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse(settings.LOGIN_URL)}?next={HOME}"


def test_applicant_is_sent_to_the_portal(client, applicant):
    client.force_login(applicant)

    response = client.get(HOME)

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:home")


def test_user_with_only_the_applicant_role_is_sent_to_the_portal(client, make_staff):
    client.force_login(make_staff(Role.APPLICANT))

    assert client.get(HOME)["Location"] == reverse("portal:home")


@pytest.mark.parametrize("role", sorted(STAFF_ROLES))
def test_each_role_sees_its_own_section_only(client, make_staff, department, role):
    user = _holder(make_staff, role, department)
    client.force_login(user)

    response = client.get(HOME)

    page = response.content.decode()
    assert response.status_code == 200
    assert _section_keys(response) == {role}
    assert Role(role).label in page
    scope = department.name if role in DEPARTMENT_ROLES else department.region.name
    assert f"范围：{scope}" in page


def test_two_roles_in_two_scopes_show_both_sections_with_their_scopes(client, make_staff, department, other_department):
    user = make_staff(Role.REVIEWER, department=department)
    grant(user, Role.REVIEWER, department=other_department)
    grant(user, Role.SUPERVISOR, region=department.region)
    client.force_login(user)

    response = client.get(HOME)

    assert _section_keys(response) == {Role.REVIEWER, Role.SUPERVISOR}
    page = response.content.decode()
    assert "范围：市场监督管理局、卫生健康局" in page
    assert page.index('id="role-reviewer"') < page.index('id="role-supervisor"')  # in the order of Role


def test_window_of_a_clerk_is_named_in_the_scope(client, make_staff, county):
    window = WindowFactory(hall__region=county, hall__name="示范县政务服务中心", number="A01")
    user = make_staff(Role.WINDOW_CLERK, region=county)
    assignment = user.role_assignments.get()
    assignment.window = window
    assignment.save()
    client.force_login(user)

    assert "示范县 · 示范县政务服务中心 A01窗口" in client.get(HOME).content.decode()


def test_superuser_without_roles_gets_the_superuser_section(client, db):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)

    response = client.get(HOME)

    assert response.status_code == 200
    assert _section_keys(response) == {"superuser"}
    assert reverse("admin:index") in response.content.decode()


def test_section_links_follow_what_the_user_may_open(client, make_staff, department):
    supervisor = make_staff(Role.SUPERVISOR, region=department.region)
    reviewer = make_staff(Role.REVIEWER, department=department)

    client.force_login(supervisor)
    supervisor_section = _section_html(client.get(HOME), Role.SUPERVISOR)
    client.force_login(reviewer)
    reviewer_section = _section_html(client.get(HOME), Role.REVIEWER)

    assert reverse("audit:index") in supervisor_section
    assert reverse("orgs:index") in reviewer_section
    assert reverse("audit:index") not in reviewer_section


def test_case_work_is_linked_from_the_sections_of_the_roles_that_do_it(client, make_staff, county, department):
    clerk = make_staff(Role.WINDOW_CLERK, region=county)
    reviewer = make_staff(Role.REVIEWER, department=department)

    client.force_login(clerk)
    clerk_section = _section_html(client.get(HOME), Role.WINDOW_CLERK)
    client.force_login(reviewer)
    reviewer_section = _section_html(client.get(HOME), Role.REVIEWER)

    assert reverse("cases:intake") in clerk_section and reverse("cases:queue") in clerk_section
    assert reverse("cases:task_queue") in reviewer_section and reverse("cases:queue") in reviewer_section
    assert reverse("cases:intake") not in reviewer_section


def test_system_admin_without_is_staff_gets_no_admin_site_link(client, system_admin):
    client.force_login(system_admin)

    page = client.get(HOME).content.decode()

    assert reverse("workdays:index") in page
    assert reverse("admin:index") not in page


def _section_html(response, key: str) -> str:
    page = response.content.decode()
    start = page.index(f'id="role-{key}"')
    return page[start : page.index("</section>", start)]


# -- the working-day schedule warning ------------------------------------------------------


@pytest.fixture
def november_without_next_year():
    """A day in November whose next year the chinese-calendar package does not cover."""
    from onewindow.workdays import calendar

    year = dt.date.today().year
    while calendar.package_covers(year + 1):
        year += 1
    with time_machine.travel(dt.datetime(year, 11, 20, 10, 0, tzinfo=LOCAL_TZ), tick=False):
        yield year + 1


def test_system_admin_sees_the_missing_schedule_warning(client, system_admin, november_without_next_year):
    client.force_login(system_admin)

    page = client.get(HOME).content.decode()

    assert f"{november_without_next_year}年法定节假日安排尚未录入" in page


def test_other_staff_do_not_see_the_schedule_warning(client, reviewer, november_without_next_year):
    client.force_login(reviewer)

    assert "法定节假日安排尚未录入" not in client.get(HOME).content.decode()


def test_no_warning_before_november(client, system_admin):
    client.force_login(system_admin)
    with time_machine.travel(dt.datetime(2025, 6, 2, 10, 0, tzinfo=LOCAL_TZ), tick=False):
        page = client.get(HOME).content.decode()

    assert "法定节假日安排尚未录入" not in page


# -- layout: header and navigation ---------------------------------------------------------


def test_header_shows_real_name_and_role_labels(client, make_staff, department):
    user = make_staff(Role.REVIEWER, department=department, real_name="李四")
    grant(user, Role.DECIDER, department=department)
    client.force_login(user)

    page = client.get(HOME).content.decode()

    assert '<span class="wb-user-name">李四</span>' in page
    assert '<span class="wb-user-roles">审查人员、审批决定人</span>' in page


def _nav_links(response) -> list[str]:
    page = response.content.decode()
    nav = page[page.index('<nav id="wb-nav"') : page.index("</nav>", page.index('<nav id="wb-nav"'))]
    return re.findall(r'<a href="([^"]+)"', nav)


def test_reviewer_navigation(client, reviewer):
    client.force_login(reviewer)

    links = _nav_links(client.get(HOME))

    expected = (
        "workbench:home",
        "cases:queue",
        "cases:task_queue",
        "supervision:board",
        "supervision:orders",
        "statistics:overview",
        "ratings:rectifications",
        "ratings:ratings",
        "catalog:versions",
        "catalog:excel_export",
        "orgs:index",
        "accounts:tokens",
        "accounts:profile",
    )
    assert links == [reverse(name) for name in expected]


def test_system_admin_navigation_adds_audit_and_calendar(client, system_admin):
    client.force_login(system_admin)

    links = _nav_links(client.get(HOME))

    assert reverse("audit:index") in links
    assert reverse("workdays:index") in links
    assert reverse("admin:index") not in links


def test_supervisor_navigation_has_audit_but_not_calendar(client, make_staff, county):
    client.force_login(make_staff(Role.SUPERVISOR, region=county))

    links = _nav_links(client.get(HOME))

    assert reverse("audit:index") in links
    assert reverse("workdays:index") not in links


def test_django_staff_flag_adds_the_admin_site(client, make_staff, department):
    user = make_staff(Role.DEPARTMENT_ADMIN, department=department, is_staff=True)
    client.force_login(user)

    assert reverse("admin:index") in _nav_links(client.get(HOME))


def test_current_page_is_marked_and_logout_is_a_post_form(client, reviewer):
    client.force_login(reviewer)

    page = client.get(HOME).content.decode()

    assert f'<a href="{HOME}" aria-current="page">' in page
    assert f'<form method="post" action="{reverse("accounts:logout")}">' in page


def test_home_query_count_is_bounded(client, django_assert_max_num_queries, make_staff, department, other_department):
    user = make_staff(Role.REVIEWER, department=department)
    for role in sorted(REGION_ROLES):
        grant(user, role, region=department.region)
    grant(user, Role.DECIDER, department=other_department)
    client.force_login(user)

    with django_assert_max_num_queries(6):
        response = client.get(HOME)

    assert len(_section_keys(response)) == len(REGION_ROLES) + 2
