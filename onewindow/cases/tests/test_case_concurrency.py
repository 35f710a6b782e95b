"""Real concurrency on PostgreSQL (threads, each with its own connection and transaction): two
clerks answering the same case, twenty applicants submitting at once. The case row lock, the
number sequence's upsert and the audit chain head keep them apart; the chain stays unbroken."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections, transaction

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory, staff
from onewindow.audit.chain import chain_verify
from onewindow.audit.models import AuditEvent
from onewindow.cases import services
from onewindow.cases.choices import CaseAction, CaseStatus
from onewindow.cases.models import Case, CaseDocument, CaseNumberSequence, CaseStep
from onewindow.cases.numbers import close_number_connection
from onewindow.cases.services.base import documents_left_pending
from onewindow.cases.tests.factories import case_item, draft_case, make_county, submitted_case
from onewindow.common.errors import Conflict

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and real concurrency"),
    pytest.mark.django_db(transaction=True),
]

SUBMITTERS = 20


def run_at_once(calls: list[Callable[[], Any]]) -> tuple[list[Any], list[BaseException]]:
    """Run `calls` in as many threads released together; their results and errors."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = []
    errors: list[BaseException] = []

    def run(call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            with documents_left_pending():  # the PDFs are not what is tested here
                results.append(call())
        except BaseException as error:  # noqa: BLE001 - reported to the main thread
            errors.append(error)
        finally:
            close_number_connection()
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread hung (deadlock?)"
    return results, errors


@pytest.mark.parametrize("with_revision", [True, False], ids=["page-revision", "no-revision"])
def test_two_clerks_accepting_the_same_case_one_wins_the_other_is_told(with_revision):
    county = make_county()
    item = case_item(county.department)
    second_clerk = staff(Role.WINDOW_CLERK, region=county.region, real_name="陈窗口")
    case = submitted_case(county, item)
    seen = case.revision if with_revision else None

    results, errors = run_at_once(
        [
            lambda: services.case_accept(actor=county.clerk, case=Case.objects.get(pk=case.pk), expected_revision=seen),
            lambda: services.case_accept(actor=second_clerk, case=Case.objects.get(pk=case.pk), expected_revision=seen),
        ]
    )

    assert len(results) == 1 and len(errors) == 1
    assert isinstance(errors[0], Conflict)
    assert errors[0].code == ("case_stale" if with_revision else "case_transition_forbidden")
    case.refresh_from_db()
    assert (case.status, case.revision) == (CaseStatus.ACCEPTED, seen + 1 if seen is not None else 2)
    assert case.accepted_by in (county.clerk, second_clerk)
    assert CaseStep.objects.filter(case=case, action=CaseAction.ACCEPT).count() == 1
    assert AuditEvent.objects.filter(action="cases.case.accept").count() == 1
    assert CaseDocument.objects.filter(case=case).count() == 1
    report = chain_verify()
    assert report.ok, report


@pytest.mark.parametrize("autonomous", [False, True], ids=["in-transaction", "own-connection"])
def test_twenty_applicants_submitting_at_once_get_unique_numbers(settings, autonomous):
    settings.CASE_NUMBERS_AUTONOMOUS = autonomous
    county = make_county()
    item = case_item(county.department)
    applicants = [UserFactory(real_name=f"申请人{n}") for n in range(SUBMITTERS)]
    drafts = [draft_case(county, item, applicant=applicant) for applicant in applicants]

    results, errors = run_at_once(
        [lambda a=a, d=d: services.case_submit(actor=a, case=Case.objects.get(pk=d.pk)) for a, d in zip(applicants, drafts, strict=True)]
    )

    assert errors == []
    assert len(results) == SUBMITTERS
    numbers = sorted(Case.objects.filter(status=CaseStatus.SUBMITTED).values_list("number", flat=True))
    assert len(set(numbers)) == SUBMITTERS
    prefix = numbers[0][:-6]
    assert numbers == [f"{prefix}{n:06d}" for n in range(1, SUBMITTERS + 1)]
    assert CaseNumberSequence.objects.get(region_code=county.region.code).last == SUBMITTERS
    assert AuditEvent.objects.filter(action="cases.case.submit").count() == SUBMITTERS
    report = chain_verify()
    assert report.ok, report
    assert report.checked == AuditEvent.objects.count()


def test_an_autonomous_number_is_committed_on_its_own_a_failed_filing_leaves_a_gap_not_a_duplicate(settings):
    settings.CASE_NUMBERS_AUTONOMOUS = True
    county = make_county()
    item = case_item(county.department)
    first, second, third = (draft_case(county, item, applicant=UserFactory(real_name=f"申请人{n}")) for n in range(3))

    services.case_submit(actor=first.applicant_user, case=first)

    class Failed(Exception):
        pass

    with pytest.raises(Failed):
        with transaction.atomic():
            services.case_submit(actor=second.applicant_user, case=second)
            raise Failed
    services.case_submit(actor=third.applicant_user, case=third)
    close_number_connection()

    first.refresh_from_db(), second.refresh_from_db(), third.refresh_from_db()
    assert second.status == CaseStatus.DRAFT and second.number in (None, "")
    assert [first.number[-6:], third.number[-6:]] == ["000001", "000003"]
    assert CaseNumberSequence.objects.get(region_code=county.region.code).last == 3
    assert chain_verify().ok


def test_a_withdrawal_racing_an_acceptance_leaves_one_consistent_outcome():
    county = make_county()
    item = case_item(county.department)
    case = submitted_case(county, item)

    results, errors = run_at_once(
        [
            lambda: services.case_accept(actor=county.clerk, case=Case.objects.get(pk=case.pk)),
            lambda: services.case_withdraw(actor=county.clerk, case=Case.objects.get(pk=case.pk), reason="撤回"),
        ]
    )

    case.refresh_from_db()
    assert case.status == CaseStatus.WITHDRAWN
    steps = list(CaseStep.objects.filter(case=case).order_by("id").values_list("action", flat=True))
    if errors:  # the withdrawal came first: accepting a withdrawn case is refused
        assert [type(e) for e in errors] == [Conflict] and errors[0].code == "case_transition_forbidden"
        assert steps == [CaseAction.SUBMIT, CaseAction.WITHDRAW]
    else:  # the acceptance came first, then the withdrawal (allowed after acceptance)
        assert steps == [CaseAction.SUBMIT, CaseAction.ACCEPT, CaseAction.WITHDRAW]
    assert chain_verify().ok


def test_a_locked_case_does_not_hold_up_other_cases_of_its_department():
    """The case lock takes the case row alone, not its department, region or item version."""
    from django.db import transaction

    from onewindow.cases.services.base import lock

    county = make_county()
    item = case_item(county.department)
    busy, other = submitted_case(county, item), submitted_case(county, item)
    locked, done = threading.Event(), threading.Event()

    def hold() -> None:
        with transaction.atomic():
            lock(busy)
            locked.set()
            done.wait(timeout=10)  # holds the lock until the other case's acceptance finished (or gave up)

    def accept_other() -> Case:
        locked.wait(timeout=10)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '3s'")
            return services.case_accept(actor=county.clerk, case=Case.objects.get(pk=other.pk))
        finally:
            done.set()

    results, errors = run_at_once([hold, accept_other])

    assert errors == []
    assert Case.objects.get(pk=other.pk).status == CaseStatus.ACCEPTED
