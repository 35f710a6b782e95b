"""Render a case document to PDF: the template of its kind filled from the content snapshot,
WeasyPrint with the Noto CJK fonts, stored in the default storage with its SHA-256.

Runs in the task worker (`cases.tasks.render_case_document`); a document already rendered is left
alone, a failure is recorded on the row (state failed, error text) instead of raised.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import logging
from typing import Any

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import translation

from onewindow.cases.choices import DocumentKind, DocumentState
from onewindow.cases.documents.qr import qr_data_uri, verification_url
from onewindow.cases.documents.seal import seal_data_uri
from onewindow.cases.models import CaseDocument
from onewindow.common import time
from onewindow.orgs.models import Department

logger = logging.getLogger(__name__)

# Content keys holding ISO dates, shown on paper as 2024年5月6日.
DATE_KEYS = ("date", "accepted_on", "promised_due", "gap_supply_by", "new_due")
ERROR_LIMIT = 2000


def render_document(document_id: int) -> str:
    """Render the PDF of one document, store it, and return the document's state afterwards."""
    document = CaseDocument.objects.select_related("case__department__region").get(pk=document_id)
    if document.state == DocumentState.READY:
        return document.state
    try:
        pdf = document_pdf(document)
        document.file.save(f"{document.number}.pdf", ContentFile(pdf), save=False)
    except Exception as error:  # whatever went wrong is kept on the row for staff; the worker goes on
        logger.exception("rendering case document %s failed", document.pk)
        document.state = DocumentState.FAILED
        document.error = f"{type(error).__name__}: {error}"[:ERROR_LIMIT]
        document.save(update_fields=["state", "error"])
        return document.state
    finally:
        gc.collect()  # WeasyPrint's layout objects hold a lot of memory in a long-running worker
    document.sha256 = hashlib.sha256(pdf).hexdigest()
    document.state = DocumentState.READY
    document.generated_at = time.now()
    document.error = ""
    document.save(update_fields=["file", "sha256", "state", "generated_at", "error"])
    return document.state


def document_pdf(document: CaseDocument) -> bytes:
    """The PDF bytes of `document` (nothing stored)."""
    from weasyprint import HTML, URLFetcher  # imported here: loading WeasyPrint costs time the web process rarely needs

    # Images are embedded as data: URIs; nothing is fetched from the network or the disk.
    fetcher = URLFetcher(allowed_protocols=("data",))
    pdf: bytes = HTML(string=document_html(document), url_fetcher=fetcher).write_pdf()
    return pdf


def document_html(document: CaseDocument) -> str:
    """The HTML the PDF is made from. Official documents are in Chinese whatever the worker's language."""
    with translation.override("zh-hans"):
        return render_to_string(template_name(document.kind), document_context(document))


def template_name(kind: str) -> str:
    return f"cases/documents/{DocumentKind(kind).value}.html"


def document_context(document: CaseDocument) -> dict[str, Any]:
    content = document.content or {}
    issuer = department_full_name(document.case.department)
    url = verification_url(document.verification_code)
    return {
        "document": document,
        "case": document.case,
        "content": content,
        "title": str(DocumentKind(document.kind).label),
        "addressee": content.get("applicant_name") or document.case.applicant_name,
        "issuer": issuer,
        "dates": {key: chinese_date(content.get(key)) for key in DATE_KEYS},
        "seal": seal_data_uri(issuer),
        "verify_url": url,
        "qr": qr_data_uri(url),
    }


def department_full_name(department: Department) -> str:
    """The name a department signs and seals with: its region's name before its own (示范县市场监督管理局)."""
    region = department.region.name
    return department.name if department.name.startswith(region) else f"{region}{department.name}"


def chinese_date(value: Any) -> str:
    """An ISO date (or date) as 2024年5月6日, the way documents print dates (GB/T 9704); "" when absent or unreadable."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return ""
    if not isinstance(value, dt.date):
        return ""
    return f"{value.year}年{value.month}月{value.day}日"
