"""The staff pages at /workbench/workdays/: system admins only."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory
from onewindow.audit.models import AuditEvent
from onewindow.common.time import LOCAL_TZ
from onewindow.workdays.calendar import is_workday
from onewindow.workdays.models import CalendarOverride, YearSchedule
from onewindow.workdays.tests.factories import CalendarOverrideFactory, YearScheduleFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("workdays:index")
ENTER = reverse("workdays:enter")

LINES_2027 = """# 国办发明电〔2026〕7号
2027-01-01 至 2027-01-03 元旦
2027-02-06 至 2027-02-13 春节
2027-02-14 调休上班 春节
"""


@pytest.fixture
def june_2026():
    with time_machine.travel(dt.datetime(2026, 6, 2, 10, 0, tzinfo=LOCAL_TZ), tick=False):
        yield


def _form(**changes):
    return {"year": "2027", "notice": "国办发明电〔2026〕7号", "notice_date": "2026-11-04", "lines": LINES_2027} | changes


def _pages():
    return [INDEX, ENTER, reverse("workdays:delete", args=[2027])]


class TestIndex:
    def test_lists_last_this_and_next_year_with_their_source(self, client, system_admin, june_2026):
        YearScheduleFactory(year=2025, notice="国办发明电〔2024〕12号")
        client.force_login(system_admin)
        response = client.get(INDEX)
        assert response.status_code == 200
        page = response.content.decode()
        assert [overview.year for overview in response.context["years"]] == [2025, 2026, 2027]
        assert "已录入国务院通知" in page
        assert "国办发明电〔2024〕12号" in page
        assert "chinese-calendar" in page
        assert "未录入(临时按周末及固定节日计算)" in page
        assert "2026-02-15(星期日)至2026-02-23(星期一)" in page
        assert "2026-02-14(星期六)" in page
        assert f"{ENTER}?year=2027" in page

    def test_shows_the_warning_in_november(self, client, system_admin):
        client.force_login(system_admin)
        with time_machine.travel(dt.datetime(2026, 11, 3, 10, 0, tzinfo=LOCAL_TZ), tick=False):
            page = client.get(INDEX).content.decode()
        assert "2027年法定节假日安排尚未录入" in page

    def test_a_superuser_may_open_it(self, client):
        client.force_login(UserFactory(is_superuser=True))
        assert client.get(INDEX).status_code == 200


class TestEnter:
    def test_form_defaults_to_next_year(self, client, system_admin, june_2026):
        client.force_login(system_admin)
        response = client.get(ENTER)
        assert response.status_code == 200
        assert response.context["form"].initial["year"] == 2027
        assert "2027-02-07 调休上班 春节" in response.content.decode()  # the documented format

    def test_form_is_prefilled_from_an_entered_year(self, client, system_admin):
        YearScheduleFactory(year=2027, notice="国办发明电〔2026〕7号")
        CalendarOverrideFactory(date=dt.date(2027, 2, 8), name="春节")
        client.force_login(system_admin)
        form = client.get(ENTER, {"year": "2027"}).context["form"]
        assert form.initial["notice"] == "国办发明电〔2026〕7号"
        assert form.initial["lines"] == "2027-02-08 春节"

    def test_entering_saves_audits_and_is_used(self, client, system_admin):
        client.force_login(system_admin)
        response = client.post(ENTER, _form())
        assert response.status_code == 302
        assert response.url == INDEX
        schedule = YearSchedule.objects.get(year=2027)
        assert schedule.entered_by == system_admin
        assert CalendarOverride.objects.count() == 3 + 8 + 1
        event = AuditEvent.objects.get(action="workdays.schedule.enter")
        assert event.actor == system_admin
        assert event.object_id == str(schedule.pk)
        assert is_workday(dt.date(2027, 2, 14)).workday is True
        assert is_workday(dt.date(2027, 2, 8)).provisional is False
        assert "2027年节假日安排已保存" in client.get(INDEX).content.decode()

    def test_bad_lines_are_shown_per_line_and_nothing_is_saved(self, client, system_admin):
        client.force_login(system_admin)
        response = client.post(ENTER, _form(lines="2027-01-01 元旦\n元旦放假\n2027-02-30 春节"))
        assert response.status_code == 200
        page = response.content.decode()
        assert "第2行:无法识别“元旦放假”" in page
        assert "第3行:日期“2027-02-30”不存在" in page
        assert not YearSchedule.objects.exists()
        assert not AuditEvent.objects.exists()

    def test_the_services_rules_are_shown_on_the_form(self, client, system_admin):
        client.force_login(system_admin)
        response = client.post(ENTER, _form(lines="2026-12-31 至 2027-01-02 元旦"))
        assert response.status_code == 200
        assert "不在2027年内" in response.content.decode()
        assert response.context["form"].errors["lines"]
        assert not CalendarOverride.objects.exists()

    def test_missing_notice(self, client, system_admin):
        client.force_login(system_admin)
        response = client.post(ENTER, _form(notice="", notice_date="2026-02-30"))
        assert response.status_code == 200
        assert set(response.context["form"].errors) == {"notice", "notice_date"}
        assert not YearSchedule.objects.exists()


class TestDelete:
    def test_confirm_then_delete(self, client, system_admin):
        YearScheduleFactory(year=2027)
        CalendarOverrideFactory(date=dt.date(2027, 2, 8))
        client.force_login(system_admin)
        url = reverse("workdays:delete", args=[2027])
        assert "确认删除" in client.get(url).content.decode()
        response = client.post(url)
        assert response.status_code == 302
        assert not YearSchedule.objects.exists()
        assert not CalendarOverride.objects.exists()
        assert AuditEvent.objects.filter(action="workdays.schedule.delete").count() == 1

    def test_a_year_not_entered_is_404(self, client, system_admin):
        client.force_login(system_admin)
        assert client.get(reverse("workdays:delete", args=[2030])).status_code == 404
        assert client.post(reverse("workdays:delete", args=[2030])).status_code == 404


class TestAccess:
    @pytest.mark.parametrize("url", _pages())
    def test_other_staff_get_403(self, client, make_staff, department, url):
        YearScheduleFactory(year=2027, notice="国办发明电〔2026〕7号")
        for user in (make_staff(Role.DEPARTMENT_ADMIN, department=department), make_staff(Role.SUPERVISOR, region=department.region)):
            client.force_login(user)
            assert client.get(url).status_code == 403
            assert client.post(url, _form()).status_code == 403
        assert YearSchedule.objects.get().notice == "国办发明电〔2026〕7号"  # neither replaced nor deleted
        assert CalendarOverride.objects.count() == 0

    def test_applicants_get_403(self, client, applicant):
        client.force_login(applicant)
        assert client.get(INDEX).status_code == 403

    @pytest.mark.parametrize("url", _pages())
    def test_anonymous_visitors_are_sent_to_login(self, client, url):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(resolve_url(settings.LOGIN_URL))
        assert client.post(url, _form()).status_code == 302
        assert not YearSchedule.objects.exists()
