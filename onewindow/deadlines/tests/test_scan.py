"""The scan: every due event handled once, across runs and concurrent scans; rows not due are never read."""

import datetime as dt
import threading
import time as wall_clock

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from onewindow.common import time
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import DeadlineState
from onewindow.deadlines.models import Deadline
from onewindow.deadlines.scan import deadline_scan
from onewindow.deadlines.services import deadline_extend, deadline_meet, deadline_reassign, deadline_start
from onewindow.deadlines.tasks import scan_deadlines
from onewindow.deadlines.tests.factories import DeadlineFactory, at

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2026, 6, 12)
MOMENT = at(2026, 6, 12, 1)


class Recorder:
    """Handlers that record (event, deadline id, today) and can be told to fail."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int, dt.date]] = []
        self.failing: set[int] = set()
        self.delay = 0.0  # seconds each call takes, to make concurrent scans overlap
        self.lock = threading.Lock()

    def warning(self, deadline: Deadline, today: dt.date) -> None:
        self._record("warning", deadline, today)

    def overdue(self, deadline: Deadline, today: dt.date) -> None:
        self._record("overdue", deadline, today)

    def _record(self, event: str, deadline: Deadline, today: dt.date) -> None:
        wall_clock.sleep(self.delay)
        if deadline.pk in self.failing:
            raise RuntimeError("handler failed")
        with self.lock:
            self.calls.append((event, deadline.pk, today))


@pytest.fixture
def recorder(registry):
    """Handlers on the stage kind (the other kinds have none)."""
    recorder = Recorder()
    registry.register_handler(kinds.CASE_STAGE, on_warning=recorder.warning, on_overdue=recorder.overdue)
    return recorder


def _row(warn_on, due_on, **fields):
    return DeadlineFactory(warn_on=warn_on, due_on=due_on, **fields)


def test_each_due_event_is_handled_once_across_two_runs(recorder, time_machine):
    time_machine.move_to(MOMENT, tick=False)
    red = _row(D(2026, 6, 1), D(2026, 6, 3))
    yellow = _row(D(2026, 6, 10), D(2026, 6, 16))
    due_today = _row(D(2026, 6, 12), D(2026, 6, 12))
    warned_then_red = _row(D(2026, 6, 5), D(2026, 6, 11), warned_at=at(2026, 6, 5))
    _row(D(2026, 6, 10), D(2026, 6, 16), warned_at=at(2026, 6, 10))  # warned already
    _row(D(2026, 6, 15), D(2026, 6, 17))  # green
    _row(D(2026, 6, 1), D(2026, 6, 3), state=DeadlineState.PAUSED, paused_on=D(2026, 6, 2))
    _row(D(2026, 6, 1), D(2026, 6, 3), state=DeadlineState.MET, met_at=at(2026, 6, 4))
    _row(D(2026, 6, 1), D(2026, 6, 3), state=DeadlineState.CANCELLED, cancelled_at=at(2026, 6, 2))

    first = deadline_scan(today=TODAY)
    second = deadline_scan(today=TODAY)

    assert sorted(recorder.calls) == sorted(
        [
            ("overdue", red.pk, TODAY),
            ("overdue", warned_then_red.pk, TODAY),
            ("warning", yellow.pk, TODAY),
            ("warning", due_today.pk, TODAY),
        ]
    )
    assert (first.overdue, first.warned, first.failed, first.examined) == (2, 2, 0, 4)
    assert (second.overdue, second.warned, second.failed, second.examined) == (0, 0, 0, 0)
    red.refresh_from_db()
    assert (red.overdue_handled_at, red.warned_at) == (MOMENT, MOMENT)  # found overdue: no separate warning
    warned_then_red.refresh_from_db()
    assert warned_then_red.warned_at == at(2026, 6, 5)


def test_warning_then_overdue_as_the_days_pass(subject, recorder):
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=at(2026, 2, 12), days=5)
    seen = []
    for day in (D(2026, 2, 23), D(2026, 2, 24), D(2026, 2, 25), D(2026, 2, 26), D(2026, 2, 27), D(2026, 3, 2)):
        with time_machine.travel(at(day.year, day.month, day.day, 0, 5), tick=False):
            report = deadline_scan(today=time.today())
        seen.append((day, report.warned, report.overdue))
    assert seen == [
        (D(2026, 2, 23), 0, 0),
        (D(2026, 2, 24), 1, 0),
        (D(2026, 2, 25), 0, 0),
        (D(2026, 2, 26), 0, 0),
        (D(2026, 2, 27), 0, 1),
        (D(2026, 3, 2), 0, 0),
    ]
    assert [(event, pk) for event, pk, _today in recorder.calls] == [("warning", deadline.pk), ("overdue", deadline.pk)]


def test_an_extension_makes_the_new_window_a_new_event(subject, recorder):
    deadline = deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=at(2026, 6, 1), days=10)
    with time_machine.travel(at(2026, 6, 11), tick=False):
        assert deadline_scan(today=time.today()).warned == 1
        deadline = deadline_extend(actor=None, deadline=deadline, days=10, reason="延期")
    # Due 06-30 now; 20 days granted, so the window is 4 working days: 06-29, 26, 25, 24.
    assert (deadline.warned_at, deadline.warn_on, deadline.due_on) == (None, D(2026, 6, 24), D(2026, 6, 30))
    with time_machine.travel(at(2026, 6, 23), tick=False):
        assert deadline_scan(today=time.today()).warned == 0
    with time_machine.travel(at(2026, 6, 24), tick=False):
        assert deadline_scan(today=time.today()).warned == 1
    assert [event for event, _pk, _today in recorder.calls] == ["warning", "warning"]


def test_a_failing_handler_rolls_its_event_back_and_the_next_scan_offers_it_again(recorder, caplog):
    broken = _row(D(2026, 6, 1), D(2026, 6, 3))
    fine = _row(D(2026, 6, 1), D(2026, 6, 4))
    recorder.failing.add(broken.pk)
    report = deadline_scan(today=TODAY)
    assert (report.overdue, report.failed) == (1, 1)
    assert "handler failed" in caplog.text
    broken.refresh_from_db()
    assert (broken.overdue_handled_at, broken.warned_at) == (None, None)
    recorder.failing.clear()
    report = deadline_scan(today=TODAY)
    assert (report.overdue, report.failed) == (1, 0)
    assert [pk for _event, pk, _today in recorder.calls] == [fine.pk, broken.pk]


def test_every_handler_of_an_event_runs_in_one_transaction(registry, recorder):
    def broken(deadline, today):
        raise RuntimeError("card service down")

    registry.register_handler(kinds.ALL_KINDS, on_overdue=broken)
    row = _row(D(2026, 6, 1), D(2026, 6, 3))
    assert deadline_scan(today=TODAY).failed == 1
    row.refresh_from_db()
    assert row.overdue_handled_at is None


def test_a_selecting_handler_is_called_only_for_the_rows_it_selects_and_the_rest_are_recorded(registry):
    recorder = Recorder()
    rows = [_row(D(2026, 6, 1), D(2026, 6, 3)) for _ in range(4)]
    wanted = {rows[1].pk, rows[3].pk}
    pages = []

    def select(page):
        pages.append(sorted(d.pk for d in page))
        return [d.pk for d in page if d.pk in wanted]

    @kinds.acting_on(select)
    def overdue(deadline, today):
        recorder.overdue(deadline, today)

    registry.register_handler(kinds.CASE_STAGE, on_overdue=overdue)
    report = deadline_scan(today=TODAY)

    assert pages == [sorted(r.pk for r in rows)]  # one call for the page
    assert sorted(pk for _event, pk, _today in recorder.calls) == sorted(wanted)
    assert report.overdue == 4 and report.failed == 0
    assert all(r.overdue_handled_at for r in Deadline.objects.filter(pk__in=[r.pk for r in rows]))
    assert deadline_scan(today=TODAY).overdue == 0


def _statements(captured):
    """The captured statements, without the savepoints of the test's enclosing transaction and
    PostgreSQL's `SET LOCAL synchronous_commit` (see `scan._commit_asynchronously`)."""
    return [q["sql"].split(" ", 1)[0] for q in captured.captured_queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE", "SET "))]


def test_only_due_rows_are_read_among_thousands_that_are_not(registry):
    not_due = [
        *(DeadlineFactory.build(warn_on=D(2026, 6, 15), due_on=D(2026, 6, 17)) for _ in range(2000)),
        *(
            DeadlineFactory.build(warn_on=D(2026, 6, 1), due_on=D(2026, 6, 3), warned_at=MOMENT, overdue_handled_at=MOMENT)
            for _ in range(1000)
        ),
        *(DeadlineFactory.build(warn_on=D(2026, 6, 10), due_on=D(2026, 6, 16), warned_at=MOMENT) for _ in range(1000)),
        *(DeadlineFactory.build(warn_on=D(2026, 6, 1), due_on=D(2026, 6, 3), state=DeadlineState.MET, met_at=MOMENT) for _ in range(500)),
        *(
            DeadlineFactory.build(warn_on=D(2026, 6, 1), due_on=D(2026, 6, 3), state=DeadlineState.PAUSED, paused_on=D(2026, 6, 2))
            for _ in range(500)
        ),
    ]
    Deadline.objects.bulk_create(not_due, batch_size=500)
    due = [
        _row(D(2026, 6, 1), D(2026, 6, 3), kind=kinds.CASE_CORRECTION),
        _row(D(2026, 6, 1), D(2026, 6, 11), kind=kinds.CASE_DELIVERY),
        _row(D(2026, 6, 12), D(2026, 6, 16), kind=kinds.COMPLAINT_REPLY),
    ]
    assert Deadline.objects.count() == 5003
    with CaptureQueriesContext(connection) as captured:
        report = deadline_scan(today=TODAY)
    # Per pass: one page read, one update recording the events of kinds without handlers.
    assert _statements(captured) == ["SELECT", "UPDATE", "SELECT", "UPDATE"]
    assert (report.examined, report.overdue, report.warned) == (3, 2, 1)
    assert set(Deadline.objects.filter(warned_at__isnull=False).exclude(warned_at=MOMENT).values_list("pk", flat=True)) == {
        d.pk for d in due
    }
    with CaptureQueriesContext(connection) as captured:
        assert deadline_scan(today=TODAY).examined == 0
    assert _statements(captured) == ["SELECT", "SELECT"]


def test_pages_follow_each_other_by_keyset(recorder):
    rows = [_row(D(2026, 6, 1), D(2026, 6, 3 + n % 3)) for n in range(7)]
    recorder.failing.add(rows[0].pk)  # stays pending: a later page must not read it again
    report = deadline_scan(today=TODAY, batch=2)
    assert (report.examined, report.overdue, report.failed) == (7, 6, 1)
    assert sorted(pk for _event, pk, _today in recorder.calls) == sorted(r.pk for r in rows[1:])


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real concurrency")
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_scans_handle_each_event_once(recorder):
    handled_rows = [_row(D(2026, 6, 1), D(2026, 6, 3 + n % 5)) for n in range(30)] + [
        _row(D(2026, 6, 10), D(2026, 6, 16)) for _ in range(10)
    ]
    silent_rows = [_row(D(2026, 6, 1), D(2026, 6, 3), kind=kinds.CASE_CORRECTION) for _ in range(20)]
    recorder.delay = 0.005
    barrier = threading.Barrier(2)
    reports, errors = [], []

    def scan():
        try:
            barrier.wait()
            reports.append(deadline_scan(today=TODAY, batch=7))
        except BaseException as error:  # noqa: BLE001 - reported to the main thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=scan) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    handled = [pk for _event, pk, _today in recorder.calls]
    assert sorted(handled) == sorted(r.pk for r in handled_rows)
    assert sum(r.overdue for r in reports) == 30 + 20
    assert sum(r.warned for r in reports) == 10
    assert sum(r.failed for r in reports) == 0
    assert not Deadline.objects.filter(pk__in=[r.pk for r in silent_rows], overdue_handled_at__isnull=True).exists()


def test_the_task_scans_today(recorder, time_machine):
    row = _row(D(2026, 6, 1), D(2026, 6, 3))
    time_machine.move_to(MOMENT, tick=False)
    result = scan_deadlines.enqueue()
    assert result.return_value == {"today": "2026-06-12", "examined": 1, "warned": 0, "overdue": 1, "failed": 0}
    assert recorder.calls == [("overdue", row.pk, TODAY)]


def test_the_command_scans_once_or_every_n_seconds(recorder, capsys, time_machine):
    _row(D(2026, 6, 1), D(2026, 6, 3))
    call_command("deadlines_scan", "--today", "2026-06-12")
    assert capsys.readouterr().out == "2026-06-12: 1 overdue, 0 warnings, 0 failed, 1 rows read\n"
    time_machine.move_to(MOMENT, tick=False)
    call_command("deadlines_scan", "--every", "0.01", "--runs", "2")
    assert capsys.readouterr().out == "2026-06-12: 0 overdue, 0 warnings, 0 failed, 0 rows read\n" * 2
    with pytest.raises(CommandError):
        call_command("deadlines_scan", "--batch", "0")


def test_a_row_changed_after_its_page_was_read_is_handled_as_it_is_now(registry, department, other_department, time_machine):
    time_machine.move_to(MOMENT, tick=False)
    first = _row(D(2026, 6, 1), D(2026, 6, 3), department=department)
    second = _row(D(2026, 6, 1), D(2026, 6, 4), department=department)
    seen = []

    def reassign_the_other(deadline, today):
        seen.append((deadline.pk, deadline.department_id))
        if deadline.pk == first.pk:
            deadline_reassign(actor=None, deadline=second, department=other_department)

    registry.register_handler(kinds.CASE_STAGE, on_overdue=reassign_the_other)
    assert deadline_scan(today=TODAY).overdue == 2
    assert seen == [(first.pk, department.pk), (second.pk, other_department.pk)]


def test_batch_handlers_see_each_claimed_event_once_in_pages_or_with_its_row(registry, recorder):
    """Stage rows have a per-row handler (the recorder); department rows of another kind have none."""
    seen = []
    registry.register_batch_handler(on_overdue=lambda rows, today: seen.append(sorted(d.pk for d in rows)))
    stage = [_row(D(2026, 6, 1), D(2026, 6, 3)) for _ in range(2)]
    others = [_row(D(2026, 6, 1), D(2026, 6, 3), kind=kinds.CASE_DELIVERY) for _ in range(3)]

    report = deadline_scan(today=TODAY)

    assert report.overdue == 5
    assert sorted(seen) == sorted([sorted(d.pk for d in others), [stage[0].pk], [stage[1].pk]])
    assert deadline_scan(today=TODAY).overdue == 0 and len(seen) == 3


def test_a_failing_batch_handler_rolls_the_page_claim_back(registry, caplog):
    def broken(rows, today):
        raise RuntimeError("cards down")

    registry.register_batch_handler(on_overdue=broken)
    row = _row(D(2026, 6, 1), D(2026, 6, 3), kind=kinds.CASE_DELIVERY)

    assert deadline_scan(today=TODAY).failed == 1
    row.refresh_from_db()
    assert row.overdue_handled_at is None


def test_change_listeners_hear_every_service_change(registry, subject):
    heard = []
    registry.register_change_listener(lambda deadline, verb: heard.append((deadline.pk, verb, deadline.state)))
    row = deadline_start(actor=None, subject=subject, kind=kinds.CASE_STAGE, start=MOMENT, days=3)
    deadline_extend(actor=None, deadline=row, days=2, reason="延期")
    deadline_reassign(actor=None, deadline=row, handler=None)  # no change: nothing to hear
    deadline_reassign(actor=None, deadline=row, department=subject)
    deadline_meet(actor=None, deadline=row, at=MOMENT)

    assert [(verb, state) for _pk, verb, state in heard] == [("extend", "running"), ("reassign", "running"), ("meet", "met")]
