"""Real concurrency on PostgreSQL: two leaders answering one order, a scan racing a service on a card."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff
from onewindow.audit.chain import chain_verify
from onewindow.cases.tests.factories import case_item, make_county
from onewindow.cases.tests.test_case_concurrency import run_at_once
from onewindow.common.errors import Conflict
from onewindow.supervision import services
from onewindow.supervision.models import Card, SupervisionOrder
from onewindow.supervision.tests.support import at, scan, submitted_on, timer

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real concurrency"),
    pytest.mark.django_db(transaction=True),
]


def test_two_leaders_answering_one_order_one_wins_the_other_is_told():
    county = make_county()
    item = case_item(county.department)
    case = submitted_on(county, item, "2026-09-28")
    scan(timer(case).due_on + dt.timedelta(days=1))
    order = SupervisionOrder.objects.get()
    admin = staff(Role.DEPARTMENT_ADMIN, department=county.department)

    def reply(user, text):
        def call():
            with time_machine.travel(at("2026-10-12", 10), tick=False):
                return services.order_reply(actor=user, order=order, reply=text, expected_revision=order.revision)

        return call

    results, errors = run_at_once([reply(county.chief, "首席代表答复"), reply(admin, "部门管理员答复")])

    assert len(results) == 1 and len(errors) == 1 and isinstance(errors[0], Conflict)
    stored = SupervisionOrder.objects.get()
    assert (stored.status, stored.reply) == ("replied", results[0].reply)
    assert chain_verify().ok


def test_concurrent_scans_issue_each_card_once():
    county = make_county()
    item = case_item(county.department)
    cases = [submitted_on(county, item, "2026-09-28") for _ in range(5)]
    day = timer(cases[0]).due_on + dt.timedelta(days=1)

    results, errors = run_at_once([lambda: scan(day), lambda: scan(day)])

    assert not errors
    assert Card.objects.filter(color="red", kind="case_acceptance").count() == 5
    assert SupervisionOrder.objects.count() == 5
    assert chain_verify().ok


def test_two_supervisors_opening_an_order_on_one_case_open_one():
    county = make_county()
    item = case_item(county.department)
    case = submitted_on(county, item, "2026-09-28")
    second = staff(Role.SUPERVISOR, region=county.region, real_name="钱监察")

    def open_by(user):
        return lambda: services.order_open(actor=user, case=case, reason="群众反映办理缓慢")

    results, errors = run_at_once([open_by(county.supervisor), open_by(second)])

    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], Conflict) and errors[0].code == "order_exists"
    assert SupervisionOrder.objects.filter(subject_id=str(case.pk)).count() == 1
    assert chain_verify().ok
