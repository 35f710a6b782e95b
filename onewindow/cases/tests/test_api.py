"""/api/v1/cases: filing with a token, bad applications, listing, detail, material files, public progress."""

import base64
import datetime as dt
import io
import zipfile

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from onewindow.accounts.services import token_create
from onewindow.audit.models import AuditEvent
from onewindow.cases import services
from onewindow.cases.choices import CaseStatus, Channel, DocumentState, Provision
from onewindow.cases.models import Case, CaseMaterial, IdempotentSubmission
from onewindow.cases.tests.factories import PERSON_ID, case_in, draft_case, online_application, submitted_case

pytestmark = pytest.mark.django_db

CASES = "/api/v1/cases"
MONDAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def bearer(user):
    _token, plain = token_create(actor=user, user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def body(service_item, **overrides):
    """A complete online application for `case_item` as the API takes it (M01 as an inline PDF, M02 left as a gap)."""
    data = {
        "item": service_item.implementation_code,
        "situation": "S01",
        "applicant": {"kind": "person", "name": "张三", "id_number": PERSON_ID, "phone": "13800000001"},
        "form": {"business_name": "张三小吃店", "area": 45},
        "materials": [
            {"code": "M01", "file": {"name": "申请书.pdf", "content_base64": b64(PDF)}},
            {"code": "M02", "provision": "gap"},
            {"code": "M03", "provision": "pledge", "pledge": "本人承诺已取得有效健康证明。"},
            {"code": "M04", "provision": "reused", "license_number": "91350100M000100Y43"},
        ],
    }
    data.update(overrides)
    return data


def with_material(data, code, **entry):
    data["materials"] = [m if m["code"] != code else {"code": code, **entry} for m in data["materials"]]
    return data


def online_case(county, item):
    """A case the applicant filed online (M01 uploaded, M02 a gap), status submitted."""
    data = online_application(item)
    data.materials[0] = {"code": "M01", "provision": Provision.UPLOADED}
    return services.case_file(actor=county.applicant, data=data, channel=Channel.API, files={"M01": ContentFile(PDF, name="a.pdf")})


def nothing_written():
    return Case.objects.count() == CaseMaterial.objects.count() == IdempotentSubmission.objects.count() == 0


# ---- filing -------------------------------------------------------------------------------------


def test_applicant_files_a_case_with_a_token(client, county, item):
    with time_machine.travel(MONDAY, tick=False):
        response = client.post(CASES, body(item), content_type="application/json", **bearer(county.applicant))

    assert response.status_code == 201, response.json()
    result = response.json()
    case = Case.objects.get()
    assert result["number"] == case.number and case.number.startswith(county.region.code + "20260302")
    assert result["status"] == "submitted" and result["query_code"] == case.query_code
    assert result["item"] == item.implementation_code
    assert result["submitted_at"] == "2026-03-02T09:00:00+08:00"
    assert result["due_on"] == "2026-03-09"  # 5 working days to answer (行政许可法 第三十二条)
    materials = {m["code"]: m for m in result["materials"]}
    assert materials["M01"]["has_file"] is True and materials["M01"]["content_kind"] == "pdf"
    assert materials["M01"]["original_name"] == "申请书.pdf" and materials["M01"]["provision"] == "uploaded"
    assert [materials[c]["provision"] for c in ("M02", "M03", "M04")] == ["gap", "pledge", "reused"]
    assert case.channel == Channel.API and case.applicant_user == county.applicant
    assert AuditEvent.objects.filter(action="cases.case.submit", object_id=str(case.pk)).exists()


def test_session_user_may_file_too(client, county, item):
    client.force_login(county.applicant)

    response = client.post(CASES, body(item), content_type="application/json")

    assert response.status_code == 201 and Case.objects.get().applicant_user == county.applicant


def test_anonymous_may_not_file(client, item):
    response = client.post(CASES, body(item), content_type="application/json")

    assert response.status_code == 401 and response.json()["code"] == "not_authenticated"
    assert nothing_written()


def test_applicant_errors_are_reported_together_and_nothing_is_written(client, county, item):
    data = body(item, applicant={"kind": "person", "name": "张三", "id_number": "110105194912310021", "phone": "12"})

    response = client.post(CASES, data, content_type="application/json", **bearer(county.applicant))

    result = response.json()
    assert response.status_code == 400 and result["code"] == "application_invalid"
    assert set(result["details"]["applicant"]) == {"id_number", "phone"}
    assert nothing_written()


def test_invalid_uscc_of_an_enterprise(client, county, item):
    data = body(item, applicant={"kind": "enterprise", "name": "某某餐饮有限公司", "uscc": "91350100M000100Y44", "phone": "13800000001"})

    response = client.post(CASES, data, content_type="application/json", **bearer(county.applicant))

    assert response.status_code == 400 and "uscc" in response.json()["details"]["applicant"]
    assert nothing_written()


@pytest.mark.parametrize(
    ("overrides", "code"),
    [({"item": "NO-SUCH-ITEM"}, "item_unknown"), ({"situation": "S99"}, "situation_unknown"), ({"situation": ""}, "situation_required")],
)
def test_unknown_item_or_situation(client, county, item, overrides, code):
    response = client.post(CASES, body(item, **overrides), content_type="application/json", **bearer(county.applicant))

    assert response.status_code == 400 and response.json()["code"] == code
    assert nothing_written()


def test_missing_required_material_and_pledge_not_allowed(client, county, item):
    data = with_material(body(item), "M01", provision="missing")
    data = with_material(data, "M04", provision="pledge", pledge="我承诺")

    response = client.post(CASES, data, content_type="application/json", **bearer(county.applicant))

    result = response.json()
    assert response.status_code == 400 and result["code"] == "application_invalid"
    assert result["details"]["materials"]["M01"] == "缺少必要材料“食品经营许可申请书”。"
    assert result["details"]["materials"]["M04"] == "“营业执照”不适用告知承诺。"
    assert nothing_written()


def test_uploaded_without_a_file_is_refused(client, county, item):
    data = with_material(body(item), "M01", provision="uploaded")

    response = client.post(CASES, data, content_type="application/json", **bearer(county.applicant))

    assert response.status_code == 400 and set(response.json()["details"]["materials"]) == {"M01"}
    assert nothing_written()


def test_paper_is_not_a_provision_the_api_takes(client, county, item):
    data = with_material(body(item), "M01", provision="paper")

    response = client.post(CASES, data, content_type="application/json", **bearer(county.applicant))

    assert response.status_code == 400 and response.json()["code"] == "invalid_input"
    assert nothing_written()


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("申请书.pdf", PNG, "upload_type_mismatch"),
        ("申请书.pdf", b"MZ\x90\x00 not a document", "upload_type_not_allowed"),
        ("申请书.docx", _zip({"evil.sh": "rm -rf /"}), "upload_type_not_allowed"),
        ("申请书.pdf", b"", "upload_empty"),
        ("../", PDF, "upload_bad_name"),
    ],
)
def test_wrong_files_are_refused_by_content_and_name(client, county, item, name, content, code):
    data = with_material(body(item), "M01", file={"name": name, "content_base64": b64(content)})

    response = client.post(CASES, data, content_type="application/json", **bearer(county.applicant))

    result = response.json()
    assert response.status_code == 400 and result["code"] == code
    assert set(result["details"]["materials"]) == {"M01"}
    assert nothing_written()


def test_oversized_file_is_refused(client, county, item, settings):
    settings.CASE_UPLOAD_MAX_BYTES = 1024
    data = with_material(body(item), "M01", file={"name": "a.pdf", "content_base64": b64(PDF + b"0" * 2000)})

    response = client.post(CASES, data, content_type="application/json", **bearer(county.applicant))

    assert response.status_code == 400 and response.json()["code"] == "upload_too_large"
    assert nothing_written()


def test_bad_base64_is_refused(client, county, item):
    data = with_material(body(item), "M01", file={"name": "a.pdf", "content_base64": "not base64!"})

    response = client.post(CASES, data, content_type="application/json", **bearer(county.applicant))

    assert response.status_code == 400 and response.json()["code"] == "material_file_invalid"
    assert nothing_written()


def test_path_like_names_keep_only_the_last_component(client, county, item):
    data = with_material(body(item), "M01", file={"name": "..\\..\\etc/申请书.pdf", "content_base64": b64(PDF)})

    response = client.post(CASES, data, content_type="application/json", **bearer(county.applicant))

    assert response.status_code == 201
    material = CaseMaterial.objects.get(code="M01")
    assert material.original_name == "申请书.pdf" and ".." not in material.file.name


# ---- listing ------------------------------------------------------------------------------------


def test_staff_list_their_department_and_applicants_their_own(client, county, item):
    window_case = submitted_case(county, item)
    own = online_case(county, item)

    def numbers(user, **params):
        response = client.get(CASES, params, **bearer(user))
        assert response.status_code == 200
        return [row["number"] for row in response.json()["items"]]

    assert numbers(county.reviewer) == [own.number, window_case.number]
    assert numbers(county.clerk) == [own.number, window_case.number]
    assert numbers(county.applicant) == [own.number]
    assert numbers(county.other_applicant) == []
    assert numbers(county.other_reviewer) == []


def test_an_applicants_drafts_are_not_in_the_api_list(client, county, item):
    """Drafts have no number yet: the portal lists them (my cases); the API lists what was submitted."""
    submitted = online_case(county, item)
    draft_case(county, item)

    response = client.get(CASES, **bearer(county.applicant))

    assert response.status_code == 200
    assert [row["number"] for row in response.json()["items"]] == [submitted.number]


def test_a_staff_members_own_application_is_on_their_portal_not_in_their_work_lists(client, county, item):
    """A reviewer applying as a citizen of another department's item: the work list and queue show the
    cases in their reach only; the application is theirs to follow on the portal (my cases)."""
    data = online_application(item)
    data.materials[0] = {"code": "M01", "provision": Provision.UPLOADED}
    own = services.case_file(actor=county.other_reviewer, data=data, channel=Channel.API, files={"M01": ContentFile(PDF, name="a.pdf")})

    def numbers(**params):
        return [row["number"] for row in client.get(CASES, params, **bearer(county.other_reviewer)).json()["items"]]

    assert own.number not in numbers() and own.number not in numbers(queue=True)
    assert client.get(f"{CASES}/{own.number}", **bearer(county.other_reviewer)).status_code == 200


def test_list_row_shape_and_filters(client, county, item):
    with time_machine.travel(MONDAY, tick=False):
        accepted = case_in(CaseStatus.ACCEPTED, county, item)
        submitted_case(county, item)
        headers = bearer(county.reviewer)

        rows = client.get(CASES, {"status": "accepted"}, **headers).json()["items"]

    assert rows == [
        {
            "number": accepted.number,
            "status": "accepted",
            "status_label": "已受理",
            "item": item.implementation_code,
            "item_name": "食品经营许可",
            "department": {"id": county.department.pk, "name": "市场监督管理局"},
            "applicant_name": "张三",
            "channel": "window",
            "submitted_at": "2026-03-02T09:00:00+08:00",
            "due_on": accepted.due_on.isoformat(),
            "color": "green",
            "revision": accepted.revision,
        }
    ]
    assert client.get(CASES, {"item": "OTHER"}, **headers).json()["items"] == []
    assert client.get(CASES, {"status": "nonsense"}, **headers).json()["code"] == "status_invalid"


def test_queue_lists_open_cases_most_urgent_first_and_pages_by_cursor(client, county, item):
    with time_machine.travel(MONDAY, tick=False):
        first = submitted_case(county, item)
    with time_machine.travel(MONDAY + dt.timedelta(days=1), tick=False):
        second = submitted_case(county, item)
        third = submitted_case(county, item)
        services.case_refuse(actor=county.clerk, case=third, reason="不属于本部门职权")
        headers = bearer(county.reviewer)

        page = client.get(CASES, {"queue": True, "limit": 1}, **headers).json()
        rest = client.get(CASES, {"queue": True, "limit": 1, "cursor": page["next_cursor"]}, **headers).json()

    assert [r["number"] for r in page["items"] + rest["items"]] == [first.number, second.number]
    assert rest["next_cursor"] is None


def test_list_query_count_does_not_grow_with_rows(client, county, item, django_assert_max_num_queries):
    submitted_case(county, item)
    headers = bearer(county.reviewer)
    client.get(CASES, **headers)  # the token's last use is written once a minute
    with CaptureQueriesContext(connection) as few:
        client.get(CASES, **headers)
    for _ in range(6):
        submitted_case(county, item)

    with django_assert_max_num_queries(len(few)):
        response = client.get(CASES, **headers)

    assert len(response.json()["items"]) == 7


def test_anonymous_may_not_list(client):
    assert client.get(CASES).status_code == 401


# ---- detail -------------------------------------------------------------------------------------


def test_detail_shows_materials_timeline_tasks_timers_documents_and_actions(client, county, item):
    with time_machine.travel(MONDAY, tick=False):
        case = case_in(CaseStatus.ACCEPTED, county, item)
        response = client.get(f"{CASES}/{case.number}", **bearer(county.reviewer))

    result = response.json()
    assert response.status_code == 200
    assert result["number"] == case.number and result["situation"] == "S01" and result["situation_name"] == "新办"
    assert result["applicant"] == {"kind": "person", "name": "张三", "id_number": PERSON_ID, "phone": "13800000001", "email": ""}
    assert [m["code"] for m in result["materials"]] == ["M01", "M02", "M03", "M04"]
    assert "file" not in result["materials"][0]
    assert [(s["action"], s["label"], s["from_status"], s["to_status"]) for s in result["steps"]] == [
        ("submit", "提交申请", "draft", "submitted"),
        ("accept", "受理", "submitted", "accepted"),
    ]
    assert result["steps"][1]["actor_name"] == "王窗口" and result["steps"][1]["unit_name"] == "市场监督管理局"
    review = next(t for t in result["tasks"] if t["kind"] == "review")
    assert (review["state"], review["unit_name"], review["role"]) == ("open", "行政审批科", "reviewer")
    timers = {t["kind"]: t for t in result["timers"]}
    assert timers["case_acceptance"]["state"] == "met" and timers["case_acceptance"]["color"] == "gray"
    assert timers["case_promised"]["state"] == "running" and timers["case_promised"]["color"] == "green"
    assert timers["case_promised"]["kind_label"]
    assert [(d["kind"], d["state"]) for d in result["documents"]] == [("acceptance_notice", "pending")]
    assert result["documents"][0]["verification_code"]
    actions = {a["name"] for a in result["actions"]}
    assert {"complete-stage", "suspend", "resume"} & actions == {"complete-stage", "suspend"}
    assert "approve" not in actions  # the reviewer does not decide


def test_detail_permission_triple(client, county, item):
    case = online_case(county, item)
    url = f"{CASES}/{case.number}"

    assert client.get(url, **bearer(county.reviewer)).status_code == 200
    assert client.get(url, **bearer(county.applicant)).status_code == 200
    assert {a["name"] for a in client.get(url, **bearer(county.applicant)).json()["actions"]} == {"withdraw"}
    for outsider in (county.other_reviewer, county.other_applicant):
        response = client.get(url, **bearer(outsider))
        assert response.status_code == 404 and response.json()["code"] == "case_not_found"
    assert client.get(url).status_code == 401
    assert client.get(f"{CASES}/NO-SUCH", **bearer(county.reviewer)).status_code == 404


# ---- material files -----------------------------------------------------------------------------


def test_applicant_uploads_a_gap_material_then_supplies_the_gaps(client, county, item):
    with time_machine.travel(MONDAY, tick=False):
        case = online_case(county, item)
        services.case_accept_with_gaps(actor=county.reviewer, case=case, gaps=["M02"], supply_by=dt.date(2026, 3, 6))
        headers = bearer(county.applicant)

        uploaded = client.post(
            f"{CASES}/{case.number}/materials", {"code": "M02", "file": SimpleUploadedFile("平面图.png", PNG)}, **headers
        )
        supplied = client.post(f"{CASES}/{case.number}/supply-gaps", {}, content_type="application/json", **headers)

    assert uploaded.status_code == 200, uploaded.json()
    assert uploaded.json()["code"] == "M02" and uploaded.json()["has_file"] is True and uploaded.json()["content_kind"] == "png"
    assert supplied.status_code == 200 and supplied.json()["has_gaps"] is False


def test_upload_checks_the_content_and_the_material(client, county, item):
    case = case_in(CaseStatus.CORRECTION_REQUESTED, county, item)
    url = f"{CASES}/{case.number}/materials"
    headers = bearer(county.clerk)

    wrong = client.post(url, {"code": "M01", "file": SimpleUploadedFile("a.pdf", PNG)}, **headers)
    unknown = client.post(url, {"code": "M99", "file": SimpleUploadedFile("a.pdf", PDF)}, **headers)
    right = client.post(url, {"code": "M01", "file": SimpleUploadedFile("a.pdf", PDF)}, **headers)

    assert (wrong.status_code, wrong.json()["code"]) == (400, "upload_type_mismatch")
    assert (unknown.status_code, unknown.json()["code"]) == (404, "material_unknown")
    assert right.status_code == 200 and right.json()["provision"] == "uploaded"


def test_upload_permission_triple(client, county, item):
    case = case_in(CaseStatus.CORRECTION_REQUESTED, county, item)
    url = f"{CASES}/{case.number}/materials"

    def upload(**headers):
        return client.post(url, {"code": "M01", "file": SimpleUploadedFile("a.pdf", PDF)}, **headers)

    assert upload(**bearer(county.other_reviewer)).status_code == 404
    forbidden = upload(**bearer(county.supervisor))
    assert (forbidden.status_code, forbidden.json()["code"]) == (403, "case_forbidden")
    assert upload().status_code == 401
    assert not CaseMaterial.objects.get(case=case, code="M01").file


def test_upload_after_acceptance_only_for_gaps(client, county, item):
    case = case_in(CaseStatus.ACCEPTED, county, item)

    response = client.post(
        f"{CASES}/{case.number}/materials", {"code": "M01", "file": SimpleUploadedFile("a.pdf", PDF)}, **bearer(county.clerk)
    )

    assert (response.status_code, response.json()["code"]) == (409, "case_not_editable")


# ---- public progress ----------------------------------------------------------------------------


def test_progress_with_the_query_code_is_public_and_masked(client, county, item):
    with time_machine.travel(MONDAY, tick=False):
        case = online_case(county, item)
        services.case_accept_with_gaps(actor=county.reviewer, case=case, gaps=["M02"], supply_by=dt.date(2026, 3, 6))
    case.documents.update(state=DocumentState.READY)
    document = case.documents.get()

    response = client.get(f"/api/v1/progress/{case.number}", {"code": case.query_code})

    result = response.json()
    assert response.status_code == 200
    assert (result["status"], result["status_label"], result["item_name"]) == ("accepted", "已受理", "食品经营许可")
    assert result["department"] == "市场监督管理局" and result["applicant_name"] == "张*"
    assert result["promised_due_on"] == "2026-03-16"  # 10 working days from acceptance on 3-2
    assert [(s["action"], s["label"], s["actor_name"]) for s in result["steps"]] == [
        ("submit", "提交申请", "张*"),
        ("accept_with_gaps", "容缺受理", "李审查"),
    ]
    assert result["steps"][1]["unit_name"] == "市场监督管理局" and result["steps"][1]["at"] == "2026-03-02T09:00:00+08:00"
    assert result["documents"] == [
        {
            "kind": "acceptance_notice",
            "kind_label": "受理通知书",
            "number": document.number,
            "verification_code": document.verification_code,
        }
    ]
    text = response.content.decode()
    assert PERSON_ID not in text and "13800000001" not in text and "张三" not in text


def test_progress_with_a_wrong_code_is_not_found(client, county, item):
    case = submitted_case(county, item)

    wrong = client.get(f"/api/v1/progress/{case.number}", {"code": "00000000" if case.query_code != "00000000" else "11111111"})
    missing = client.get(f"/api/v1/progress/{case.number}")
    unknown = client.get("/api/v1/progress/NO-SUCH", {"code": case.query_code})

    for response in (wrong, missing, unknown):
        assert response.status_code == 404 and response.json()["code"] == "progress_not_found"


def test_the_queue_is_read_in_order_from_a_partial_open_queue_index(county, item):
    """No sort of every open case of the region: the queue walks an index on (…, due_on, id) of open cases."""
    from onewindow.cases import selectors
    from onewindow.cases.models import Case as CaseModel

    submitted_case(county, item)
    for user in (county.clerk, county.reviewer):
        rows = CaseModel.objects.in_reach_of(user).filter(due_on__isnull=False).extra(where=[selectors.OPEN_STATUS_SQL])
        sql, params = rows.order_by(*selectors.QUEUE_ORDER)[:51].query.sql_with_params()
        with connection.cursor() as cursor:
            prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
            cursor.execute(prefix + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        if connection.vendor == "sqlite":
            assert "cases_open_" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("cursor", ["W251bGxd", base64.urlsafe_b64encode(b'["x","y"]').decode()])
def test_a_forged_cursor_is_a_clear_400(client, county, item, cursor):
    response = client.get(CASES, {"cursor": cursor}, **bearer(county.reviewer))
    assert (response.status_code, response.json()["code"]) == (400, "invalid_cursor")
