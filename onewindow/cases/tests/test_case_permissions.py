"""Who may act on a case: for each staff action the right roles succeed, while users of another
department or county, supervisors, applicants and anonymous visitors get Forbidden
(`case_forbidden`) and nothing changes; applicant actions are the filing account's alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory, staff
from onewindow.audit.models import AuditEvent
from onewindow.cases import permissions, services
from onewindow.cases.choices import CaseAction, CaseStatus
from onewindow.cases.models import Case, CaseMaterial, CaseStep
from onewindow.cases.tests.factories import case_in, case_item, draft_case, gap_supply_date, online_case, pdf_file
from onewindow.catalog.choices import ItemKind, StageKind
from onewindow.common.errors import Forbidden
from onewindow.orgs.tests.factories import CountyFactory

pytestmark = pytest.mark.django_db

A = CaseAction
S = CaseStatus

Call = Callable[[Any, Case], Any]


def _review_task(case: Case) -> int:
    return case.tasks.filter(state="open", kind=StageKind.REVIEW).values_list("pk", flat=True)[0]


# action → (the status it is tried in, the users who may take it, the call)
STAFF_ACTIONS: dict[str, tuple[str, list[str], Call]] = {
    A.ACCEPT: (S.SUBMITTED, ["clerk", "reviewer", "chief"], lambda u, c: services.case_accept(actor=u, case=c)),
    A.ACCEPT_WITH_GAPS: (
        S.SUBMITTED,
        ["clerk", "reviewer", "chief"],
        lambda u, c: services.case_accept_with_gaps(actor=u, case=c, gaps=["M02"], supply_by=gap_supply_date()),
    ),
    A.REQUEST_CORRECTION: (
        S.SUBMITTED,
        ["clerk", "reviewer", "chief"],
        lambda u, c: services.case_request_correction(actor=u, case=c, problems={"M01": "请签字"}),
    ),
    A.REFUSE: (S.SUBMITTED, ["clerk", "reviewer", "chief"], lambda u, c: services.case_refuse(actor=u, case=c, reason="不属于本机关职权")),
    A.COMPLETE_STAGE: (
        S.ACCEPTED,
        ["reviewer"],
        lambda u, c: services.case_complete_stage(actor=u, case=c, task=_review_task(c), opinion="符合条件"),
    ),
    A.SUSPEND: (
        S.ACCEPTED,
        ["reviewer", "decider", "chief"],
        lambda u, c: services.case_suspend(actor=u, case=c, procedure="专家评审", reason="需专家论证"),
    ),
    A.RESUME: (S.SUSPENDED, ["reviewer", "decider", "chief"], lambda u, c: services.case_resume(actor=u, case=c, result="评审通过")),
    A.EXTEND: (S.IN_REVIEW, ["decider"], lambda u, c: services.case_extend(actor=u, case=c, reason="案情复杂")),
    A.APPROVE: (S.IN_REVIEW, ["decider"], lambda u, c: services.case_approve(actor=u, case=c, opinion="同意")),
    A.DENY: (S.IN_REVIEW, ["decider"], lambda u, c: services.case_deny(actor=u, case=c, reason="不符合条件")),
    A.DELIVER: (S.DECIDED, ["clerk", "chief"], lambda u, c: services.case_deliver(actor=u, case=c)),
    A.CLOSE: (S.DELIVERED, ["clerk", "chief"], lambda u, c: services.case_close(actor=u, case=c)),
}
RIGHT_USERS = [(action, who) for action, (_status, users, _call) in STAFF_ACTIONS.items() for who in users]
OUTSIDERS = ["other_reviewer", "other_decider", "other_county_clerk", "supervisor", "applicant", "inactive_reviewer", "anonymous"]


def user(county, who: str) -> Any:
    """A user of the county by role name, or an outsider made for the occasion."""
    if who == "anonymous":
        return AnonymousUser()
    if who == "other_county_clerk":
        return staff(Role.WINDOW_CLERK, region=CountyFactory())
    if who == "inactive_reviewer":
        return staff(Role.REVIEWER, department=county.department, is_active=False)
    return getattr(county, who)


def state_of(case: Case) -> dict[str, Any]:
    return {
        "case": Case.objects.filter(pk=case.pk).values().get(),
        "materials": list(CaseMaterial.objects.filter(case=case).order_by("pk").values()),
        "steps": CaseStep.objects.filter(case=case).count(),
        "audit": AuditEvent.objects.count(),
    }


@pytest.mark.parametrize(("action", "who"), RIGHT_USERS, ids=[f"{a}-{w}" for a, w in RIGHT_USERS])
def test_the_right_user_takes_the_staff_action(county, item, action, who):
    status, _users, call = STAFF_ACTIONS[action]
    case = case_in(status, county, item)

    result = call(user(county, who), case)

    assert result.steps.last().action == action
    assert result.steps.last().actor == getattr(county, who)


@pytest.mark.parametrize("action", list(STAFF_ACTIONS))
def test_outsiders_are_forbidden_the_staff_action_and_change_nothing(county, item, action):
    status, _users, call = STAFF_ACTIONS[action]
    case = case_in(status, county, item)
    before = state_of(case)
    for who in OUTSIDERS:
        with pytest.raises(Forbidden) as refused:
            call(user(county, who), case)
        assert refused.value.code == "case_forbidden", who
        assert state_of(case) == before, who


@pytest.mark.parametrize("action", list(STAFF_ACTIONS))
def test_other_roles_of_the_department_are_forbidden_too(county, item, action):
    status, users, call = STAFF_ACTIONS[action]
    case = case_in(status, county, item)
    for who in {"clerk", "reviewer", "decider", "chief"} - set(users):
        with pytest.raises(Forbidden):
            call(getattr(county, who), case)
    assert Case.objects.get(pk=case.pk).status == status


# -- applicant actions ---------------------------------------------------------------------------


def _supply_ready(county, item) -> Case:
    case = online_case(county, item)
    case = services.case_accept_with_gaps(actor=county.reviewer, case=case, gaps=["M02"], supply_by=gap_supply_date())
    services.case_material_attach(actor=county.applicant, case=case, code="M02", file=pdf_file("平面图.pdf"), name="平面图.pdf")
    return case


def _correction_requested(county, item) -> Case:
    case = online_case(county, item)
    return services.case_request_correction(actor=county.reviewer, case=case, problems={"M03": "承诺内容不完整"})


APPLICANT_ACTIONS: dict[str, tuple[Callable[[Any, Any], Case], Call]] = {
    A.SUBMIT: (draft_case, lambda u, c: services.case_submit(actor=u, case=c)),
    A.RESUBMIT: (_correction_requested, lambda u, c: services.case_resubmit(actor=u, case=c)),
    A.SUPPLY_GAPS: (_supply_ready, lambda u, c: services.case_supply_gaps(actor=u, case=c)),
    A.WITHDRAW: (online_case, lambda u, c: services.case_withdraw(actor=u, case=c, reason="不再需要")),
}


@pytest.mark.parametrize("action", list(APPLICANT_ACTIONS))
def test_applicant_actions_are_the_filing_accounts_alone(county, item, action):
    make, call = APPLICANT_ACTIONS[action]
    case = make(county, item)
    before = state_of(case)
    for who in ("other_applicant", "other_reviewer", "supervisor", "anonymous"):
        with pytest.raises(Forbidden) as refused:
            call(user(county, who), case)
        assert refused.value.code == "case_forbidden", who
        assert state_of(case) == before, who

    result = call(county.applicant, case)

    assert result.steps.last().action == action
    assert result.steps.last().actor == county.applicant


def test_a_clerk_withdraws_for_a_window_applicant_but_not_for_another_county(county, item):
    case = case_in(S.SUBMITTED, county, item)
    with pytest.raises(Forbidden):
        services.case_withdraw(actor=user(county, "other_county_clerk"), case=case, reason="书面申请")
    assert services.case_withdraw(actor=county.clerk, case=case, reason="书面申请").status == S.WITHDRAWN


# -- the rules themselves --------------------------------------------------------------------------

STAFF_MAY = {
    "clerk": {A.ACCEPT, A.ACCEPT_WITH_GAPS, A.REQUEST_CORRECTION, A.REFUSE, A.DELIVER, A.CLOSE, A.RESUBMIT, A.SUPPLY_GAPS, A.WITHDRAW},
    "reviewer": {A.ACCEPT, A.ACCEPT_WITH_GAPS, A.REQUEST_CORRECTION, A.REFUSE, A.COMPLETE_STAGE, A.SUSPEND, A.RESUME, A.SUPPLY_GAPS},
    "decider": {A.COMPLETE_STAGE, A.SUSPEND, A.RESUME, A.EXTEND, A.APPROVE, A.DENY},
    "chief": {A.ACCEPT, A.ACCEPT_WITH_GAPS, A.REQUEST_CORRECTION, A.REFUSE, A.COMPLETE_STAGE, A.SUSPEND, A.RESUME}
    | {A.DELIVER, A.CLOSE, A.SUPPLY_GAPS},
    "applicant": {A.SUBMIT, A.RESUBMIT, A.SUPPLY_GAPS, A.WITHDRAW},
    "other_applicant": set(),
    "supervisor": set(),
    "other_reviewer": set(),
    "other_decider": set(),
    "other_county_clerk": set(),
    "inactive_reviewer": set(),
    "anonymous": set(),
}


@pytest.mark.parametrize("who", list(STAFF_MAY))
def test_what_each_user_may_do(county, item, who):
    case = case_in(S.SUBMITTED, county, item)
    Case.objects.filter(pk=case.pk).update(applicant_user=county.applicant)
    case.refresh_from_db()
    actor = user(county, who)
    assert {a for a in CaseAction if permissions.may(actor, case, a)} == STAFF_MAY[who]


def test_the_window_decides_its_authorized_and_on_the_spot_items(county):
    authorized = case_in(S.SUBMITTED, county, case_item(county.department, decide_role=Role.CHIEF_REPRESENTATIVE))
    on_the_spot = case_in(S.SUBMITTED, county, case_item(county.department, kind=ItemKind.ON_THE_SPOT))
    assert permissions.window_decides(authorized) and not permissions.window_decides(on_the_spot)
    assert permissions.may(county.chief, authorized, A.APPROVE) and permissions.may(county.chief, authorized, A.DENY)
    assert not permissions.may(county.clerk, authorized, A.APPROVE)
    assert permissions.may(county.clerk, on_the_spot, A.APPROVE) and not permissions.may(county.chief, on_the_spot, A.APPROVE)
    assert permissions.may(county.decider, authorized, A.APPROVE) and permissions.may(county.decider, on_the_spot, A.APPROVE)


def test_nobody_takes_the_systems_actions(county, item):
    case = case_in(S.SUBMITTED, county, item)
    admin = UserFactory(is_superuser=True)
    for actor in (admin, county.clerk, county.decider, county.applicant):
        assert not any(permissions.may(actor, case, a) for a in (A.DEEM_ACCEPTED, A.DEEM_APPROVED, A.TERMINATE))


def test_a_superuser_may_take_every_staff_action_but_not_submit_for_an_applicant(county, item):
    case = case_in(S.SUBMITTED, county, item)
    admin = UserFactory(is_superuser=True)
    assert {a for a in CaseAction if permissions.may(admin, case, a)} == set(CaseAction) - {
        A.SUBMIT,
        A.DEEM_ACCEPTED,
        A.DEEM_APPROVED,
        A.TERMINATE,
    }


@pytest.mark.parametrize(
    ("status", "who", "offered"),
    [
        (S.SUBMITTED, "clerk", [A.ACCEPT, A.ACCEPT_WITH_GAPS, A.REQUEST_CORRECTION, A.REFUSE, A.WITHDRAW]),
        (S.SUBMITTED, "reviewer", [A.ACCEPT, A.ACCEPT_WITH_GAPS, A.REQUEST_CORRECTION, A.REFUSE]),
        (S.SUBMITTED, "decider", []),
        (S.IN_REVIEW, "decider", [A.COMPLETE_STAGE, A.SUSPEND, A.EXTEND, A.APPROVE, A.DENY]),
        (S.IN_REVIEW, "clerk", [A.SUPPLY_GAPS, A.WITHDRAW]),
        (S.SUSPENDED, "reviewer", [A.RESUME, A.SUPPLY_GAPS]),
        (S.DECIDED, "chief", [A.SUPPLY_GAPS, A.DELIVER]),
        (S.DELIVERED, "clerk", [A.CLOSE]),
        (S.CLOSED, "clerk", []),
        (S.IN_REVIEW, "supervisor", []),
        (S.IN_REVIEW, "other_decider", []),
        (S.IN_REVIEW, "anonymous", []),
    ],
)
def test_the_case_page_offers_what_the_table_allows_and_the_user_may(county, item, status, who, offered):
    case = case_in(status, county, item)
    assert permissions.actions_for(user(county, who), case) == offered


def test_only_window_clerks_take_applications_in(county):
    assert permissions.may_intake(county.clerk)
    assert permissions.may_intake(UserFactory(is_superuser=True))
    for who in ("reviewer", "decider", "chief", "supervisor", "applicant"):
        assert not permissions.may_intake(getattr(county, who))
    assert not permissions.may_intake(AnonymousUser())
