"""The state table, pair by pair, and every service in every state."""

import pytest
import time_machine

from onewindow.common.errors import Conflict
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DEADLINE_TRANSITIONS, DeadlineState
from onewindow.deadlines.services import (
    deadline_cancel,
    deadline_extend,
    deadline_meet,
    deadline_pause,
    deadline_reassign,
    deadline_resume,
    deadline_start,
)
from onewindow.deadlines.tests.factories import at

EXPECTED_TRANSITIONS = {
    ("running", "paused"),
    ("running", "met"),
    ("running", "cancelled"),
    ("paused", "running"),
    ("paused", "met"),
    ("paused", "cancelled"),
}


def test_transition_table_walks_every_pair():
    for source in DeadlineState:
        for target in DeadlineState:
            assert (target in DEADLINE_TRANSITIONS[source]) == ((source, target) in EXPECTED_TRANSITIONS), (source, target)


def _in_state(subject, state):
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=at(2026, 6, 1), days=10)
    if state == DeadlineState.PAUSED:
        return deadline_pause(actor=None, deadline=deadline, reason="专家评审")
    if state == DeadlineState.MET:
        return deadline_meet(actor=None, deadline=deadline)
    if state == DeadlineState.CANCELLED:
        return deadline_cancel(actor=None, deadline=deadline)
    return deadline


# Each service, and the state it leads to (None: it keeps the state, allowed while the timer is open).
SERVICES = {
    "pause": (lambda d: deadline_pause(actor=None, deadline=d, reason="听证"), DeadlineState.PAUSED),
    "resume": (lambda d: deadline_resume(actor=None, deadline=d), DeadlineState.RUNNING),
    "meet": (lambda d: deadline_meet(actor=None, deadline=d), DeadlineState.MET),
    "cancel": (lambda d: deadline_cancel(actor=None, deadline=d), DeadlineState.CANCELLED),
    "extend": (lambda d: deadline_extend(actor=None, deadline=d, days=10, reason="延期"), None),
    "reassign": (lambda d: deadline_reassign(actor=None, deadline=d, handler=None), None),
}


@pytest.mark.parametrize("state", list(DeadlineState))
@pytest.mark.parametrize("service", list(SERVICES))
def test_every_service_in_every_state(subject, state, service):
    call, target = SERVICES[service]
    with time_machine.travel(at(2026, 6, 3), tick=False):
        deadline = _in_state(subject, state)
        allowed = target in DEADLINE_TRANSITIONS[state] if target else state in (DeadlineState.RUNNING, DeadlineState.PAUSED)
        if allowed:
            assert call(deadline).state == (target or state)
        else:
            with pytest.raises(Conflict):
                call(deadline)
            deadline.refresh_from_db()
            assert deadline.state == state
