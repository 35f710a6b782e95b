"""Staff must pass TOTP two-factor authentication when REQUIRE_MFA is on."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from onewindow.accounts.mfa import is_verified, mfa_required_for

# The API answers 401 itself (see auth.SessionUserAuth); static files, health checks and the
# language switch need no user.
_OPEN_PREFIXES = ("/static/", "/api/", "/healthz", "/i18n/")


class MfaRequiredMiddleware:
    """Sends a logged-in staff user who has not verified a TOTP device to set up or verify one.

    The MFA page itself, login and logout stay reachable, so the redirect cannot loop and a user
    without their phone can still log out. Applicants are never asked.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_verify(request):
            target = f"{reverse('accounts:mfa')}?{urlencode({'next': request.get_full_path()})}"
            if request.headers.get("HX-Request") == "true":
                response = HttpResponse(status=204)
                response["HX-Redirect"] = target
                return response
            return redirect(target)
        return self.get_response(request)

    def _must_verify(self, request: HttpRequest) -> bool:
        if not settings.REQUIRE_MFA:
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return False
        path = request.path
        if path.startswith(_OPEN_PREFIXES) or path in _exempt_paths():
            return False
        return mfa_required_for(user) and not is_verified(user)


def _exempt_paths() -> tuple[str, ...]:
    return (reverse("accounts:mfa"), reverse("accounts:logout"), reverse("accounts:login"))
