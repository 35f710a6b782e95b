"""Complaints (投诉举报): received named or anonymous, from the portal, the hotline or a case; assigned by a
supervisor with the reply timer started for the department; answered, rated, reopened once."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff
from onewindow.audit.models import AuditEvent
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.models import Deadline
from onewindow.notifications.models import Notification
from onewindow.orgs.tests.factories import CountyFactory, DepartmentFactory, ServiceHallFactory
from onewindow.ratings import services
from onewindow.ratings.choices import ComplaintChannel, ComplaintState, Satisfaction
from onewindow.ratings.models import Complaint
from onewindow.ratings.tests.factories import complaint, complaint_in, delivered_case

pytestmark = pytest.mark.django_db

C = ComplaintState
MONDAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=time.LOCAL_TZ)


def reply_timers(found):
    return list(Deadline.objects.filter(kind=kinds.COMPLAINT_REPLY, subject_id=str(found.pk)).order_by("id"))


def test_a_named_complaint_is_received_with_a_number_and_a_query_code(people):
    with time_machine.travel(MONDAY, tick=False):
        found = complaint(people)
    assert found.state == C.RECEIVED and found.department is None and found.region == people.region
    assert found.number == f"TS20260302{found.pk:06d}" and len(found.query_code) == 8
    assert (found.name, found.phone, found.reported_department) == ("王五", "13900000009", people.department)
    assert not reply_timers(found)
    assert AuditEvent.objects.filter(action="ratings.complaint.submit", object_id=str(found.pk)).exists()


def test_an_anonymous_complaint_needs_no_name(people):
    found = complaint(people, anonymous=True, name="", phone="")
    assert found.anonymous and found.masked_name == "匿名" and found.complainant is None


def test_a_logged_in_complainant_is_named_from_the_account(people):
    found = complaint(people, actor=people.applicant, name="", phone="")
    assert (found.complainant, found.name, found.phone) == (people.applicant, "张三", people.applicant.phone)


def test_every_problem_is_reported_at_once_and_nothing_written(people):
    with pytest.raises(InvalidInput) as error:
        services.complaint_submit(actor=None, channel=ComplaintChannel.PORTAL, category="nonsense", content=" ", case_number="X1")
    assert set(error.value.details) == {"category", "content", "name", "phone", "case_number"}
    assert not Complaint.objects.exists()


def test_a_case_number_sends_it_to_the_cases_department_at_once(people, item):
    case = delivered_case(people, item)
    with time_machine.travel(MONDAY, tick=False):
        found = complaint(people, case_number=case.number, reported_department=None)
    assert (found.state, found.department, found.case, found.assigned_by) == (C.ASSIGNED, people.department, case, None)
    (timer,) = reply_timers(found)
    assert (timer.department, timer.allotted_days, timer.due_on) == (people.department, 5, dt.date(2026, 3, 9))
    assert found.due_on == timer.due_on


@override_settings(COMPLAINT_REPLY_DAYS=3)
def test_the_reply_period_is_configurable(people):
    with time_machine.travel(MONDAY, tick=False):
        found = services.complaint_assign(actor=people.supervisor, complaint=complaint(people), department=people.department)
    assert reply_timers(found)[0].due_on == dt.date(2026, 3, 5)


def test_hotline_calls_are_entered_by_supervisors_and_clerks(people):
    for entrant in (people.supervisor, people.clerk):
        found = complaint(people, actor=entrant, channel=ComplaintChannel.HOTLINE)
        assert (found.channel, found.entered_by, found.complainant) == (ComplaintChannel.HOTLINE, entrant, None)
    for outsider in (people.applicant, people.admin, AnonymousUser(), staff(Role.SUPERVISOR, region=CountyFactory())):
        with pytest.raises(Forbidden) as error:
            complaint(people, actor=outsider, channel=ComplaintChannel.HOTLINE)
        assert error.value.code == "complaint_hotline_forbidden"
    assert Complaint.objects.count() == 2


def test_without_a_department_or_case_it_goes_to_the_portals_region(people):
    ServiceHallFactory(region=people.region)
    found = complaint(people, reported_department=None)
    assert found.region == people.region


def test_assignment_by_a_supervisor_starts_the_reply_timer(people):
    found = services.complaint_assign(actor=people.supervisor, complaint=complaint(people), department=people.other_department)
    assert (found.state, found.department, found.assigned_by) == (C.ASSIGNED, people.other_department, people.supervisor)
    assert [t.department for t in reply_timers(found)] == [people.other_department]


@pytest.mark.parametrize("who", ["admin", "chief", "clerk", "applicant", "other_county_supervisor"])
def test_only_the_regions_supervisors_assign(people, who):
    found = complaint(people)
    user = staff(Role.SUPERVISOR, region=CountyFactory()) if who == "other_county_supervisor" else getattr(people, who)
    with pytest.raises(Forbidden) as error:
        services.complaint_assign(actor=user, complaint=found, department=people.department)
    assert error.value.code == "complaint_forbidden"
    found.refresh_from_db()
    assert found.state == C.RECEIVED and not reply_timers(found)


def test_a_department_outside_the_region_is_refused(people):
    with pytest.raises(InvalidInput) as error:
        services.complaint_assign(
            actor=people.supervisor, complaint=complaint(people), department=DepartmentFactory(region=CountyFactory())
        )
    assert error.value.code == "complaint_department_outside"


def test_reassignment_moves_the_running_timer(people):
    with time_machine.travel(MONDAY, tick=False):
        found = complaint_in("assigned", people)
    with time_machine.travel(MONDAY + dt.timedelta(days=1), tick=False):
        found = services.complaint_assign(actor=people.supervisor, complaint=found, department=people.other_department)
    (timer,) = reply_timers(found)
    assert (timer.department, timer.started_at, timer.state) == (people.other_department, MONDAY, "running")
    with pytest.raises(InvalidInput) as error:
        services.complaint_assign(actor=people.supervisor, complaint=found, department=people.other_department)
    assert error.value.code == "complaint_same_department"


def test_the_assigned_department_replies_and_the_complainant_is_told(people):
    found = complaint_in("assigned", people)
    for outsider in (people.other_admin, people.reviewer, people.supervisor):
        with pytest.raises(Forbidden) as error:
            services.complaint_reply(actor=outsider, complaint=found, reply="已处理")
        assert error.value.code == "complaint_reply_forbidden"
    found = services.complaint_reply(actor=people.chief, complaint=found, reply="经核实已整改")
    assert (found.state, found.reply, found.replied_by, found.due_on) == (C.REPLIED, "经核实已整改", people.chief, None)
    assert [t.state for t in reply_timers(found)] == ["met"]
    sms = Notification.objects.get(subject_type="ratings.complaint", channel="sms")
    assert sms.phone == "13900000009" and "经核实已整改" in sms.body


def test_satisfied_feedback_closes_it(people):
    found = complaint_in("replied", people)
    found = services.complaint_feedback(actor=None, complaint=found, satisfied=True, comment="满意", query_code=found.query_code)
    assert (found.state, found.satisfaction, found.feedback_comment) == (C.CLOSED, Satisfaction.SATISFIED, "满意")
    assert found.closed_at is not None


def test_unsatisfied_feedback_reopens_it_once(people):
    with time_machine.travel(MONDAY, tick=False):
        found = complaint_in("replied", people)
    with time_machine.travel(MONDAY + dt.timedelta(days=2), tick=False):
        found = services.complaint_feedback(actor=None, complaint=found, satisfied=False, query_code=found.query_code)
    assert (found.state, found.reopen_count, found.satisfaction) == (C.ASSIGNED, 1, Satisfaction.UNSATISFIED)
    first, second = reply_timers(found)
    assert (first.state, second.state, second.department) == ("met", "running", people.department)
    assert second.due_on == dt.date(2026, 3, 11)
    found = services.complaint_reply(actor=people.admin, complaint=found, reply="再次核实后已退还费用")
    assert found.earlier_replies == [{"at": found.earlier_replies[0]["at"], "reply": "已核实并整改"}]
    found = services.complaint_feedback(actor=None, complaint=found, satisfied=False, query_code=found.query_code)
    assert (found.state, found.reopen_count, found.satisfaction) == (C.CLOSED, 1, Satisfaction.UNSATISFIED)


def test_feedback_needs_the_query_code_or_the_complainants_account(people):
    found = complaint_in("replied", people)
    for actor, code in ((None, "00000000"), (people.other_applicant, None), (people.supervisor, "")):
        with pytest.raises(Forbidden) as error:
            services.complaint_feedback(actor=actor, complaint=found, satisfied=True, query_code=code)
        assert error.value.code == "complaint_feedback_forbidden"
    mine = complaint_in("replied", people, actor=people.applicant, name="", phone="")
    assert services.complaint_feedback(actor=people.applicant, complaint=mine, satisfied=True).state == C.CLOSED


def test_feedback_before_the_reply_is_refused(people):
    found = complaint_in("assigned", people)
    with pytest.raises(Conflict) as error:
        services.complaint_feedback(actor=None, complaint=found, satisfied=True, query_code=found.query_code)
    assert error.value.code == "complaint_transition_forbidden"


def test_a_supervisor_rejects_an_invalid_complaint_with_a_reason(people):
    found = complaint(people)
    with pytest.raises(InvalidInput):
        services.complaint_reject(actor=people.supervisor, complaint=found, reason=" ")
    found = services.complaint_reject(actor=people.supervisor, complaint=found, reason="与政务服务无关")
    assert (found.state, found.reject_reason) == (C.REJECTED, "与政务服务无关") and found.closed_at
    assert Notification.objects.filter(subject_type="ratings.complaint", channel="sms").exists()


def test_a_supervisor_closes_an_answered_complaint_without_feedback(people):
    found = complaint_in("replied", people)
    with pytest.raises(Forbidden):
        services.complaint_close(actor=people.admin, complaint=found)
    assert services.complaint_close(actor=people.supervisor, complaint=found).state == C.CLOSED


def test_a_stale_page_is_refused(people):
    found = complaint(people)
    seen = found.revision
    services.complaint_assign(actor=people.supervisor, complaint=found, department=people.department)
    with pytest.raises(Conflict) as error:
        services.complaint_assign(actor=people.supervisor, complaint=found, department=people.other_department, expected_revision=seen)
    assert error.value.code == "complaint_stale"
