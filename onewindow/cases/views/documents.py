"""Case documents: the PDF download for the applicant and the staff who see the case, and the
public verification page the QR code on every document opens."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from onewindow.cases.choices import DocumentState
from onewindow.cases.documents.render import chinese_date, department_full_name, render_document
from onewindow.cases.models import Case, CaseDocument
from onewindow.cases.selectors import document_by_code
from onewindow.common import time
from onewindow.common.errors import NotFound


@require_safe
@login_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """The PDF, for the case's applicant and staff who can see the case; 404 for anyone else.

    A document still pending (recorded during a bulk load, or not yet reached by the worker) is
    rendered now; one whose rendering failed is not offered.
    """
    visible = Case.objects.visible_to(request.user)
    document = CaseDocument.objects.filter(pk=pk, case__in=visible).first()
    if document is None:
        raise Http404
    if document.state == DocumentState.PENDING:
        render_document(document.pk)
        document.refresh_from_db()
    if document.state != DocumentState.READY or not document.file:
        raise Http404
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=f"{document.number}.pdf", content_type="application/pdf")
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def document_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: whether a document with this verification code was issued, and what it says in brief."""
    try:
        document = document_by_code(code)
        if document.state != DocumentState.READY:
            raise NotFound(_("未找到该文书,请核对核验码。"), code="document_not_found")
    except NotFound as error:
        return render(request, "cases/verify.html", {"message": error.message}, status=404)
    case = document.case
    context = {
        "document": document,
        "case": case,
        "department": department_full_name(case.department),
        "date": chinese_date((document.content or {}).get("date")) or chinese_date(time.local_date(document.created_at)),
    }
    return render(request, "cases/verify.html", context)
