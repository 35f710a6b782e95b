"""Rating a case (一事一评): by its applicant once delivered, on the portal, by API or by the signed link;
a bad review opens its rectification with both timers; and every unfair rating is refused with nothing written."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.test import override_settings

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory, grant
from onewindow.audit.models import AuditEvent
from onewindow.cases.choices import CaseStatus
from onewindow.cases.models import Case
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.deadlines import kinds
from onewindow.deadlines.models import Deadline
from onewindow.ratings import links, services
from onewindow.ratings.choices import RatingChannel, RectificationState
from onewindow.ratings.models import Rating, Rectification
from onewindow.ratings.tests.factories import delivered_case, rate
from onewindow.workdays.calendar import add_workdays

pytestmark = pytest.mark.django_db

MONDAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=time.LOCAL_TZ)


def nothing_written(before_events: int) -> bool:
    return not Rating.objects.exists() and not Rectification.objects.exists() and AuditEvent.objects.count() == before_events


def test_the_applicant_rates_a_delivered_case_well(people, item):
    case = delivered_case(people, item)
    rating = services.rating_submit(actor=people.applicant, case=case, level=5, tags=["服务热情", "一次办成"], comment=" 很好 ")
    assert (rating.case, rating.rater, rating.department, rating.channel) == (
        case,
        people.applicant,
        people.department,
        RatingChannel.PORTAL,
    )
    assert (rating.level, rating.tags, rating.comment, rating.is_bad) == (5, ["服务热情", "一次办成"], "很好", False)
    assert rating.handler == people.decider  # who decided it
    assert not Rectification.objects.exists()
    event = AuditEvent.objects.filter(action="ratings.rating.submit").get()
    assert (event.actor, event.object_id) == (people.applicant, str(rating.pk))


def test_a_closed_case_may_be_rated_too(people, item):
    case = delivered_case(people, item, status=CaseStatus.CLOSED)
    assert rate(people, case, level=3, tags=["等候时间较长"]).level == 3


@pytest.mark.parametrize("level", [1, 2])
def test_a_bad_review_opens_rectification_with_both_timers(people, item, level):
    case = delivered_case(people, item)
    with time_machine.travel(MONDAY, tick=False):
        rating = services.rating_submit(actor=people.applicant, case=case, level=level, tags=["办事效率低"])
    rectification = rating.rectification
    assert rating.is_bad and rectification.state == RectificationState.PENDING_FOLLOW_UP
    assert rectification.department == people.department
    timers = {d.kind: d for d in Deadline.objects.filter(subject_type="ratings.rectification", subject_id=str(rectification.pk))}
    assert set(timers) == {kinds.RATING_FOLLOW_UP, kinds.RATING_RECTIFICATION}
    assert timers[kinds.RATING_FOLLOW_UP].due_on == dt.date(2026, 3, 3)  # 1 working day, the start day not counted
    assert timers[kinds.RATING_RECTIFICATION].due_on == add_workdays(dt.date(2026, 3, 2), 15).due
    assert all(t.department == people.department and t.state == "running" for t in timers.values())
    assert rectification.due_on == dt.date(2026, 3, 3)  # the soonest timer leads the queue


@override_settings(RATING_RECTIFICATION_DAYS=5)
def test_the_rectification_period_is_configurable(people, item):
    case = delivered_case(people, item)
    with time_machine.travel(MONDAY, tick=False):
        rating = rate(people, case, level=1)
    timer = Deadline.objects.get(kind=kinds.RATING_RECTIFICATION, subject_id=str(rating.rectification.pk))
    assert (timer.allotted_days, timer.due_on) == (5, dt.date(2026, 3, 9))


def test_a_case_is_rated_once(people, item):
    case = delivered_case(people, item)
    rate(people, case, level=4)
    with pytest.raises(Conflict) as error:
        rate(people, case, level=1)
    assert error.value.code == "rating_exists"
    assert Rating.objects.get().level == 4 and not Rectification.objects.exists()


@pytest.mark.parametrize("who", ["other_applicant", "clerk", "supervisor", "anonymous", "inactive_applicant"])
def test_only_the_applicant_may_rate(people, item, who):
    case = delivered_case(people, item)
    if who == "inactive_applicant":
        Case.objects.filter(pk=case.pk).update(applicant_user=UserFactory(is_active=False))
        case.refresh_from_db()
        actor = case.applicant_user
    else:
        actor = AnonymousUser() if who == "anonymous" else getattr(people, who)
    events = AuditEvent.objects.count()
    with pytest.raises(Forbidden) as error:
        services.rating_submit(actor=actor, case=case, level=1, tags=["服务态度差"])
    assert error.value.code == "rating_not_applicant"
    assert nothing_written(events)


@pytest.mark.parametrize(
    "status", [CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.DECIDED, CaseStatus.REFUSED, CaseStatus.WITHDRAWN]
)
def test_no_rating_before_delivery(people, item, status):
    case = delivered_case(people, item, status=status)
    events = AuditEvent.objects.count()
    with pytest.raises(Conflict) as error:
        rate(people, case, level=5)
    assert (error.value.code, error.value.details) == ("rating_not_delivered", {"status": status})
    assert nothing_written(events)


@pytest.mark.parametrize("who", ["decider", "clerk", "reviewer", "department_admin", "department_role_holder"])
def test_staff_may_not_rate_their_own_cases(people, item, who):
    """The decider, the clerk who received and accepted it, the reviewer who completed a stage, and anyone
    holding a role in the case's department: even as the applicant, they may not rate it."""
    if who == "department_admin":
        applicant = people.admin
    elif who == "department_role_holder":
        applicant = UserFactory()
        grant(applicant, Role.INSPECTOR, department=people.department)
    else:
        applicant = getattr(people, who)
    case = delivered_case(people, item, applicant=applicant)
    events = AuditEvent.objects.count()
    with pytest.raises(Forbidden) as error:
        services.rating_submit(actor=applicant, case=case, level=5)
    assert error.value.code == "rating_own_case"
    assert nothing_written(events)


def test_staff_of_another_department_may_rate_as_applicants(people, item):
    case = delivered_case(people, item, applicant=people.other_reviewer)
    assert services.rating_submit(actor=people.other_reviewer, case=case, level=4).rater == people.other_reviewer


@pytest.mark.parametrize(
    ("level", "tags", "comment", "code", "field"),
    [
        (0, [], "", "rating_level_invalid", "level"),
        (6, [], "", "rating_level_invalid", "level"),
        ("5", [], "", "rating_level_invalid", "level"),
        (5, ["服务态度差"], "", "rating_tags_invalid", "tags"),
        (1, ["服务热情"], "", "rating_tags_invalid", "tags"),
        (3, ["不存在的标签"], "", "rating_tags_invalid", "tags"),
        (2, [], "  ", "rating_reason_required", "tags"),
        (4, [], "好" * 501, "rating_comment_too_long", "comment"),
    ],
)
def test_bad_input_is_refused_field_by_field(people, item, level, tags, comment, code, field):
    case = delivered_case(people, item)
    events = AuditEvent.objects.count()
    with pytest.raises(InvalidInput) as error:
        services.rating_submit(actor=people.applicant, case=case, level=level, tags=tags, comment=comment)
    assert error.value.code == code and field in error.value.details
    assert nothing_written(events)


def test_a_bad_review_with_a_comment_only_is_enough(people, item):
    rating = services.rating_submit(actor=people.applicant, case=delivered_case(people, item), level=2, comment="等了两个小时")
    assert rating.is_bad and rating.tags == []


# The signed SMS / QR link ---------------------------------------------------------------------------------


def test_the_link_rates_without_login(people, item):
    case = delivered_case(people, item)
    token = links.case_token(case)
    rating = services.rating_submit(actor=AnonymousUser(), case=case, level=5, channel=RatingChannel.SMS, link_token=token)
    assert (rating.channel, rating.rater) == (RatingChannel.SMS, people.applicant)


def test_a_walk_in_applicant_without_an_account_rates_by_the_link(people, item):
    case = delivered_case(people, item)
    Case.objects.filter(pk=case.pk).update(applicant_user=None)
    case.refresh_from_db()
    rating = services.rating_submit(
        actor=None, case=case, level=1, tags=["多次跑动"], channel=RatingChannel.SMS, link_token=links.case_token(case)
    )
    assert rating.rater is None and rating.rectification.state == RectificationState.PENDING_FOLLOW_UP


def test_a_link_names_one_case_only(people, item):
    case, other = delivered_case(people, item), delivered_case(people, item)
    with pytest.raises(Forbidden) as error:
        services.rating_submit(actor=None, case=case, level=5, channel=RatingChannel.SMS, link_token=links.case_token(other))
    assert error.value.code == "rating_link_invalid"
    with pytest.raises(Forbidden):
        services.rating_submit(actor=None, case=case, level=5, channel=RatingChannel.SMS, link_token=links.case_token(case) + "x")
    assert not Rating.objects.exists()


def test_a_link_expires(people, item):
    case = delivered_case(people, item)
    with time_machine.travel(MONDAY, tick=False):
        token = links.case_token(case)
    with time_machine.travel(MONDAY + dt.timedelta(days=links.LINK_MAX_AGE_DAYS - 1), tick=False):
        assert links.case_number_of(token) == case.number
    with time_machine.travel(MONDAY + dt.timedelta(days=links.LINK_MAX_AGE_DAYS + 1), tick=False):
        assert links.case_number_of(token) is None
        with pytest.raises(Forbidden):
            services.rating_submit(actor=None, case=case, level=5, channel=RatingChannel.SMS, link_token=token)


def test_staff_who_handled_the_case_may_not_use_the_link_either(people, item):
    case = delivered_case(people, item)
    with pytest.raises(Forbidden) as error:
        services.rating_submit(actor=people.decider, case=case, level=5, channel=RatingChannel.SMS, link_token=links.case_token(case))
    assert error.value.code == "rating_own_case"


def test_the_window_pad_channel_is_for_visits_only(people, item):
    with pytest.raises(InvalidInput) as error:
        services.rating_submit(actor=people.applicant, case=delivered_case(people, item), level=5, channel=RatingChannel.WINDOW_PAD)
    assert error.value.code == "rating_channel_invalid"
