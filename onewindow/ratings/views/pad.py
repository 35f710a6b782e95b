"""The rating pad at a window (窗口评价器, 一次一评): a kiosk page without login, large touch buttons.

One tap on 非常满意, 满意 or 基本满意 records the rating at once; 不满意 and 非常不满意 ask for the
reasons (and, optionally, a phone to be called back) before recording it, since a bad review is
followed up and rectified.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from onewindow.common import time
from onewindow.common.errors import DomainError, NotFound
from onewindow.ratings import selectors, services
from onewindow.ratings.choices import RatingLevel, is_bad_level, tags_for
from onewindow.ratings.forms import PadRatingForm
from onewindow.ratings.models import WindowVisit
from onewindow.ratings.services.ratings import VISIT_RATING_WINDOW
from onewindow.ratings.views.portal import status_of

LEVELS = [RatingLevel(level) for level in sorted(RatingLevel.values, reverse=True)]


def _visit(token: str) -> WindowVisit:
    try:
        return selectors.visit_by_token(token)
    except NotFound as error:
        raise Http404(error.message) from None


def _render(request: HttpRequest, visit: WindowVisit, template: str, status: int = 200, **context: Any) -> HttpResponse:
    return render(request, f"ratings/pad/{template}", {"visit": visit, "levels": LEVELS, **context}, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def pad(request: HttpRequest, token: str) -> HttpResponse:
    """Rate this window visit: choose a level; for a bad review, the reasons next."""
    visit = _visit(token)
    if visit.ratings.exists():
        return _render(request, visit, "thanks.html", already=True)
    if time.now() - visit.started_at > VISIT_RATING_WINDOW:
        return _render(request, visit, "expired.html", status=409)
    if request.method == "GET":
        return _render(request, visit, "levels.html")
    form = PadRatingForm(request.POST)
    if not form.is_valid():
        if "level" in form.errors:
            return _render(request, visit, "levels.html", status=400, error=form.errors["level"][0])
        return _details(request, visit, form, status=400)
    level = form.cleaned_data["level"]
    if is_bad_level(level) and request.POST.get("step") != "details":
        return _details(request, visit, PadRatingForm(initial={"level": level}))
    try:
        services.rating_submit_at_window(
            actor=request.user,
            visit=visit,
            level=level,
            tags=form.cleaned_data["tags"],
            comment=form.cleaned_data["comment"],
            contact_phone=form.cleaned_data["contact_phone"],
        )
    except DomainError as error:
        if error.code == "rating_exists":
            return _render(request, visit, "thanks.html", already=True)
        form.add_service_error(error)
        return _details(request, visit, form, status=status_of(error))
    return _render(request, visit, "thanks.html", level=RatingLevel(level))


def _details(request: HttpRequest, visit: WindowVisit, form: PadRatingForm, status: int = 200) -> HttpResponse:
    """Step two of a bad review: the reasons, a comment and a phone to call back."""
    level = form.data.get("level") if form.is_bound else form.initial.get("level")
    chosen = RatingLevel(int(level or 0))
    tags = [choice for choice in form["tags"] if choice.data["value"] in tags_for(chosen)]
    return _render(request, visit, "details.html", status=status, form=form, level=chosen, tags=tags)
