"""The demo step builds the aggregates of the county's history once."""

import pytest

from onewindow.supervision.statistics.demo import load_statistics
from onewindow.supervision.statistics.models import DepartmentDay, RefreshedDay
from onewindow.supervision.statistics.recount import differences
from onewindow.supervision.tests.statistics.support import D, build_history, on

pytestmark = pytest.mark.django_db


def test_the_demo_step_computes_every_day_of_the_history_once(people):
    build_history(people, refresh=False)
    with on("2026-11-13", 12):
        loaded = load_statistics(region=people.region)
        again = load_statistics(region=people.region)
    assert loaded.days == 12 and again.days == 0
    assert RefreshedDay.objects.count() == 12
    assert DepartmentDay.objects.filter(day=D("2026-11-02"), department=people.department).get().received == 3
    assert differences(D("2026-11-01"), D("2026-11-13")) == []


def test_a_region_without_cases_gets_nothing(people):
    assert load_statistics(region=people.region).days == 0
