"""The transition tables of rectifications and complaints, pair by pair: first the tables against the
moves the docs describe, then every (state, action) pair through the services, by a user allowed to
act, each attempt rolled back: allowed pairs reach their state, the others are refused with 409."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction

from onewindow.common.errors import Conflict
from onewindow.ratings import services
from onewindow.ratings.choices import (
    AppealDecision,
    ComplaintAction,
    ComplaintState,
    RectificationAction,
    RectificationState,
    next_complaint_state,
    next_rectification_state,
)
from onewindow.ratings.tests.factories import complaint_in, rectification_in

pytestmark = pytest.mark.django_db

R, RA = RectificationState, RectificationAction
C, CA = ComplaintState, ComplaintAction

# docs/ratings.md: follow-up → rectify → reply → revisit; appeal before the reply; uphold returns, void closes.
RECTIFICATION_MOVES = {
    (R.PENDING_FOLLOW_UP, RA.FOLLOW_UP): R.FOLLOWED_UP,
    (R.FOLLOWED_UP, RA.RECTIFY): R.RECTIFIED,
    (R.RECTIFIED, RA.REPLY): R.REPLIED,
    (R.REPLIED, RA.REVISIT): R.REVISITED,
    (R.PENDING_FOLLOW_UP, RA.APPEAL): R.APPEALED,
    (R.FOLLOWED_UP, RA.APPEAL): R.APPEALED,
    (R.RECTIFIED, RA.APPEAL): R.APPEALED,
    (R.APPEALED, RA.UPHOLD): "the state before the appeal",
    (R.APPEALED, RA.VOID): R.VOIDED,
}
COMPLAINT_MOVES = {
    (C.RECEIVED, CA.ASSIGN): C.ASSIGNED,
    (C.ASSIGNED, CA.ASSIGN): C.ASSIGNED,
    (C.RECEIVED, CA.REJECT): C.REJECTED,
    (C.ASSIGNED, CA.REPLY): C.REPLIED,
    (C.REPLIED, CA.REOPEN): C.ASSIGNED,
    (C.REPLIED, CA.CLOSE): C.CLOSED,
}


@pytest.mark.parametrize("before", [R.PENDING_FOLLOW_UP, R.FOLLOWED_UP, R.RECTIFIED])
def test_the_rectification_table_pair_by_pair(before):
    for state in R:
        for action in RA:
            expected = RECTIFICATION_MOVES.get((state, action))
            if expected == "the state before the appeal":
                expected = before
            assert next_rectification_state(state, action, before_appeal=before) == expected, (state, action)


def test_an_upheld_appeal_without_a_remembered_state_goes_nowhere():
    assert next_rectification_state(R.APPEALED, RA.UPHOLD) is None


def test_the_complaint_table_pair_by_pair():
    for state in C:
        for action in CA:
            assert next_complaint_state(state, action) == COMPLAINT_MOVES.get((state, action)), (state, action)


class Rollback(Exception):
    pass


def attempt(call: Callable[[], Any]) -> str:
    """The state a service call leads to (rolled back), or the code of its 409."""
    try:
        with transaction.atomic():
            result = call()
            result.refresh_from_db()
            raise Rollback(result.state)
    except Rollback as done:
        return done.args[0]
    except Conflict as error:
        return f"409 {error.code}"


def rectification_calls(people: Any, rectification: Any) -> dict[str, Callable[[], Any]]:
    admin, supervisor = people.admin, people.supervisor
    return {
        RA.FOLLOW_UP: lambda: services.rectification_follow_up(actor=admin, rectification=rectification, note="回访"),
        RA.RECTIFY: lambda: services.rectification_rectify(actor=admin, rectification=rectification, note="整改"),
        RA.REPLY: lambda: services.rectification_reply(actor=admin, rectification=rectification, reply="答复"),
        RA.REVISIT: lambda: services.rectification_revisit(actor=people.applicant, rectification=rectification, satisfied=True),
        RA.APPEAL: lambda: services.rectification_appeal(actor=admin, rectification=rectification, reason="恶意"),
        RA.UPHOLD: lambda: services.rectification_decide_appeal(
            actor=supervisor, rectification=rectification, decision=AppealDecision.UPHELD, opinion="属实"
        ),
        RA.VOID: lambda: services.rectification_decide_appeal(
            actor=supervisor, rectification=rectification, decision=AppealDecision.VOIDED, opinion="恶意"
        ),
    }


@pytest.mark.parametrize("state", list(R))
def test_every_rectification_pair_through_the_services(people, item, state):
    rectification = rectification_in(state, people, item)
    for action, call in rectification_calls(people, rectification).items():
        expected = RECTIFICATION_MOVES.get((state, action))
        if expected == "the state before the appeal":
            expected = rectification.state_before_appeal
        outcome = attempt(call)
        assert outcome == (expected or "409 rectification_transition_forbidden"), (state, action)


def test_a_review_is_appealed_once(people, item):
    rectification = rectification_in(R.APPEALED, people, item)
    services.rectification_decide_appeal(
        actor=people.supervisor, rectification=rectification, decision=AppealDecision.UPHELD, opinion="属实"
    )
    rectification.refresh_from_db()
    assert rectification.state == R.FOLLOWED_UP
    outcome = attempt(lambda: services.rectification_appeal(actor=people.admin, rectification=rectification, reason="再次申诉"))
    assert outcome == "409 appeal_already_decided"


def complaint_calls(people: Any, complaint: Any) -> dict[str, Callable[[], Any]]:
    target = people.other_department if complaint.department_id == people.department.pk else people.department
    return {
        CA.ASSIGN: lambda: services.complaint_assign(actor=people.supervisor, complaint=complaint, department=target),
        CA.REJECT: lambda: services.complaint_reject(actor=people.supervisor, complaint=complaint, reason="无关"),
        CA.REPLY: lambda: services.complaint_reply(actor=people.admin, complaint=complaint, reply="已处理"),
        CA.REOPEN: lambda: services.complaint_feedback(actor=None, complaint=complaint, satisfied=False, query_code=complaint.query_code),
        CA.CLOSE: lambda: services.complaint_close(actor=people.supervisor, complaint=complaint),
    }


@pytest.mark.parametrize("state", list(C))
def test_every_complaint_pair_through_the_services(people, state):
    complaint = complaint_in(state, people)
    for action, call in complaint_calls(people, complaint).items():
        expected = COMPLAINT_MOVES.get((state, action))
        assert attempt(call) == (expected or "409 complaint_transition_forbidden"), (state, action)
