"""The line format in which an administrator enters a year's State Council holiday arrangement.

One entry a line; blank lines and lines starting with `#` are ignored:

    2027-01-01 至 2027-01-03 元旦     days off from the first to the last day, both included
    2027-04-05 清明节                 a single day off
    2027-02-07 调休上班 春节           a weekend day made a working day (调休) for 春节

Dates are written YYYY-MM-DD (YYYY/M/D and YYYY年M月D日 are accepted too); 至, 到 or ~
join the two ends of a range. The holiday name is required on every line.
"""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from onewindow.common.errors import InvalidInput

NAME_MAX_LENGTH = 50

_DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_DATE_PARTS = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_WORKDAY_LINE = re.compile(rf"^(?P<day>{_DATE})\s*(?:调休上班|上班)\s*(?P<name>.*)$")
_HOLIDAY_LINE = re.compile(rf"^(?P<first>{_DATE})(?:\s*(?:至|到|~|～)\s*(?P<last>{_DATE}))?\s*(?:放假)?\s*(?P<name>.*)$")


def format_hint() -> str:
    return _("格式应为“2027-01-01 至 2027-01-03 元旦”“2027-04-05 清明节”或“2027-02-07 调休上班 春节”。")


# A "name" that starts like the second half of a range or holds a date means the line was misread.
_MISREAD_NAME = re.compile(r"^(?:至|到|~|～)|\d{4}\s*[-/.年]")

HolidayRange = tuple[dt.date, dt.date, str]
MakeUpDay = tuple[dt.date, str]


@dataclass
class ScheduleText:
    """The entries read from the pasted lines, in their order."""

    holidays: list[HolidayRange] = field(default_factory=list)
    workdays: list[MakeUpDay] = field(default_factory=list)


class _LineError(Exception):
    pass


def parse_schedule_text(text: str) -> ScheduleText:
    """Read the pasted lines; raises `InvalidInput` listing every bad line (details: one message each)."""
    schedule = ScheduleText()
    errors: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.replace("\u3000", " ").strip()
        if not line or line.startswith("#"):
            continue
        try:
            _read_line(line, schedule)
        except _LineError as error:
            errors.append(_("第%(number)d行:%(problem)s") % {"number": number, "problem": error})
    if errors:
        raise InvalidInput(";".join(errors), code="invalid_schedule_text", details=errors)
    return schedule


def _read_line(line: str, schedule: ScheduleText) -> None:
    workday = _WORKDAY_LINE.match(line)
    if workday:
        schedule.workdays.append((_date(workday["day"]), _name(workday["name"])))
        return
    holiday = _HOLIDAY_LINE.match(line)
    if holiday is None or _MISREAD_NAME.search(holiday["name"]):
        raise _LineError(_("无法识别“%(line)s”。") % {"line": line} + format_hint())
    first = _date(holiday["first"])
    last = _date(holiday["last"]) if holiday["last"] else first
    if last < first:
        raise _LineError(_("结束日期早于开始日期。"))
    schedule.holidays.append((first, last, _name(holiday["name"])))


def _date(text: str) -> dt.date:
    parts = _DATE_PARTS.match(text)
    assert parts is not None  # the line pattern only lets dates of this shape through
    try:
        return dt.date(int(parts[1]), int(parts[2]), int(parts[3]))
    except ValueError:
        raise _LineError(_("日期“%(date)s”不存在。") % {"date": text.strip()}) from None


def _name(text: str) -> str:
    name = text.strip()
    if not name:
        raise _LineError(_("缺少节日名称。"))
    if len(name) > NAME_MAX_LENGTH:
        raise _LineError(_("节日名称不能超过%(count)d个字。") % {"count": NAME_MAX_LENGTH})
    return name


def holiday_runs(days: Iterable[tuple[dt.date, str]]) -> list[HolidayRange]:
    """Days off (in date order) joined into ranges of consecutive days sharing one name."""
    runs: list[HolidayRange] = []
    for day, name in days:
        if runs and runs[-1][2] == name and runs[-1][1] + dt.timedelta(days=1) == day:
            runs[-1] = (runs[-1][0], day, name)
        else:
            runs.append((day, day, name))
    return runs


def format_schedule_text(holidays: list[HolidayRange], workdays: list[MakeUpDay]) -> str:
    """The lines that enter these holidays and make-up days again (to correct an entered year)."""
    lines = [_holiday_line(first, last, name) for first, last, name in holidays]
    lines.extend(f"{day.isoformat()} 调休上班 {name}" for day, name in workdays)
    return "\n".join(lines)


def _holiday_line(first: dt.date, last: dt.date, name: str) -> str:
    if first == last:
        return f"{first.isoformat()} {name}"
    return f"{first.isoformat()} 至 {last.isoformat()} {name}"
