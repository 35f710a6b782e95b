"""The benchmark's synthetic aggregates are consistent: month rows sum day rows, region rows sum departments."""

import pytest

from onewindow.supervision.statistics import selectors
from onewindow.supervision.statistics.models import DepartmentDay
from onewindow.supervision.statistics.periods import Period
from onewindow.supervision.statistics.synthetic import fill
from onewindow.supervision.tests.statistics.support import D

pytestmark = pytest.mark.django_db


def test_synthetic_rows_read_the_same_through_every_table(people):
    assert fill(first=D("2026-10-20"), last=D("2026-12-10")) == 2 * 52
    period = Period(D("2026-10-25"), D("2026-12-05"))
    region = selectors.summary(scope=selectors.scope_for(people.supervisor), period=period).values
    by_department = [r.values for r in selectors.rows(scope=selectors.scope_for(people.supervisor), period=period, group="department")]
    days = DepartmentDay.objects.filter(day__gte=period.first, day__lte=period.last)
    assert region["received"] == sum(d.received for d in days) == sum(v["received"] for v in by_department) > 0
    assert region["on_time"] <= region["timed"] <= region["concluded"]
