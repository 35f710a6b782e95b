"""POST /api/v1/cases/{number}/{action}: each action as the user whose job it is, a 409 where the table
forbids it or the case moved on, and the permission triple (other department 404, no right 403, anonymous 401)."""

import datetime as dt

import pytest
import time_machine

from onewindow.cases import services
from onewindow.cases.choices import CaseStatus, Decision, Provision
from onewindow.cases.models import Case
from onewindow.cases.tests.factories import case_in, submitted_case
from onewindow.cases.tests.test_api import CASES, MONDAY, bearer, online_case

pytestmark = pytest.mark.django_db


def act(client, case, action, user, payload=None):
    return client.post(f"{CASES}/{case.number}/{action}", payload or {}, content_type="application/json", **bearer(user))


def ok(response):
    assert response.status_code == 200, response.json()
    return response.json()


# ---- answering a submission ---------------------------------------------------------------------


def test_clerk_accepts(client, county, item):
    case = submitted_case(county, item)

    result = ok(act(client, case, "accept", county.clerk, {"comment": "材料齐全", "revision": case.revision}))

    assert result["status"] == "accepted" and result["revision"] == case.revision + 1
    assert result["steps"][-1]["action"] == "accept" and result["steps"][-1]["comment"] == "材料齐全"
    assert "accept" not in {a["name"] for a in result["actions"]}


def test_reviewer_accepts_with_gaps(client, county, item):
    with time_machine.travel(MONDAY, tick=False):
        case = submitted_case(county, item)

        result = ok(act(client, case, "accept-with-gaps", county.reviewer, {"gaps": ["M02"], "supply_by": "2026-03-06"}))

    assert result["status"] == "accepted" and result["has_gaps"] is True and result["gap_supply_by"] == "2026-03-06"
    assert next(m for m in result["materials"] if m["code"] == "M02")["outstanding_gap"] is True
    assert "case_gap_supply" in {t["kind"] for t in result["timers"]}


def test_gaps_on_a_material_that_does_not_allow_them_is_400(client, county, item):
    with time_machine.travel(MONDAY, tick=False):
        case = submitted_case(county, item)

        response = act(client, case, "accept-with-gaps", county.reviewer, {"gaps": ["M01"], "supply_by": "2026-03-06"})

    assert (response.status_code, response.json()["code"]) == (400, "gaps_invalid")
    assert Case.objects.get(pk=case.pk).status == CaseStatus.SUBMITTED


def test_clerk_requests_correction_once_for_everything(client, county, item):
    case = submitted_case(county, item)

    result = ok(act(client, case, "request-correction", county.clerk, {"problems": {"M01": "请签字", "M03": "请写明日期"}}))

    assert result["status"] == "correction_requested"
    problems = {m["code"]: m["problem"] for m in result["materials"]}
    assert (problems["M01"], problems["M03"], problems["M02"]) == ("请签字", "请写明日期", "")
    assert [d["kind"] for d in result["documents"]] == ["correction_notice"]


def test_clerk_refuses_with_a_reason(client, county, item):
    case = submitted_case(county, item)

    result = ok(act(client, case, "refuse", county.clerk, {"reason": "不属于本部门职权范围"}))

    assert result["status"] == "refused" and result["refusal_reason"] == "不属于本部门职权范围"
    assert result["actions"] == []


def test_refusal_without_a_reason_is_400(client, county, item):
    case = submitted_case(county, item)

    blank = act(client, case, "refuse", county.clerk, {"reason": "  "})
    missing = act(client, case, "refuse", county.clerk, {})

    assert (blank.status_code, blank.json()["code"]) == (400, "reason_required")
    assert (missing.status_code, missing.json()["code"]) == (400, "invalid_input")
    assert missing.json()["details"] == [{"field": "reason", "message": "Field required"}]


def test_clerk_resubmits_a_corrected_window_case(client, county, item):
    case = case_in(CaseStatus.CORRECTION_REQUESTED, county, item)

    result = ok(act(client, case, "resubmit", county.clerk, {"materials": [{"code": "M03", "provision": "paper"}]}))

    assert result["status"] == "submitted"
    assert {m["code"]: m["provision"] for m in result["materials"]}["M03"] == Provision.PAPER
    assert all(m["problem"] == "" for m in result["materials"])


def test_applicant_resubmits_after_uploading(client, county, item):
    case = online_case(county, item)
    services.case_request_correction(actor=county.reviewer, case=case, problems={"M01": "请上传签字页"})
    case.refresh_from_db()

    result = ok(act(client, case, "resubmit", county.applicant, {"revision": case.revision}))

    assert result["status"] == "submitted"


def test_an_online_case_cannot_be_corrected_with_paper(client, county, item):
    case = online_case(county, item)
    services.case_request_correction(actor=county.reviewer, case=case, problems={"M01": "请上传签字页"})
    case.refresh_from_db()

    paper = {"revision": case.revision, "materials": [{"code": "M01", "provision": "paper"}]}
    response = act(client, case, "resubmit", county.applicant, paper)

    assert (response.status_code, response.json()["code"]) == (400, "materials_invalid")
    assert response.json()["details"] == {"M01": "paper"}
    stored = Case.objects.get(pk=case.pk)
    assert (stored.status, stored.revision) == (CaseStatus.CORRECTION_REQUESTED, case.revision)
    assert stored.materials.get(code="M01").provision != Provision.PAPER


def test_resubmit_with_a_stale_revision_is_409(client, county, item):
    case = case_in(CaseStatus.CORRECTION_REQUESTED, county, item)

    response = act(client, case, "resubmit", county.clerk, {"revision": case.revision - 1})

    assert (response.status_code, response.json()["code"]) == (409, "case_stale")
    assert Case.objects.get(pk=case.pk).status == CaseStatus.CORRECTION_REQUESTED


# ---- review -------------------------------------------------------------------------------------


def test_reviewer_completes_the_review_stage(client, county, item):
    case = case_in(CaseStatus.ACCEPTED, county, item)
    task = case.tasks.get(state="open", kind="review")

    result = ok(act(client, case, "complete-stage", county.reviewer, {"task": task.pk, "opinion": "符合条件"}))

    assert result["status"] == "in_review"
    done = next(t for t in result["tasks"] if t["id"] == task.pk)
    assert (done["state"], done["handler_name"], done["opinion"]) == ("done", "李审查", "符合条件")
    assert result["steps"][-1]["unit_name"] == "行政审批科"


def test_completing_a_task_twice_is_409(client, county, item):
    case = case_in(CaseStatus.IN_REVIEW, county, item)
    task = case.tasks.get(kind="review")

    response = act(client, case, "complete-stage", county.reviewer, {"task": task.pk, "opinion": "再次"})

    assert (response.status_code, response.json()["code"]) == (409, "task_not_open")


def test_reviewer_suspends_and_resumes(client, county, item):
    case = case_in(CaseStatus.ACCEPTED, county, item)

    suspended = ok(act(client, case, "suspend", county.reviewer, {"procedure": "专家评审", "reason": "需专家论证"}))
    resumed = ok(act(client, case, "resume", county.reviewer, {"result": "专家意见:同意"}))

    assert suspended["status"] == "suspended" and suspended["color"] == "gray"
    assert {t["state"] for t in suspended["timers"] if t["kind"] in ("case_promised", "case_statutory")} == {"paused"}
    assert resumed["status"] == "in_review"
    assert {t["state"] for t in resumed["timers"] if t["kind"] in ("case_promised", "case_statutory")} == {"running"}


def test_decider_extends_once(client, county, item):
    case = case_in(CaseStatus.ACCEPTED, county, item)

    result = ok(act(client, case, "extend", county.decider, {"reason": "情况复杂,需进一步核实"}))
    again = act(client, case, "extend", county.decider, {"reason": "再延"})

    assert result["status"] == "accepted" and result["extended_days"] == 10
    assert (again.status_code, again.json()["code"]) == (409, "case_already_extended")


def test_clerk_records_gaps_supplied_on_paper(client, county, item):
    with time_machine.travel(MONDAY, tick=False):
        case = submitted_case(county, item)
        services.case_accept_with_gaps(actor=county.clerk, case=case, gaps=["M02"], supply_by=dt.date(2026, 3, 6))

        result = ok(act(client, case, "supply-gaps", county.clerk, {"comment": "纸质材料已核验"}))

    assert result["has_gaps"] is False and result["status"] == "accepted"


# ---- decision and delivery ----------------------------------------------------------------------


def test_decider_approves(client, county, item):
    case = case_in(CaseStatus.IN_REVIEW, county, item)

    result = ok(act(client, case, "approve", county.decider, {"opinion": "同意", "revision": case.revision}))

    assert (result["status"], result["decision"], result["decision_reason"]) == ("decided", Decision.GRANTED, "同意")
    assert "grant_decision" in {d["kind"] for d in result["documents"]}


def test_decider_denies(client, county, item):
    case = case_in(CaseStatus.IN_REVIEW, county, item)

    result = ok(act(client, case, "deny", county.decider, {"reason": "不符合选址要求"}))

    assert (result["status"], result["decision"]) == ("decided", Decision.DENIED)


def test_decision_with_review_open_is_409(client, county, item):
    case = case_in(CaseStatus.ACCEPTED, county, item)

    response = act(client, case, "approve", county.decider, {})

    assert (response.status_code, response.json()["code"]) == (409, "case_review_open")


def test_clerk_delivers_and_closes(client, county, item):
    case = case_in(CaseStatus.DECIDED, county, item)

    delivered = ok(act(client, case, "deliver", county.clerk, {"note": "窗口领取"}))
    closed = ok(act(client, case, "close", county.clerk, {"revision": delivered["revision"]}))

    assert delivered["status"] == "delivered" and delivered["delivered_at"]
    assert closed["status"] == "closed" and closed["ended_at"] and closed["actions"] == []


def test_close_takes_an_empty_body(client, county, item):
    case = case_in(CaseStatus.DELIVERED, county, item)

    response = client.post(f"{CASES}/{case.number}/close", content_type="application/json", **bearer(county.clerk))

    assert response.status_code == 200 and response.json()["status"] == "closed"


def test_applicant_withdraws_their_own_case(client, county, item):
    case = online_case(county, item)

    result = ok(act(client, case, "withdraw", county.applicant, {"reason": "不再需要"}))

    assert result["status"] == "withdrawn" and result["steps"][-1]["comment"] == "不再需要"


# ---- refusals -----------------------------------------------------------------------------------

ACTION_BODIES = {
    "accept": ("clerk", {}),
    "accept-with-gaps": ("clerk", {"gaps": ["M02"], "supply_by": "2026-03-06"}),
    "request-correction": ("clerk", {"problems": {"M01": "请签字"}}),
    "resubmit": ("clerk", {}),
    "refuse": ("clerk", {"reason": "不符合"}),
    "complete-stage": ("reviewer", {"task": 1, "opinion": "同意"}),
    "suspend": ("reviewer", {"procedure": "听证", "reason": "依申请听证"}),
    "resume": ("reviewer", {"result": "听证结束"}),
    "extend": ("decider", {"reason": "复杂"}),
    "supply-gaps": ("clerk", {}),
    "approve": ("decider", {"opinion": "同意"}),
    "deny": ("decider", {"reason": "不符合"}),
    "deliver": ("clerk", {}),
    "close": ("clerk", {}),
    "withdraw": ("clerk", {"reason": "撤回"}),
}


@pytest.mark.parametrize("action", ACTION_BODIES)
def test_every_action_on_a_closed_case_is_409(client, county, item, action):
    with time_machine.travel(MONDAY, tick=False):
        case = case_in(CaseStatus.CLOSED, county, item)
        role, payload = ACTION_BODIES[action]

        response = act(client, case, action, getattr(county, role), payload)

    assert response.status_code == 409, response.json()
    assert response.json()["code"] == "case_transition_forbidden"
    assert response.json()["details"]["status"] == "closed"
    assert Case.objects.get(pk=case.pk).revision == case.revision


def test_a_second_clerk_with_the_old_revision_gets_409(client, county, item):
    case = submitted_case(county, item)
    seen = case.revision
    ok(act(client, case, "accept", county.clerk, {"revision": seen}))

    response = act(client, case, "refuse", county.clerk, {"reason": "不符合", "revision": seen})

    assert (response.status_code, response.json()["code"]) == (409, "case_stale")
    assert response.json()["details"] == {"status": "accepted", "revision": seen + 1}


def test_unknown_action_is_not_an_endpoint(client, county, item):
    case = submitted_case(county, item)

    assert act(client, case, "deem-accepted", county.clerk).status_code == 404


# ---- who may act --------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["accept", "refuse", "request-correction"])
def test_permission_triple_on_answers(client, county, item, action):
    case = submitted_case(county, item)
    role, payload = ACTION_BODIES[action]

    other_department = act(client, case, action, county.other_reviewer, payload)
    supervisor = act(client, case, action, county.supervisor, payload)
    anonymous = client.post(f"{CASES}/{case.number}/{action}", payload, content_type="application/json")

    assert (other_department.status_code, other_department.json()["code"]) == (404, "case_not_found")
    assert (supervisor.status_code, supervisor.json()["code"]) == (403, "case_forbidden")
    assert (anonymous.status_code, anonymous.json()["code"]) == (401, "not_authenticated")
    assert Case.objects.get(pk=case.pk).status == CaseStatus.SUBMITTED
    assert ok(act(client, case, action, getattr(county, role), payload))["status"] != "submitted"


def test_the_reviewer_may_not_decide_nor_the_applicant_accept(client, county, item):
    review = case_in(CaseStatus.IN_REVIEW, county, item)
    own = online_case(county, item)

    reviewer = act(client, review, "approve", county.reviewer, {"opinion": "同意"})
    applicant = act(client, own, "accept", county.applicant)
    other_decider = act(client, review, "approve", county.other_decider)
    other_applicant = act(client, own, "withdraw", county.other_applicant)

    assert (reviewer.status_code, reviewer.json()["code"]) == (403, "case_forbidden")
    assert (applicant.status_code, applicant.json()["code"]) == (403, "case_forbidden")
    assert other_decider.status_code == 404 and other_applicant.status_code == 404


def test_session_user_acts_too(client, county, item):
    case = submitted_case(county, item)
    client.force_login(county.clerk)

    response = client.post(f"{CASES}/{case.number}/accept", {}, content_type="application/json")

    assert response.status_code == 200 and response.json()["status"] == "accepted"
