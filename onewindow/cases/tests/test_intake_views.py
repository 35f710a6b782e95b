"""Window intake (无差别一窗受理): find any item, one screen to identify the applicant, check the
materials and answer — accept, accept with gaps, correction notice, refuse — then the receipt page."""

import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from onewindow.accounts.models import RoleAssignment
from onewindow.cases.choices import CaseStatus, Channel, Provision
from onewindow.cases.models import Case, CaseDocument
from onewindow.cases.tests.factories import ENTERPRISE_USCC, PERSON_ID, case_item
from onewindow.orgs.tests.factories import ServiceHallFactory, WindowFactory

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2025, 3, 13, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield


def url(name, *args):
    return reverse(f"cases:{name}", args=args)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def text(response):
    return response.content.decode()


def complete(**overrides):
    """A complete window application for `case_item` (situation S01), as the clerk fills it in."""
    data = {
        "situation": "S01",
        "applicant_kind": "person",
        "applicant_name": "张三",
        "applicant_id": PERSON_ID,
        "applicant_phone": "13800000001",
        "form_business_name": "张三小吃店",
        "form_area": "45",
        "form_category": "热食类食品制售",
        "provision_M01": Provision.PAPER,
        "provision_M02": Provision.PAPER,
        "provision_M03": Provision.PLEDGE,
        "pledge_M03": "本人承诺已取得有效健康证明。",
        "provision_M04": Provision.REUSED,
        "license_M04": ENTERPRISE_USCC,
        "delivery_method": "window",
    }
    data.update(overrides)
    return data


def post(client, item, answer, **overrides):
    return client.post(url("intake_item", item.implementation_code), {**complete(**overrides), "answer": answer})


def only_case():
    return Case.objects.get()


# Who may take applications in --------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client, item):
    for path in (url("intake"), url("intake_item", item.implementation_code)):
        response = client.get(path)
        assert response.status_code == 302 and response.url == f"{reverse('accounts:login')}?next={path}"
    response = client.post(url("intake_item", item.implementation_code), {**complete(), "answer": "accept"})
    assert response.status_code == 302 and not Case.objects.exists()


def test_only_window_clerks_take_applications_in(county, item):
    for user in (county.reviewer, county.other_reviewer, county.decider, county.applicant):
        client = logged_in(user)
        assert client.get(url("intake")).status_code == 403
        assert post(client, item, "accept").status_code == 403
    assert not Case.objects.exists()


# Step 1: find the item ---------------------------------------------------------------------------


def test_the_clerk_finds_items_of_every_department(county, item):
    health = case_item(county.other_department)
    client = logged_in(county.clerk)

    response = client.get(url("intake"), {"q": "食品"})

    body = text(response)
    assert response.status_code == 200
    assert url("intake_item", item.implementation_code) in body and url("intake_item", health.implementation_code) in body
    assert "卫生健康局" in body and "市场监督管理局" in body


def test_an_item_code_finds_the_item_and_htmx_gets_the_results_alone(county, item):
    response = logged_in(county.clerk).get(url("intake"), {"q": item.implementation_code}, headers={"HX-Request": "true"})
    body = text(response)
    assert url("intake_item", item.implementation_code) in body and "<html" not in body


def test_nothing_found_says_so(county, item):
    assert "没有找到" in text(logged_in(county.clerk).get(url("intake"), {"q": "宇宙飞船"}))


# Step 2: the one screen --------------------------------------------------------------------------


def test_the_screen_shows_situations_form_fields_and_the_checklist(county, item):
    response = logged_in(county.clerk).get(url("intake_item", item.implementation_code))

    body = text(response)
    assert response.status_code == 200
    assert "新办" in body and "延续" in body
    assert "经营者名称" in body and "经营场所面积" in body and "热食类食品制售" in body
    assert "食品经营许可申请书" in body and "经营场所平面图" in body and "营业执照" in body
    assert "告知承诺" in body and "容缺后补" in body and "电子证照复用" in body
    assert all(label in body for label in ("受理", "容缺受理", "一次性告知补正", "不予受理"))


def test_switching_the_situation_reloads_the_checklist(county, item):
    client = logged_in(county.clerk)
    path = url("intake_item", item.implementation_code)

    partial = client.get(path, {"situation": "S02"}, headers={"HX-Request": "true", "HX-Target": "intake-materials"})
    assert "经营场所平面图" not in text(partial) and "<html" not in text(partial) and "食品经营许可申请书" in text(partial)

    # Without scripts: the 切换情形 button posts the screen back, keeping what was typed.
    response = client.post(path, {**complete(situation="S02"), "switch": "1"})
    body = text(response)
    assert response.status_code == 200 and "经营场所平面图" not in body and "张三小吃店" in body and not Case.objects.exists()


def test_an_unknown_item_is_404(county, item):
    assert logged_in(county.clerk).get(url("intake_item", "no-such-item")).status_code == 404


def test_accept(county, item):
    hall = ServiceHallFactory(region=county.region)
    window = WindowFactory(hall=hall, kind="comprehensive", number="A01")
    RoleAssignment.objects.filter(user=county.clerk).update(window=window)

    response = post(logged_in(county.clerk), item, "accept")

    case = only_case()
    assert response.status_code == 302 and response.url == url("intake_done", case.number)
    assert case.status == CaseStatus.ACCEPTED and case.channel == Channel.WINDOW and case.window == window
    assert case.received_by == county.clerk and case.department == county.department
    assert case.form == {"business_name": "张三小吃店", "area": 45, "category": "热食类食品制售"}
    assert case.materials.get(code="M03").provision == Provision.PLEDGE


def test_accept_with_gaps(county, item):
    response = post(logged_in(county.clerk), item, "accept_with_gaps", provision_M02=Provision.GAP, supply_by="2025-03-20")

    case = only_case()
    assert response.status_code == 302
    assert case.status == CaseStatus.ACCEPTED and case.has_gaps and case.gap_supply_by == dt.date(2025, 3, 20)
    assert case.materials.get(code="M02").is_outstanding_gap


def test_accept_with_gaps_without_a_date_keeps_the_screen(county, item):
    response = post(logged_in(county.clerk), item, "accept_with_gaps", provision_M02=Provision.GAP)

    assert response.status_code == 400 and not Case.objects.exists()
    assert response.context["form"].errors["supply_by"] == ["请填写容缺补正期限。"]


def test_request_correction(county, item):
    response = post(
        logged_in(county.clerk), item, "request_correction", provision_M01=Provision.MISSING, problem_M01="请提交申请人签字的申请书"
    )

    case = only_case()
    assert response.status_code == 302 and case.status == CaseStatus.CORRECTION_REQUESTED
    assert case.materials.get(code="M01").problem == "请提交申请人签字的申请书"
    assert CaseDocument.objects.filter(case=case, kind="correction_notice").exists()


def test_refuse(county, item):
    response = post(logged_in(county.clerk), item, "refuse", reason="申请事项不属于行政许可范畴")

    case = only_case()
    assert response.status_code == 302 and case.status == CaseStatus.REFUSED
    assert case.refusal_reason == "申请事项不属于行政许可范畴"


def test_refuse_without_a_reason_says_so_next_to_the_field(county, item):
    response = post(logged_in(county.clerk), item, "refuse")
    assert response.status_code == 400 and "reason" in response.context["form"].errors and not Case.objects.exists()


def test_a_bad_id_number_reshows_the_screen_with_the_error_and_the_input(county, item):
    response = post(logged_in(county.clerk), item, "accept", applicant_id="110105194912310021", form_area="abc")

    assert response.status_code == 400 and not Case.objects.exists()
    errors = response.context["form"].errors
    assert "applicant_id" in errors and "form_area" in errors
    body = text(response)
    assert "张三小吃店" in body and "110105194912310021" in body and "本人承诺已取得有效健康证明。" in body
    assert "未能提交" in body


def test_accepting_with_a_required_material_missing_marks_that_material(county, item):
    response = post(logged_in(county.clerk), item, "accept", provision_M01=Provision.MISSING)
    assert response.status_code == 400 and "缺少必要材料" in response.context["form"].errors["provision_M01"][0]


def test_an_enterprise_identified_by_its_uscc(county, item):
    response = post(
        logged_in(county.clerk),
        item,
        "accept",
        applicant_kind="enterprise",
        applicant_name="某某餐饮有限公司",
        applicant_id=ENTERPRISE_USCC,
    )
    assert response.status_code == 302 and only_case().applicant_id_number == ENTERPRISE_USCC


def test_a_scanned_file_counts_as_provided(county, item):
    client = logged_in(county.clerk)
    data = {**complete(provision_M01=Provision.MISSING), "answer": "accept", "file_M01": SimpleUploadedFile("申请书.pdf", PDF)}

    response = client.post(url("intake_item", item.implementation_code), data)

    assert response.status_code == 302
    material = only_case().materials.get(code="M01")
    assert material.provision == Provision.UPLOADED and material.content_kind == "pdf"


def test_a_file_of_the_wrong_type_is_refused_next_to_its_material(county, item):
    data = {**complete(), "answer": "accept", "file_M01": SimpleUploadedFile("申请书.pdf", b"MZ\x90\x00 not a pdf")}
    response = logged_in(county.clerk).post(url("intake_item", item.implementation_code), data)
    assert response.status_code == 400 and "file_M01" in response.context["form"].errors and not Case.objects.exists()


def test_an_item_of_another_department_goes_to_that_department_s_queue(county, item):
    health = case_item(county.other_department)

    response = post(logged_in(county.clerk), health, "accept")

    case = only_case()
    assert response.status_code == 302 and case.department == county.other_department
    assert case.number in text(logged_in(county.other_reviewer).get(url("queue")))
    assert case.number not in text(logged_in(county.reviewer).get(url("queue")))


# The receipt page --------------------------------------------------------------------------------


def test_the_receipt_page_shows_number_query_code_and_the_notice(county, item):
    client = logged_in(county.clerk)
    post(client, item, "accept")
    case = only_case()

    response = client.get(url("intake_done", case.number))

    body = text(response)
    assert response.status_code == 200
    assert case.number in body and case.query_code in body
    assert "受理通知书" in body and "生成中" in body and "data-print" in body
    assert logged_in(county.other_reviewer).get(url("intake_done", case.number)).status_code == 403
