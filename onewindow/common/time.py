"""The one clock. Every piece of code asks here for the current time; tests freeze it."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def now() -> dt.datetime:
    """The current aware datetime (UTC)."""
    return timezone.now()


def today() -> dt.date:
    """Today's date in Asia/Shanghai, the date all working-day rules use."""
    return now().astimezone(LOCAL_TZ).date()


def local_date(moment: dt.datetime) -> dt.date:
    """The Asia/Shanghai calendar date of an aware datetime."""
    return moment.astimezone(LOCAL_TZ).date()


def local_datetime(moment: dt.datetime) -> dt.datetime:
    """An aware datetime shown in Asia/Shanghai."""
    return moment.astimezone(LOCAL_TZ)


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day` in Asia/Shanghai, as an aware datetime."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=LOCAL_TZ)


def end_of_day(day: dt.date) -> dt.datetime:
    """The last instant of `day` in Asia/Shanghai: a deadline on a date means through that date."""
    return dt.datetime.combine(day, dt.time.max, tzinfo=LOCAL_TZ)
