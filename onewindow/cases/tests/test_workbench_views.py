"""The staff pages of cases: the queue and the task queue, the case page and its actions, the
materials viewer — as the allowed users, a user of another department, and anonymous visitors."""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory, staff
from onewindow.cases import services
from onewindow.cases.choices import CaseStatus, DocumentState, Provision
from onewindow.cases.models import Case, CaseDocument, CaseStep
from onewindow.cases.tests.factories import application, case_in, submitted_case
from onewindow.cases.views.workbench import remaining_workdays
from onewindow.workbench.navigation import navigation_for

pytestmark = pytest.mark.django_db

# A Thursday in an ordinary week; the service's 5-day reply timer runs to the next Thursday.
TODAY = dt.datetime(2025, 3, 13, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


def url(name, *args):
    return reverse(f"cases:{name}", args=args)


def login_url(path):
    return f"{reverse('accounts:login')}?next={path}"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def text(response):
    return response.content.decode()


def act(client, case, action, revision=None, **data):
    return client.post(url("act", case.number, action), {"revision": case.revision if revision is None else revision, **data})


# Anonymous visitors and who may open the pages ---------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client, county, item):
    case = submitted_case(county, item)
    for path in (url("queue"), url("task_queue"), url("case", case.number), url("material_file", case.number, "M01")):
        response = client.get(path)
        assert response.status_code == 302 and response.url == login_url(path)
    response = act(client, case, "accept")
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED


def test_applicants_may_not_open_the_staff_pages(county, item):
    case = submitted_case(county, item)
    client = logged_in(county.applicant)
    assert client.get(url("queue")).status_code == 403
    assert client.get(url("case", case.number)).status_code == 403


def test_the_navigation_offers_the_case_pages_by_role(county):
    clerk_links = [link.label for group in navigation_for(county.clerk, "/workbench/") for link in group]
    reviewer_links = [link.label for group in navigation_for(county.reviewer, "/workbench/") for link in group]
    assert {"办件队列", "我的环节任务", "窗口收件"} <= set(clerk_links)
    assert {"办件队列", "我的环节任务"} <= set(reviewer_links) and "窗口收件" not in reviewer_links


# The queue ---------------------------------------------------------------------------------------


def test_the_queue_shows_the_department_s_open_cases_by_deadline_with_colours(county, item):
    later = submitted_case(county, item)
    with time_machine.travel(TODAY - dt.timedelta(days=8), tick=False):
        overdue = submitted_case(county, item)  # its 5-day reply period ended yesterday
    refused = case_in(CaseStatus.REFUSED, county, item)

    response = logged_in(county.reviewer).get(url("queue"))

    assert response.status_code == 200
    body = text(response)
    assert body.index(overdue.number) < body.index(later.number)
    assert refused.number not in body
    assert "badge-red" in body and "超时" in body and "badge-green" in body
    assert "剩余5个工作日" in body and "已超1个工作日" in body
    assert "张*" in body and "张三" not in body  # applicants masked on lists
    assert "市场监督管理局" in body


def test_the_all_tab_filters_by_status_and_item(county, item):
    submitted = submitted_case(county, item)
    refused = case_in(CaseStatus.REFUSED, county, item)
    client = logged_in(county.clerk)

    body = text(client.get(url("queue"), {"tab": "all"}))
    assert submitted.number in body and refused.number in body

    body = text(client.get(url("queue"), {"tab": "all", "status": "refused"}))
    assert refused.number in body and submitted.number not in body

    body = text(client.get(url("queue"), {"tab": "all", "item": "no-such-item"}))
    assert submitted.number not in body and "没有符合条件的办件" in body


def test_the_queue_filters_answer_htmx_with_the_table_alone(county, item):
    case = submitted_case(county, item)
    response = logged_in(county.clerk).get(url("queue"), {"tab": "all"}, headers={"HX-Request": "true"})
    body = text(response)
    assert case.number in body and 'id="case-results"' in body and "<html" not in body


def test_the_queue_hides_other_departments_cases(county, item):
    case = submitted_case(county, item)
    body = text(logged_in(county.other_reviewer).get(url("queue")))
    assert case.number not in body and "没有待办的办件" in body


def test_the_queue_pages_with_a_cursor(county, item, monkeypatch):
    from onewindow.common import pagination

    monkeypatch.setattr(pagination, "DEFAULT_LIMIT", 2)
    cases = [submitted_case(county, item) for _ in range(3)]
    client = logged_in(county.clerk)

    first = client.get(url("queue"))
    body = text(first)
    assert cases[0].number in body and cases[2].number not in body and "下一页" in body
    second = text(client.get(url("queue"), {"cursor": first.context["page"].next_cursor}))
    assert cases[2].number in second and cases[0].number not in second


def test_a_damaged_cursor_starts_over(county, item):
    case = submitted_case(county, item)
    response = logged_in(county.clerk).get(url("queue"), {"cursor": "%%%"})
    assert response.status_code == 200 and case.number in text(response)


def test_the_queue_reads_a_bounded_number_of_queries(county, item, django_assert_max_num_queries):
    client = logged_in(county.clerk)
    submitted_case(county, item)
    client.get(url("queue"))  # warm the session and the caches
    with django_assert_max_num_queries(12) as few:
        client.get(url("queue"))
    for _ in range(15):
        submitted_case(county, item)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url("queue"))
    assert len(response.context["rows"]) == 16


def test_remaining_workdays_count_working_days_both_ways():
    today = dt.date(2025, 3, 13)  # Thursday
    counted = remaining_workdays([dt.date(2025, 3, 17), dt.date(2025, 3, 12), today, None], today)
    assert counted == {dt.date(2025, 3, 17): 2, dt.date(2025, 3, 12): -1, today: 0}


# My stage tasks ----------------------------------------------------------------------------------


def test_the_task_queue_shows_the_reviewer_s_open_review_tasks(county, item, django_assert_max_num_queries):
    case = case_in(CaseStatus.ACCEPTED, county, item)
    client = logged_in(county.reviewer)

    response = client.get(url("task_queue"))

    body = text(response)
    assert response.status_code == 200 and case.number in body and "审查" in body and "行政审批科" in body
    assert case.number not in text(logged_in(county.decider).get(url("task_queue")))
    assert case.number not in text(logged_in(county.other_reviewer).get(url("task_queue")))
    for _ in range(5):
        case_in(CaseStatus.ACCEPTED, county, item)
    with django_assert_max_num_queries(14):
        response = client.get(url("task_queue"))
    assert len(response.context["rows"]) == 6


# The case page -----------------------------------------------------------------------------------


def test_the_case_page_shows_applicant_form_materials_timers_and_timeline(county, item):
    case = submitted_case(county, item)

    response = logged_in(county.clerk).get(url("case", case.number))

    body = text(response)
    assert response.status_code == 200
    assert "张三" in body and "11010519491231002X" in body and "13800000001" in body  # staff see full data
    assert "经营者名称" in body and "张三小吃店" in body and "经营场所面积" in body
    assert "食品经营许可申请书" in body and "纸质材料已核验" in body and "本人承诺已取得有效健康证明。" in body
    assert "受理答复" in body and "提交申请" in body and "王窗口" in body
    assert "新办" in body  # situation


def test_the_case_page_offers_the_actions_of_the_user_s_role(county, item):
    case = submitted_case(county, item)

    clerk = logged_in(county.clerk).get(url("case", case.number)).context["panels"]
    decider = logged_in(county.decider).get(url("case", case.number)).context["panels"]

    assert [p.action for p in clerk] == ["accept", "accept_with_gaps", "request_correction", "refuse", "withdraw"]
    assert decider == []


def test_a_user_of_another_department_gets_404_and_cannot_act(county, item):
    case = submitted_case(county, item)
    client = logged_in(county.other_reviewer)

    assert client.get(url("case", case.number)).status_code == 404
    assert act(client, case, "accept").status_code == 404
    assert client.get(url("material_file", case.number, "M01")).status_code == 404
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED


def test_an_unknown_case_or_action_is_404(county, item):
    case = submitted_case(county, item)
    client = logged_in(county.clerk)
    assert client.get(url("case", "0000")).status_code == 404
    assert client.post(url("act", case.number, "explode"), {"revision": case.revision}).status_code == 404


# Actions -----------------------------------------------------------------------------------------


def test_a_clerk_accepts_and_the_page_says_so(county, item):
    case = submitted_case(county, item)
    client = logged_in(county.clerk)

    response = act(client, case, "accept", comment="材料齐全")

    assert response.status_code == 302 and response.url == url("case", case.number)
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED and case.accepted_by == county.clerk
    assert "办理成功:受理" in text(client.get(response.url))


def test_two_clerks_accept_at_once_one_wins_the_other_is_told(county, item):
    case = submitted_case(county, item)
    second_clerk = staff(Role.WINDOW_CLERK, region=county.region, real_name="刘窗口")
    shown = case.revision

    first = act(logged_in(county.clerk), case, "accept", revision=shown)
    second = act(logged_in(second_clerk), case, "accept", revision=shown, comment="我也受理")

    assert first.status_code == 302
    assert second.status_code == 409
    body = text(second)
    assert "该办件已被他人处理" in body and "已受理" in body
    assert "我也受理" in body  # the input is kept (the action is no longer offered: shown as kept text)
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED and case.accepted_by == county.clerk
    assert CaseStep.objects.filter(case=case, action="accept").count() == 1


def test_a_stale_revision_on_an_action_still_offered_keeps_the_form_with_the_fresh_revision(county, item):
    case = case_in(CaseStatus.ACCEPTED, county, item)
    client = logged_in(county.reviewer)
    services.case_suspend(actor=county.decider, case=case, procedure="专家评审", reason="需专家论证")
    services.case_resume(actor=county.decider, case=case, result="论证通过")
    case.refresh_from_db()

    response = act(client, case, "complete_stage", revision=case.revision - 2, task=case.tasks.get(kind="review").pk, opinion="同意")

    assert response.status_code == 409
    form = next(p.form for p in response.context["panels"] if p.action == "complete_stage")
    assert form.data["opinion"] == "同意" and form.data["revision"] == str(case.revision)


def test_an_action_the_user_s_role_does_not_allow_is_refused(county, item):
    case = submitted_case(county, item)

    response = act(logged_in(county.decider), case, "accept")

    assert response.status_code == 403 and "您无权" in text(response)
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED


def test_an_action_the_table_forbids_is_a_conflict(county, item):
    case = submitted_case(county, item)
    response = act(logged_in(county.clerk), case, "deliver")
    assert response.status_code == 409 and "不能送达" in text(response)


def test_refusal_needs_a_reason_and_keeps_the_page(county, item):
    case = submitted_case(county, item)
    client = logged_in(county.clerk)

    response = act(client, case, "refuse", reason="  ")
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED

    response = act(client, case, "refuse", reason="不属于本部门职权范围")
    case.refresh_from_db()
    assert response.status_code == 302 and case.status == CaseStatus.REFUSED and case.refusal_reason == "不属于本部门职权范围"


def test_a_correction_lists_every_problem_per_material(county, item):
    case = submitted_case(county, item)
    client = logged_in(county.clerk)

    empty = act(client, case, "request_correction")
    assert empty.status_code == 400 and "请逐项列明" in text(empty)

    response = act(client, case, "request_correction", problem_M01="请申请人签字", problem_form="面积应与平面图一致")

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CORRECTION_REQUESTED
    assert case.materials.get(code="M01").problem == "请申请人签字"
    document = CaseDocument.objects.get(case=case, kind="correction_notice")
    assert {p["problem"] for p in document.content["problems"]} == {"请申请人签字", "面积应与平面图一致"}


def test_a_clerk_takes_the_corrected_materials_and_resubmits(county, item):
    case = case_in(CaseStatus.CORRECTION_REQUESTED, county, item)
    client = logged_in(county.clerk)
    page = client.get(url("case", case.number))
    assert "resubmit" in [p.action for p in page.context["panels"]]

    response = act(client, case, "resubmit", provision_M01=Provision.PAPER)

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED and not case.materials.get(code="M01").problem


def test_accept_with_gaps_needs_a_date_and_records_the_gaps(county, item):
    case = submitted_case(county, item)
    client = logged_in(county.clerk)

    missing_date = act(client, case, "accept_with_gaps", gaps=["M02"])
    assert missing_date.status_code == 400

    too_late = act(client, case, "accept_with_gaps", gaps=["M02"], supply_by="2026-01-01")
    assert too_late.status_code == 400 and "容缺补正期限应晚于今天" in text(too_late)

    response = act(client, case, "accept_with_gaps", gaps=["M02"], supply_by="2025-03-20")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED and case.has_gaps and case.gap_supply_by == dt.date(2025, 3, 20)


def test_review_decision_delivery_and_closing_through_the_pages(county, item):
    case = case_in(CaseStatus.ACCEPTED, county, item)
    task = case.tasks.get(kind="review")

    reviewer = logged_in(county.reviewer)
    assert act(reviewer, case, "complete_stage", task=task.pk, opinion="").status_code == 400
    assert act(reviewer, case, "complete_stage", task=task.pk, opinion="材料齐全,符合条件").status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_REVIEW

    decider = logged_in(county.decider)
    assert "approve" in [p.action for p in decider.get(url("case", case.number)).context["panels"]]
    assert act(decider, case, "approve", opinion="同意").status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.DECIDED and case.decision == "granted"

    clerk = logged_in(county.clerk)
    assert act(clerk, case, "deliver", note="申请人本人领取").status_code == 302
    case.refresh_from_db()
    assert act(clerk, case, "close").status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED


def test_suspend_resume_extend_and_deny(county, item):
    case = case_in(CaseStatus.ACCEPTED, county, item)
    decider = logged_in(county.decider)

    page = decider.get(url("case", case.number))
    assert "专家评审" in text(page)  # the item's special procedures are suggested
    assert act(decider, case, "suspend", procedure="专家评审", reason="需专家论证").status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.SUSPENDED
    assert act(decider, case, "resume", result="论证通过").status_code == 302
    case.refresh_from_db()
    assert act(decider, case, "extend", reason="情况复杂,经负责人批准").status_code == 302
    case.refresh_from_db()
    assert case.extended_days == 10
    again = act(decider, case, "extend", reason="再次延期")
    assert again.status_code == 409 and "已延长过一次" in text(again)


# Documents and the materials viewer --------------------------------------------------------------


def test_documents_show_generating_until_ready_and_poll(county, item):
    case = case_in(CaseStatus.ACCEPTED, county, item)
    client = logged_in(county.clerk)

    body = text(client.get(url("case", case.number)))
    assert "受理通知书" in body and "生成中" in body and 'hx-trigger="every 3s"' in body

    CaseDocument.objects.filter(case=case).update(state=DocumentState.READY)
    partial = text(client.get(url("case_documents", case.number)))
    assert "生成中" not in partial and "every 3s" not in partial and "查看 / 打印" in partial


def test_the_materials_viewer_serves_files_inline_to_those_who_may_see_the_case(county, item):
    data = application(item)
    case = services.case_file(
        actor=county.clerk,
        data=data,
        channel="window",
        files={"M01": SimpleUploadedFile("申请书.pdf", PDF), "M02": SimpleUploadedFile("plan.png", PNG)},
    )
    client = logged_in(county.reviewer)

    page = text(client.get(url("case", case.number)))
    assert url("material_file", case.number, "M02") in page and "material-thumb" in page

    response = client.get(url("material_file", case.number, "M01"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline") and b"".join(response.streaming_content) == PDF
    download = client.get(url("material_file", case.number, "M01"), {"download": "1"})
    assert download["Content-Disposition"].startswith("attachment")
    assert client.get(url("material_file", case.number, "M03")).status_code == 404  # a pledge, no file
    assert logged_in(county.other_reviewer).get(url("material_file", case.number, "M02")).status_code == 404


def test_a_superuser_sees_every_case(county, item):
    case = submitted_case(county, item)
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert logged_in(admin).get(url("case", case.number)).status_code == 200
    assert Case.objects.count() == 1
