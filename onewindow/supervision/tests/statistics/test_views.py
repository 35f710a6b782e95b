"""The statistics pages as a supervisor, the department, another department, non-statistics staff and
anonymous; the Excel exports and the PDF report; bounded queries."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from onewindow.orgs.models import Department
from onewindow.supervision.tests.statistics.support import on

pytestmark = pytest.mark.django_db

NOVEMBER = {"period": "custom", "start": "2026-11-01", "end": "2026-11-30"}


def page(client, user, url, **params):
    client.force_login(user)
    with on("2026-11-20", 10):
        return client.get(url, params)


def overview():
    return reverse("statistics:overview")


def test_the_overview_shows_figures_charts_data_and_rankings(client, history):
    response = page(client, history.people.supervisor, overview())
    text = response.content.decode()
    assert response.status_code == 200
    assert 'id="stats-chart-data"' in text and "vendor/echarts/echarts.min.js" in text and "supervision/statistics.js" in text
    assert "<script>" not in text.replace('<script id="stats-chart-data" type="application/json">', "")
    assert "75.0%" in text  # 按时办结率 of November to the 20th
    assert "减时排名(事项)" in text and "超时排名(事项)" in text and history.items["tight"].current.name in text
    assert reverse("statistics:report", args=[history.people.department.pk, "2026-11"]) in text


def test_a_department_sees_only_itself_and_another_department_only_itself(client, history):
    p = history.people
    mine = page(client, p.reviewer, reverse("statistics:table", args=["department"])).content.decode()
    theirs = page(client, p.other_reviewer, reverse("statistics:table", args=["department"])).content.decode()
    assert "市场监督管理局" in mine and "卫生健康局" not in mine.split("<tbody>")[1]
    assert "卫生健康局" in theirs and "市场监督管理局" not in theirs.split("<tbody>")[1]
    refused = page(client, p.other_reviewer, overview(), department=p.department.pk)
    assert refused.status_code == 200 and "市场监督管理局" not in refused.content.decode().split("<tbody>")[1]


def test_staff_without_statistics_get_403_and_anonymous_goes_to_login(client, history):
    p = history.people
    for user in (p.clerk, p.applicant):
        assert page(client, user, overview()).status_code == 403
        assert page(client, user, reverse("statistics:table", args=["item"])).status_code == 403
    client.logout()
    response = client.get(overview())
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("group", ["department", "item", "staff"])
def test_each_table_lists_its_rows(client, history, group):
    response = page(client, history.people.supervisor, reverse("statistics:table", args=[group]), **NOVEMBER)
    text = response.content.decode()
    assert response.status_code == 200
    expected = {"department": "卫生健康局", "item": history.items["chief"].current.name, "staff": "钱首代"}[group]
    assert expected in text
    assert page(client, history.people.supervisor, reverse("statistics:table", args=["windows"])).status_code == 404


def test_a_custom_period_without_dates_falls_back_to_this_month_and_says_so(client, history):
    response = page(client, history.people.supervisor, overview(), period="custom")
    text = response.content.decode()
    assert response.status_code == 200 and "自定义期间请填写开始日期和结束日期" in text and "2026-11-01 至 2026-11-20" in text


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def test_every_table_exports_to_excel_with_names_never_read_as_formulas(client, history):
    p = history.people
    Department.objects.filter(pk=p.other_department.pk).update(name='=HYPERLINK("http://x")')
    book = workbook(page(client, p.supervisor, reverse("statistics:export", args=["department"]), **NOVEMBER))
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:3] == ("部门", "收件量", "受理量")
    assert rows[2][:2] == ("市场监督管理局", 9)
    assert rows[3][0] == '\'=HYPERLINK("http://x")' and sheet.cell(row=4, column=1).data_type == "s"
    for group in ("item", "staff"):
        assert len(list(workbook(page(client, p.supervisor, reverse("statistics:export", args=[group]), **NOVEMBER)).active.rows)) > 2
    overview_book = workbook(page(client, p.supervisor, reverse("statistics:export", args=["overview"]), **NOVEMBER))
    assert overview_book.sheetnames[:2] == ["主要指标", "每日"]
    figures = dict(r for r in overview_book["主要指标"].iter_rows(min_row=3, values_only=True))
    assert figures["收件量"] == 10 and figures["按时办结率"] == 0.75


def test_the_monthly_report_is_a_pdf_for_the_departments_in_reach(client, history):
    p = history.people
    url = reverse("statistics:report", args=[p.department.pk, "2026-11"])
    response = page(client, p.reviewer, url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and response.content.rstrip().endswith(b"%%EOF") and len(response.content) > 5000
    assert page(client, p.other_reviewer, url).status_code == 403
    assert page(client, p.supervisor, reverse("statistics:report", args=[999999, "2026-11"])).status_code == 404
    assert page(client, p.supervisor, reverse("statistics:report", args=[p.department.pk, "2026-13"])).status_code == 404


def test_the_report_html_holds_the_months_figures(history):
    from onewindow.supervision.statistics.report import report_html
    from onewindow.supervision.statistics.selectors import scope_for
    from onewindow.supervision.tests.statistics.support import D

    with on("2026-11-20"):
        html = report_html(scope_for(history.people.supervisor, department=history.people.department.pk), D("2026-11-01"))
    assert "2026年11月 政务服务电子监察月报" in html and "data:image/svg+xml;base64," in html
    assert history.items["tight"].current.name in html and "赵决定" in html


def test_the_pages_read_a_bounded_number_of_queries(client, history, django_assert_max_num_queries):
    client.force_login(history.people.supervisor)
    with on("2026-11-20", 10), django_assert_max_num_queries(40):
        assert client.get(overview(), NOVEMBER).status_code == 200
    with on("2026-11-20", 10), django_assert_max_num_queries(25):
        assert client.get(reverse("statistics:table", args=["item"]), NOVEMBER).status_code == 200


def test_a_custom_period_in_the_calendars_last_year_is_a_form_error(client, history):
    custom = {"period": "custom", "start": "9999-12-01", "end": "9999-12-31"}
    for url in (overview(), reverse("statistics:table", args=["department"]), reverse("statistics:export", args=["overview"])):
        response = page(client, history.people.supervisor, url, **custom)
        assert response.status_code == 200
    text = page(client, history.people.supervisor, overview(), **custom).content.decode()
    assert "日期不能晚于9998-12-31" in text and "2026-11-01 至 2026-11-20" in text


def test_the_report_of_a_month_past_the_last_period_is_a_404(client, history):
    p = history.people
    for month in ("9999-12", "9999-01"):
        assert page(client, p.supervisor, reverse("statistics:report", args=[p.department.pk, month])).status_code == 404


def test_the_report_of_a_malformed_department_id_is_a_404(client, history):
    p = history.people
    for department in (0, 2**63, 10**30):
        assert page(client, p.supervisor, reverse("statistics:report", args=[department, "2026-11"])).status_code == 404
