"""The permission matrix's machinery: the URL patterns of the project, the people who knock on
them, the county their requests name, and what "allowed" and "refused" mean for a response.

`tests/test_permission_matrix.py` holds the table (pattern → who may open it); this module
walks the URL conf, builds the county once per module and judges each response.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.models import User
from onewindow.accounts.services import token_create
from onewindow.accounts.tests.factories import UserFactory, grant
from onewindow.cases import services as case_services
from onewindow.cases.choices import CaseStatus
from onewindow.cases.documents.render import render_document
from onewindow.cases.models import Case, CaseDocument
from onewindow.cases.tests.factories import (
    OTHER_PERSON_ID,
    PDF_BYTES,
    PERSON_ID,
    County,
    case_in,
    case_item,
    draft_case,
    online_case,
    submitted_case,
)
from onewindow.catalog import services as catalog_services
from onewindow.catalog.choices import ChangeRequestStatus, EntryState
from onewindow.catalog.models import ChangeRequest, ServiceItem, ServiceItemVersion
from onewindow.catalog.tests.documents import item_document
from onewindow.catalog.tests.factories import ThemeFactory
from onewindow.common import time
from onewindow.deadlines.scan import deadline_scan
from onewindow.notifications.choices import Channel
from onewindow.notifications.services import notification_queue
from onewindow.orgs.models import Department, Region, Unit
from onewindow.orgs.tests.factories import CountyFactory, DepartmentFactory, ServiceHallFactory, WindowFactory
from onewindow.ratings import services as rating_services
from onewindow.ratings.choices import ComplaintChannel
from onewindow.ratings.links import case_token
from onewindow.ratings.models import Complaint, Rectification
from onewindow.supervision import services as supervision_services
from onewindow.supervision.models import Card, SupervisionOrder
from onewindow.workdays.services import schedule_enter

# The moment every request is made at (a Wednesday), so deadlines and dates do not drift.
MOMENT = dt.datetime(2026, 11, 18, 10, 30, tzinfo=time.LOCAL_TZ)

# Who knocks ------------------------------------------------------------------------------------

ANONYMOUS = "anonymous"
APPLICANT = "applicant"  # the citizen who filed the cases, owns the draft, the message and the token
OTHER_APPLICANT = "other_applicant"  # another citizen
CLERK = "window_clerk"  # region role, the county
REVIEWER = "reviewer"  # department roles, the owning department
DECIDER = "decider"
CHIEF = "chief_representative"
INSPECTOR = "inspector"
DEPARTMENT_ADMIN = "department_admin"
SUPERVISOR = "supervisor"  # region roles, the county
LIST_MANAGER = "list_manager"
SYSTEM_ADMIN = "system_admin"
OTHER_DEPARTMENT = "other_department_staff"  # every department role, in another department of the county
OTHER_COUNTY = "other_county_staff"  # every role, in the neighbouring county (region roles) and a department of it
SUPERUSER = "superuser"

PERSONAS = (
    ANONYMOUS,
    APPLICANT,
    OTHER_APPLICANT,
    CLERK,
    REVIEWER,
    DECIDER,
    CHIEF,
    INSPECTOR,
    DEPARTMENT_ADMIN,
    SUPERVISOR,
    LIST_MANAGER,
    SYSTEM_ADMIN,
    OTHER_DEPARTMENT,
    OTHER_COUNTY,
    SUPERUSER,
)

EVERYONE = frozenset(PERSONAS)
SIGNED_IN = EVERYONE - {ANONYMOUS}
STAFF = SIGNED_IN - {APPLICANT, OTHER_APPLICANT}
# Staff who see the owning department's cases (cases.models.CASE_STAFF_ROLES within their reach).
CASE_STAFF = frozenset({CLERK, REVIEWER, DECIDER, CHIEF, DEPARTMENT_ADMIN, SUPERVISOR, SYSTEM_ADMIN, SUPERUSER})


@dataclass(frozen=True)
class Rule:
    """Who may have a pattern answered: in words (for the reader) and as the personas it admits."""

    words: str
    allowed: frozenset[str]


def rule(words: str, *personas: str | frozenset[str]) -> Rule:
    """A rule admitting `personas` (names or sets of them), and superusers."""
    allowed: set[str] = {SUPERUSER}
    for persona in personas:
        allowed |= {persona} if isinstance(persona, str) else persona
    return Rule(words, frozenset(allowed))


# The rules the table names ("(any region)": a role held anywhere will do; else within reach).
PUBLIC = rule("public", EVERYONE)
ANY_USER = rule("signed in", SIGNED_IN)
ANY_STAFF = rule("staff (any role, any region)", STAFF)
# Only the owner: a superuser does not see another person's drafts, messages or tokens either.
OWNER = Rule("the applicant who owns it", frozenset({APPLICANT}))
CASE_VIEWERS = rule("staff who see the department's cases", CASE_STAFF)
CASE_PARTIES = rule("the case's applicant, staff who see the department's cases", CASE_STAFF, APPLICANT)
ANY_CLERK = rule("window clerks (any region)", CLERK, OTHER_COUNTY)
CLERKS = rule("window clerks of the item's region", CLERK)
ANSWERERS = rule("clerks of the region; reviewers, chief representatives of the department", CLERK, REVIEWER, CHIEF)
STAGE_HOLDERS = rule("the open stage's role (reviewer) in the department", REVIEWER)
PROCEDURE_STAFF = rule("reviewers, deciders, chief representatives of the department", REVIEWER, DECIDER, CHIEF)
DECIDERS = rule("deciders of the department", DECIDER)
DELIVERERS = rule("clerks of the region; chief representatives of the department", CLERK, CHIEF)
APPLICANT_OR_CLERK = rule("the case's applicant; clerks of the region on their behalf", APPLICANT, CLERK)
GAP_SUPPLIERS = rule("the case's applicant; clerks of the region; reviewers, chief representatives", APPLICANT, CLERK, REVIEWER, CHIEF)
LIST_STAFF = rule("list managers, department admins (any region)", DEPARTMENT_ADMIN, LIST_MANAGER, OTHER_DEPARTMENT, OTHER_COUNTY)
DRAFTERS = rule("the request's department admin; list managers of its region", DEPARTMENT_ADMIN, LIST_MANAGER)
LIST_MANAGERS = rule("list managers of the region", LIST_MANAGER)
ANY_LIST_MANAGER = rule("list managers (any region)", LIST_MANAGER, OTHER_COUNTY)
METRICS_READERS = rule(
    "list managers, system admins, department admins (any region)",
    DEPARTMENT_ADMIN,
    LIST_MANAGER,
    SYSTEM_ADMIN,
    OTHER_DEPARTMENT,
    OTHER_COUNTY,
)
UNIT_KEEPERS = rule("the department's admin; system admins of its region", DEPARTMENT_ADMIN, SYSTEM_ADMIN)
HALL_KEEPERS = rule("system admins of the hall's region", SYSTEM_ADMIN)
# The working-day calendar is one for the whole deployment: a system admin of any region enters it.
ANY_SYSTEM_ADMIN = rule("system admins (any region)", SYSTEM_ADMIN, OTHER_COUNTY)
SUPERVISION_VIEWERS = rule(
    "supervisors of the region; the department's staff", SUPERVISOR, REVIEWER, DECIDER, CHIEF, INSPECTOR, DEPARTMENT_ADMIN
)
SUPERVISORS = rule("supervisors of the region", SUPERVISOR)
# Statistics: anyone with a department role or a supervisor of any region opens them, each seeing
# their own reach; asking for one department is for its staff and the region's supervisors.
STATISTICS_READERS = rule(
    "department staff and supervisors (any region, each their own reach)",
    REVIEWER,
    DECIDER,
    CHIEF,
    INSPECTOR,
    DEPARTMENT_ADMIN,
    SUPERVISOR,
    OTHER_DEPARTMENT,
    OTHER_COUNTY,
)
ANY_SUPERVISOR = rule("supervisors (any region)", SUPERVISOR, OTHER_COUNTY)
REPLIERS = rule("the department's leaders: department admin, chief representative, decider", DEPARTMENT_ADMIN, CHIEF, DECIDER)
# Ratings (好差评) and complaints: the department's staff who work its bad reviews, supervisors of the region.
RATING_READERS = rule(
    "the department's admin, chief representative, reviewers; supervisors of the region", REVIEWER, CHIEF, DEPARTMENT_ADMIN, SUPERVISOR
)
ANY_RATING_READER = rule(
    "department admins, chief representatives, reviewers, supervisors (any region)",
    REVIEWER,
    CHIEF,
    DEPARTMENT_ADMIN,
    SUPERVISOR,
    OTHER_DEPARTMENT,
    OTHER_COUNTY,
)
RATING_FOLLOWERS = rule("the department's admin, chief representative, reviewers", REVIEWER, CHIEF, DEPARTMENT_ADMIN)
RECTIFIERS = rule("the department's admin and chief representative", CHIEF, DEPARTMENT_ADMIN)
RATING_PARTIES = rule(
    "the rater; the department's admin, chief representative, reviewers; supervisors of the region", APPLICANT, RATING_READERS.allowed
)
# The signed SMS link stands for the applicant: anyone holding it, but never the case's handlers or its department's staff.
LINK_HOLDERS = rule(
    "whoever holds the signed link, except the case's handlers and its department's staff",
    ANONYMOUS,
    APPLICANT,
    OTHER_APPLICANT,
    SUPERVISOR,
    LIST_MANAGER,
    SYSTEM_ADMIN,
    OTHER_DEPARTMENT,
    OTHER_COUNTY,
)
ANY_COMPLAINT_STAFF = rule(
    "supervisors, department admins, chief representatives (any region)",
    SUPERVISOR,
    DEPARTMENT_ADMIN,
    CHIEF,
    OTHER_DEPARTMENT,
    OTHER_COUNTY,
)
COMPLAINT_STAFF = rule(
    "supervisors of the region; the assigned department's admin and chief representative", SUPERVISOR, DEPARTMENT_ADMIN, CHIEF
)
HOTLINE_STAFF = rule("supervisors and window clerks (any region)", SUPERVISOR, CLERK, OTHER_COUNTY)
ANY_VISIT_STAFF = rule("window clerks, chief representatives (any region)", CLERK, CHIEF, OTHER_DEPARTMENT, OTHER_COUNTY)
VISIT_VIEWERS = rule("the clerk who served the visit; the department's chief representative", CLERK, CHIEF)
# audit.permissions.can_read_trail does not look at the role's region: a neighbouring county's
# supervisor or system admin reads this county's trail too (as the code means it to, for now).
TRAIL_READERS = rule("system admins, supervisors (any region)", SUPERVISOR, SYSTEM_ADMIN, OTHER_COUNTY)

ALL_DEPARTMENT_ROLES = (Role.REVIEWER, Role.DECIDER, Role.CHIEF_REPRESENTATIVE, Role.INSPECTOR, Role.DEPARTMENT_ADMIN)
ALL_REGION_ROLES = (Role.WINDOW_CLERK, Role.SUPERVISOR, Role.LIST_MANAGER, Role.SYSTEM_ADMIN)
# Persona → (department roles in the owning department, region roles in the county).
OWN_ROLES: dict[str, tuple[tuple[Role, ...], tuple[Role, ...]]] = {
    CLERK: ((), (Role.WINDOW_CLERK,)),
    REVIEWER: ((Role.REVIEWER,), ()),
    DECIDER: ((Role.DECIDER,), ()),
    CHIEF: ((Role.CHIEF_REPRESENTATIVE,), ()),
    INSPECTOR: ((Role.INSPECTOR,), ()),
    DEPARTMENT_ADMIN: ((Role.DEPARTMENT_ADMIN,), ()),
    SUPERVISOR: ((), (Role.SUPERVISOR,)),
    LIST_MANAGER: ((), (Role.LIST_MANAGER,)),
    SYSTEM_ADMIN: ((), (Role.SYSTEM_ADMIN,)),
}
# role_grant makes holders of the admin roles Django staff (the management site); so do we.
IS_STAFF = frozenset({DEPARTMENT_ADMIN, SYSTEM_ADMIN, OTHER_DEPARTMENT, OTHER_COUNTY, SUPERUSER})


# The URL conf ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    """One URL pattern: its whole route, its namespaced name, and the pattern object."""

    route: str
    name: str
    namespace: str
    pattern: URLPattern = field(compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.route, self.name)


def url_patterns(resolver: URLResolver | None = None, prefix: str = "", namespace: str = "") -> Iterator[Pattern]:
    """Every pattern of the URL conf, nested resolvers walked (django-ninja's operations included)."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from url_patterns(entry, prefix + str(entry.pattern), inner)
        else:
            name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name or ""
            yield Pattern(prefix + str(entry.pattern), name, namespace, entry)


def api_methods(pattern: URLPattern) -> tuple[str, ...]:
    """The HTTP methods of the django-ninja operation behind `pattern` (empty for any other view).

    Ninja gives every operation a pattern of its own, all of one path sharing one view that
    dispatches by method; the operation is the one whose URL name the pattern carries."""
    from ninja.operation import PathView

    for cell in getattr(pattern.callback, "__closure__", None) or ():
        view = cell.cell_contents
        if isinstance(view, PathView):
            for operation in view.operations:
                if (getattr(operation, "url_name", None) or operation.view_func.__name__) == pattern.name:
                    return tuple(operation.methods)
    return ()


_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def fill(route: str, values: Mapping[str, Any]) -> str:
    """The path of `route` with its parameters replaced by `values`."""
    return "/" + _PARAMETER.sub(lambda match: quote(str(values[match.group(1)]), safe="/"), route)


# The county the requests name ------------------------------------------------------------------


@dataclass
class World:
    """What the probes name: the people (by persona) and the objects, by primary key or code."""

    users: dict[str, int]
    tokens: dict[str, str]  # persona → bearer token
    sessions: dict[str, str]  # persona → session key (signed in once, the per-test savepoint undoes any change)
    cases: dict[str, str]  # setup → case number
    ids: dict[str, Any]

    def user(self, persona: str) -> User:
        return User.objects.get(pk=self.users[persona])

    def order_revision(self, order: str) -> int:
        return SupervisionOrder.objects.values_list("revision", flat=True).get(number=self.ids[order])

    def rectification_revision(self, key: str) -> int:
        return Rectification.objects.values_list("revision", flat=True).get(pk=self.ids[key])

    def complaint_revision(self, key: str) -> int:
        return Complaint.objects.values_list("revision", flat=True).get(number=self.ids[key])

    def revision(self, setup: str) -> int:
        """The case's revision now (a page posts the one it showed)."""
        return Case.objects.values_list("revision", flat=True).get(number=self.cases[setup])


def _person(persona: str, **fields: Any) -> User:
    return UserFactory(username=f"pm-{persona}", real_name=f"矩阵{persona}", **fields)


def _staff(persona: str, department: Department, region: Region, roles: tuple[tuple[Role, ...], tuple[Role, ...]]) -> User:
    user = _person(persona, is_staff=persona in IS_STAFF)
    department_roles, region_roles = roles
    for role in department_roles:
        grant(user, role, department=department)
    for role in region_roles:
        grant(user, role, region=region)
    return user


def _people(county: Region, department: Department, other_department: Department, other_county: Region) -> dict[str, User]:
    far_department = DepartmentFactory(region=other_county, name="邻县市场监督管理局")
    return {
        APPLICANT: _person(APPLICANT, id_number=PERSON_ID, phone="13800000001"),
        OTHER_APPLICANT: _person(OTHER_APPLICANT, id_number=OTHER_PERSON_ID, phone="13800000002"),
        **{persona: _staff(persona, department, county, roles) for persona, roles in OWN_ROLES.items()},
        OTHER_DEPARTMENT: _staff(OTHER_DEPARTMENT, other_department, county, (ALL_DEPARTMENT_ROLES, ())),
        OTHER_COUNTY: _staff(OTHER_COUNTY, far_department, other_county, (ALL_DEPARTMENT_ROLES, ALL_REGION_ROLES)),
        SUPERUSER: _person(SUPERUSER, is_staff=True, is_superuser=True),
    }


def _change_requests(people: dict[str, User], county: Region, department: Department) -> dict[str, Any]:
    """A published request (the county's catalog version 1), a draft with one entry, a submitted one."""
    admin, manager = people[DEPARTMENT_ADMIN], people[LIST_MANAGER]

    def drafted(title: str, code: str) -> tuple[ChangeRequest, ServiceItemVersion]:
        request = catalog_services.change_request_create(
            actor=admin,
            region=county,
            department=department,
            list_kind="service",
            kind="add",
            title=title,
            reason="依法新增政务服务事项",
            legal_basis="《中华人民共和国行政许可法》第十二条",
        )
        entry = catalog_services.change_request_save_draft(
            actor=admin, change_request=request, document=item_document(implementation_code=code, name=title)
        )
        return request, entry

    published, _ = drafted("食品经营许可", "11990123MB00000010001")
    catalog_services.change_request_submit(actor=admin, change_request=published)
    catalog_services.change_request_publish(actor=manager, change_request=published)
    draft, entry = drafted(DRAFT_REQUEST_TITLE, "11990123MB00000010002")
    submitted, _ = drafted("食品小作坊登记", "11990123MB00000010003")
    catalog_services.change_request_submit(actor=admin, change_request=submitted)
    assert ChangeRequest.objects.get(pk=draft.pk).status == ChangeRequestStatus.DRAFT
    assert ServiceItemVersion.objects.get(pk=entry.pk).state == EntryState.DRAFT
    return {
        "published_item_code": "11990123MB00000010001",
        "draft_cr": draft.pk,
        "draft_entry": entry.pk,
        "draft_entry_code": "11990123MB00000010002",
        "submitted_cr": submitted.pk,
    }


CASE_SETUPS = {
    "filed": CaseStatus.SUBMITTED,  # at the window: paper materials, nothing left as a gap
    "correction": CaseStatus.CORRECTION_REQUESTED,
    "accepted": CaseStatus.ACCEPTED,
    "in_review": CaseStatus.IN_REVIEW,
    "suspended": CaseStatus.SUSPENDED,
    "decided": CaseStatus.DECIDED,
    "delivered": CaseStatus.DELIVERED,
}


def _cases(county: County, people: dict[str, User], item: ServiceItem) -> tuple[dict[str, str], dict[str, Any]]:
    """The applicant's online case (submitted), a case in each later status (made the applicant's),
    one accepted with a gap, and the applicant's draft."""
    submitted = online_case(county, item)
    built = {setup: case_in(status, county, item) for setup, status in CASE_SETUPS.items()}
    built["gaps"] = case_in(CaseStatus.ACCEPTED, county, item, gaps=True)
    Case.objects.filter(pk__in=[case.pk for case in built.values()]).update(applicant_user=people[APPLICANT])
    draft = draft_case(county, item)
    document = CaseDocument.objects.filter(case=built["decided"]).order_by("pk").first()
    assert document is not None
    render_document(document.pk)
    document.refresh_from_db()
    review_task = built["accepted"].tasks.filter(state="open", kind="review").values_list("pk", flat=True).first()
    numbers = {"submitted": str(submitted.number), **{setup: str(case.number) for setup, case in built.items()}}
    ids = {
        "item_code": item.implementation_code,
        "submitted_pk": submitted.pk,
        "query_code": submitted.query_code,
        "draft_case": draft.pk,
        "document": document.pk,
        "verification_code": document.verification_code,
        "review_task": review_task,
    }
    return numbers, ids


def _supervision(county: County, item: ServiceItem) -> dict[str, Any]:
    """Two applications left unanswered and a review stage left overdue a week before MOMENT, then
    the deadline scan: red cards, a 督办 order on each unanswered application (one of them answered
    by the department), and the stage's red card, on which no order opens by itself."""
    with time_machine.travel(dt.datetime(2026, 11, 2, 9, tzinfo=time.LOCAL_TZ), tick=False):
        unanswered = [submitted_case(county, item) for _ in range(2)]
        stage_late = case_services.case_accept(actor=county.clerk, case=submitted_case(county, item))
    with time_machine.travel(dt.datetime(2026, 11, 10, 1, tzinfo=time.LOCAL_TZ), tick=False):
        assert deadline_scan(today=dt.date(2026, 11, 10)).failed == 0
    open_order, answered = (SupervisionOrder.objects.get(subject_id=str(case.pk)) for case in unanswered)
    supervision_services.order_reply(actor=county.chief, order=answered, reply="已受理,今后按期答复。")
    tasks = [str(pk) for pk in stage_late.tasks.values_list("pk", flat=True)]
    stage_card = Card.objects.get(subject_type="cases.stagetask", subject_id__in=tasks, color="red")
    assert not SupervisionOrder.objects.filter(card=stage_card).exists()
    return {
        "open_order": open_order.number,
        "answered_order": answered.number,
        "stage_card": stage_card.pk,
        "stage_late_case": stage_late.number,
    }


def _ratings(county: County, people: dict[str, User], item: ServiceItem, window: Any) -> dict[str, Any]:
    """The applicant's delivered cases: one not yet rated, four rated badly (the reviews waiting for the
    follow-up, followed up, answered, appealed); complaints received, assigned to the department and
    answered; a window visit the clerk opened."""

    def delivered() -> Case:
        case = case_in(CaseStatus.DELIVERED, county, item)
        Case.objects.filter(pk=case.pk).update(applicant_user=people[APPLICANT])
        case.refresh_from_db()
        return case

    def bad_review() -> Rectification:
        rating = rating_services.rating_submit(actor=people[APPLICANT], case=delivered(), level=1, tags=["服务态度差"])
        return rating.rectification

    admin = people[DEPARTMENT_ADMIN]
    pending, followed, replied, appealed = (bad_review() for _ in range(4))
    for rectification in (followed, replied, appealed):
        rating_services.rectification_follow_up(actor=admin, rectification=rectification, note="已电话回访")
    rating_services.rectification_rectify(actor=admin, rectification=replied, note="已培训窗口人员")
    rating_services.rectification_reply(actor=admin, rectification=replied, reply="已整改,欢迎监督")
    rating_services.rectification_appeal(actor=admin, rectification=appealed, reason="评价内容与本次服务无关")
    unrated = delivered()

    def complaint() -> Complaint:
        return rating_services.complaint_submit(
            actor=None,
            channel=ComplaintChannel.PORTAL,
            category="attitude",
            content="窗口人员态度生硬",
            name="王五",
            phone="13900000009",
            reported_department=county.department,
        )

    received, assigned, answered = complaint(), complaint(), complaint()
    for found in (assigned, answered):
        rating_services.complaint_assign(actor=people[SUPERVISOR], complaint=found, department=county.department)
    answered = rating_services.complaint_reply(actor=admin, complaint=answered, reply="已核实并整改")
    visit = rating_services.visit_open(actor=people[CLERK], window=window, department=county.department)
    return {
        "unrated_case": unrated.number,
        "rating_link": case_token(unrated),
        "replied_link": case_token(replied.rating.case),
        "rect_pending": pending.pk,
        "rect_pending_case": pending.rating.case.number,
        "rect_followed": followed.pk,
        "rect_replied": replied.pk,
        "rect_replied_case": replied.rating.case.number,
        "rect_appealed": appealed.pk,
        "rect_appealed_case": appealed.rating.case.number,
        "complaint_received": received.number,
        "complaint_assigned": assigned.number,
        "complaint_answered": answered.number,
        "complaint_answered_code": answered.query_code,
        "visit": visit.pk,
        "visit_token": visit.token,
    }


SPARE_TOKEN = "矩阵待吊销令牌"
MESSAGE_TITLE = "矩阵测试消息"
DRAFT_REQUEST_TITLE = "小餐饮登记"


def _messages_and_tokens(people: dict[str, User]) -> tuple[dict[str, str], dict[str, Any]]:
    """A bearer token per person, a second token of the applicant's (to revoke) and an in-site message."""
    tokens = {persona: token_create(actor=user, user=user, name="矩阵")[1] for persona, user in people.items()}
    spare, _ = token_create(actor=people[APPLICANT], user=people[APPLICANT], name=SPARE_TOKEN)
    (message,) = notification_queue(
        recipient=people[APPLICANT], title=MESSAGE_TITLE, body="您的申请已受理。", link="/my/cases/", channels=[Channel.SITE]
    )
    return tokens, {"spare_token": spare.pk, "notification": message.pk}


def build_world() -> World:
    """The county every probe runs against, made through the factories and the services."""
    county = CountyFactory(code="990123", name="示范县")
    other_county = CountyFactory(code="990124", name="邻县")
    department = DepartmentFactory(region=county, name="市场监督管理局")
    other_department = DepartmentFactory(region=county, name="卫生健康局")
    people = _people(county, department, other_department, other_county)
    case_county = County(
        region=county,
        department=department,
        other_department=other_department,
        clerk=people[CLERK],
        reviewer=people[REVIEWER],
        decider=people[DECIDER],
        chief=people[CHIEF],
        supervisor=people[SUPERVISOR],
        other_reviewer=people[OTHER_DEPARTMENT],
        other_decider=people[OTHER_DEPARTMENT],
        applicant=people[APPLICANT],
        other_applicant=people[OTHER_APPLICANT],
    )
    ids: dict[str, Any] = {"county": county.code, "department": department.pk}
    ids.update(_change_requests(people, county, department))
    item = case_item(department)
    ids.update(_supervision(case_county, item))
    numbers, case_ids = _cases(case_county, people, item)
    ids.update(case_ids)
    tokens, owned = _messages_and_tokens(people)
    ids.update(owned)
    hall = ServiceHallFactory(region=county)
    ids["hall"] = hall.pk
    window = WindowFactory(hall=hall)
    ids["window"] = window.pk
    ids.update(_ratings(case_county, people, item, window))
    ids["unit"] = Unit.objects.filter(department=department).values_list("pk", flat=True).first()
    ids["theme"] = ThemeFactory(code="matrix-theme", name="开办餐饮").code
    ids["synonym"] = catalog_services.synonym_save(
        actor=people[LIST_MANAGER], region=county, phrase="开饭店", item_codes=[ids["item_code"]]
    ).pk
    schedule_enter(
        actor=people[SYSTEM_ADMIN],
        year=2027,
        notice="国办发明电〔2026〕7号",
        notice_date=dt.date(2026, 11, 4),
        holidays=[(dt.date(2027, 1, 1), dt.date(2027, 1, 3), "元旦")],
        workdays=[],
    )
    ids["schedule_year"] = 2027
    sessions = {persona: _session(user) for persona, user in people.items()}
    return World(users={p: u.pk for p, u in people.items()}, tokens=tokens, sessions=sessions, cases=numbers, ids=ids)


def _session(user: User) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


# A probe and its verdict -----------------------------------------------------------------------

Values = Callable[[World], dict[str, Any]]


def _nothing(world: World) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Probe:
    """One request made to one URL pattern by every persona, and who may have it answered.

    The personas the rule allows get one of the `ok` statuses (never the login page);
    everyone else is refused: anonymous visitors are sent to log in (401 from the API), the
    others get 403 or a 404 that does not tell the object exists (or `refused_to`, a redirect).
    A list answered to a persona shows the row `shows` names exactly when the persona is in
    `shown_to` (the list is filtered, not merely reachable).
    `bugs` names personas for which the app is known to answer wrongly, with the reason."""

    route: str
    name: str
    rule: Rule
    variant: str = ""
    method: str = ""  # "" = GET for pages, the operation's method for the API
    args: Values = _nothing
    query: Values = _nothing
    body: Values | None = None
    multipart: bool = False  # an API body sent as a form with a file
    ok: frozenset[int] = frozenset({200})
    refused_to: str = ""
    shows: Callable[[World], str] | None = None  # a list's row that must appear to `shown_to` only
    shown_to: frozenset[str] = frozenset()
    session: bool = False  # the API called with the page session instead of a bearer token
    bugs: Mapping[str, str] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return (self.route, self.name)

    @property
    def allowed(self) -> frozenset[str]:
        return self.rule.allowed

    @property
    def is_api(self) -> bool:
        return self.route.startswith("api/")

    @property
    def label(self) -> str:
        label = self.name or self.route
        return f"{label}[{self.variant}]" if self.variant else label

    def path(self, world: World) -> str:
        query = self.query(world)
        return fill(self.route, self.args(world)) + (f"?{urlencode(query)}" if query else "")


def http_method(probe: Probe, pattern: URLPattern) -> str:
    """The probe's method: its own, else the API operation's, else GET."""
    methods = api_methods(pattern)
    if probe.method:
        assert not methods or probe.method in methods, f"{probe.label}: {probe.method} is not one of {methods}"
        return probe.method
    return methods[0] if methods else "GET"


def client_for(world: World, persona: str, probe: Probe, address: str) -> tuple[Client, dict[str, str]]:
    """A client signed in as `persona`: a session for pages, a bearer token for the API."""
    client = Client(REMOTE_ADDR=address)
    headers: dict[str, str] = {}
    if persona != ANONYMOUS:
        if probe.is_api and not probe.session:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {world.tokens[persona]}"
        else:
            client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[persona]
    return client, headers


def send(client: Client, method: str, path: str, probe: Probe, world: World, headers: dict[str, str]) -> HttpResponse:
    """Make the probe's request: pages post forms, the API takes JSON (or a multipart upload)."""
    body = dict(probe.body(world)) if probe.body is not None else {}
    if method == "GET":
        return client.get(path, **headers)
    if probe.multipart:
        body["file"] = SimpleUploadedFile("补正材料.pdf", PDF_BYTES, "application/pdf")
    if not probe.is_api or probe.multipart:
        assert method == "POST", f"{probe.label}: pages take GET and POST only"
        return client.post(path, body, **headers)
    return client.generic(method, path, json.dumps(body), content_type="application/json", **headers)


def login_url() -> str:
    return reverse(settings.LOGIN_URL)


def redirects_to_login(response: HttpResponse) -> bool:
    return response.status_code == 302 and response["Location"].split("?")[0] == login_url()


def verdict(probe: Probe, persona: str, response: HttpResponse, world: World) -> str:
    """What is wrong with the response, as the matrix sees it; the empty string when nothing is."""
    status = response.status_code
    if status >= 500:
        return f"server error {status}"
    if persona in probe.allowed:
        if redirects_to_login(response):
            return "allowed, but sent to log in"
        if status not in probe.ok:
            return f"allowed, but answered {status} (expected one of {sorted(probe.ok)})"
        return _listed(probe, persona, response, world)
    if persona == ANONYMOUS:
        if probe.is_api:
            return "" if status == 401 else f"anonymous: expected 401, got {status}"
        return "" if redirects_to_login(response) else f"anonymous: expected a redirect to {login_url()}, got {status}"
    if probe.refused_to:
        location = response.get("Location", "")
        if status == 302 and location == probe.refused_to:
            return ""
        return f"refused: expected a redirect to {probe.refused_to}, got {status} {location}"
    return "" if status in (403, 404) else f"refused: expected 403 or 404, got {status}"


def _listed(probe: Probe, persona: str, response: HttpResponse, world: World) -> str:
    """What is wrong with a list's rows: one shown to a persona who may not see it, or left out."""
    if probe.shows is None or response.status_code != 200:
        return ""
    row = probe.shows(world)
    text = response.content.decode()
    shown = row in text or json.dumps(row)[1:-1] in text  # JSON may escape non-ASCII text
    if shown and persona not in probe.shown_to:
        return f"the list shows {row!r}, which is not this user's to see"
    if not shown and persona in probe.shown_to:
        return f"the list leaves out {row!r}"
    return ""


def resolves_to(probe: Probe, world: World) -> bool:
    """Whether the probe's path lands on the probe's own pattern (not on a neighbour)."""
    return resolve(fill(probe.route, probe.args(world))).route == probe.route
