"""Green, yellow, red as the frozen clock moves; the SQL filter agrees with the model."""

import datetime as dt

import pytest
import time_machine

from onewindow.common import time
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineColor
from onewindow.deadlines.models import Deadline
from onewindow.deadlines.services import deadline_cancel, deadline_meet, deadline_pause, deadline_start
from onewindow.deadlines.tests.factories import at

D = dt.date


@pytest.mark.parametrize(
    ("moment", "color", "overdue", "remaining"),
    [
        (at(2026, 2, 12, 11), DeadlineColor.GREEN, False, 5),
        (at(2026, 2, 23, 18), DeadlineColor.GREEN, False, 3),  # the last day of 春节
        (at(2026, 2, 24, 8), DeadlineColor.YELLOW, False, 2),
        (at(2026, 2, 26, 23, 59), DeadlineColor.YELLOW, False, 0),
        (at(2026, 2, 27, 0, 1), DeadlineColor.RED, True, -1),
        (at(2026, 3, 2, 9), DeadlineColor.RED, True, -3),  # 2-27, make-up Saturday 2-28, 3-2
    ],
)
def test_yellow_then_red_as_the_clock_moves(subject, moment, color, overdue, remaining):
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.CASE_ACCEPTANCE, start=at(2026, 2, 12), days=5)
    with time_machine.travel(moment, tick=False):
        assert deadline.color(time.today()) == color
        assert deadline.is_overdue(time.now()) is overdue
        assert deadline.remaining_workdays(time.today()) == remaining
        assert list(Deadline.objects.colored(color, time.today())) == [deadline]


def test_the_sql_colour_of_every_state_matches_the_model(subject):
    start = at(2026, 6, 1)
    made = {}
    with time_machine.travel(at(2026, 6, 12), tick=False):
        for name, days in (("green", 20), ("yellow", 10), ("red", 5)):
            made[name] = deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=start, days=days)
        made["paused_yellow"] = deadline_pause(
            actor=None, deadline=deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=start, days=10), reason="听证"
        )
        made["met"] = deadline_meet(
            actor=None, deadline=deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=start, days=3)
        )
        made["cancelled"] = deadline_cancel(
            actor=None, deadline=deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=start, days=3)
        )
    for today in (D(2026, 6, 12), D(2026, 7, 20)):
        for color in DeadlineColor:
            expected = {d.pk for d in made.values() if d.color(today) == color}
            assert set(Deadline.objects.colored(color, today).values_list("pk", flat=True)) == expected, (today, color)
    assert made["paused_yellow"].color(D(2026, 7, 20)) == DeadlineColor.YELLOW
    assert (made["met"].color(D(2026, 6, 12)), made["cancelled"].color(D(2026, 6, 12))) == (DeadlineColor.GRAY, DeadlineColor.GRAY)


def test_an_unknown_colour_is_a_programming_error():
    with pytest.raises(ValueError):
        Deadline.objects.colored("blue", D(2026, 6, 1))
