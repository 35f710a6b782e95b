"""Factories for ratings: delivered cases of an applicant with an account, ratings, bad reviews brought to
every rectification state, window visits, and complaints in every state, all through the services (so
their timers, audit events and notifications are real).

`people = make_people()` gives the county (see `cases.tests.factories.make_county`) plus each
department's admin; `bad_review(people, item)` a pending rectification; `rectification_in(state, …)`
any state; `complaint_in(state, people)` any complaint state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onewindow.accounts.choices import Role
from onewindow.accounts.models import User
from onewindow.accounts.tests.factories import staff
from onewindow.cases.choices import CaseStatus
from onewindow.cases.models import Case
from onewindow.cases.tests.factories import County, case_in, make_county
from onewindow.catalog.models import ServiceItem
from onewindow.orgs.choices import WindowKind
from onewindow.orgs.models import Window
from onewindow.orgs.tests.factories import ServiceHallFactory, WindowFactory
from onewindow.ratings import services
from onewindow.ratings.choices import AppealDecision, ComplaintCategory, ComplaintChannel, RectificationState
from onewindow.ratings.models import Complaint, Rating, Rectification, WindowVisit

R = RectificationState


@dataclass
class People:
    """The cases factory's county and, for ratings, each department's admin and a window."""

    county: County
    admin: User
    other_admin: User
    window: Window

    def __getattr__(self, name: str) -> Any:
        return getattr(self.county, name)


def make_people() -> People:
    county = make_county()
    hall = ServiceHallFactory(region=county.region)
    return People(
        county=county,
        admin=staff(Role.DEPARTMENT_ADMIN, department=county.department, real_name="马管理"),
        other_admin=staff(Role.DEPARTMENT_ADMIN, department=county.other_department, real_name="冯管理"),
        window=WindowFactory(hall=hall, number="A01", kind=WindowKind.COMPREHENSIVE),
    )


def delivered_case(people: People, item: ServiceItem, *, status: str = CaseStatus.DELIVERED, applicant: User | None = None) -> Case:
    """A case brought to `status` through the services at the window, filed for `applicant`'s account
    (the account is linked afterwards: the window intake files walk-ins without one)."""
    case = case_in(status, people.county, item)
    Case.objects.filter(pk=case.pk).update(applicant_user=applicant or people.applicant)
    case.refresh_from_db()
    return case


def rate(people: People, case: Case, level: int = 5, **fields: Any) -> Rating:
    """The case's applicant rates it on the portal (a bad review gives a reason)."""
    if level <= 2:
        fields.setdefault("tags", ["服务态度差"])
    return services.rating_submit(actor=case.applicant_user, case=case, level=level, **fields)


def bad_review(people: People, item: ServiceItem, *, level: int = 1) -> Rectification:
    """A delivered case rated badly by its applicant: its rectification, waiting for the follow-up."""
    rating = rate(people, delivered_case(people, item), level=level)
    return rating.rectification


def rectification_in(state: str, people: People, item: ServiceItem) -> Rectification:
    """A bad review's rectification brought to `state` through the services (voided through an appeal)."""
    rectification = bad_review(people, item)
    admin, supervisor = people.admin, people.supervisor
    follow = lambda r: services.rectification_follow_up(actor=admin, rectification=r, note="已电话回访")  # noqa: E731
    steps: dict[str, list[Any]] = {
        R.PENDING_FOLLOW_UP: [],
        R.FOLLOWED_UP: [follow],
        R.RECTIFIED: [follow, lambda r: services.rectification_rectify(actor=admin, rectification=r, note="已培训")],
        R.APPEALED: [follow, lambda r: services.rectification_appeal(actor=admin, rectification=r, reason="恶意差评")],
    }
    steps[R.REPLIED] = [*steps[R.RECTIFIED], lambda r: services.rectification_reply(actor=admin, rectification=r, reply="已整改")]
    steps[R.REVISITED] = [
        *steps[R.REPLIED],
        lambda r: services.rectification_revisit(actor=people.applicant, rectification=r, satisfied=True),
    ]
    steps[R.VOIDED] = [
        *steps[R.APPEALED],
        lambda r: services.rectification_decide_appeal(actor=supervisor, rectification=r, decision=AppealDecision.VOIDED, opinion="恶意"),
    ]
    for step in steps[state]:
        rectification = step(rectification)
    rectification.refresh_from_db()
    assert rectification.state == state, (rectification.state, state)
    return rectification


def open_visit(people: People, *, department: Any = None) -> WindowVisit:
    return services.visit_open(actor=people.clerk, window=people.window, department=department or people.department)


def complaint(people: People, **fields: Any) -> Complaint:
    """A named complaint from the portal about the department (not yet assigned)."""
    values: dict[str, Any] = {
        "actor": None,
        "channel": ComplaintChannel.PORTAL,
        "category": ComplaintCategory.ATTITUDE,
        "content": "窗口人员态度差",
        "name": "王五",
        "phone": "13900000009",
        "reported_department": people.department,
    }
    values.update(fields)
    return services.complaint_submit(**values)


def complaint_in(state: str, people: People, **fields: Any) -> Complaint:
    """A complaint brought to `state`: received, assigned (to the department), replied, closed, rejected."""
    found = complaint(people, **fields)
    if state == "received":
        return found
    if state == "rejected":
        return services.complaint_reject(actor=people.supervisor, complaint=found, reason="与政务服务无关")
    if found.state == "received":
        found = services.complaint_assign(actor=people.supervisor, complaint=found, department=people.department)
    if state == "assigned":
        return found
    found = services.complaint_reply(actor=people.admin, complaint=found, reply="已核实并整改")
    if state == "replied":
        return found
    assert state == "closed", state
    return services.complaint_feedback(actor=None, complaint=found, satisfied=True, query_code=found.query_code)
