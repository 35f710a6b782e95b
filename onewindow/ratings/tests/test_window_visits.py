"""Window visits (一次一评): a clerk opens a visit at a window, the pad takes one rating for it that day."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput
from onewindow.orgs.choices import WindowKind
from onewindow.orgs.tests.factories import CountyFactory, DepartmentFactory, WindowFactory
from onewindow.ratings import services
from onewindow.ratings.choices import RatingChannel, RectificationState
from onewindow.ratings.models import Rating, WindowVisit
from onewindow.ratings.tests.factories import delivered_case, open_visit

pytestmark = pytest.mark.django_db

MONDAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=time.LOCAL_TZ)


def test_a_clerk_opens_a_visit_and_the_pad_rates_it_once(people):
    visit = open_visit(people)
    assert (visit.clerk, visit.window, visit.department) == (people.clerk, people.window, people.department)
    rating = services.rating_submit_at_window(actor=AnonymousUser(), visit=visit, level=4, tags=["办事高效"])
    assert (rating.visit, rating.case, rating.rater, rating.handler) == (visit, None, None, people.clerk)
    assert (rating.channel, rating.department, rating.window) == (RatingChannel.WINDOW_PAD, people.department, people.window)
    with pytest.raises(Conflict) as error:
        services.rating_submit_at_window(actor=AnonymousUser(), visit=visit, level=1, tags=["服务态度差"])
    assert error.value.code == "rating_exists"
    assert Rating.objects.count() == 1


def test_a_bad_pad_rating_with_a_phone_opens_rectification(people):
    rating = services.rating_submit_at_window(actor=None, visit=open_visit(people), level=2, tags=["多次跑动"], contact_phone="13912345678")
    assert rating.rectification.state == RectificationState.PENDING_FOLLOW_UP
    assert rating.contact_phone == "13912345678" and rating.masked_contact_phone != rating.contact_phone


def test_the_phone_must_look_like_one(people):
    with pytest.raises(InvalidInput) as error:
        services.rating_submit_at_window(actor=None, visit=open_visit(people), level=2, tags=["多次跑动"], contact_phone="call me")
    assert error.value.code == "rating_phone_invalid"


def test_the_pad_takes_the_rating_on_the_day_of_the_visit(people):
    with time_machine.travel(MONDAY, tick=False):
        visit = open_visit(people)
    with time_machine.travel(MONDAY + dt.timedelta(hours=25), tick=False), pytest.raises(Conflict) as error:
        services.rating_submit_at_window(actor=None, visit=visit, level=5)
    assert error.value.code == "visit_expired"


def test_the_clerk_may_not_rate_their_own_visit(people):
    with pytest.raises(Forbidden) as error:
        services.rating_submit_at_window(actor=people.clerk, visit=open_visit(people), level=5)
    assert error.value.code == "rating_own_visit"


@pytest.mark.parametrize("who", ["reviewer", "applicant", "other_county_clerk", "anonymous"])
def test_only_window_staff_open_visits(people, who):
    user = {"other_county_clerk": staff(Role.WINDOW_CLERK, region=CountyFactory()), "anonymous": AnonymousUser()}.get(who)
    with pytest.raises(Forbidden) as error:
        services.visit_open(actor=user or getattr(people, who), window=people.window, department=people.department)
    assert error.value.code == "visit_forbidden"
    assert not WindowVisit.objects.exists()


def test_a_departmental_window_serves_its_department_and_its_chief_may_open_visits(people):
    window = WindowFactory(hall=people.window.hall, kind=WindowKind.DEPARTMENTAL, department=people.department)
    visit = services.visit_open(actor=people.chief, window=window)
    assert visit.department == people.department


def test_a_comprehensive_window_needs_the_department_or_a_case(people, item):
    with pytest.raises(InvalidInput) as error:
        services.visit_open(actor=people.clerk, window=people.window)
    assert error.value.code == "visit_department_required"
    case = delivered_case(people, item)
    assert services.visit_open(actor=people.clerk, window=people.window, case=case).department == people.department
    with pytest.raises(InvalidInput) as error:
        services.visit_open(actor=people.clerk, window=people.window, case=case, department=people.other_department)
    assert error.value.code == "visit_department_mismatch"


def test_a_department_outside_the_halls_region_is_refused(people):
    elsewhere = DepartmentFactory(region=CountyFactory())
    with pytest.raises(InvalidInput) as error:
        services.visit_open(actor=people.clerk, window=people.window, department=elsewhere)
    assert error.value.code == "visit_department_outside"


def test_a_visit_and_a_case_are_rated_separately(people, item):
    """一次一评 and 一事一评: rating the visit at the window leaves the case's own rating to its applicant."""
    case = delivered_case(people, item)
    visit = services.visit_open(actor=people.clerk, window=people.window, case=case)
    services.rating_submit_at_window(actor=None, visit=visit, level=5)
    assert services.rating_submit(actor=people.applicant, case=case, level=4).case == case
    assert Rating.objects.count() == 2
