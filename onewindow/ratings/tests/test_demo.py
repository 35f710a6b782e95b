"""The demo county's ratings and complaints: loaded once for the module with the clock frozen on an ordinary
Wednesday and a small set of demo cases (one of each path), through the services; loading again changes nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import time_machine
from django.db import transaction
from django.test import override_settings

from onewindow.cases.choices import CaseStatus
from onewindow.cases.models import Case
from onewindow.common import time
from onewindow.deadlines import kinds
from onewindow.deadlines.models import Deadline
from onewindow.demo.county import COUNTY_CODE
from onewindow.demo.loader import load_demo
from onewindow.ratings.choices import ComplaintState, RatingChannel, RectificationState
from onewindow.ratings.demo import load_ratings
from onewindow.ratings.models import Complaint, Rating, Rectification, WindowVisit

MOMENT = dt.datetime(2026, 11, 18, 10, 30, tzinfo=time.LOCAL_TZ)  # a Wednesday
CASES = 40
R = RectificationState


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo with its cases, then its ratings (unless the demo's own step loaded them), in a transaction
    rolled back at the module's end."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        time_machine.travel(MOMENT, tick=False),
        override_settings(DEMO_CASES=CASES),
    ):
        load = load_demo()
        arguments = {
            "region": load.regions[COUNTY_CODE],
            "users": load.users,
            "departments": load.departments,
            "window": load.windows[("center", "A01")],
        }
        load_ratings(**arguments)
        yield arguments
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded, db):
    return loaded


def test_most_delivered_cases_are_rated_mostly_well(demo):
    rated = Rating.objects.filter(case__isnull=False)
    delivered = set(
        Case.objects.filter(region_code=COUNTY_CODE, status__in=(CaseStatus.DELIVERED, CaseStatus.CLOSED)).values_list("pk", flat=True)
    )
    assert rated.count() >= len(delivered) * 0.6
    assert set(rated.values_list("case_id", flat=True)) <= delivered
    levels = Counter(Rating.objects.values_list("level", flat=True))
    assert levels[5] + levels[4] > sum(levels.values()) / 2
    assert set(levels) == {1, 2, 3, 4, 5}
    channels = {r.channel for r in Rating.objects.all()}
    assert channels >= {RatingChannel.PORTAL, RatingChannel.SMS, RatingChannel.WINDOW_PAD}
    assert (RatingChannel.API in channels) == rated.filter(case__channel="api").exists()
    assert not rated.filter(case__applicant_user__isnull=True).exclude(channel=RatingChannel.SMS).exists()
    for rating in rated.select_related("case"):
        assert rating.case.delivered_at <= rating.created_at <= MOMENT


def test_bad_reviews_reach_every_rectification_state(demo):
    states = Counter(Rectification.objects.values_list("state", flat=True))
    assert set(states) == set(R.values)
    assert Rectification.objects.filter(appeal_decision="upheld").exclude(state=R.APPEALED).exists()
    assert Rectification.objects.filter(state=R.REVISITED, revisit_satisfied=False).exists()
    voided = Rating.objects.get(voided_at__isnull=False)
    assert voided.void_reason and voided.rectification.state == R.VOIDED and voided.is_bad


def test_open_rectifications_show_their_timers(demo):
    today = MOMENT.date()
    open_rows = Rectification.objects.filter(state__in=(R.PENDING_FOLLOW_UP, R.FOLLOWED_UP, R.RECTIFIED))
    assert open_rows.exists()
    colors = {row.color(today) for row in open_rows}
    assert colors & {"green", "yellow"}
    for row in open_rows:
        timers = Deadline.objects.filter(subject_type="ratings.rectification", subject_id=str(row.pk), state="running")
        assert timers.exists() and {t.department_id for t in timers} == {row.department_id}
    for row in Rectification.objects.filter(state__in=(R.REPLIED, R.REVISITED)):
        kinds_met = set(
            Deadline.objects.filter(subject_type="ratings.rectification", subject_id=str(row.pk), state="met").values_list(
                "kind", flat=True
            )
        )
        assert kinds.RATING_RECTIFICATION in kinds_met


def test_window_visits_are_rated_on_the_pad(demo):
    visits = WindowVisit.objects.all()
    assert visits.count() >= 10
    pad = Rating.objects.filter(channel=RatingChannel.WINDOW_PAD)
    assert 0 < pad.count() <= visits.count()
    for rating in pad.select_related("visit"):
        assert rating.visit.started_at <= rating.created_at <= rating.visit.started_at + dt.timedelta(hours=24)


def test_complaints_in_every_state(demo):
    complaints = Complaint.objects.all()
    assert 18 <= complaints.count() <= 22
    assert set(complaints.values_list("state", flat=True)) == set(ComplaintState.values)
    assert {c.channel for c in complaints} == {"portal", "hotline", "api"}
    assert complaints.filter(anonymous=True).exists() and complaints.filter(case__isnull=False).exists()
    assert complaints.filter(reopen_count=1).exists()
    for found in complaints.filter(state=ComplaintState.ASSIGNED):
        timer = Deadline.objects.get(subject_type="ratings.complaint", subject_id=str(found.pk), state="running")
        assert timer.department_id == found.department_id and timer.kind == kinds.COMPLAINT_REPLY
    assert any(found.color(MOMENT.date()) == "red" for found in complaints.filter(state=ComplaintState.ASSIGNED))


def test_loading_again_changes_nothing(demo):
    counts = (Rating.objects.count(), Complaint.objects.count(), WindowVisit.objects.count())
    again = load_ratings(**demo)
    assert again.created == 0 and again.existing == sum(counts)
    assert (Rating.objects.count(), Complaint.objects.count(), WindowVisit.objects.count()) == counts
