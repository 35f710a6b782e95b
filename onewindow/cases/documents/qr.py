"""The QR code printed on every document: the absolute address of its public verification page."""

from __future__ import annotations

from urllib.parse import urljoin

import segno
from django.conf import settings
from django.urls import reverse


def verification_url(code: str) -> str:
    """The verification page of `code` on the public site (`SITE_URL`), as a phone scans it off paper."""
    base = getattr(settings, "SITE_URL", "") or "http://127.0.0.1:8000"
    return urljoin(base.rstrip("/") + "/", reverse("cases:document_verify", args=[code]).lstrip("/"))


def qr_data_uri(url: str) -> str:
    """`url` as a QR code (error correction M, a 4-module quiet zone) in a `data:` URI of SVG."""
    return str(segno.make_qr(url, error="m").svg_data_uri(scale=4, border=4, dark="#000", light="#fff"))
