"""Each figure's definition on the hand-made history of `support.build_history` (see its docstring):
what is counted, on which day, for which department, item and staff member."""

import pytest

from onewindow.supervision.statistics import metrics
from onewindow.supervision.statistics.models import DepartmentDay, ItemDay, StaffDay
from onewindow.supervision.tests.statistics.support import D

pytestmark = pytest.mark.django_db


def day_row(history, day, department=None):
    department = department or history.people.department
    return DepartmentDay.objects.get(day=D(day), department=department)


def nonzero(row, names):
    return {name: getattr(row, name) for name in names if getattr(row, name)}


CASE_VOLUMES = ("received", "received_online", "received_on_the_spot", "received_zero_visit", "statutory_days", "promised_days")


def test_received_counts_submissions_on_their_day_with_the_item_versions_limits(history):
    # A (20/10 days), B (tight: 5/2), G (20/10) were filed on 11-02.
    assert nonzero(day_row(history, "2026-11-02"), CASE_VOLUMES) == {"received": 3, "statutory_days": 45, "promised_days": 22}
    # C is a 即办件 of a zero-visit item.
    assert nonzero(day_row(history, "2026-11-03"), CASE_VOLUMES) == {
        "received": 2,
        "received_on_the_spot": 1,
        "received_zero_visit": 1,
        "statutory_days": 40,
        "promised_days": 20,
    }
    # H was submitted online on 11-09 (and stays submitted).
    assert day_row(history, "2026-11-09").received_online == 1
    # I belongs to the other department, on its own row.
    assert day_row(history, "2026-11-05", history.people.other_department).received == 1
    assert day_row(history, "2026-11-05").received == 2


def test_item_rows_split_a_department_day_by_item(history):
    rows = {r.item_id: r for r in ItemDay.objects.filter(day=D("2026-11-02"), department=history.people.department)}
    assert {k: (r.received, r.promised_days) for k, r in rows.items()} == {
        history.items["main"].pk: (2, 20),
        history.items["tight"].pk: (1, 2),
    }


def test_acceptances_count_on_the_acceptance_day_and_a_deemed_one_on_the_day_of_receipt(history):
    assert (day_row(history, "2026-11-03").accepted, day_row(history, "2026-11-03").deemed_accepted) == (4, 0)  # A, B, C, J
    # G was deemed accepted on 11-10, from the day it was received (行政许可法 第三十二条).
    assert (day_row(history, "2026-11-02").accepted, day_row(history, "2026-11-02").deemed_accepted) == (1, 1)
    assert day_row(history, "2026-11-10").accepted == 0


def test_conclusions_are_counted_on_delivery_or_on_the_end_without_one(history):
    outcome = ("concluded", "delivered", "refused", "withdrawn", "terminated", "granted", "denied", "timed")
    # A and D delivered, E refused.
    assert nonzero(day_row(history, "2026-11-06"), outcome) == {"concluded": 3, "delivered": 2, "refused": 1, "granted": 2, "timed": 2}
    # F withdrawn after acceptance and J terminated: concluded, but their promised timers were cancelled, not met.
    assert nonzero(day_row(history, "2026-11-09"), outcome) == {"concluded": 2, "withdrawn": 1, "terminated": 1}
    # A was decided on 11-05 but concludes only on delivery.
    assert nonzero(day_row(history, "2026-11-05"), outcome) == {}


TIMELINESS = ("timed", "on_time", "used_days", "granted_days", "saved_days", "overdue_days")


def test_time_used_saved_and_overdue_come_from_the_promised_timer(history):
    # A: accepted 11-03, decided 11-05: 2 working days of 10 (8 saved); D: decided on acceptance day, 10 saved.
    assert nonzero(day_row(history, "2026-11-06"), TIMELINESS) == {
        "timed": 2,
        "on_time": 2,
        "used_days": 2,
        "granted_days": 20,
        "saved_days": 18,
    }
    # B: 2 promised days from 11-03 (due 11-05), decided 11-09: 4 working days used, late by 2.
    assert nonzero(day_row(history, "2026-11-10"), TIMELINESS) == {"timed": 1, "used_days": 4, "granted_days": 2, "overdue_days": 2}


def test_window_direct_completion_and_authorization(history):
    shares = ("one_visit", "window_timed", "window_direct", "authorized")
    # C: the clerk accepted and decided the 即办件 in one sitting.
    assert nonzero(day_row(history, "2026-11-03"), shares) == {"one_visit": 1, "window_timed": 1, "window_direct": 1}
    # D: the chief representative accepted and decided an item authorized to the window (一级审批); A went to the decider.
    assert nonzero(day_row(history, "2026-11-06"), shares) == {"one_visit": 2, "window_timed": 2, "window_direct": 1, "authorized": 1}


RATINGS = ("rated", "satisfied", "bad", "level_sum", "voided", "bad_rectified")


def test_ratings_count_on_the_day_given_voided_ones_apart_and_rectification_as_of_now(history):
    assert nonzero(day_row(history, "2026-11-04"), RATINGS) == {"voided": 1}  # C's review, voided on appeal on 11-06
    assert nonzero(day_row(history, "2026-11-06"), RATINGS) == {"rated": 1, "satisfied": 1, "level_sum": 4}  # the window pad
    assert nonzero(day_row(history, "2026-11-09"), RATINGS) == {"rated": 1, "satisfied": 1, "level_sum": 5}
    # B's bad review of 11-10, rectified on 11-12: the refresh of 11-12 marked 11-10 dirty and recomputed it.
    assert nonzero(day_row(history, "2026-11-10"), RATINGS) == {"rated": 1, "bad": 1, "level_sum": 1, "bad_rectified": 1}


def staff(history, user, day, department=None):
    """The user's non-zero figures of the day for the (main) department."""
    department = department or history.people.department
    row = StaffDay.objects.filter(user=user, day=D(day), department=department).first()
    return {} if row is None else nonzero(row, metrics.STAFF_NAMES)


def test_staff_figures_follow_the_person_who_acted(history):
    p = history.people
    assert staff(history, p.clerk, "2026-11-02") == {"received": 3}
    assert staff(history, p.clerk, "2026-11-06", p.other_department) == {"accepted": 1}  # I, another department's case
    clerk_1103 = staff(history, p.clerk, "2026-11-03")
    assert {k: clerk_1103[k] for k in ("received", "accepted", "decided", "decided_on_time", "saved_days")} == {
        "received": 2,
        "accepted": 4,
        "decided": 1,
        "decided_on_time": 1,
        "saved_days": 10,
    }
    assert {k: v for k, v in staff(history, p.decider, "2026-11-05").items() if k in ("decided", "decided_on_time", "saved_days")} == {
        "decided": 1,
        "decided_on_time": 1,
        "saved_days": 8,
    }
    late = staff(history, p.decider, "2026-11-09")
    assert (late["decided"], late.get("decided_on_time", 0), late["overdue_days"]) == (1, 0, 2)
    reviewer = staff(history, p.reviewer, "2026-11-04")
    assert (reviewer["tasks_done"], reviewer["tasks_on_time"]) == (2, 2)
    chief = staff(history, p.chief, "2026-11-04")
    assert (chief["accepted"], chief["decided"], chief["saved_days"]) == (1, 1, 10)


def test_ratings_count_for_the_handler_they_name(history):
    p = history.people
    assert {k: v for k, v in staff(history, p.clerk, "2026-11-06").items() if k in ("rated", "satisfied", "bad")} == {
        "rated": 1,
        "satisfied": 1,
    }
    assert {k: v for k, v in staff(history, p.decider, "2026-11-10").items() if k in ("rated", "satisfied", "bad")} == {
        "rated": 1,
        "bad": 1,
    }
    # the voided review of C (handler: the clerk) counts for nobody
    assert "rated" not in staff(history, p.clerk, "2026-11-04")
