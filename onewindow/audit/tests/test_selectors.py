import datetime as dt

import pytest
import time_machine

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory
from onewindow.audit.selectors import event_list, object_trail
from onewindow.audit.services import audit_record
from onewindow.common.errors import Forbidden, InvalidInput

pytestmark = pytest.mark.django_db


def _at(day, action="orgs.department.update", **kwargs):
    with time_machine.travel(dt.datetime.combine(day, dt.time(0, 30), tzinfo=dt.timezone(dt.timedelta(hours=8))), tick=False):
        return audit_record(action=action, **kwargs)


def test_system_admins_and_supervisors_read_the_trail_newest_first(system_admin, make_staff, county):
    supervisor = make_staff(Role.SUPERVISOR, region=county)
    first = audit_record(actor=None, action="audit.probe.record")
    second = audit_record(actor=None, action="audit.probe.record")
    for user in (system_admin, supervisor, UserFactory(is_superuser=True)):
        assert event_list(user=user).items == [second, first]


def test_other_staff_and_applicants_may_not_read_the_trail(reviewer, applicant, make_staff, department):
    for user in (reviewer, applicant, make_staff(Role.DEPARTMENT_ADMIN, department=department)):
        with pytest.raises(Forbidden):
            event_list(user=user)


def test_filters_by_object_actor_and_action(system_admin, reviewer, department, other_department):
    on_department = audit_record(actor=reviewer, action="orgs.department.update", obj=department)
    audit_record(actor=reviewer, action="orgs.department.update", obj=other_department)
    by_system = audit_record(actor=None, action="accounts.user.create", obj=reviewer)

    def seqs(**filters):
        return [event.seq for event in event_list(user=system_admin, **filters).items]

    assert seqs(object_type="orgs.department", object_id=str(department.pk)) == [on_department.seq]
    assert seqs(actor="reviewer") == [2, 1]
    assert seqs(actor="system") == [by_system.seq]
    assert seqs(actor="nobody") == []
    assert seqs(action="accounts.user.create") == [by_system.seq]
    assert seqs(action="orgs.") == [2, 1]
    assert seqs(action="orgs") == []


def test_dates_are_shanghai_days_both_included(system_admin):
    days = [dt.date(2026, 5, d) for d in (1, 2, 3)]
    events = [_at(day, actor=None) for day in days]
    page = event_list(user=system_admin, date_from=days[1], date_to=days[1])
    assert page.items == [events[1]]
    assert event_list(user=system_admin, date_from=days[1]).items == [events[2], events[1]]
    assert event_list(user=system_admin, date_to=days[1]).items == [events[1], events[0]]


def test_pages_follow_the_cursor(system_admin):
    events = [audit_record(actor=None, action="audit.probe.record") for _ in range(5)]
    first = event_list(user=system_admin, limit=2)
    second = event_list(user=system_admin, limit=2, cursor=first.next_cursor)
    third = event_list(user=system_admin, limit=2, cursor=second.next_cursor)
    assert [first.items, second.items, third.items] == [events[4:2:-1], events[2:0:-1], events[:1]]
    assert third.next_cursor is None
    assert event_list(user=system_admin, limit=2, oldest_first=True).items == events[:2]
    with pytest.raises(InvalidInput):
        event_list(user=system_admin, cursor="garbage!")


def test_object_trail_is_the_objects_events_oldest_first(reviewer, department, other_department):
    created = audit_record(actor=reviewer, action="orgs.department.create", obj=department)
    audit_record(actor=reviewer, action="orgs.department.create", obj=other_department)
    updated = audit_record(actor=reviewer, action="orgs.department.update", obj=department)
    assert list(object_trail(user=reviewer, obj=department)) == [created, updated]


def test_object_trail_is_never_shown_to_applicants(applicant, department):
    with pytest.raises(Forbidden):
        object_trail(user=applicant, obj=department)
