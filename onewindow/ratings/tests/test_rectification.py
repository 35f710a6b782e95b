"""Working a bad review (差评整改): who may take each step, the timers met, paused, resumed and cancelled,
what the rater is told, the appeal decided by a supervisor, and stale pages."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff
from onewindow.audit.models import AuditEvent
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.models import Deadline
from onewindow.notifications.models import Notification
from onewindow.orgs.tests.factories import CountyFactory
from onewindow.ratings import links, services
from onewindow.ratings.choices import AppealDecision, RectificationState
from onewindow.ratings.models import Rating
from onewindow.ratings.tests.factories import bad_review, rectification_in

pytestmark = pytest.mark.django_db

R = RectificationState
MONDAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=time.LOCAL_TZ)


def timers(rectification):
    rows = Deadline.objects.filter(subject_type="ratings.rectification", subject_id=str(rectification.pk))
    return {d.kind: d.state for d in rows}


def test_the_whole_journey_meets_both_timers_and_tells_the_rater(people, item):
    with time_machine.travel(MONDAY, tick=False):
        rectification = bad_review(people, item)
    with time_machine.travel(MONDAY + dt.timedelta(hours=3), tick=False):
        rectification = services.rectification_follow_up(actor=people.reviewer, rectification=rectification, note=" 已电话回访 ")
    assert (rectification.state, rectification.follow_up_note, rectification.follow_up_by) == (R.FOLLOWED_UP, "已电话回访", people.reviewer)
    assert timers(rectification) == {kinds.RATING_FOLLOW_UP: "met", kinds.RATING_RECTIFICATION: "running"}
    assert rectification.due_on == Deadline.objects.get(kind=kinds.RATING_RECTIFICATION).due_on
    told = Notification.objects.filter(subject_type="ratings.rectification", channel="site").get()
    assert told.recipient == people.applicant
    assert "已回访核实" in told.body and told.link == f"/ratings/cases/{rectification.rating.case.number}/"
    with time_machine.travel(MONDAY + dt.timedelta(days=3), tick=False):
        rectification = services.rectification_rectify(actor=people.admin, rectification=rectification, note="已培训窗口人员")
        assert timers(rectification)[kinds.RATING_RECTIFICATION] == "running"  # the rater is still to be answered
        rectification = services.rectification_reply(actor=people.chief, rectification=rectification, reply="已整改,欢迎监督")
    assert rectification.state == R.REPLIED and rectification.due_on is None
    assert timers(rectification) == {kinds.RATING_FOLLOW_UP: "met", kinds.RATING_RECTIFICATION: "met"}
    assert Deadline.objects.get(kind=kinds.RATING_RECTIFICATION).met_on_time
    sms = Notification.objects.filter(subject_type="ratings.rectification", channel="sms").order_by("id")
    assert [n.phone for n in sms] == [rectification.rating.case.applicant_phone] * 2
    assert "已整改,欢迎监督" in sms.last().body
    rectification = services.rectification_revisit(actor=people.applicant, rectification=rectification, satisfied=False, comment="仍需改进")
    assert (rectification.state, rectification.revisit_satisfied, rectification.revisited_by) == (R.REVISITED, False, people.applicant)
    actions = list(AuditEvent.objects.filter(object_type="ratings.rectification").order_by("seq").values_list("action", flat=True))
    assert actions == [
        "ratings.rectification.open",
        "ratings.rectification.follow_up",
        "ratings.rectification.rectify",
        "ratings.rectification.reply",
        "ratings.rectification.revisit",
    ]


@pytest.mark.parametrize(
    ("state", "call", "allowed", "refused"),
    [
        (R.PENDING_FOLLOW_UP, "follow_up", ["admin", "chief", "reviewer"], ["decider", "other_admin", "clerk", "applicant", "supervisor"]),
        (R.FOLLOWED_UP, "rectify", ["admin", "chief"], ["reviewer", "other_admin", "supervisor", "applicant"]),
        (R.RECTIFIED, "reply", ["admin", "chief"], ["reviewer", "other_admin", "supervisor"]),
        (R.REPLIED, "revisit", ["applicant", "supervisor"], ["admin", "chief", "other_applicant", "other_county_supervisor"]),
        (R.APPEALED, "uphold", ["supervisor"], ["admin", "other_county_supervisor", "clerk"]),
    ],
)
def test_who_may_take_each_step(people, item, state, call, allowed, refused):
    rectification = rectification_in(state, people, item)
    calls = {
        "follow_up": lambda u: services.rectification_follow_up(actor=u, rectification=rectification, note="回访"),
        "rectify": lambda u: services.rectification_rectify(actor=u, rectification=rectification, note="整改"),
        "reply": lambda u: services.rectification_reply(actor=u, rectification=rectification, reply="答复"),
        "revisit": lambda u: services.rectification_revisit(actor=u, rectification=rectification, satisfied=True),
        "uphold": lambda u: services.rectification_decide_appeal(
            actor=u, rectification=rectification, decision=AppealDecision.UPHELD, opinion="属实"
        ),
    }
    users = {
        "admin": people.admin,
        "chief": people.chief,
        "reviewer": people.reviewer,
        "decider": people.decider,
        "other_admin": people.other_admin,
        "clerk": people.clerk,
        "applicant": people.applicant,
        "other_applicant": people.other_applicant,
        "supervisor": people.supervisor,
        "other_county_supervisor": staff(Role.SUPERVISOR, region=CountyFactory()),
    }
    for who in refused + ["anonymous"]:
        with pytest.raises(Forbidden):
            calls[call](users.get(who, AnonymousUser()))
    rectification.refresh_from_db()
    assert rectification.state == state
    for who in allowed:
        with transaction.atomic():
            assert calls[call](users[who]).state != state
            transaction.set_rollback(True)


def test_supervisors_see_bad_reviews_but_do_not_work_them(people, item):
    """Following up is the department's job; a supervisor reads the review and decides appeals."""
    rectification = bad_review(people, item)
    with pytest.raises(Forbidden) as error:
        services.rectification_follow_up(actor=people.supervisor, rectification=rectification, note="回访")
    assert error.value.code == "rectification_forbidden"


def test_the_signed_link_records_the_revisit_without_login(people, item):
    rectification = rectification_in(R.REPLIED, people, item)
    token = links.case_token(rectification.rating.case)
    done = services.rectification_revisit(actor=AnonymousUser(), rectification=rectification, satisfied=True, link_token=token)
    assert done.state == R.REVISITED and done.revisited_by is None


def test_the_department_may_not_revisit_through_the_link(people, item):
    rectification = rectification_in(R.REPLIED, people, item)
    token = links.case_token(rectification.rating.case)
    for staff_member in (people.admin, people.clerk):
        with pytest.raises(Forbidden) as error:
            services.rectification_revisit(actor=staff_member, rectification=rectification, satisfied=True, link_token=token)
        assert error.value.code == "revisit_forbidden"
    rectification.refresh_from_db()
    assert rectification.state == R.REPLIED


def test_an_appeal_stops_the_clocks_and_an_upheld_one_restarts_them(people, item):
    with time_machine.travel(MONDAY, tick=False):
        rectification = bad_review(people, item)
    with time_machine.travel(MONDAY + dt.timedelta(hours=2), tick=False):
        rectification = services.rectification_appeal(actor=people.chief, rectification=rectification, reason="恶意差评,与事实不符")
    assert rectification.state == R.APPEALED and rectification.state_before_appeal == R.PENDING_FOLLOW_UP
    assert set(timers(rectification).values()) == {"paused"}
    assert rectification.color(dt.date(2026, 3, 20)) == "gray"  # waiting for the supervisor is not the department's delay
    with time_machine.travel(dt.datetime(2026, 3, 5, 10, tzinfo=time.LOCAL_TZ), tick=False):  # three working days later
        rectification = services.rectification_decide_appeal(
            actor=people.supervisor, rectification=rectification, decision=AppealDecision.UPHELD, opinion="经核实差评属实"
        )
    assert (rectification.state, rectification.appeal_decision, rectification.appeal_decided_by) == (
        R.PENDING_FOLLOW_UP,
        AppealDecision.UPHELD,
        people.supervisor,
    )
    assert set(timers(rectification).values()) == {"running"}
    follow_up = Deadline.objects.get(kind=kinds.RATING_FOLLOW_UP)
    assert follow_up.paused_days == 3 and follow_up.due_on == dt.date(2026, 3, 6)
    assert rectification.rating.voided_at is None


def test_a_voided_review_keeps_its_reason_and_no_longer_counts(people, item):
    rectification = rectification_in(R.APPEALED, people, item)
    rectification = services.rectification_decide_appeal(
        actor=people.supervisor, rectification=rectification, decision=AppealDecision.VOIDED, opinion="评价内容与本次服务无关"
    )
    rating = Rating.objects.get()
    assert rectification.state == R.VOIDED and rating.void_reason == "评价内容与本次服务无关"
    assert (rating.voided_by, rating.is_bad) == (people.supervisor, True)
    assert not Rating.objects.counted().exists()
    assert timers(rectification) == {kinds.RATING_FOLLOW_UP: "met", kinds.RATING_RECTIFICATION: "cancelled"}
    assert Rating.objects.visible_to(people.supervisor).get() == rating  # supervisors still see it


def test_an_appeal_on_another_departments_review_is_refused(people, item):
    rectification = bad_review(people, item)
    for outsider in (people.other_admin, staff(Role.CHIEF_REPRESENTATIVE, department=people.other_department), people.reviewer):
        with pytest.raises(Forbidden) as error:
            services.rectification_appeal(actor=outsider, rectification=rectification, reason="恶意差评")
        assert error.value.code == "appeal_forbidden"
    rectification.refresh_from_db()
    assert rectification.state == R.PENDING_FOLLOW_UP and not rectification.appealed_at


def test_no_appeal_after_answering_the_rater(people, item):
    rectification = rectification_in(R.REPLIED, people, item)
    with pytest.raises(Conflict) as error:
        services.rectification_appeal(actor=people.admin, rectification=rectification, reason="恶意差评")
    assert error.value.code == "rectification_transition_forbidden"


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda p, r: services.rectification_follow_up(actor=p.admin, rectification=r, note=" "), "follow_up_note_required"),
        (lambda p, r: services.rectification_appeal(actor=p.admin, rectification=r, reason=""), "appeal_reason_required"),
        (lambda p, r: services.rectification_follow_up(actor=p.admin, rectification=r, note="长" * 2001), "follow_up_note_required"),
    ],
)
def test_empty_or_overlong_notes_are_refused(people, item, call, code):
    rectification = bad_review(people, item)
    events = AuditEvent.objects.count()
    with pytest.raises(InvalidInput) as error:
        call(people, rectification)
    assert error.value.code == code
    rectification.refresh_from_db()
    assert rectification.state == R.PENDING_FOLLOW_UP and AuditEvent.objects.count() == events


def test_an_appeal_decision_needs_a_conclusion_and_an_opinion(people, item):
    rectification = rectification_in(R.APPEALED, people, item)
    with pytest.raises(InvalidInput) as error:
        services.rectification_decide_appeal(actor=people.supervisor, rectification=rectification, decision="maybe", opinion="x")
    assert error.value.code == "appeal_decision_invalid"
    with pytest.raises(InvalidInput) as error:
        services.rectification_decide_appeal(
            actor=people.supervisor, rectification=rectification, decision=AppealDecision.VOIDED, opinion=""
        )
    assert error.value.code == "appeal_opinion_required"
    assert Rating.objects.get().voided_at is None


def test_a_stale_page_is_refused(people, item):
    rectification = bad_review(people, item)
    seen = rectification.revision
    services.rectification_follow_up(actor=people.admin, rectification=rectification, note="回访")
    with pytest.raises(Conflict) as error:
        services.rectification_appeal(actor=people.chief, rectification=rectification, reason="恶意", expected_revision=seen)
    assert error.value.code == "rectification_stale"


def test_the_row_shows_its_timer_colour(people, item):
    with time_machine.travel(MONDAY, tick=False):
        rectification = bad_review(people, item)
    assert rectification.color(dt.date(2026, 3, 2)) == "yellow"  # a 1-day timer warns from its start
    assert rectification.color(dt.date(2026, 3, 4)) == "red"
    rectification = services.rectification_follow_up(actor=people.admin, rectification=rectification, note="回访")
    assert rectification.color(dt.date(2026, 3, 4)) == "green"  # the 15-day rectification timer leads now
    assert rectification.color(rectification.due_on + dt.timedelta(days=1)) == "red"
