"""The one decorator for staff pages: who may open a page, and how domain errors become responses."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from onewindow.accounts.access import access_of
from onewindow.common.errors import Conflict, Forbidden, InvalidInput, NotFound

View = Callable[..., HttpResponse]


def is_staff_member(user: Any) -> bool:
    return access_of(user).is_staff_member


def page_for(allowed: Callable[[Any], bool]) -> Callable[[View], View]:
    """Anonymous visitors go to the login page; users `allowed` refuses get 403;
    a `NotFound` raised inside is a 404, a `Forbidden` a 403, and an `InvalidInput` or `Conflict`
    that the view did not turn into a form error a 400 or 409 page with its message."""

    def decorate(view: View) -> View:
        @wraps(view)
        @login_required
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not allowed(request.user):
                raise PermissionDenied
            try:
                return view(request, *args, **kwargs)
            except NotFound as error:
                raise Http404(error.message) from None
            except Forbidden as error:
                raise PermissionDenied(error.message) from None
            except (InvalidInput, Conflict) as error:
                return render(request, "request_error.html", {"message": error.message}, status=error.status)

        return wrapped

    return decorate


staff_required = page_for(is_staff_member)
