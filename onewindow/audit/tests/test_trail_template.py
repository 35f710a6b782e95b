"""templates/audit/_trail.html: time in Asia/Shanghai, actor, action and the changed fields."""

import datetime as dt

import pytest
import time_machine
from django.template.loader import render_to_string

from onewindow.audit.selectors import object_trail
from onewindow.audit.services import audit_record

pytestmark = pytest.mark.django_db


def test_the_trail_shows_time_actor_action_and_only_the_changed_fields(reviewer, department):
    with time_machine.travel(dt.datetime(2026, 5, 1, 17, 5, tzinfo=dt.UTC), tick=False):
        audit_record(
            actor=reviewer,
            action="orgs.department.update",
            obj=department,
            before={"name": "市场监管局", "phone": "0571-1", "is_active": True},
            after={"name": "市场监督管理局", "phone": "0571-1", "is_active": False},
        )
    html = render_to_string("audit/_trail.html", {"events": object_trail(user=reviewer, obj=department)})
    assert "2026-05-02 01:05:00" in html
    assert reviewer.display_name in html
    assert "orgs.department.update" in html
    assert "市场监管局" in html and "市场监督管理局" in html
    assert "0571-1" not in html
    assert "是" in html and "否" in html


def test_an_empty_trail_says_so():
    assert "暂无审计记录" in render_to_string("audit/_trail.html", {"events": []})
