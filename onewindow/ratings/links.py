"""The signed rating link sent to the applicant by SMS and printed as a QR code on the result (`/r/<token>/`).

The token names the case (its number), signed with the site's secret and a salt of its own, so it
cannot be made up or turned into another case's link; it opens the rating page without a login and
stays valid for `LINK_MAX_AGE_DAYS` days after it was made.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.urls import reverse

SALT = "onewindow.ratings.case-link"
LINK_MAX_AGE_DAYS = 90


def case_token(case: object) -> str:
    """The token of `case`'s rating link."""
    return signing.dumps(case.number, salt=SALT)  # type: ignore[attr-defined]


def case_number_of(token: str) -> str | None:
    """The case number a valid, unexpired token names; None for anything else."""
    try:
        number = signing.loads(token, salt=SALT, max_age=dt.timedelta(days=LINK_MAX_AGE_DAYS))
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return number if isinstance(number, str) and number else None


def token_names(token: str | None, case: object) -> bool:
    return bool(token) and case_number_of(token or "") == case.number  # type: ignore[attr-defined]


def rating_path(case: object) -> str:
    """The site path of `case`'s signed rating link (for messages, which add the site address)."""
    return reverse("ratings:link", args=[case_token(case)])


def absolute(path: str) -> str:
    """A site path as the public address (`SITE_URL`), as a phone scans it off a QR code or an SMS."""
    base = getattr(settings, "SITE_URL", "") or "http://127.0.0.1:8000"
    return urljoin(base.rstrip("/") + "/", path.lstrip("/"))


def rating_url(case: object) -> str:
    """The absolute address of `case`'s rating link."""
    return absolute(rating_path(case))
