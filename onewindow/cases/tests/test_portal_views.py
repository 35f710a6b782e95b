"""The applicant's pages: apply online (draft, review, submit), my cases, corrections, gaps, withdrawal."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from onewindow.accounts.choices import ApplicantKind
from onewindow.accounts.tests.factories import UserFactory
from onewindow.cases import services
from onewindow.cases.choices import CaseStatus, Provision
from onewindow.cases.models import Case
from onewindow.cases.tests.factories import (
    ENTERPRISE_USCC,
    PDF_BYTES,
    PERSON_ID,
    County,
    case_in,
    gap_supply_date,
    online_case,
)
from onewindow.catalog.choices import OnlineDepth
from onewindow.catalog.models import ServiceItem

pytestmark = pytest.mark.django_db

PLEDGE = "本人承诺已取得有效健康证明。"


def pdf(name: str = "申请书.pdf", data: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def apply_data(**overrides: Any) -> dict[str, Any]:
    """What the application page posts for `case_item` (situation S01), the M01 file left to the caller."""
    data: dict[str, Any] = {
        "situation": "S01",
        "applicant_kind": ApplicantKind.PERSON,
        "applicant_name": "张三",
        "applicant_id": PERSON_ID,
        "applicant_phone": "13800000001",
        "applicant_email": "",
        "form_business_name": "张三小吃店",
        "form_area": "45",
        "form_category": "",
        "provision_M01": Provision.UPLOADED,
        "provision_M02": Provision.GAP,
        "provision_M03": Provision.PLEDGE,
        "pledge_M03": PLEDGE,
        "provision_M04": Provision.REUSED,
        "license_M04": ENTERPRISE_USCC,
        "delivery_method": "online",
        "delivery_address": "",
        "next": "review",
    }
    data.update(overrides)
    return data


def apply_url(item: ServiceItem) -> str:
    return reverse("cases:apply", args=[item.implementation_code])


# Apply online ------------------------------------------------------------------------------------


def test_apply_needs_login(client, item):
    response = client.get(apply_url(item))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_apply_asks_for_the_situation_first(client, county: County, item):
    client.force_login(county.applicant)
    response = client.get(apply_url(item))
    assert response.status_code == 200
    assert "cases/portal/apply_situation.html" in [t.name for t in response.templates]
    assert "新办" in response.text and "延续" in response.text


def test_apply_form_is_prefilled_from_the_account(client, county: County, item):
    client.force_login(county.applicant)
    response = client.get(apply_url(item), {"situation": "S01"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["applicant_name"] == "张三"
    assert form.initial["applicant_id"] == PERSON_ID
    assert form.initial["applicant_phone"] == "13800000001"
    # The situation's materials, each with the ways it may be provided.
    assert [row["requirement"].code for row in form.material_rows] == ["M01", "M02", "M03", "M04"]
    assert 'value="pledge"' in response.text and 'value="gap"' in response.text and 'value="reused"' in response.text
    # The item's required fields are marked (and checked on submission).
    assert 'class="required">经营者名称' in response.text and 'class="required">经营项目' not in response.text


def test_apply_form_prefills_an_enterprise(client, county: County, item):
    enterprise = UserFactory(
        applicant_kind=ApplicantKind.ENTERPRISE, enterprise_name="某某餐饮有限公司", uscc=ENTERPRISE_USCC, phone="13900000009"
    )
    client.force_login(enterprise)
    form = client.get(apply_url(item), {"situation": "S02"}).context["form"]
    assert form.initial["applicant_kind"] == ApplicantKind.ENTERPRISE
    assert form.initial["applicant_name"] == "某某餐饮有限公司"
    assert form.initial["applicant_id"] == ENTERPRISE_USCC
    # S02 has no floor plan (M02 belongs to S01).
    assert [row["requirement"].code for row in form.material_rows] == ["M01", "M03", "M04"]


def test_apply_refuses_an_item_not_accepted_online(client, county: County, item):
    version = item.current
    version.online_depth = OnlineDepth.PRE_REVIEW
    version.save(update_fields=["online_depth"])
    client.force_login(county.applicant)
    response = client.get(apply_url(item), {"situation": "S01"})
    assert response.status_code == 404
    assert "暂不支持网上申请" in response.text
    response = client.post(apply_url(item), apply_data(file_M01=pdf()))
    assert response.status_code == 404
    assert not Case.objects.exists()


def test_apply_happy_path_with_upload_review_and_submit(client, county: County, item):
    client.force_login(county.applicant)
    response = client.post(apply_url(item), apply_data(file_M01=pdf()))
    draft = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:apply_review", args=[draft.pk])
    assert draft.status == CaseStatus.DRAFT and draft.applicant_user == county.applicant
    m01 = draft.materials.get(code="M01")
    assert m01.provision == Provision.UPLOADED and m01.original_name == "申请书.pdf" and m01.content_kind == "pdf"
    assert draft.materials.get(code="M03").pledge_text == PLEDGE
    assert draft.materials.get(code="M04").license_number == ENTERPRISE_USCC

    review = client.get(response["Location"])
    assert review.status_code == 200
    assert review.context["problems"] == []
    assert "张三小吃店" in review.text and "申请书.pdf" in review.text
    # The applicant may look at the file attached to the draft.
    file_response = client.get(reverse("cases:draft_material_file", args=[draft.pk, "M01"]))
    assert file_response.status_code == 200 and b"".join(file_response.streaming_content) == PDF_BYTES

    response = client.post(reverse("cases:apply_submit", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == CaseStatus.SUBMITTED and draft.number
    assert response.status_code == 302 and response["Location"] == reverse("cases:apply_done", args=[draft.number])
    done = client.get(response["Location"])
    assert done.status_code == 200
    assert draft.number in done.text and draft.query_code in done.text
    assert "请妥善保存" in done.text
    assert reverse("cases:my_case", args=[draft.number]) in done.text and reverse("cases:progress") in done.text


def test_save_draft_then_resume_it(client, county: County, item):
    client.force_login(county.applicant)
    response = client.post(apply_url(item), apply_data(next="save", form_area="30"))
    draft = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("cases:apply_draft", args=[draft.pk])
    assert draft.form == {"business_name": "张三小吃店", "area": 30}

    # Back later: the page shows what was saved.
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.context["draft"] == draft
    assert 'value="张三小吃店"' in page.text and 'value="30"' in page.text
    assert PLEDGE in page.text

    # Continue: the file now, and a changed area; the same draft is updated.
    response = client.post(reverse("cases:apply_draft", args=[draft.pk]), apply_data(form_area="50", file_M01=pdf()))
    assert response.status_code == 302 and response["Location"] == reverse("cases:apply_review", args=[draft.pk])
    assert Case.objects.count() == 1
    draft.refresh_from_db()
    assert draft.form["area"] == 50
    assert draft.materials.get(code="M01").file
    # The stored file is shown on the draft page, and kept when the page is saved again without a new one.
    page = client.get(reverse("cases:apply_draft", args=[draft.pk]))
    assert "申请书.pdf" in page.text
    client.post(reverse("cases:apply_draft", args=[draft.pk]), apply_data(next="save"))
    assert draft.materials.get(code="M01").file


def test_errors_are_shown_next_to_their_fields_and_nothing_typed_is_lost(client, county: County, item):
    client.force_login(county.applicant)
    data = apply_data(
        applicant_id="110105194912310021", form_business_name="小吃店", form_area="四十五", pledge_M03="我承诺", file_M01=pdf()
    )
    response = client.post(apply_url(item), data)
    assert response.status_code == 400
    assert not Case.objects.exists()
    form = response.context["form"]
    assert form.errors["applicant_id"] == ["居民身份证号码校验位错误,请核对后重新输入。"]
    assert form.errors["form_area"] == ["“经营场所面积”应为数字。"]
    assert "申请内容有误,请按提示修改。" in form.non_field_errors()
    # What was typed comes back; the file must be chosen again, and the page says so.
    assert 'value="110105194912310021"' in response.text and 'value="四十五"' in response.text and "我承诺" in response.text
    assert 'value="小吃店"' in response.text
    assert response.context["files_lost"] is True


def test_material_errors_are_shown_by_material(client, county: County, item):
    client.force_login(county.applicant)
    # Re-using a license needs its number; a pledge needs its text (the service's message for M03).
    response = client.post(apply_url(item), apply_data(license_M04="", pledge_M03="  ", applicant_phone="12345"))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["license_M04"] == ["请填写要复用的电子证照编号。"]
    # The page's own checks and the service's are reported together.
    assert form.errors["provision_M03"] == ["请填写对“健康证明”的承诺内容。"]
    assert form.errors["applicant_phone"] == ["请填写正确的手机号码或固定电话。"]
    response = client.post(apply_url(item), apply_data(pledge_M03=""))
    assert response.status_code == 400
    assert response.context["form"].errors["provision_M03"] == ["请填写对“健康证明”的承诺内容。"]
    response = client.post(apply_url(item), apply_data(delivery_method="post", delivery_address=""))
    assert response.status_code == 400
    assert response.context["form"].errors["delivery_address"] == ["邮寄送达请填写邮寄地址。"]
    assert not Case.objects.exists()


def test_a_file_that_is_not_what_its_name_says_is_refused(client, county: County, item):
    client.force_login(county.applicant)
    response = client.post(apply_url(item), apply_data(file_M01=pdf("申请书.pdf", b"just some text, not a pdf")))
    assert response.status_code == 400
    assert response.context["form"].errors["file_M01"]
    assert not Case.objects.exists()


def test_submit_shows_what_is_missing_next_to_its_field(client, county: County, item):
    client.force_login(county.applicant)
    client.post(apply_url(item), apply_data(next="save", form_business_name=""))
    draft = Case.objects.get()
    review = client.get(reverse("cases:apply_review", args=[draft.pk]))
    assert "请上传“食品经营许可申请书”。" in review.context["problems"]
    response = client.post(reverse("cases:apply_submit", args=[draft.pk]))
    assert response.status_code == 400
    # A draft may be incomplete; submission names every missing piece (the form and, once it is complete, the files).
    assert response.context["form"].errors["form_business_name"] == ["请填写“经营者名称”。"]
    assert 'value="45"' in response.text
    client.post(reverse("cases:apply_draft", args=[draft.pk]), apply_data(next="save"))
    response = client.post(reverse("cases:apply_submit", args=[draft.pk]))
    assert response.status_code == 400
    assert response.context["form"].errors["provision_M01"] == ["请上传“食品经营许可申请书”。"]
    assert 'value="张三小吃店"' in response.text
    draft.refresh_from_db()
    assert draft.status == CaseStatus.DRAFT and draft.number is None


def test_switching_the_situation_keeps_what_was_typed(client, county: County, item):
    client.force_login(county.applicant)
    response = client.post(apply_url(item), apply_data(situation="S02", switch="1", form_business_name="换了情形"))
    assert response.status_code == 200
    assert not Case.objects.exists()
    assert [row["requirement"].code for row in response.context["form"].material_rows] == ["M01", "M03", "M04"]
    assert 'value="换了情形"' in response.text


def test_a_draft_is_its_applicants_only(client, county: County, item):
    client.force_login(county.applicant)
    client.post(apply_url(item), apply_data(next="save", file_M01=pdf()))
    draft = Case.objects.get()
    client.force_login(county.other_applicant)
    for url in (
        reverse("cases:apply_draft", args=[draft.pk]),
        reverse("cases:apply_review", args=[draft.pk]),
        reverse("cases:draft_material_file", args=[draft.pk, "M01"]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("cases:apply_submit", args=[draft.pk])).status_code == 404
    assert client.post(reverse("cases:apply_draft", args=[draft.pk]), apply_data()).status_code == 404
    draft.refresh_from_db()
    assert draft.status == CaseStatus.DRAFT and draft.form["business_name"] == "张三小吃店"
    client.logout()
    assert client.get(reverse("cases:apply_draft", args=[draft.pk])).status_code == 302


def test_guide_offers_online_application_only_when_accepted_online(client, county: County, item):
    guide = reverse("catalog:guide", args=[item.implementation_code])
    assert apply_url(item) in client.get(guide).text
    version = item.current
    version.online_depth = OnlineDepth.COLLECT
    version.save(update_fields=["online_depth"])
    assert apply_url(item) not in client.get(guide).text


# My cases ----------------------------------------------------------------------------------------


def test_my_cases_lists_the_applicants_cases_and_drafts(client, county: County, item):
    case = online_case(county, item)
    client.force_login(county.applicant)
    client.post(apply_url(item), apply_data(next="save"))
    draft = Case.objects.get(status=CaseStatus.DRAFT)
    response = client.get(reverse("cases:my_cases"))
    assert response.status_code == 200
    assert reverse("cases:my_case", args=[case.number]) in response.text
    assert reverse("cases:apply_draft", args=[draft.pk]) in response.text
    assert "已提交" in response.text and "草稿" in response.text

    client.force_login(county.other_applicant)
    response = client.get(reverse("cases:my_cases"))
    assert case.number not in response.text and "您还没有办件" in response.text


def test_my_cases_reads_a_fixed_number_of_queries(client, county: County, item, django_assert_num_queries):
    client.force_login(county.applicant)
    online_case(county, item)
    client.get(reverse("cases:my_cases"))  # warm the session and the calendar
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("cases:my_cases"))
    online_case(county, item)
    online_case(county, item)
    with django_assert_num_queries(len(one)):
        response = client.get(reverse("cases:my_cases"))
    assert len(response.context["rows"]) == 3


def test_my_cases_needs_login(client, county: County):
    response = client.get(reverse("cases:my_cases"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_my_case_for_its_applicant_only(client, county: County, item):
    case = online_case(county, item)
    url = reverse("cases:my_case", args=[case.number])
    client.force_login(county.applicant)
    response = client.get(url)
    assert response.status_code == 200
    assert "提交申请" in response.text and case.query_code in response.text
    assert "withdraw" in response.context["actions"]
    for other in (county.other_applicant, county.clerk):
        client.force_login(other)
        assert client.get(url).status_code == 404
        assert (
            client.post(
                reverse("cases:my_case_act", args=[case.number, "withdraw"]), {"revision": case.revision, "reason": "x"}
            ).status_code
            == 404
        )
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED


def test_applicant_withdraws_with_a_reason(client, county: County, item):
    case = online_case(county, item)
    client.force_login(county.applicant)
    url = reverse("cases:my_case_act", args=[case.number, "withdraw"])
    response = client.post(url, {"revision": case.revision, "reason": ""})
    assert response.status_code == 400
    assert response.context["actions"]["withdraw"].errors["reason"]
    response = client.post(url, {"revision": case.revision, "reason": "信息填写有误,重新申请"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.WITHDRAWN
    assert case.steps.last().comment == "信息填写有误,重新申请"
    # Nothing to offer any more.
    assert client.get(reverse("cases:my_case", args=[case.number])).context["actions"] == {}


def test_an_action_on_a_changed_case_is_refused(client, county: County, item):
    case = online_case(county, item)
    seen = case.revision
    services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=["M02"], supply_by=gap_supply_date())
    client.force_login(county.applicant)
    response = client.post(reverse("cases:my_case_act", args=[case.number, "withdraw"]), {"revision": seen, "reason": "不办了"})
    assert response.status_code == 409
    assert "状态已变化" in response.text
    assert "不办了" in response.text  # the typed reason is kept
    case.refresh_from_db()
    assert case.status == CaseStatus.ACCEPTED


def test_correction_reupload_then_resubmit(client, county: County, item):
    case = online_case(county, item)
    services.case_request_correction(actor=county.clerk, case=case, problems={"M01": "申请书未签字", "form": "面积与平面图不符"})
    url = reverse("cases:my_case", args=[case.number])
    client.force_login(county.applicant)
    page = client.get(url)
    assert "申请书未签字" in page.text and "面积与平面图不符" in page.text
    rows = {row.material.code: row for row in page.context["materials"]}
    assert rows["M01"].upload is not None and rows["M03"].upload is None
    case.refresh_from_db()

    act = reverse("cases:my_case_act", args=[case.number, "resubmit"])
    response = client.post(act, {"revision": case.revision, "comment": ""})
    assert response.status_code == 400
    assert "请先重新上传:食品经营许可申请书" in response.text
    # Only the materials the notice names take a new file.
    response = client.post(reverse("cases:my_case_material", args=[case.number, "M03"]), {"file": pdf("健康证明.pdf")})
    assert response.status_code == 409

    response = client.post(reverse("cases:my_case_material", args=[case.number, "M01"]), {"file": pdf("申请书-已签字.pdf")})
    assert response.status_code == 302
    assert case.materials.get(code="M01").original_name == "申请书-已签字.pdf"
    assert client.get(url).context["materials"][0].reuploaded
    response = client.post(act, {"revision": case.revision, "comment": "已签字,面积已更正"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED
    assert not case.materials.exclude(problem="").exists()


def test_supply_gaps_by_uploading_then_confirming(client, county: County, item):
    case = online_case(county, item)
    services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=["M02"], supply_by=gap_supply_date())
    case.refresh_from_db()
    client.force_login(county.applicant)
    page = client.get(reverse("cases:my_case", args=[case.number]))
    assert "supply_gaps" in page.context["actions"]
    assert "经营场所平面图" in page.text
    act = reverse("cases:my_case_act", args=[case.number, "supply-gaps"])
    response = client.post(act, {"revision": case.revision})
    assert response.status_code == 400
    assert "请先上传:经营场所平面图" in response.text

    response = client.post(reverse("cases:my_case_material", args=[case.number, "M02"]), {"file": pdf("平面图.pdf")})
    assert response.status_code == 302
    response = client.post(act, {"revision": case.revision})
    assert response.status_code == 302
    case.refresh_from_db()
    assert not case.has_gaps
    assert case.materials.get(code="M02").gap_supplied_at is not None


def test_my_case_shows_documents_with_download_links(client, county: County, item):
    case = online_case(county, item)
    services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=["M02"], supply_by=gap_supply_date())
    document = case.documents.get()
    client.force_login(county.applicant)
    response = client.get(reverse("cases:my_case", args=[case.number]))
    assert "受理通知书" in response.text
    assert reverse("cases:document_download", args=[document.pk]) in response.text


def test_my_case_material_file_is_the_applicants(client, county: County, item):
    case = online_case(county, item)
    url = reverse("cases:my_case_material", args=[case.number, "M01"])
    client.force_login(county.applicant)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    client.force_login(county.other_applicant)
    assert client.get(url).status_code == 404


def test_a_window_case_is_not_an_applicants_page(client, county: County, item):
    """Cases filed at a window belong to no portal account: nobody sees them under 我的办件."""
    case = case_in(CaseStatus.SUBMITTED, county, item)
    client.force_login(county.applicant)
    assert client.get(reverse("cases:my_case", args=[case.number])).status_code == 404
