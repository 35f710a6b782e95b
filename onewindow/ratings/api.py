"""The ratings and complaints API.

- `POST /cases/{number}/rating`: the applicant rates a delivered case (一事一评), 201; `GET` reads it back.
- `GET /rectifications` (staff, own jurisdiction, cursor pages, `state=`), `GET /rectifications/{id}` and one
  action endpoint per step: follow-up, rectify, reply, revisit, appeal, decide-appeal.
- `POST /complaints` (public, limited per address): returns the number and the query code;
  `GET /complaints` and `GET /complaints/{number}` (staff) and the actions assign, reject, reply, close;
  `POST /complaint-lookup` and `POST /complaint-feedback` for the complainant (number and query code).

Errors are `{"code", "message", "details"}`: 400 bad input, 401 no user, 403 not allowed (e.g.
`rating_not_applicant`, `rating_own_case`, `appeal_forbidden`), 404 not found or out of reach, 409 the
state forbids it (`rating_exists`, `rating_not_delivered`, `rectification_transition_forbidden`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.throttling import AnonRateThrottle

from onewindow.accounts.auth import user_auth
from onewindow.common import time
from onewindow.common.api import ErrorOut, ObjectId, PathId
from onewindow.common.errors import Forbidden, InvalidInput, NotFound
from onewindow.common.pagination import MAX_LIMIT
from onewindow.orgs.models import Department, Region
from onewindow.ratings import permissions, selectors, services
from onewindow.ratings.choices import ComplaintChannel, RatingChannel
from onewindow.ratings.models import Complaint, Rating, Rectification

router = Router(tags=["好差评与投诉"])


class ComplaintThrottle(AnonRateThrottle):
    """Public complaints: a few per address per hour (a separate count from the other public endpoints)."""

    scope = "complaints"


class LookupThrottle(AnonRateThrottle):
    scope = "complaint_lookup"


COMPLAINT_THROTTLE = "5/h"
LOOKUP_THROTTLE = "30/m"

READ_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut}
ACTION_ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut}


# Schemas ----------------------------------------------------------------------------------------


class RatingIn(Schema):
    level: int = Field(..., ge=1, le=5, description="5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意(后两者为差评)")
    tags: list[str] = Field(default_factory=list, description="该等级适用的评价标签")
    comment: str = Field("", max_length=500)


class RatingOut(Schema):
    id: int
    case_number: str | None
    visit_id: int | None
    department_id: int
    department_name: str
    channel: str
    level: int
    level_label: str
    tags: list[str]
    comment: str
    is_bad: bool
    created_at: dt.datetime
    voided_at: dt.datetime | None
    void_reason: str
    rectification_id: int | None
    rectification_state: str | None

    @staticmethod
    def resolve_case_number(obj: Rating) -> str | None:
        return obj.case.number if obj.case_id and obj.case else None

    @staticmethod
    def resolve_department_name(obj: Rating) -> str:
        return obj.department.name

    @staticmethod
    def resolve_rectification_id(obj: Rating) -> int | None:
        rectification = _rectification_of(obj)
        return rectification.pk if rectification else None

    @staticmethod
    def resolve_rectification_state(obj: Rating) -> str | None:
        rectification = _rectification_of(obj)
        return rectification.state if rectification else None


def _rectification_of(rating: Rating) -> Rectification | None:
    if not rating.is_bad:
        return None
    try:
        return rating.rectification
    except Rectification.DoesNotExist:
        return None


class RectificationFilterIn(Schema):
    state: str | None = None
    tab: Literal["queue", "appeals", "all"] = "all"
    department: ObjectId | None = None
    cursor: str | None = None
    limit: int | None = Field(None, ge=1, le=MAX_LIMIT)


class RectificationOut(Schema):
    id: int
    rating_id: int
    department_id: int
    department_name: str
    state: str
    state_label: str
    case_number: str | None
    level: int
    tags: list[str]
    comment: str
    rated_at: dt.datetime
    due_on: dt.date | None
    color: str
    follow_up_at: dt.datetime | None
    follow_up_note: str
    rectified_at: dt.datetime | None
    rectification_note: str
    replied_at: dt.datetime | None
    reply: str
    revisited_at: dt.datetime | None
    revisit_satisfied: bool | None
    appealed_at: dt.datetime | None
    appeal_reason: str
    appeal_decision: str
    appeal_opinion: str
    appeal_decided_at: dt.datetime | None
    revision: int

    @staticmethod
    def resolve_department_name(obj: Rectification) -> str:
        return obj.department.name

    @staticmethod
    def resolve_state_label(obj: Rectification) -> str:
        return obj.get_state_display()

    @staticmethod
    def resolve_case_number(obj: Rectification) -> str | None:
        return obj.rating.case.number if obj.rating.case_id and obj.rating.case else None

    @staticmethod
    def resolve_level(obj: Rectification) -> int:
        return obj.rating.level

    @staticmethod
    def resolve_tags(obj: Rectification) -> list[str]:
        return list(obj.rating.tags)

    @staticmethod
    def resolve_comment(obj: Rectification) -> str:
        return obj.rating.comment

    @staticmethod
    def resolve_rated_at(obj: Rectification) -> dt.datetime:
        return obj.rating.created_at

    @staticmethod
    def resolve_color(obj: Rectification) -> str:
        return obj.color(time.today())


class RectificationPageOut(Schema):
    items: list[RectificationOut]
    next_cursor: str | None


class RevisionIn(Schema):
    revision: int | None = Field(None, description="页面所示修订号;他人已处理时返回 409")


class NoteIn(RevisionIn):
    note: str


class ReplyIn(RevisionIn):
    reply: str


class StatedReasonIn(RevisionIn):
    reason: str


class RevisitIn(RevisionIn):
    satisfied: bool
    comment: str = ""


class AppealDecisionIn(RevisionIn):
    decision: Literal["upheld", "voided"]
    opinion: str


class ComplaintIn(Schema):
    category: str = Field(
        ..., description="attitude 服务态度 / efficiency 办事效率 / illegal_fee 乱收费 / buck_passing 推诿扯皮 / misconduct / other"
    )
    content: str = Field(..., max_length=2000)
    anonymous: bool = False
    name: str = Field("", max_length=64)
    phone: str = Field("", max_length=20)
    case_number: str = Field("", max_length=32, description="相关办件编号;填写后直接转办件所属部门")
    department_id: ObjectId | None = Field(None, description="被投诉部门(选填)")
    region: str | None = Field(None, description="区划代码(未填部门和办件时)")


def _sees_complainant(context: Any, complaint: Complaint) -> bool:
    """Supervisors read the complainant's name and phone in full (to call back); the department masked."""
    request = (context or {}).get("request")
    user = getattr(request, "auth", None) if request is not None else None
    return user is not None and permissions.sees_complainant(user, complaint)


class ComplaintCreatedOut(Schema):
    number: str
    query_code: str
    state: str


class ComplaintFilterIn(Schema):
    state: str | None = None
    tab: Literal["queue", "all"] = "all"
    cursor: str | None = None
    limit: int | None = Field(None, ge=1, le=MAX_LIMIT)


class ComplaintOut(Schema):
    number: str
    state: str
    state_label: str
    channel: str
    category: str
    category_label: str
    anonymous: bool
    name: str
    phone: str
    content: str
    case_number: str | None
    reported_department_id: int | None
    department_id: int | None
    department_name: str | None
    created_at: dt.datetime
    assigned_at: dt.datetime | None
    due_on: dt.date | None
    color: str
    reply: str
    replied_at: dt.datetime | None
    satisfaction: str
    reopen_count: int
    revision: int

    @staticmethod
    def resolve_state_label(obj: Complaint) -> str:
        return obj.get_state_display()

    @staticmethod
    def resolve_category_label(obj: Complaint) -> str:
        return obj.get_category_display()

    @staticmethod
    def resolve_name(obj: Complaint, context: Any) -> str:
        return obj.name if not obj.anonymous and _sees_complainant(context, obj) else obj.masked_name

    @staticmethod
    def resolve_phone(obj: Complaint, context: Any) -> str:
        return obj.phone if _sees_complainant(context, obj) else obj.masked_phone

    @staticmethod
    def resolve_case_number(obj: Complaint) -> str | None:
        return obj.case.number if obj.case_id and obj.case else None

    @staticmethod
    def resolve_department_name(obj: Complaint) -> str | None:
        return obj.department.name if obj.department else None

    @staticmethod
    def resolve_color(obj: Complaint) -> str:
        return obj.color(time.today())


class ComplaintPageOut(Schema):
    items: list[ComplaintOut]
    next_cursor: str | None


class AssignIn(RevisionIn):
    department_id: int


class LookupIn(Schema):
    number: str = Field(..., max_length=32)
    code: str = Field(..., max_length=12)


class FeedbackIn(LookupIn):
    satisfied: bool
    comment: str = Field("", max_length=2000)


class ComplaintPublicOut(Schema):
    number: str
    state: str
    state_label: str
    category_label: str
    created_at: dt.datetime
    department_name: str | None
    reply: str
    replied_at: dt.datetime | None
    satisfaction: str
    may_give_feedback: bool

    @staticmethod
    def resolve_state_label(obj: Complaint) -> str:
        return obj.get_state_display()

    @staticmethod
    def resolve_category_label(obj: Complaint) -> str:
        return obj.get_category_display()

    @staticmethod
    def resolve_department_name(obj: Complaint) -> str | None:
        return obj.department.name if obj.department else None

    @staticmethod
    def resolve_may_give_feedback(obj: Complaint) -> bool:
        return obj.state == "replied"


# Ratings ----------------------------------------------------------------------------------------


@router.post("/cases/{number}/rating", response={201: RatingOut, **ACTION_ERRORS}, auth=user_auth, summary="评价办件")
def rate_case(request: HttpRequest, number: str, payload: RatingIn) -> Status:
    """The applicant rates their delivered case once (一事一评); a bad review (level 1 or 2) opens rectification."""
    user = request.auth  # type: ignore[attr-defined]
    case = selectors.case_for_rating_api(user=user, number=number)
    rating = services.rating_submit(
        actor=user, case=case, level=payload.level, tags=payload.tags, comment=payload.comment, channel=RatingChannel.API
    )
    return Status(201, Rating.objects.select_related("case", "department").get(pk=rating.pk))


@router.get("/cases/{number}/rating", response={200: RatingOut, **READ_ERRORS}, auth=user_auth, summary="办件评价")
def get_case_rating(request: HttpRequest, number: str) -> Rating:
    """The rating of a case, for its rater and for the staff who may see the department's ratings."""
    user = request.auth  # type: ignore[attr-defined]
    rating = Rating.objects.visible_to(user).select_related("case", "department").filter(case__number=number).first()
    if rating is None:
        raise NotFound(_("该办件尚无评价,或您无权查看。"), code="rating_not_found")
    return rating


# Rectifications ---------------------------------------------------------------------------------


def _staff(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not permissions.may_open_rectifications(user):
        raise Forbidden(_("只有部门工作人员和电子监察人员可以查看差评整改。"), code="rectification_forbidden")
    return user


@router.get("/rectifications", response={200: RectificationPageOut, **READ_ERRORS}, auth=user_auth, summary="差评整改列表")
def list_rectifications(request: HttpRequest, filters: Query[RectificationFilterIn]) -> dict[str, Any]:
    """Bad reviews of the departments in the user's reach: `tab=queue` those waiting for the department by deadline,
    `appeals` those waiting for a supervisor, `all` (default) every one, newest first."""
    page = selectors.rectification_list(user=_staff(request), **filters.dict())
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get("/rectifications/{rectification_id}", response={200: RectificationOut, **READ_ERRORS}, auth=user_auth, summary="差评整改详情")
def get_rectification(request: HttpRequest, rectification_id: PathId) -> Rectification:
    return selectors.rectification_get(user=_staff(request), pk=rectification_id)


def _rectification_action(request: HttpRequest, rectification_id: int, run: Any) -> Rectification:
    user = request.auth  # type: ignore[attr-defined]
    rectification = selectors.rectification_get(user=user, pk=rectification_id)
    run(user, rectification)
    return selectors.rectification_get(user=user, pk=rectification_id)


@router.post(
    "/rectifications/{rectification_id}/follow-up", response={200: RectificationOut, **ACTION_ERRORS}, auth=user_auth, summary="差评回访"
)
def rectification_follow_up(request: HttpRequest, rectification_id: PathId, payload: NoteIn) -> Rectification:
    """Record the follow-up with the rater (within 1 working day of the bad review)."""
    return _rectification_action(
        request,
        rectification_id,
        lambda u, r: services.rectification_follow_up(actor=u, rectification=r, note=payload.note, expected_revision=payload.revision),
    )


@router.post(
    "/rectifications/{rectification_id}/rectify", response={200: RectificationOut, **ACTION_ERRORS}, auth=user_auth, summary="差评整改"
)
def rectification_rectify(request: HttpRequest, rectification_id: PathId, payload: NoteIn) -> Rectification:
    return _rectification_action(
        request,
        rectification_id,
        lambda u, r: services.rectification_rectify(actor=u, rectification=r, note=payload.note, expected_revision=payload.revision),
    )


@router.post(
    "/rectifications/{rectification_id}/reply", response={200: RectificationOut, **ACTION_ERRORS}, auth=user_auth, summary="答复评价人"
)
def rectification_reply(request: HttpRequest, rectification_id: PathId, payload: ReplyIn) -> Rectification:
    return _rectification_action(
        request,
        rectification_id,
        lambda u, r: services.rectification_reply(actor=u, rectification=r, reply=payload.reply, expected_revision=payload.revision),
    )


@router.post(
    "/rectifications/{rectification_id}/revisit", response={200: RectificationOut, **ACTION_ERRORS}, auth=user_auth, summary="复评"
)
def rectification_revisit(request: HttpRequest, rectification_id: PathId, payload: RevisitIn) -> Rectification:
    """A supervisor records the rater's revisit after calling them back (raters use the portal page)."""
    return _rectification_action(
        request,
        rectification_id,
        lambda u, r: services.rectification_revisit(
            actor=u, rectification=r, satisfied=payload.satisfied, comment=payload.comment, expected_revision=payload.revision
        ),
    )


@router.post(
    "/rectifications/{rectification_id}/appeal", response={200: RectificationOut, **ACTION_ERRORS}, auth=user_auth, summary="差评申诉"
)
def rectification_appeal(request: HttpRequest, rectification_id: PathId, payload: StatedReasonIn) -> Rectification:
    """The department appeals a malicious or mistaken review of its own, once, before answering the rater."""
    return _rectification_action(
        request,
        rectification_id,
        lambda u, r: services.rectification_appeal(actor=u, rectification=r, reason=payload.reason, expected_revision=payload.revision),
    )


@router.post(
    "/rectifications/{rectification_id}/decide-appeal",
    response={200: RectificationOut, **ACTION_ERRORS},
    auth=user_auth,
    summary="申诉复核",
)
def rectification_decide_appeal(request: HttpRequest, rectification_id: PathId, payload: AppealDecisionIn) -> Rectification:
    """A supervisor upholds the review (`upheld`: the handling goes on) or voids it (`voided`)."""
    return _rectification_action(
        request,
        rectification_id,
        lambda u, r: services.rectification_decide_appeal(
            actor=u, rectification=r, decision=payload.decision, opinion=payload.opinion, expected_revision=payload.revision
        ),
    )


# Complaints -------------------------------------------------------------------------------------


@router.post(
    "/complaints",
    response={201: ComplaintCreatedOut, 400: ErrorOut, 429: ErrorOut},
    auth=None,
    throttle=[ComplaintThrottle(COMPLAINT_THROTTLE)],
    summary="提交投诉",
)
def create_complaint(request: HttpRequest, payload: ComplaintIn) -> Status:
    """File a complaint, named or anonymous; keep the number and query code to read the reply."""
    department = None
    if payload.department_id is not None:
        department = Department.objects.filter(pk=payload.department_id, is_active=True).select_related("region").first()
        if department is None:
            raise InvalidInput(
                _("被投诉部门不存在。"), code="complaint_department_unknown", details={"department_id": [_("被投诉部门不存在。")]}
            )
    region = Region.objects.filter(code=payload.region).first() if payload.region else None
    complaint = services.complaint_submit(
        actor=None,
        channel=ComplaintChannel.API,
        category=payload.category,
        content=payload.content,
        anonymous=payload.anonymous,
        name=payload.name,
        phone=payload.phone,
        case_number=payload.case_number,
        reported_department=department,
        region=region,
    )
    return Status(201, {"number": complaint.number, "query_code": complaint.query_code, "state": complaint.state})


def _complaint_staff(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if not permissions.may_open_complaints(user):
        raise Forbidden(_("只有电子监察人员和承办部门可以查看投诉。"), code="complaint_forbidden")
    return user


@router.get("/complaints", response={200: ComplaintPageOut, **READ_ERRORS}, auth=user_auth, summary="投诉列表")
def list_complaints(request: HttpRequest, filters: Query[ComplaintFilterIn]) -> dict[str, Any]:
    """Complaints of the user's region (supervisors) or assigned to the user's department, newest first."""
    page = selectors.complaint_list(user=_complaint_staff(request), **filters.dict())
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.post(
    "/complaint-lookup",
    response={200: ComplaintPublicOut, 404: ErrorOut, 429: ErrorOut},
    auth=None,
    throttle=[LookupThrottle(LOOKUP_THROTTLE)],
    summary="投诉查询",
)
def lookup_complaint(request: HttpRequest, payload: LookupIn) -> Complaint:
    """The complaint's progress and reply by number and query code (both must match, else 404)."""
    return selectors.complaint_lookup(number=payload.number, code=payload.code)


@router.post(
    "/complaint-feedback",
    response={200: ComplaintPublicOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 429: ErrorOut},
    auth=None,
    throttle=[LookupThrottle(LOOKUP_THROTTLE)],
    summary="评价投诉答复",
)
def complaint_feedback(request: HttpRequest, payload: FeedbackIn) -> Complaint:
    """The complainant rates the reply: satisfied closes the complaint; unsatisfied has it handled again once."""
    complaint = selectors.complaint_lookup(number=payload.number, code=payload.code)
    return services.complaint_feedback(
        actor=None, complaint=complaint, satisfied=payload.satisfied, comment=payload.comment, query_code=payload.code
    )


@router.get("/complaints/{number}", response={200: ComplaintOut, **READ_ERRORS}, auth=user_auth, summary="投诉详情")
def get_complaint(request: HttpRequest, number: str) -> Complaint:
    return selectors.complaint_get(user=_complaint_staff(request), number=number)


def _complaint_action(request: HttpRequest, number: str, run: Any) -> Complaint:
    user = request.auth  # type: ignore[attr-defined]
    complaint = selectors.complaint_get(user=user, number=number)
    run(user, complaint)
    found = Complaint.objects.visible_to(user).filter(pk=complaint.pk).select_related("department", "case").first()
    return found or Complaint.objects.select_related("department", "case").get(pk=complaint.pk)


@router.post("/complaints/{number}/assign", response={200: ComplaintOut, **ACTION_ERRORS}, auth=user_auth, summary="分派投诉")
def assign_complaint(request: HttpRequest, number: str, payload: AssignIn) -> Complaint:
    department = Department.objects.filter(pk=payload.department_id).select_related("region").first()
    if department is None:
        raise InvalidInput(_("承办部门不存在。"), code="complaint_department_unknown", details={"department_id": [_("承办部门不存在。")]})
    return _complaint_action(
        request,
        number,
        lambda u, c: services.complaint_assign(actor=u, complaint=c, department=department, expected_revision=payload.revision),
    )


@router.post("/complaints/{number}/reject", response={200: ComplaintOut, **ACTION_ERRORS}, auth=user_auth, summary="投诉不予受理")
def reject_complaint(request: HttpRequest, number: str, payload: StatedReasonIn) -> Complaint:
    return _complaint_action(
        request,
        number,
        lambda u, c: services.complaint_reject(actor=u, complaint=c, reason=payload.reason, expected_revision=payload.revision),
    )


@router.post("/complaints/{number}/reply", response={200: ComplaintOut, **ACTION_ERRORS}, auth=user_auth, summary="答复投诉")
def reply_complaint(request: HttpRequest, number: str, payload: ReplyIn) -> Complaint:
    return _complaint_action(
        request,
        number,
        lambda u, c: services.complaint_reply(actor=u, complaint=c, reply=payload.reply, expected_revision=payload.revision),
    )


@router.post("/complaints/{number}/close", response={200: ComplaintOut, **ACTION_ERRORS}, auth=user_auth, summary="办结投诉")
def close_complaint(request: HttpRequest, number: str, payload: RevisionIn) -> Complaint:
    return _complaint_action(
        request, number, lambda u, c: services.complaint_close(actor=u, complaint=c, expected_revision=payload.revision)
    )
