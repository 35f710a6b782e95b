"""Helpers of the supervision tests: a case submitted on a day, the scan run early on a day."""

import datetime as dt

import time_machine

from onewindow.cases.models import Case
from onewindow.cases.tests.factories import County, submitted_case
from onewindow.common.time import LOCAL_TZ
from onewindow.deadlines import kinds
from onewindow.deadlines.models import Deadline, subject_key
from onewindow.deadlines.scan import ScanReport, deadline_scan

D = dt.date.fromisoformat


def at(day: str | dt.date, hour: int = 9) -> dt.datetime:
    day = D(day) if isinstance(day, str) else day
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LOCAL_TZ)


def scan(day: str | dt.date) -> ScanReport:
    """The scan as the periodic command runs it early on `day`."""
    day = D(day) if isinstance(day, str) else day
    with time_machine.travel(at(day, 1), tick=False):
        report = deadline_scan(today=day)
    assert report.failed == 0
    return report


def submitted_on(county: County, item, day: str) -> Case:  # type: ignore[no-untyped-def]
    with time_machine.travel(at(day), tick=False):
        return submitted_case(county, item)


def timer(case: Case, kind: str = kinds.CASE_ACCEPTANCE) -> Deadline:
    subject_type, subject_id = subject_key(case)
    return Deadline.objects.filter(subject_type=subject_type, subject_id=subject_id, kind=kind).latest("id")
