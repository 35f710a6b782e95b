"""API authentication: bearer tokens for integrations, the session (with CSRF) for pages."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from onewindow.accounts.mfa import is_verified, mfa_required_for
from onewindow.accounts.models import ApiToken
from onewindow.accounts.tokens import hash_token
from onewindow.common import time

# Writing last_used_at on every request would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


class TokenAuth(HttpBearer):
    """`Authorization: Bearer ow_…`: a named, revocable token of an active user."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        record = ApiToken.objects.select_related("user").filter(key_hash=hash_token(token)).first()
        if record is None or not record.is_active or not record.user.is_active:
            return None
        moment = time.now()
        if record.last_used_at is None or moment - record.last_used_at > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=record.pk).update(last_used_at=moment)
        request.user = record.user
        request.api_token = record  # type: ignore[attr-defined]
        return record.user


class SessionUserAuth(SessionAuth):
    """The logged-in page user (CSRF is checked for unsafe methods).

    A staff member who must use two-factor authentication counts only once verified; the MFA
    middleware leaves /api/ alone, so this is where an unverified session is refused.
    """

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_active:
            return None
        if mfa_required_for(user) and not is_verified(user):
            return None
        return user


# Endpoints that need a user accept either; public endpoints use auth=None.
user_auth = [TokenAuth(), SessionUserAuth()]
