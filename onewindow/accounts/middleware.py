"""Staff must pass TOTP two-factor authentication when REQUIRE_MFA is on."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from onewindow.accounts.access import access_of

_OPEN_PREFIXES = ("/static/", "/api/", "/healthz", "/i18n/")


class MfaRequiredMiddleware:
    """Sends a logged-in staff user who has not verified a TOTP device to set up or verify one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_verify(request):
            return redirect(f"{reverse('accounts:mfa')}?next={request.get_full_path()}")
        return self.get_response(request)

    def _must_verify(self, request: HttpRequest) -> bool:
        if not settings.REQUIRE_MFA:
            return False
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():  # type: ignore[union-attr]
            return False
        path = request.path
        exempt = (reverse("accounts:mfa"), reverse("accounts:logout"), reverse("accounts:login"))
        if path.startswith(_OPEN_PREFIXES) or path in exempt:
            return False
        return access_of(user).is_staff_member
