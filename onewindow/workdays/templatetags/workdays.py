"""Template helpers of the working-day calendar: `{% load workdays %}`."""

from django import template

from onewindow.workdays.permissions import can_enter_schedule as _can_enter_schedule

register = template.Library()


@register.filter
def can_enter_schedule(user: object) -> bool:
    """`{% if request.user|can_enter_schedule %}`: whether to offer the schedule entry page."""
    return _can_enter_schedule(user)
