"""Public pages: rate my delivered case (logged in, or by the signed SMS/QR link without login), revisit a
rectified bad review, the published satisfaction per department, the complaint form (named or anonymous,
limited per address) and the complaint lookup by number and query code with the complainant's feedback.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from onewindow.cases.models import Case
from onewindow.common import time
from onewindow.common.errors import Conflict, DomainError, Forbidden, InvalidInput, NotFound
from onewindow.orgs.models import Department
from onewindow.ratings import permissions, selectors, services
from onewindow.ratings.choices import ComplaintChannel, ComplaintState, RatingChannel, RectificationState
from onewindow.ratings.forms import ComplaintFeedbackForm, ComplaintForm, ComplaintLookupForm, RatingForm, RevisitForm
from onewindow.ratings.models import Rating, Rectification
from onewindow.ratings.services.ratings import RATEABLE_STATUSES
from onewindow.ratings.views.limits import over_limit

ERROR_STATUS = {InvalidInput: 400, Forbidden: 403, NotFound: 404, Conflict: 409}
# Complaints a client address may file per hour, and lookups it may make per minute.
COMPLAINT_LIMIT, COMPLAINT_SECONDS = 5, 3600
LOOKUP_LIMIT, LOOKUP_SECONDS = 30, 60
TOO_MANY_COMPLAINTS = gettext_lazy("提交过于频繁,请稍后再试,或拨打12345热线。")
TOO_MANY_LOOKUPS = gettext_lazy("查询过于频繁,请一分钟后再试。")
DONE_SESSION_KEY = "ratings_complaint_done"


def status_of(error: DomainError) -> int:
    return ERROR_STATUS.get(type(error), 400)


def rectification_of(rating: Rating | None) -> Rectification | None:
    if rating is None or not rating.is_bad:
        return None
    try:
        return rating.rectification
    except Rectification.DoesNotExist:
        return None


# Rating a case -----------------------------------------------------------------------------------


def _blocked(user: Any, case: Case) -> str:
    """Why this case cannot be rated now ("" when it can)."""
    if case.status not in RATEABLE_STATUSES:
        return _("办件办结送达后即可评价。当前状态:%(status)s。") % {"status": case.get_status_display()}
    if user is not None and permissions.is_case_staff(user, case):
        return _("经办人员和办件所属部门的工作人员不能评价本部门办理的办件。")
    return ""


def _render_case(
    request: HttpRequest,
    case: Case,
    *,
    urls: dict[str, str],
    rater: Any,
    may_revisit: bool,
    form: RatingForm | None = None,
    revisit_form: RevisitForm | None = None,
    status: int = 200,
) -> HttpResponse:
    rating = selectors.rating_of_case(case)
    rectification = rectification_of(rating)
    blocked = "" if rating is not None else _blocked(rater, case)
    if rating is None and not blocked:
        form = form or RatingForm()
    if rectification is not None and rectification.state == RectificationState.REPLIED and may_revisit:
        revisit_form = revisit_form or RevisitForm(initial={"revision": rectification.revision})
    context = {
        "case": case,
        "rating": rating,
        "rectification": rectification,
        "blocked": blocked,
        "form": form if rating is None else None,
        "revisit_form": revisit_form,
        "urls": urls,
    }
    return render(request, "ratings/portal/case_rating.html", context, status=status)


def _rate(request: HttpRequest, case: Case, *, channel: str, link_token: str | None = None) -> RatingForm | None:
    """Rate from the posted form; None when done (the caller redirects), else the form with its errors."""
    form = RatingForm(request.POST)
    if not form.is_valid():
        return form
    try:
        services.rating_submit(actor=request.user, case=case, channel=channel, link_token=link_token, **form.cleaned_data)
    except DomainError as error:
        form.add_service_error(error)
        form.service_status = status_of(error)  # type: ignore[attr-defined]
        return form
    messages.success(request, _("感谢您的评价!"))
    return None


def _revisit(request: HttpRequest, case: Case, *, link_token: str | None = None) -> RevisitForm | None:
    form = RevisitForm(request.POST)
    rectification = rectification_of(selectors.rating_of_case(case))
    if rectification is None:
        raise Http404
    if not form.is_valid():
        return form
    try:
        services.rectification_revisit(
            actor=request.user,
            rectification=rectification,
            satisfied=form.is_satisfied,
            comment=form.cleaned_data["comment"],
            link_token=link_token,
            expected_revision=form.cleaned_data["revision"],
        )
    except DomainError as error:
        form.add_service_error(error)
        form.service_status = status_of(error)  # type: ignore[attr-defined]
        return form
    messages.success(request, _("感谢您对整改情况的评价。"))
    return None


def _case_urls(case: Case) -> dict[str, str]:
    return {
        "rate": reverse("ratings:case_rating", args=[case.number]),
        "revisit": reverse("ratings:case_revisit", args=[case.number]),
    }


def _my_case(request: HttpRequest, number: str) -> Case:
    try:
        return selectors.my_case(user=request.user, number=number)
    except NotFound as error:
        raise Http404(error.message) from None


@login_required
@require_http_methods(["GET", "POST"])
def case_rating(request: HttpRequest, number: str) -> HttpResponse:
    """The applicant rates their delivered case (一事一评), or sees the rating and how a bad review was handled."""
    case = _my_case(request, number)
    urls = _case_urls(case)
    may_revisit = True
    if request.method == "GET":
        return _render_case(request, case, urls=urls, rater=request.user, may_revisit=may_revisit)
    failed = _rate(request, case, channel=RatingChannel.PORTAL)
    if failed is None:
        return redirect(urls["rate"])
    status = getattr(failed, "service_status", 400)
    return _render_case(request, case, urls=urls, rater=request.user, may_revisit=may_revisit, form=failed, status=status)


@login_required
@require_POST
def case_revisit(request: HttpRequest, number: str) -> HttpResponse:
    """The applicant says whether the rectification of their bad review satisfies them."""
    case = _my_case(request, number)
    urls = _case_urls(case)
    failed = _revisit(request, case)
    if failed is None:
        return redirect(urls["rate"])
    status = getattr(failed, "service_status", 400)
    return _render_case(request, case, urls=urls, rater=request.user, may_revisit=True, revisit_form=failed, status=status)


def _linked_case(token: str) -> Case:
    try:
        return selectors.case_by_link(token)
    except NotFound as error:
        raise Http404(error.message) from None


@never_cache
@require_http_methods(["GET", "POST"])
def link_rating(request: HttpRequest, token: str) -> HttpResponse:
    """The signed link sent by SMS (and printed as a QR code): rate the case without logging in."""
    case = _linked_case(token)
    urls = {"rate": reverse("ratings:link", args=[token]), "revisit": reverse("ratings:link_revisit", args=[token])}
    rater = case.applicant_user
    if request.method == "GET":
        return _render_case(request, case, urls=urls, rater=rater, may_revisit=True)
    failed = _rate(request, case, channel=RatingChannel.SMS, link_token=token)
    if failed is None:
        return redirect(urls["rate"])
    status = getattr(failed, "service_status", 400)
    return _render_case(request, case, urls=urls, rater=rater, may_revisit=True, form=failed, status=status)


@never_cache
@require_POST
def link_revisit(request: HttpRequest, token: str) -> HttpResponse:
    case = _linked_case(token)
    urls = {"rate": reverse("ratings:link", args=[token]), "revisit": reverse("ratings:link_revisit", args=[token])}
    failed = _revisit(request, case, link_token=token)
    if failed is None:
        return redirect(urls["rate"])
    status = getattr(failed, "service_status", 400)
    return _render_case(request, case, urls=urls, rater=case.applicant_user, may_revisit=True, revisit_form=failed, status=status)


# Published satisfaction -------------------------------------------------------------------------

PERIODS = {
    "12m": gettext_lazy("近12个月"),
    "year": gettext_lazy("本年度"),
    "month": gettext_lazy("本月"),
    "all": gettext_lazy("全部"),
}


def period_start(period: str, today: dt.date) -> dt.datetime | None:
    if period == "month":
        return time.start_of_day(today.replace(day=1))
    if period == "year":
        return time.start_of_day(today.replace(month=1, day=1))
    if period == "all":
        return None
    return time.start_of_day(today - dt.timedelta(days=365))


@require_GET
def satisfaction(request: HttpRequest) -> HttpResponse:
    """好差评 results per department (国办发〔2019〕51号: 评价结果公开), voided reviews left out."""
    period = request.GET.get("period", "12m")
    period = period if period in PERIODS else "12m"
    rows = selectors.department_satisfaction(since=period_start(period, time.today()))
    total = sum(row.total for row in rows)
    bad = sum(row.bad for row in rows)
    context = {
        "rows": rows,
        "periods": PERIODS,
        "period": period,
        "total": total,
        "overall_rate": (total - bad) / total if total else None,
    }
    return render(request, "ratings/portal/satisfaction.html", context)


# Complaints -------------------------------------------------------------------------------------


def public_departments() -> Any:
    return Department.objects.filter(is_active=True).select_related("region").order_by("region__code", "sort_order", "id")


@never_cache
@require_http_methods(["GET", "POST"])
def complaint_new(request: HttpRequest) -> HttpResponse:
    """投诉举报: named or anonymous; limited per address instead of a captcha."""
    departments = public_departments()
    if request.method == "GET":
        return render(request, "ratings/portal/complaint_form.html", {"form": ComplaintForm(departments=departments)})
    form = ComplaintForm(request.POST, departments=departments)
    if over_limit(request, "complaint", limit=COMPLAINT_LIMIT, seconds=COMPLAINT_SECONDS):
        return render(request, "ratings/portal/complaint_form.html", {"form": form, "error": TOO_MANY_COMPLAINTS}, status=429)
    if not form.is_valid():
        return render(request, "ratings/portal/complaint_form.html", {"form": form}, status=400)
    data = form.cleaned_data
    try:
        complaint = services.complaint_submit(
            actor=request.user,
            channel=ComplaintChannel.PORTAL,
            category=data["category"],
            content=data["content"],
            anonymous=data["anonymous"],
            name=data["name"],
            phone=data["phone"],
            case_number=data["case_number"],
            reported_department=data["reported_department"],
        )
    except DomainError as error:
        form.add_service_error(error)
        return render(request, "ratings/portal/complaint_form.html", {"form": form}, status=status_of(error))
    request.session[DONE_SESSION_KEY] = {"number": complaint.number, "code": complaint.query_code}
    return redirect("ratings:complaint_done")


@never_cache
@require_GET
def complaint_done(request: HttpRequest) -> HttpResponse:
    """The number and query code of the complaint just filed (shown once, kept out of the address)."""
    done = request.session.pop(DONE_SESSION_KEY, None)
    if not done:
        return redirect("ratings:complaint_new")
    return render(request, "ratings/portal/complaint_done.html", {"done": done})


def _render_lookup(request: HttpRequest, form: Any, *, complaint: Any = None, error: Any = None, status: int = 200) -> HttpResponse:
    feedback = None
    if complaint is not None and complaint.state == ComplaintState.REPLIED:
        feedback = ComplaintFeedbackForm(initial={"number": complaint.number, "code": form.data.get("code", "")})
        if isinstance(form, ComplaintFeedbackForm):
            feedback = form
    context = {"form": form, "complaint": complaint, "feedback": feedback, "error": error}
    return render(request, "ratings/portal/complaint_lookup.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def complaint_lookup(request: HttpRequest) -> HttpResponse:
    """The complaint's progress and reply by its number and query code (posted, so they stay out of logs)."""
    if request.method == "GET":
        return _render_lookup(request, ComplaintLookupForm())
    form = ComplaintLookupForm(request.POST)
    if over_limit(request, "lookup", limit=LOOKUP_LIMIT, seconds=LOOKUP_SECONDS):
        return _render_lookup(request, form, error=TOO_MANY_LOOKUPS, status=429)
    if not form.is_valid():
        return _render_lookup(request, form, status=400)
    try:
        complaint = selectors.complaint_lookup(number=form.cleaned_data["number"], code=form.cleaned_data["code"])
    except NotFound as error:
        return _render_lookup(request, form, error=error.message, status=404)
    return _render_lookup(request, form, complaint=complaint)


@never_cache
@require_POST
def complaint_feedback(request: HttpRequest) -> HttpResponse:
    """The complainant rates the reply; unsatisfied, it is handled again once."""
    form = ComplaintFeedbackForm(request.POST)
    if over_limit(request, "lookup", limit=LOOKUP_LIMIT, seconds=LOOKUP_SECONDS):
        return _render_lookup(request, form, error=TOO_MANY_LOOKUPS, status=429)
    if not form.is_valid():
        return _render_lookup(request, ComplaintLookupForm(request.POST), status=400)
    try:
        complaint = selectors.complaint_lookup(number=form.cleaned_data["number"], code=form.cleaned_data["code"])
    except NotFound as error:
        return _render_lookup(request, form, error=error.message, status=404)
    try:
        complaint = services.complaint_feedback(
            actor=request.user,
            complaint=complaint,
            satisfied=form.cleaned_data["satisfied"] == "yes",
            comment=form.cleaned_data["comment"],
            query_code=form.cleaned_data["code"],
        )
    except DomainError as error:
        form.add_service_error(error)
        return _render_lookup(request, form, complaint=complaint, status=status_of(error))
    if complaint.state == ComplaintState.ASSIGNED:
        messages.success(request, _("您的意见已收到,投诉将重新办理。"))
    else:
        messages.success(request, _("感谢您的评价,投诉已办结。"))
    return _render_lookup(request, ComplaintLookupForm(request.POST), complaint=complaint)
