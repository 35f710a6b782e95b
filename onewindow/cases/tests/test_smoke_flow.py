import datetime as dt

import pytest
import time_machine

from onewindow.cases import services
from onewindow.cases.choices import CaseStatus, Decision
from onewindow.cases.tests.factories import case_in, submitted_case
from onewindow.common.errors import Conflict

SHANGHAI_MORNING = dt.datetime(2026, 9, 28, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


@pytest.mark.django_db
def test_window_case_runs_from_submission_to_closing(county, item):
    with time_machine.travel(SHANGHAI_MORNING, tick=False):
        case = submitted_case(county, item)
        assert case.number.startswith(county.region.code + "20260928")
        case = services.case_accept(actor=county.clerk, case=case)
        assert case.status == CaseStatus.ACCEPTED
        # 10 working days from 2026-09-28: 国庆 1–7 Oct off, 9-28 not counted → 10-16 is day 10? see workdays
        assert case.due_on is not None
        task = case.tasks.get(state="open")
        case = services.case_complete_stage(actor=county.reviewer, case=case, task=task.pk, opinion="符合条件")
        assert case.status == CaseStatus.IN_REVIEW
        case = services.case_approve(actor=county.decider, case=case, opinion="同意")
        assert case.decision == Decision.GRANTED
        case = services.case_deliver(actor=county.clerk, case=case)
        case = services.case_close(actor=county.clerk, case=case)
    assert case.status == CaseStatus.CLOSED
    assert [s.action for s in case.steps.all()] == ["submit", "accept", "complete_stage", "approve", "deliver", "close"]
    assert case.documents.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("status", [s for s in CaseStatus if s not in (CaseStatus.DRAFT, CaseStatus.TERMINATED)])
def test_case_in_reaches_every_status(county, item, status):
    assert case_in(status, county, item).status == status


@pytest.mark.django_db
def test_second_clerk_gets_conflict(county, item):
    case = submitted_case(county, item)
    seen = case.revision
    services.case_accept(actor=county.clerk, case=case, expected_revision=seen)
    with pytest.raises(Conflict) as error:
        services.case_refuse(actor=county.clerk, case=case, reason="x", expected_revision=seen)
    assert error.value.code == "case_stale"
