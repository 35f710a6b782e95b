"""The recount: the aggregates kept by the periodic refresh equal a recount from the raw tables exactly,
and any drift (a corrupted row, a day not refreshed, a dirty day not picked up) is reported."""

import io

import pytest
from django.core.management import call_command

from onewindow.ratings import services as ratings
from onewindow.supervision.statistics.models import DepartmentMonth, ItemDay, StaffDay
from onewindow.supervision.statistics.recount import differences, recount
from onewindow.supervision.statistics.services import stats_refresh, stats_refresh_day
from onewindow.supervision.tests.statistics.support import D, filed, on, when

pytestmark = pytest.mark.django_db

NOVEMBER = (D("2026-11-01"), D("2026-11-30"))


def test_the_aggregates_kept_day_by_day_equal_the_recount_exactly(history):
    assert differences(*NOVEMBER) == []
    expected = recount(*NOVEMBER)
    assert sum(v["received"] for v in expected.items.values()) == 10
    assert sum(v["concluded"] for v in expected.items.values()) == 7
    assert sum(v["rated"] for v in expected.departments.values()) == 3


def test_a_corrupted_day_row_is_reported(history):
    row = ItemDay.objects.filter(day=D("2026-11-06"), item=history.items["chief"]).get()
    ItemDay.objects.filter(pk=row.pk).update(saved_days=row.saved_days + 1)
    found = differences(*NOVEMBER)
    assert found == [
        f"事项日 2026-11-06 {history.people.department.pk} {history.items['chief'].pk}: saved_days 11 ≠ 10 (aggregate ≠ recount)"
    ]


def test_a_corrupted_month_row_and_a_stray_staff_row_are_reported(history):
    DepartmentMonth.objects.filter(department=history.people.department).update(rated=0)
    StaffDay.objects.create(
        day=D("2026-11-07"), department=history.people.department, user=history.people.reviewer, region_code="9", accepted=1
    )
    found = differences(*NOVEMBER)
    assert any(line.startswith("部门月 2026-11-01") and "rated 0 ≠ 3" in line for line in found)
    assert any(line.startswith("人员日 2026-11-07") and "accepted 1 ≠ 0" in line for line in found)
    assert any(line.startswith("人员月 2026-11-01") for line in found) is False  # the month rows still sum the refreshed days


def test_events_not_yet_refreshed_show_until_the_next_run(history):
    filed(history.people, history.items["main"], "2026-11-16")
    assert any(line.startswith("事项日 2026-11-16") and "received 0 ≠ 1" in line for line in differences(*NOVEMBER))
    when("2026-11-16", stats_refresh, hour=23)
    assert differences(*NOVEMBER) == []


def test_a_dirty_day_left_unrefreshed_differs_until_the_next_run_picks_it_up(history):
    p = history.people
    rectification = history.ratings["B"].rectification
    rectification.refresh_from_db()
    with on("2026-11-17"):  # an appeal takes the rectified review out of 整改 done until the supervisor decides
        ratings.rectification_appeal(actor=p.admin, rectification=rectification, reason="申请人已撤回诉求")
        stats_refresh_day(day=D("2026-11-17"))
    assert any(line.startswith("部门日 2026-11-10") and "bad_rectified 1 ≠ 0" in line for line in differences(*NOVEMBER))
    when("2026-11-17", stats_refresh, hour=10)
    assert differences(*NOVEMBER) == []


def test_the_recount_command_exits_1_on_differences_and_0_when_all_agree(history):
    out = io.StringIO()
    call_command("stats_recount", "--since", "2026-11-01", "--until", "2026-11-30", stdout=out)
    assert "match" in out.getvalue()

    ItemDay.objects.filter(day=D("2026-11-02")).update(received=0)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as stopped:
        call_command("stats_recount", "--since", "2026-11-01", "--until", "2026-11-30", stdout=out, stderr=err)
    assert stopped.value.code == 1
    assert "事项日 2026-11-02" in out.getvalue() and "differences" in err.getvalue()


def test_the_refresh_command_rebuilds_what_was_lost(history):
    ItemDay.objects.all().delete()
    out = io.StringIO()
    with on("2026-11-13", 12):
        call_command("stats_refresh", "--since", "2026-11-01", stdout=out)
    assert "2026-11-06: 5 cases" in out.getvalue()
    assert differences(*NOVEMBER) == []
    with on("2026-11-13", 12):
        call_command("stats_refresh", "--day", "2026-11-02", stdout=out)
        call_command("stats_refresh", stdout=out)
    assert differences(*NOVEMBER) == []
