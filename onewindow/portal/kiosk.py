"""Kiosk mode: a hall's self-service terminal opens the portal with `?kiosk=1`.

The choice is kept in the session so every later page (login included) keeps the large-target
style (`body.kiosk`, set in `base.html`); `?kiosk=0` leaves kiosk mode.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse

SESSION_KEY = "kiosk"


def remember_kiosk_choice(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Store `?kiosk=1` / `?kiosk=0` of a portal page in the session before the view runs."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        choice = request.GET.get("kiosk")
        if choice == "1":
            request.session[SESSION_KEY] = True
        elif choice == "0":
            request.session.pop(SESSION_KEY, None)
        return view(request, *args, **kwargs)

    return wrapper
