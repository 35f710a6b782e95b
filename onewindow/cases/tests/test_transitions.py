"""Every (status, action) pair of the transition table, through the services.

A pair the table allows lands on the table's status with one step and one `cases.case.<action>`
audit event; a pair it forbids is refused with Conflict `case_transition_forbidden` (the system's
services answer None) and changes nothing: not the case row, its materials, steps, timers,
documents or the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction

from onewindow.audit.models import AuditEvent
from onewindow.cases import services
from onewindow.cases.choices import TRANSITIONS, WITH_GAPS_OPEN, CaseAction, CaseStatus, next_status
from onewindow.cases.models import Case, CaseDocument, CaseMaterial, CaseStep, StageTask
from onewindow.cases.tests.factories import County, case_in, case_item, gap_supply_date, make_county
from onewindow.catalog.choices import StageKind
from onewindow.common.errors import Conflict
from onewindow.deadlines.models import Deadline

S = CaseStatus
A = CaseAction

SYSTEM_SERVICES = {
    A.DEEM_ACCEPTED: services.case_deem_accepted,
    A.DEEM_APPROVED: services.case_deem_approved,
    A.TERMINATE: services.case_terminate,
}

# Who takes each action in these tests (permissions are tested in test_case_permissions.py).
ACTOR = {
    A.SUBMIT: "applicant",
    A.ACCEPT: "clerk",
    A.ACCEPT_WITH_GAPS: "clerk",
    A.REQUEST_CORRECTION: "clerk",
    A.RESUBMIT: "clerk",
    A.REFUSE: "clerk",
    A.COMPLETE_STAGE: "reviewer",
    A.SUSPEND: "reviewer",
    A.RESUME: "reviewer",
    A.EXTEND: "decider",
    A.SUPPLY_GAPS: "clerk",
    A.APPROVE: "decider",
    A.DENY: "decider",
    A.DELIVER: "clerk",
    A.CLOSE: "clerk",
    A.WITHDRAW: "clerk",
}


def _task_id(case: Case) -> int:
    """An open review task when there is one, else any task of the case (the table refuses first)."""
    open_review = case.tasks.filter(state="open", kind=StageKind.REVIEW).first()
    any_task = open_review or StageTask.objects.filter(case=case).first()
    return any_task.pk if any_task else 0


def act(action: str, case: Case, county: County) -> Case | None:
    """Take `action` on `case` with the inputs the service needs when it is allowed."""
    if action in SYSTEM_SERVICES:
        return SYSTEM_SERVICES[action](case=case)
    actor = getattr(county, ACTOR[action])
    calls: dict[str, Any] = {
        A.SUBMIT: lambda: services.case_submit(actor=actor, case=case),
        A.ACCEPT: lambda: services.case_accept(actor=actor, case=case),
        A.ACCEPT_WITH_GAPS: lambda: services.case_accept_with_gaps(actor=actor, case=case, gaps=["M02"], supply_by=gap_supply_date()),
        A.REQUEST_CORRECTION: lambda: services.case_request_correction(
            actor=actor, case=case, problems={"M01": "申请书未签字", "M03": "承诺内容不完整"}
        ),
        A.RESUBMIT: lambda: services.case_resubmit(actor=actor, case=case),
        A.REFUSE: lambda: services.case_refuse(actor=actor, case=case, reason="不属于本机关职权范围"),
        A.COMPLETE_STAGE: lambda: services.case_complete_stage(actor=actor, case=case, task=_task_id(case), opinion="符合条件"),
        A.SUSPEND: lambda: services.case_suspend(actor=actor, case=case, procedure="专家评审", reason="需组织专家论证"),
        A.RESUME: lambda: services.case_resume(actor=actor, case=case, result="专家评审通过"),
        A.EXTEND: lambda: services.case_extend(actor=actor, case=case, reason="案情复杂,经负责人批准"),
        A.SUPPLY_GAPS: lambda: services.case_supply_gaps(actor=actor, case=case, comment="已补交"),
        A.APPROVE: lambda: services.case_approve(actor=actor, case=case, opinion="同意"),
        A.DENY: lambda: services.case_deny(actor=actor, case=case, reason="不符合法定条件"),
        A.DELIVER: lambda: services.case_deliver(actor=actor, case=case, note="窗口领取"),
        A.CLOSE: lambda: services.case_close(actor=actor, case=case),
        A.WITHDRAW: lambda: services.case_withdraw(actor=actor, case=case, reason="申请人撤回"),
    }
    return calls[action]()


PAIRS = [(status, action) for status in CaseStatus for action in CaseAction]
ALLOWED = [pair for pair in PAIRS if pair in TRANSITIONS]
FORBIDDEN = [pair for pair in PAIRS if pair not in TRANSITIONS]


@dataclass(frozen=True)
class Setup:
    """How to build the case for a pair: its status and what `action` needs besides the table."""

    status: str
    review: bool = True  # the item has a review stage (False: the decision follows acceptance)
    gaps: bool = False  # accepted with gaps (容缺受理)
    resumed: bool = False  # in review after a special procedure, the review stage still open


def setup_for(status: str, action: str) -> Setup:
    return Setup(
        status=status,
        review=not (status == S.ACCEPTED and action in (A.APPROVE, A.DENY)),
        gaps=action in (A.SUPPLY_GAPS, A.TERMINATE) and status in (*WITH_GAPS_OPEN, S.WITHDRAWN, S.TERMINATED),
        resumed=(status, action) == (S.IN_REVIEW, A.COMPLETE_STAGE),
    )


def build(setup: Setup, county: County, items: dict[bool, Any]) -> int:
    # 超时默认 on for every item, so deemed approval is possible where the table allows it.
    item = items[setup.review]
    if setup.resumed:
        case = case_in(S.SUSPENDED, county, item)
        case = services.case_resume(actor=county.reviewer, case=case, result="检验合格")
    else:
        case = case_in(setup.status, county, item, gaps=setup.gaps)
    return case.pk


@dataclass
class World:
    county: County
    cases: dict[Setup, int]


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """One case per setup, built once for the module in a transaction rolled back at its end;
    each test acts on its case inside its own savepoint (the usual per-test rollback)."""
    with django_db_blocker.unblock(), transaction.atomic():
        county = make_county()
        items = {review: case_item(county.department, deemed_approval=True, review=review) for review in (True, False)}
        setups = {setup_for(status, action) for status, action in PAIRS}
        built = World(county=county, cases={setup: build(setup, county, items) for setup in sorted(setups, key=repr)})
        yield built
        transaction.set_rollback(True)


def prepared_case(status: str, action: str, world: World) -> Case:
    """The case in `status` set up so that `action`, if the table allows it, meets its other preconditions."""
    case = Case.objects.get(pk=world.cases[setup_for(status, action)])
    if action == A.SUBMIT and case.applicant_user_id is None:
        # Only the applicant's own account may submit: give the window case one, so the table decides.
        Case.objects.filter(pk=case.pk).update(applicant_user=world.county.applicant)
        case.refresh_from_db()
    return case


def state_of(case: Case) -> dict[str, Any]:
    """Everything a transition may write about `case`."""
    return {
        "case": Case.objects.filter(pk=case.pk).values().get(),
        "materials": list(CaseMaterial.objects.filter(case=case).order_by("pk").values()),
        "steps": CaseStep.objects.filter(case=case).count(),
        "tasks": list(StageTask.objects.filter(case=case).order_by("pk").values("pk", "state")),
        "deadlines": list(Deadline.objects.order_by("pk").values("pk", "state", "due_on", "revision")),
        "documents": CaseDocument.objects.filter(case=case).count(),
        "audit": AuditEvent.objects.count(),
    }


def test_the_table_covers_every_pair_once():
    assert len(PAIRS) == len(CaseStatus) * len(CaseAction) == len(ALLOWED) + len(FORBIDDEN)
    assert all(next_status(s, a) == TRANSITIONS[(s, a)] for s, a in ALLOWED)
    assert all(next_status(s, a) is None for s, a in FORBIDDEN)
    # No way out of a final status, and nothing leads back to a draft.
    assert not [pair for pair in ALLOWED if pair[0] in (S.CLOSED, S.REFUSED, S.WITHDRAWN, S.TERMINATED)]
    assert S.DRAFT not in TRANSITIONS.values()


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "action"), ALLOWED, ids=[f"{s}-{a}" for s, a in ALLOWED])
def test_allowed_transition_lands_on_the_tables_status(world, status, action):
    county = world.county
    case = prepared_case(status, action, world)
    steps = CaseStep.objects.filter(case=case).count()
    events = AuditEvent.objects.filter(action__startswith="cases.case.").count()

    result = act(action, case, county)

    target = TRANSITIONS[(status, action)]
    assert result is not None
    assert result.status == target
    case.refresh_from_db()
    assert case.status == target
    assert case.revision == result.revision
    assert CaseStep.objects.filter(case=case).count() == steps + 1
    step = CaseStep.objects.filter(case=case).latest("id")
    assert (step.action, step.from_status, step.to_status) == (action, status, target)
    new_events = AuditEvent.objects.filter(action__startswith="cases.case.").order_by("seq")[events:]
    assert [(e.action, e.object_id) for e in new_events] == [(f"cases.case.{action}", str(case.pk))]
    assert new_events[0].before["status"] == status
    assert new_events[0].after["status"] == target


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "action"), FORBIDDEN, ids=[f"{s}-{a}" for s, a in FORBIDDEN])
def test_forbidden_transition_is_refused_and_changes_nothing(world, status, action):
    county = world.county
    case = prepared_case(status, action, world)
    before = state_of(case)

    if action in SYSTEM_SERVICES:
        assert act(action, case, county) is None
    else:
        with pytest.raises(Conflict) as refused:
            act(action, case, county)
        assert refused.value.code == "case_transition_forbidden"
        assert refused.value.details == {"status": status, "action": action}

    assert state_of(case) == before
