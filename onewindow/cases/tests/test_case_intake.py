"""Applications coming in: an online draft submitted, the API's one-step filing, window intake with
each answer, and every kind of bad input refused with a clear code and nothing written."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.storage import default_storage

from onewindow.accounts.choices import ApplicantKind
from onewindow.audit.models import AuditEvent
from onewindow.cases import services
from onewindow.cases.choices import CaseAction, CaseStatus, Channel, DocumentKind, PledgeStatus, Provision
from onewindow.cases.models import Case, CaseDocument, CaseMaterial, CaseStep
from onewindow.cases.tests.factories import (
    ENTERPRISE_USCC,
    PERSON_ID,
    application,
    case_item,
    draft_case,
    gap_supply_date,
    online_application,
    pdf_file,
    submitted_case,
)
from onewindow.catalog.tests.factories import replace_current_version
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.models import Deadline, subject_key
from onewindow.notifications.models import Notification
from onewindow.orgs.tests.factories import CountyFactory, ServiceHallFactory, WindowFactory

pytestmark = pytest.mark.django_db

A = CaseAction
EXE = b"MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx_bytes(extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def stored_files(path: str = "") -> list[str]:
    """Every file in the (in-memory) default storage."""
    try:
        directories, files = default_storage.listdir(path)
    except FileNotFoundError:
        return []
    found = [f"{path}/{name}".lstrip("/") for name in files]
    for directory in directories:
        found += stored_files(f"{path}/{directory}".lstrip("/"))
    return found


def counts() -> dict[str, int]:
    models = (Case, CaseMaterial, CaseStep, CaseDocument, Deadline, Notification, AuditEvent)
    return {model.__name__: model.objects.count() for model in models} | {"files": len(stored_files())}


def materials(**provisions: Any) -> list[dict[str, Any]]:
    """The factory application's materials with some changed: `materials(M01="gap")`, or a dict per code."""
    base: dict[str, dict[str, Any]] = {entry["code"]: entry for entry in application_materials()}
    for code, value in provisions.items():
        if value is None:
            base.pop(code, None)
        else:
            base[code] = {"code": code, **(value if isinstance(value, dict) else {"provision": value})}
    return list(base.values())


def application_materials() -> list[dict[str, Any]]:
    return [
        {"code": "M01", "provision": Provision.PAPER},
        {"code": "M02", "provision": Provision.PAPER},
        {"code": "M03", "provision": Provision.PLEDGE, "pledge": "本人承诺已取得有效健康证明。"},
        {"code": "M04", "provision": Provision.REUSED, "license_number": ENTERPRISE_USCC},
    ]


def false_pledge_before(county, item) -> None:
    """The applicant (same ID number) made a pledge on an earlier case that proved false."""
    earlier = submitted_case(county, item)
    CaseMaterial.objects.filter(case=earlier, code="M03").update(pledge_status=PledgeStatus.FALSE)


# -- online: draft, then submit ------------------------------------------------------------------


def test_an_online_draft_is_saved_completed_and_submitted(county, item):
    draft = services.case_save_draft(actor=county.applicant, data=online_application(item, form={"business_name": "张三小吃店"}))
    assert (draft.status, draft.number, draft.channel, draft.applicant_user) == (CaseStatus.DRAFT, None, Channel.ONLINE, county.applicant)
    assert draft.item_version == item.current
    assert {m.code: m.provision for m in draft.materials.all()} == {
        "M01": Provision.MISSING,
        "M02": Provision.GAP,
        "M03": Provision.PLEDGE,
        "M04": Provision.REUSED,
    }
    assert draft.materials.get(code="M03").pledge_status == PledgeStatus.PENDING

    draft = services.case_save_draft(actor=county.applicant, data=online_application(item), case=draft)
    assert draft.form == {"business_name": "张三小吃店", "area": 45}
    material = services.case_material_attach(actor=county.applicant, case=draft, code="M01", file=pdf_file(), name="申请书.pdf")
    assert (material.provision, material.content_kind, material.original_name) == (Provision.UPLOADED, "pdf", "申请书.pdf")
    assert len(material.sha256) == 64 and material.size > 0

    case = services.case_submit(actor=county.applicant, case=draft)

    case.refresh_from_db()
    assert case.status == CaseStatus.SUBMITTED
    assert re.fullmatch(rf"{county.region.code}\d{{8}}\d{{6}}", case.number)
    assert re.fullmatch(r"\d{8}", case.query_code)
    assert case.submitted_at is not None and case.received_by is None
    assert [(s.action, s.from_status, s.to_status) for s in case.steps.all()] == [(A.SUBMIT, CaseStatus.DRAFT, CaseStatus.SUBMITTED)]
    actions = list(
        AuditEvent.objects.filter(object_type="cases.case", object_id=str(case.pk)).order_by("seq").values_list("action", flat=True)
    )
    assert actions == ["cases.case.create_draft", "cases.case.save_draft", "cases.case.submit"]
    assert AuditEvent.objects.filter(action="cases.material.attach", object_id=str(material.pk)).count() == 1
    subject_type, subject_id = subject_key(case)
    acceptance = Deadline.objects.get(subject_type=subject_type, subject_id=subject_id)
    assert (acceptance.kind, acceptance.allotted_days, case.due_on) == (kinds.CASE_ACCEPTANCE, 5, acceptance.due_on)
    notice = Notification.objects.get(recipient=county.applicant, channel="site")
    assert case.number in notice.body and notice.link == f"/my/cases/{case.number}/"


def test_changing_a_drafts_pledge_changes_what_awaits_verification(county, item):
    pledged = online_application(item)
    proven = online_application(item, materials=materials(M03=Provision.UPLOADED))
    draft = services.case_save_draft(actor=county.applicant, data=proven)
    assert draft.materials.get(code="M03").pledge_status == ""

    draft = services.case_save_draft(actor=county.applicant, data=pledged, case=draft)
    assert draft.materials.get(code="M03").pledge_status == PledgeStatus.PENDING

    draft = services.case_save_draft(actor=county.applicant, data=proven, case=draft)
    assert (draft.materials.get(code="M03").provision, draft.materials.get(code="M03").pledge_status) == (Provision.UPLOADED, "")


def test_submitting_an_incomplete_draft_lists_every_missing_material_and_changes_nothing(county, item):
    draft = services.case_save_draft(actor=county.applicant, data=online_application(item, form={}))
    before = counts()

    with pytest.raises(InvalidInput) as refused:
        services.case_submit(actor=county.applicant, case=draft)

    assert refused.value.code == "application_invalid"
    assert set(refused.value.details) == {"form", "materials"}
    assert set(refused.value.details["form"]) == {"business_name", "area"}
    assert set(refused.value.details["materials"]) == {"M01"}
    draft.refresh_from_db()
    assert (draft.status, draft.number) == (CaseStatus.DRAFT, None)
    assert counts() == before


def test_online_paper_or_uploaded_without_a_file_is_refused(county, item):
    data = online_application(item, materials=materials(M01=Provision.UPLOADED, M02=Provision.PAPER))
    draft = services.case_save_draft(actor=county.applicant, data=data)
    with pytest.raises(InvalidInput) as refused:
        services.case_submit(actor=county.applicant, case=draft)
    assert refused.value.details == {"materials": {"M01": "请上传“食品经营许可申请书”。", "M02": "请上传“经营场所平面图”。"}}


def test_a_draft_whose_item_changed_must_be_filled_in_again(county, item):
    draft = draft_case(county, item)
    replace_current_version(item, name="食品经营许可(新)")
    before = counts()

    with pytest.raises(Conflict) as refused:
        services.case_submit(actor=county.applicant, case=draft)

    assert refused.value.code == "case_item_changed"
    assert counts() == before


def test_another_applicant_may_not_touch_a_draft(county, item):
    draft = draft_case(county, item)
    intruder = county.other_applicant
    with pytest.raises(Forbidden) as saving:
        services.case_save_draft(actor=intruder, data=online_application(item), case=draft)
    with pytest.raises(Forbidden) as attaching:
        services.case_material_attach(actor=intruder, case=draft, code="M01", file=pdf_file(), name="x.pdf")
    with pytest.raises(Forbidden) as submitting:
        services.case_submit(actor=intruder, case=draft)
    assert saving.value.code == attaching.value.code == submitting.value.code == "case_forbidden"


def test_staff_may_not_attach_files_to_an_applicants_draft(county, item):
    draft = draft_case(county, item)
    with pytest.raises(Forbidden):
        services.case_material_attach(actor=county.clerk, case=draft, code="M02", file=pdf_file(), name="平面图.pdf")


def test_anonymous_visitors_cannot_file_or_save(county, item):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(Forbidden):
        services.case_save_draft(actor=AnonymousUser(), data=online_application(item))
    with pytest.raises(Forbidden):
        services.case_file(actor=AnonymousUser(), data=application(item), channel=Channel.API)
    assert not Case.objects.exists()


def test_the_api_files_and_submits_in_one_step_with_the_files(county, item):
    data = online_application(item, materials=materials(M01=None, M02=Provision.UPLOADED))
    case = services.case_file(
        actor=county.applicant, data=data, channel=Channel.API, files={"M01": pdf_file("申请书.pdf"), "M02": pdf_file("平面图.pdf")}
    )
    assert (case.status, case.channel, case.applicant_user) == (CaseStatus.SUBMITTED, Channel.API, county.applicant)
    assert {m.code: (m.provision, m.original_name) for m in case.materials.filter(code__in=["M01", "M02"])} == {
        "M01": (Provision.UPLOADED, "申请书.pdf"),
        "M02": (Provision.UPLOADED, "平面图.pdf"),
    }


def test_case_numbers_count_up_per_region_and_day(county, item):
    first, second = submitted_case(county, item), submitted_case(county, item)
    assert first.number[:-6] == second.number[:-6]
    assert int(second.number[-6:]) == int(first.number[-6:]) + 1


# -- window intake: one screen, each answer -------------------------------------------------------


def intake(county, item, answer: str, **kwargs: Any) -> Case:
    data = kwargs.pop("data", None) or application(item)
    return services.case_intake(actor=county.clerk, data=data, answer=answer, **kwargs)


def test_window_intake_accept(county, item):
    hall = ServiceHallFactory(region=county.region)
    window = WindowFactory(hall=hall)
    case = intake(county, item, A.ACCEPT, window=window)

    assert (case.status, case.channel, case.window, case.received_by, case.accepted_by) == (
        CaseStatus.ACCEPTED,
        Channel.WINDOW,
        window,
        county.clerk,
        county.clerk,
    )
    assert case.applicant_user is None
    assert [s.action for s in case.steps.all()] == [A.SUBMIT, A.ACCEPT]
    assert [d.kind for d in case.documents.all()] == [DocumentKind.ACCEPTANCE_NOTICE]
    assert list(AuditEvent.objects.filter(action__startswith="cases.case.").order_by("seq").values_list("action", flat=True)) == [
        "cases.case.submit",
        "cases.case.accept",
    ]
    # No account: the applicant is told by SMS.
    assert Notification.objects.filter(phone="13800000001", channel="sms").count() == 2


def test_window_intake_accept_with_gaps(county, item):
    supply_by = gap_supply_date()
    data = application(item, materials=materials(M02=Provision.GAP))
    case = intake(county, item, A.ACCEPT_WITH_GAPS, data=data, gaps=["M02"], supply_by=supply_by)
    assert (case.status, case.has_gaps, case.gap_supply_by) == (CaseStatus.ACCEPTED, True, supply_by)
    assert case.materials.get(code="M02").is_outstanding_gap
    assert [s.action for s in case.steps.all()] == [A.SUBMIT, A.ACCEPT_WITH_GAPS]
    assert case.documents.get().content["gaps"] == ["经营场所平面图"]


def test_window_intake_accept_with_gaps_needs_a_date(county, item):
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        intake(county, item, A.ACCEPT_WITH_GAPS, data=application(item, materials=materials(M02=Provision.GAP)), gaps=["M02"])
    assert refused.value.code == "gap_date_invalid"
    assert counts() == before


def test_window_intake_request_correction_records_an_incomplete_application(county, item):
    data = application(item, materials=materials(M01=None, M02=Provision.MISSING))
    problems = {"M01": "缺少申请书,请补交并签字", "M02": "平面图应标明面积", "form": "经营项目填写不完整"}
    case = intake(county, item, A.REQUEST_CORRECTION, data=data, problems=problems)

    assert case.status == CaseStatus.CORRECTION_REQUESTED
    assert {m.code: m.problem for m in case.materials.all()} == {"M01": problems["M01"], "M02": problems["M02"], "M03": "", "M04": ""}
    notice = case.documents.get()
    assert notice.kind == DocumentKind.CORRECTION_NOTICE
    assert [p["problem"] for p in notice.content["problems"]] == list(problems.values())


def test_window_intake_refuse(county, item):
    case = intake(county, item, A.REFUSE, reason="不属于本机关职权范围")
    assert (case.status, case.refusal_reason) == (CaseStatus.REFUSED, "不属于本机关职权范围")
    assert case.ended_at is not None and case.due_on is None
    assert [d.kind for d in case.documents.all()] == [DocumentKind.REFUSAL_NOTICE]


@pytest.mark.parametrize(
    ("answer", "kwargs", "code"),
    [
        (A.REFUSE, {}, "reason_required"),
        (A.REQUEST_CORRECTION, {}, "correction_invalid"),
        (A.REQUEST_CORRECTION, {"problems": {"M77": "?"}}, "correction_invalid"),
        (A.APPROVE, {}, "answer_invalid"),
    ],
)
def test_window_intake_answers_need_their_inputs(county, item, answer, kwargs, code):
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        intake(county, item, answer, **kwargs)
    assert refused.value.code == code
    assert counts() == before


@pytest.mark.parametrize("who", ["reviewer", "decider", "applicant", "supervisor", "anonymous", "other_county_clerk"])
def test_only_the_regions_window_clerks_take_applications_in(county, item, who):
    from django.contrib.auth.models import AnonymousUser

    from onewindow.accounts.choices import Role
    from onewindow.accounts.tests.factories import staff

    users = {"anonymous": AnonymousUser(), "other_county_clerk": staff(Role.WINDOW_CLERK, region=CountyFactory())}
    actor = users.get(who) or getattr(county, who)
    before = counts()
    with pytest.raises(Forbidden) as refused:
        services.case_intake(actor=actor, data=application(item), answer=A.ACCEPT)
    assert refused.value.code == "case_forbidden"
    assert counts() == before


# -- bad input: a clear error, nothing written ----------------------------------------------------


def person(**changes: Any) -> dict[str, Any]:
    return {"kind": ApplicantKind.PERSON, "name": "张三", "id_number": PERSON_ID, "phone": "13800000001", **changes}


BAD_ID = PERSON_ID[:-1] + ("1" if PERSON_ID[-1] != "1" else "2")
BAD_USCC = ENTERPRISE_USCC[:-1] + ("4" if ENTERPRISE_USCC[-1] != "4" else "5")


def with_data(**overrides: Any) -> Callable[[Any, Any], dict[str, Any]]:
    """Intake arguments: the factory application of the test's item with `overrides`."""
    return lambda county, item: {"data": application(item, **overrides)}


def with_files(**files: Any) -> Callable[[Any, Any], dict[str, Any]]:
    """Intake arguments: the factory application with `files` (M01 = (name, bytes)) as uploads."""
    return lambda county, item: {"files": {code: pdf_file(name, data) for code, (name, data) in files.items()}}


def _enterprise_with_a_bad_uscc(county, item) -> dict[str, Any]:
    applicant = {"kind": ApplicantKind.ENTERPRISE, "name": "某某餐饮有限公司", "uscc": BAD_USCC, "phone": "0591-87654321"}
    return {"data": application(item, applicant=applicant)}


def _an_item_without_pledges(county, item) -> dict[str, Any]:
    return {"data": application(case_item(county.department, pledge=False))}


def _after_a_false_pledge(county, item) -> dict[str, Any]:
    false_pledge_before(county, item)
    return {"data": application(item)}


def _second_file_bad(county, item) -> dict[str, Any]:
    data = application(item, materials=materials(M02=Provision.UPLOADED))
    return {"data": data, "files": {"M01": pdf_file(), "M02": pdf_file("平面图.pdf", PNG)}}


BOMB = docx_bytes({"word/media/bomb.bin": b"\0" * (20 * 1024 * 1024)})
PDF = pdf_file().getvalue()


def in_materials(code: str) -> Callable[[Any], Any]:
    return lambda details: details["materials"][code]


# (intake arguments for (county, item), expected code, the part of the details that names the problem)
BAD_INPUTS = {
    "id-check-digit": (with_data(applicant=person(id_number=BAD_ID)), "application_invalid", lambda d: d["applicant"]["id_number"]),
    "uscc-check-character": (_enterprise_with_a_bad_uscc, "application_invalid", lambda d: d["applicant"]["uscc"]),
    "phone": (with_data(applicant=person(phone="12345")), "application_invalid", lambda d: d["applicant"]["phone"]),
    "unknown-item": (with_data(item_code="11990123MB0000001A999999"), "item_unknown", lambda d: d["item"]),
    "unknown-situation": (with_data(situation_code="S99"), "situation_unknown", lambda d: d["situation"]),
    "form": (
        with_data(form={"business_name": "x" * 101, "area": "很大", "color": "red"}),
        "application_invalid",
        lambda d: all(d["form"][k] for k in ("business_name", "area", "color")),
    ),
    "required-material-missing": (with_data(materials=materials(M01=None)), "application_invalid", in_materials("M01")),
    "unknown-material": (with_data(materials=materials(M09=Provision.PAPER)), "application_invalid", in_materials("M09")),
    "gap-not-allowed": (with_data(materials=materials(M01=Provision.GAP)), "application_invalid", in_materials("M01")),
    "reuse-of-a-non-license": (with_data(materials=materials(M01=Provision.REUSED)), "application_invalid", in_materials("M01")),
    "pledge-without-text": (
        with_data(materials=materials(M03={"provision": Provision.PLEDGE, "pledge": " "})),
        "application_invalid",
        in_materials("M03"),
    ),
    "pledge-not-allowed": (_an_item_without_pledges, "application_invalid", in_materials("M03")),
    "pledge-after-false-pledge": (_after_a_false_pledge, "application_invalid", in_materials("M03")),
    "wrong-type-by-content": (with_files(M01=("申请书.pdf", EXE)), "upload_type_not_allowed", in_materials("M01")),
    "extension-mismatch": (with_files(M01=("申请书.png", PDF)), "upload_type_mismatch", in_materials("M01")),
    "empty-file": (with_files(M01=("申请书.pdf", b"")), "upload_empty", in_materials("M01")),
    "zip-bomb": (with_files(M01=("申请书.docx", BOMB)), "upload_archive_bomb", in_materials("M01")),
    "bad-file-name": (with_files(M01=("../", PDF)), "upload_bad_name", in_materials("M01")),
    "file-for-an-unknown-material": (with_files(M09=("a.pdf", PDF)), "application_invalid", in_materials("M09")),
    "second-file-bad": (_second_file_bad, "upload_type_mismatch", lambda d: d["materials"]["M02"] and "M01" not in d["materials"]),
}


@pytest.mark.parametrize(("make", "code", "problem"), list(BAD_INPUTS.values()), ids=list(BAD_INPUTS))
def test_bad_input_is_refused_with_a_code_and_nothing_is_written(county, item, make, code, problem):
    kwargs = make(county, item)
    kwargs.setdefault("data", application(item))
    before = counts()

    with pytest.raises(InvalidInput) as refused:
        services.case_intake(actor=county.clerk, answer=A.ACCEPT, **kwargs)

    assert refused.value.code == code
    assert refused.value.message
    assert problem(refused.value.details)
    assert counts() == before


def test_an_oversized_file_is_refused(county, item, settings):
    settings.CASE_UPLOAD_MAX_BYTES = 1024
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        intake(county, item, A.ACCEPT, files={"M01": pdf_file("申请书.pdf", b"%PDF-1.7\n" + b"0" * 2048)})
    assert refused.value.code == "upload_too_large"
    assert "M01" in refused.value.details["materials"]
    assert counts() == before


def test_gaps_are_barred_after_a_false_pledge(county, item):
    false_pledge_before(county, item)
    data = application(item, materials=materials(M02=Provision.GAP, M03=Provision.PAPER))
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        intake(county, item, A.ACCEPT_WITH_GAPS, data=data, gaps=["M02"], supply_by=gap_supply_date())
    assert refused.value.details["materials"]["M02"] == "申请人曾作出虚假承诺,不适用告知承诺和容缺受理。"
    assert counts() == before


def test_every_problem_is_told_at_once(county, item):
    data = application(item, applicant=person(id_number=BAD_ID, phone=""), form={}, materials=materials(M01=None, M03=Provision.GAP))
    with pytest.raises(InvalidInput) as refused:
        intake(county, item, A.ACCEPT, data=data)
    details = refused.value.details
    assert set(details["applicant"]) == {"id_number", "phone"}
    assert set(details["form"]) == {"business_name", "area"}
    assert set(details["materials"]) == {"M01", "M03"}


@pytest.mark.parametrize(
    ("raw", "clean"),
    [("../../etc/passwd.pdf", "passwd.pdf"), ("C:\\Users\\张三\\申请书.PDF", "申请书.pdf"), ("a\x00b\n.pdf", "ab.pdf")],
)
def test_path_like_file_names_are_sanitized(county, item, raw, clean):
    data = application(item, materials=materials(M01=Provision.UPLOADED))
    case = intake(county, item, A.ACCEPT, data=data, files={"M01": pdf_file(raw)})
    material = case.materials.get(code="M01")
    assert material.original_name == clean
    assert material.file.name.startswith("cases/materials/")
    assert ".." not in material.file.name and "\\" not in material.file.name
    assert default_storage.exists(material.file.name)


def test_an_enterprise_applicant_by_uscc(county, item):
    applicant = {"kind": ApplicantKind.ENTERPRISE, "name": "某某餐饮有限公司", "uscc": ENTERPRISE_USCC.lower(), "phone": "0591-87654321"}
    case = intake(county, item, A.ACCEPT, data=application(item, applicant=applicant))
    assert (case.applicant_kind, case.applicant_id_number) == (ApplicantKind.ENTERPRISE, ENTERPRISE_USCC)
