"""Writes to the working-day calendar: entering and removing a year's State Council arrangement."""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from onewindow.audit.services import audit_record
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput, NotFound
from onewindow.workdays.choices import OverrideKind
from onewindow.workdays.models import CalendarOverride, YearSchedule
from onewindow.workdays.permissions import can_enter_schedule
from onewindow.workdays.schedule_text import NAME_MAX_LENGTH, HolidayRange, MakeUpDay, holiday_runs

FIRST_YEAR = 2004  # the first year the chinese-calendar package has data for
LAST_YEAR = 2099
NOTICE_MAX_LENGTH = 100
ONE_DAY = dt.timedelta(days=1)


@transaction.atomic
def schedule_enter(
    *,
    actor: Any,
    year: int,
    notice: str,
    notice_date: dt.date,
    holidays: list[HolidayRange],
    workdays: list[MakeUpDay],
) -> YearSchedule:
    """Enter a year's arrangement from the State Council notice, replacing that year's overrides."""
    _require_admin(actor)
    notice = (notice or "").strip()
    _check_year(year, notice, notice_date)
    _check_entries(year, holidays, workdays)
    schedule = YearSchedule.objects.select_for_update().filter(year=year).first()
    before = _snapshot(schedule, list(CalendarOverride.objects.filter(date__year=year))) if schedule else None
    entered_by = actor if getattr(actor, "is_authenticated", False) else None
    CalendarOverride.objects.filter(date__year=year).delete()
    overrides = _overrides(holidays, workdays, notice=notice, entered_by=entered_by)
    try:
        with transaction.atomic():
            CalendarOverride.objects.bulk_create(overrides)
            schedule = schedule or YearSchedule(year=year)
            schedule.notice, schedule.notice_date, schedule.entered_by = notice, notice_date, entered_by
            schedule.updated_at = time.now()
            schedule.save()
    except IntegrityError:
        raise Conflict(_("该年度安排正被他人同时录入,请刷新后重试。"), code="schedule_conflict") from None
    audit_record(actor=actor, action="workdays.schedule.enter", obj=schedule, before=before, after=_snapshot(schedule, overrides))
    return schedule


@transaction.atomic
def schedule_delete(*, actor: Any, year: int) -> None:
    """Remove an entered year (e.g. entered for the wrong year): its overrides go with it."""
    _require_admin(actor)
    schedule = YearSchedule.objects.select_for_update().filter(year=year).first()
    if schedule is None:
        raise NotFound(_("%(year)d年的节假日安排尚未录入。") % {"year": year}, code="schedule_not_found")
    overrides = CalendarOverride.objects.filter(date__year=year)
    before = _snapshot(schedule, list(overrides))
    overrides.delete()
    audit_record(actor=actor, action="workdays.schedule.delete", obj=schedule, before=before)
    schedule.delete()


def _require_admin(actor: Any) -> None:
    if not can_enter_schedule(actor):
        raise Forbidden(_("只有系统管理员可以维护法定节假日安排。"))


def _invalid(message: str, code: str, field: str = "lines") -> InvalidInput:
    """An error the entry form shows at `field`."""
    return InvalidInput(message, code=code, details={"field": field})


def _check_year(year: int, notice: str, notice_date: dt.date | None) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        message = _("年份应在%(first)d年至%(last)d年之间。") % {"first": FIRST_YEAR, "last": LAST_YEAR}
        raise _invalid(message, "year_out_of_range", "year")
    if not notice:
        raise _invalid(_("请填写国务院办公厅通知的文号,如“国办发明电〔2025〕7号”。"), "notice_required", "notice")
    if len(notice) > NOTICE_MAX_LENGTH:
        raise _invalid(_("通知文号不能超过%(count)d个字。") % {"count": NOTICE_MAX_LENGTH}, "notice_too_long", "notice")
    if notice_date is None:
        raise _invalid(_("请填写通知日期。"), "notice_date_required", "notice_date")


def _check_entries(year: int, holidays: list[HolidayRange], workdays: list[MakeUpDay]) -> None:
    if not holidays:
        raise _invalid(_("请至少录入一段放假日期。"), "holidays_required")
    for first, last, name in holidays:
        _check_name(name)
        if last < first:
            raise _invalid(_("“%(range)s”的结束日期早于开始日期。") % {"range": _range_text(first, last, name)}, "invalid_range")
        if first.year != year or last.year != year:
            raise _outside_year(_range_text(first, last, name), year)
    _check_overlaps(holidays)
    _check_workdays(year, workdays, holidays)


def _check_workdays(year: int, workdays: list[MakeUpDay], holidays: list[HolidayRange]) -> None:
    holiday_days = {first + ONE_DAY * offset for first, last, _name in holidays for offset in range((last - first).days + 1)}
    seen: set[dt.date] = set()
    for day, name in workdays:
        _check_name(name)
        if day.year != year:
            raise _outside_year(f"{day.isoformat()} 调休上班 {name}", year)
        if day in holiday_days:
            raise _invalid(_("%(day)s 既录入为放假又录入为调休上班。") % {"day": day.isoformat()}, "day_both_kinds")
        if day in seen:
            raise _invalid(_("调休上班日 %(day)s 重复录入。") % {"day": day.isoformat()}, "workday_repeated")
        seen.add(day)


def _check_overlaps(holidays: list[HolidayRange]) -> None:
    ordered = sorted(holidays)
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        if later[0] <= earlier[1]:
            message = _("“%(a)s”与“%(b)s”的日期重叠。") % {"a": _range_text(*earlier), "b": _range_text(*later)}
            raise _invalid(message, "holidays_overlap")


def _check_name(name: str) -> None:
    if not name.strip():
        raise _invalid(_("每个放假或调休上班日期都要写明节日名称。"), "name_required")
    if len(name.strip()) > NAME_MAX_LENGTH:
        raise _invalid(_("节日名称不能超过%(count)d个字。") % {"count": NAME_MAX_LENGTH}, "name_too_long")


def _outside_year(entry: str, year: int) -> InvalidInput:
    return _invalid(_("“%(entry)s”不在%(year)d年内:一个年度只能录入该年的日期。") % {"entry": entry, "year": year}, "date_outside_year")


def _range_text(first: dt.date, last: dt.date, name: str) -> str:
    return f"{first.isoformat()} 至 {last.isoformat()} {name}" if first != last else f"{first.isoformat()} {name}"


def _overrides(holidays: list[HolidayRange], workdays: list[MakeUpDay], *, notice: str, entered_by: Any) -> list[CalendarOverride]:
    rows = [
        CalendarOverride(date=first + ONE_DAY * offset, kind=OverrideKind.HOLIDAY, name=name.strip(), notice=notice, entered_by=entered_by)
        for first, last, name in holidays
        for offset in range((last - first).days + 1)
    ]
    rows += [
        CalendarOverride(date=day, kind=OverrideKind.WORKDAY, name=name.strip(), notice=notice, entered_by=entered_by)
        for day, name in workdays
    ]
    return sorted(rows, key=lambda row: row.date)


def _snapshot(schedule: YearSchedule, overrides: list[CalendarOverride]) -> dict[str, Any]:
    """A year's arrangement as the audit trail keeps it: holiday ranges and make-up days."""
    ordered = sorted(overrides, key=lambda row: row.date)
    return {
        "year": schedule.year,
        "notice": schedule.notice,
        "notice_date": schedule.notice_date,
        "holidays": [list(run) for run in holiday_runs((row.date, row.name) for row in ordered if not row.is_workday)],
        "workdays": [[row.date, row.name] for row in ordered if row.is_workday],
    }
