"""The demo county's cases: every status, worked through the services over recent months.

The demo is loaded once for the module (as `onewindow/demo/tests/test_demo_logins.py` does), with the
clock frozen on an ordinary Wednesday and 120 cases (the mix of the default 300 at a smaller scale,
to keep the suite quick); other days are tried with the small set of one case per path.
"""

import datetime as dt
from collections import Counter, defaultdict

import pytest
import time_machine
from django.db import transaction
from django.test import override_settings

from onewindow.accounts.models import User
from onewindow.audit.models import AuditEvent
from onewindow.cases import demo as cases_demo
from onewindow.cases.choices import FINAL_STATUSES, OPEN_STATUSES, CaseStatus, Channel, Decision, DocumentKind, DocumentState
from onewindow.cases.models import Case, CaseDocument, CaseStep, StageTask
from onewindow.cases.selectors import my_cases, task_queue
from onewindow.cases.services.timers import QUEUE_KINDS
from onewindow.catalog.choices import ItemKind
from onewindow.catalog.selectors import current_items
from onewindow.common import time
from onewindow.common.identity import normalize_resident_id, normalize_uscc
from onewindow.deadlines import kinds
from onewindow.deadlines.choices import OPEN_STATES
from onewindow.deadlines.models import Deadline
from onewindow.demo.county import COUNTY_CODE
from onewindow.demo.loader import Tally, load_demo
from onewindow.orgs.models import Region

MOMENT = dt.datetime(2026, 11, 18, 10, 30, tzinfo=time.LOCAL_TZ)  # a Wednesday
COUNT = 120
S = CaseStatus


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo with its cases, loaded once inside a transaction rolled back at the module's end."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        time_machine.travel(MOMENT, tick=False),
        override_settings(DEMO_CASES=COUNT),
    ):
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded, db):
    """Each test runs in a savepoint inside the module's transaction."""
    return loaded


def _cases():
    return list(Case.objects.filter(region_code=COUNTY_CODE).select_related("applicant_user", "department"))


def test_cases_in_every_status_of_many_items_and_departments(demo):
    cases = _cases()
    assert COUNT - 10 <= len(cases) <= COUNT + 10
    assert demo.tallies["办件"] == Tally(created=len(cases))
    assert {c.status for c in cases} == set(S.values) - {S.DRAFT}
    assert {c.channel for c in cases} == set(Channel.values)
    assert {c.applicant_kind for c in cases} == {"person", "enterprise"}
    assert len({c.department_id for c in cases}) >= 12
    assert len({c.item_id for c in cases}) >= 40
    assert {c.decision for c in cases if c.status in (S.DECIDED, S.DELIVERED, S.CLOSED)} == set(Decision.values)
    assert any(c.deemed_accepted for c in cases)
    assert any(c.extended_days for c in cases)
    assert any(c.has_gaps for c in cases if c.is_open)
    assert any(c.item_version.kind == ItemKind.ON_THE_SPOT for c in cases if c.status == S.CLOSED)
    # spread over about four months before today
    submitted = sorted(c.submitted_at for c in cases)
    assert MOMENT - dt.timedelta(days=170) <= submitted[0] < MOMENT - dt.timedelta(days=90)
    assert submitted[-1] <= MOMENT
    for case in cases:
        if case.applicant_kind == "person":
            assert normalize_resident_id(case.applicant_id_number) == case.applicant_id_number
        else:
            assert normalize_uscc(case.applicant_id_number) == case.applicant_id_number


def test_open_cases_show_every_colour_and_no_timer_the_scan_would_act_on_is_overdue(demo):
    today = time.today()
    colours = defaultdict(set)
    for case in _cases():
        if case.is_open:
            colours[case.status].add(case.color(today))
    for status in (S.CORRECTION_REQUESTED, S.ACCEPTED, S.IN_REVIEW, S.DECIDED):
        assert colours[status] == {"green", "yellow", "red"}, status
    assert colours[S.SUBMITTED] == {"green", "yellow"}
    assert colours[S.SUSPENDED] == {"gray"}
    running = Deadline.objects.filter(state="running", due_on__lt=today)
    assert not running.filter(kind__in=[kinds.CASE_ACCEPTANCE, kinds.CASE_GAP_SUPPLY]).exists()


def test_the_demo_applicants_find_their_cases_and_the_staff_their_queues(demo):
    for username, kind in (("demo-applicant", "person"), ("demo-enterprise", "enterprise")):
        user = User.objects.get(username=username)
        mine = my_cases(user=user, limit=100).items
        assert len(mine) >= 5, username
        assert {c.applicant_kind for c in mine} == {kind}
        assert {c.applicant_id_number for c in mine} == {user.id_number if kind == "person" else user.uscc}
        assert len({c.status for c in mine}) >= 3
    assert Case.objects.filter(applicant_user__username="demo-enterprise", channel=Channel.API).exists()
    for username in ("demo-clerk", "demo-reviewer", "demo-reviewer2"):
        assert task_queue(user=User.objects.get(username=username)).items, username


def test_every_case_agrees_with_its_steps_tasks_and_timers(demo):
    timers = defaultdict(list)
    for deadline in Deadline.objects.filter(state__in=OPEN_STATES):
        timers[(deadline.subject_type, deadline.subject_id)].append(deadline)
    steps = defaultdict(list)
    for step in CaseStep.objects.order_by("at", "id"):
        steps[step.case_id].append(step)
    for case in _cases():
        trail = steps[case.pk]
        assert (trail[0].action, trail[0].from_status) == ("submit", S.DRAFT), case
        assert all(later.from_status == earlier.to_status for earlier, later in zip(trail, trail[1:], strict=False)), case
        assert trail[-1].to_status == case.status
        assert trail[0].at == case.submitted_at and trail[-1].at <= MOMENT
        open_timers = {d.kind: d for d in timers[("cases.case", str(case.pk))]}
        leading = next((open_timers[k] for k in QUEUE_KINDS if k in open_timers), None)
        assert case.due_on == (leading.due_on if leading else None), case
        assert case.warn_on == (leading.warn_on if leading else None), case
        if case.status in FINAL_STATUSES:
            assert not open_timers and case.ended_at is not None, case
        elif case.status in OPEN_STATUSES and case.status != S.SUSPENDED:
            assert leading is not None and leading.state == "running", case
    resumed = set(CaseStep.objects.filter(action="resume").values_list("case_id", flat=True))
    for task in StageTask.objects.filter(state="open", case__region_code=COUNTY_CODE).exclude(case__in=resumed):
        assert task.case.status in OPEN_STATUSES
        (timer,) = timers[("cases.stagetask", str(task.pk))]
        assert task.due_on == timer.due_on


def test_open_tasks_of_resumed_cases_keep_their_timer_date(demo):
    resumed = CaseStep.objects.filter(action="resume").values_list("case_id", flat=True)
    tasks = StageTask.objects.filter(state="open", case__in=resumed)
    assert tasks
    for task in tasks:
        (timer,) = Deadline.objects.filter(subject_type="cases.stagetask", subject_id=str(task.pk), state__in=OPEN_STATES)
        assert task.due_on == timer.due_on


def test_steps_are_audited_and_documents_left_for_the_worker(demo):
    assert AuditEvent.objects.filter(action__startswith="cases.case.").count() == CaseStep.objects.count()
    documents = CaseDocument.objects.all()
    assert {d.state for d in documents} == {DocumentState.PENDING}
    assert not any(d.file for d in documents)
    assert set(documents.values_list("kind", flat=True)) == set(DocumentKind.values) - {DocumentKind.RECEIPT}
    accepted = Case.objects.filter(accepted_at__isnull=False)
    assert accepted.count() == accepted.filter(documents__kind=DocumentKind.ACCEPTANCE_NOTICE).distinct().count()


def test_loading_again_files_no_case(demo):
    counts = (Case.objects.count(), CaseStep.objects.count(), AuditEvent.objects.count())
    again = load_demo()
    assert again.tallies["办件"] == Tally(unchanged=counts[0])
    assert not again.changed
    assert (Case.objects.count(), CaseStep.objects.count(), AuditEvent.objects.count()) == counts


def _play(load, wanted):
    """A case per target, filed and worked now (the county has cases already, so not through the loader)."""
    case_demo = cases_demo.CaseDemo(
        region=load.regions[COUNTY_CODE], users=load.users, departments=load.departments, window=load.windows[("center", "A01")]
    )
    runs = case_demo.plan(wanted(case_demo))
    case_demo.play(runs)
    return runs


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(2026, 10, 5, 9, 0, tzinfo=time.LOCAL_TZ),  # inside the National Day holiday
        dt.datetime(2026, 10, 10, 0, 5, tzinfo=time.LOCAL_TZ),  # a Saturday worked in lieu (调休), just after midnight
        dt.datetime(2027, 3, 1, 16, 45, tzinfo=time.LOCAL_TZ),  # a year the holiday package may not know yet
    ],
)
def test_every_path_reaches_its_status_and_colour_on_other_days(demo, moment):
    with time_machine.travel(moment, tick=False):
        runs = _play(demo, lambda d: cases_demo.targets(1, deemed_approval=d.deemed_approval))
        today = time.today()
        for run in runs:
            case = run.current
            case.refresh_from_db()
            assert case.status == run.target.status, (run.target, run.version.name)
            if run.target.color:
                assert case.color(today) == run.target.color, (run.target, run.version.name)
            assert max(case.steps.values_list("at", flat=True)) <= moment


def test_deemed_approval_is_shown_where_an_item_allows_it(demo):
    version = current_items(region=Region.objects.get(code=COUNTY_CODE)).filter(kind=ItemKind.PROMISED, promised_limit_days=5).first()
    version.deemed_approval = True
    version.save(update_fields=["deemed_approval"])
    runs = _play(demo, lambda d: [cases_demo.Target(S.DECIDED, "", "deemed_approved"), cases_demo.Target(S.CLOSED, "", "deemed_approved")])
    for run in runs:
        case = run.current
        case.refresh_from_db()
        assert (case.status, case.decision, case.deemed_approved, case.decided_by) == (run.target.status, "granted", True, None)
        assert case.item_version == version
    assert Counter(r.current.status for r in runs) == Counter({S.DECIDED: 1, S.CLOSED: 1})


def test_the_demo_shows_todays_cards_and_orders_in_several_states(demo):
    from onewindow.supervision.choices import CardColor, OrderStatus
    from onewindow.supervision.models import Card, SupervisionOrder

    colors = Counter(Card.objects.filter(region_code__startswith=COUNTY_CODE).values_list("color", flat=True))
    statuses = set(SupervisionOrder.objects.values_list("status", flat=True))
    assert colors[CardColor.YELLOW] > 0 and colors[CardColor.RED] > 0
    assert {OrderStatus.OPEN, OrderStatus.REPLIED, OrderStatus.CLOSED} <= statuses
    assert SupervisionOrder.objects.filter(card__isnull=True, opened_by__username="demo-supervisor").exists()
    # Every red card of a timer that opens orders has its order.
    from onewindow.supervision import policy

    reds = Card.objects.filter(color=CardColor.RED)
    assert all(hasattr(card, "order") for card in reds if policy.opens_order(card.kind) and card.department_id)
