"""Factories for entered holiday arrangements."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from onewindow.workdays.choices import OverrideKind
from onewindow.workdays.models import CalendarOverride, YearSchedule


class YearScheduleFactory(DjangoModelFactory):
    class Meta:
        model = YearSchedule
        django_get_or_create = ("year",)

    year = 2027
    notice = factory.LazyAttribute(lambda o: f"国办发明电〔{o.year - 1}〕7号")
    notice_date = factory.LazyAttribute(lambda o: dt.date(o.year - 1, 11, 4))


class CalendarOverrideFactory(DjangoModelFactory):
    class Meta:
        model = CalendarOverride

    date = dt.date(2027, 2, 8)
    kind = OverrideKind.HOLIDAY
    name = "春节"
    notice = "国办发明电〔2026〕7号"
