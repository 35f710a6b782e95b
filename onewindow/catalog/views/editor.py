"""The draft editor: a department admin or a list manager writes one entry of a change request.

One page holds the entry's whole document (fields, then repeatable rows added without reloading
through htmx). Saving validates the whole document and stores it as a draft of the request;
every problem is shown on its field, with a linked summary on top, and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from onewindow.catalog.editor import (
    DRAFT,
    NEW,
    EditorContext,
    EntryForms,
    bind_forms,
    document_from_forms,
    error_summary,
    forms_from_document,
    new_row,
    page_parts,
    place_problems,
    refreshed_document,
    row_view,
)
from onewindow.catalog.models import ChangeRequest
from onewindow.catalog.permissions import can_edit_request
from onewindow.catalog.selectors import change_request_get
from onewindow.catalog.services import EDITABLE, change_request_save_draft
from onewindow.common.errors import Conflict, Forbidden, InvalidInput, NotFound

View = Callable[..., HttpResponse]


def editor_view(view: View) -> View:
    """Anonymous visitors log in first; a request the user may not see is 404, one they may not edit 403."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, cr_pk: int, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            change_request = change_request_get(user=request.user, pk=cr_pk)
            if not can_edit_request(request.user, change_request):
                raise PermissionDenied
            return view(request, change_request, *args, **kwargs)
        except NotFound as error:
            raise Http404(error.message) from None

    return wrapped


@editor_view
@require_http_methods(["GET", "POST"])
def editor_item(request: HttpRequest, change_request: ChangeRequest, code: str | None = None) -> HttpResponse:
    """Write a new entry of the request's list, or change entry `code`.

    An entry already drafted in this request opens with that draft, otherwise with its current version.
    """
    if change_request.status not in EDITABLE:
        return _locked(request, change_request)
    context = EditorContext.open(change_request, code)
    if request.method == "GET":
        document, source = context.starting_document()
        return _render(request, context, forms_from_document(document, context), source=source)
    entry_forms = bind_forms(request.POST, context)
    if "_refresh" in request.POST:
        # Re-offer units, powers and situations after the department or the situations changed, saving nothing.
        document = refreshed_document(entry_forms)
        return _render(request, context, forms_from_document(document, context), partial=bool(request.htmx))  # type: ignore[attr-defined]
    return _save(request, context, entry_forms)


def _save(request: HttpRequest, context: EditorContext, entry_forms: EntryForms) -> HttpResponse:
    forms_valid = entry_forms.is_valid()
    document = document_from_forms(entry_forms)
    try:
        if forms_valid:
            change_request_save_draft(actor=request.user, change_request=context.change_request, document=document)
        else:
            context.check(document)  # writes nothing: only finds the rest of the problems at once
    except InvalidInput as error:
        place_problems(entry_forms, error.details or [{"field": "", "message": error.message}])
    except (Forbidden, Conflict) as error:
        messages.error(request, error.message)
        return redirect(_request_url(context.change_request) or reverse("workbench:home"))
    else:
        if forms_valid:
            key = document[context.layout.key_field]
            messages.success(request, _("“%(name)s”已保存为本申请的草稿。") % {"name": _entry_name(document) or key})
            return redirect(_request_url(context.change_request) or reverse("catalog:editor_item", args=[context.change_request.pk, key]))
    return _render(request, context, entry_forms)


@editor_view
@require_GET
def editor_row(request: HttpRequest, change_request: ChangeRequest, section: str) -> HttpResponse:
    """A blank row of a repeatable part (htmx): the form at the next index, and the raised row count."""
    if change_request.status not in EDITABLE:
        raise PermissionDenied
    context = EditorContext.open(change_request)
    part = context.layout.section(section)
    if part is None:
        raise Http404
    form, index = new_row(context, part, request.GET)
    first = next(name for name in form.fields if name not in part.form.auto_fields)
    form.fields[first].widget.attrs["autofocus"] = True
    context_data = {"change_request": change_request, "section": part, "row": row_view(part, form, index), "total": index + 1}
    return render(request, "catalog/editor/_row_added.html", context_data)


def _render(
    request: HttpRequest, context: EditorContext, entry_forms: EntryForms, *, source: str = "", partial: bool = False
) -> HttpResponse:
    change_request = context.change_request
    owner = context.fixed_values().get(context.layout.owner_field or "")
    data = {
        "change_request": change_request,
        "editor": context,
        "title": _page_title(context, entry_forms),
        "source": source,
        "source_draft": source == DRAFT,
        "source_new": source == NEW,
        "errors": error_summary(entry_forms),
        "request_url": _request_url(change_request),
        # Units offered by a new stage row are those of the fixed department (a disabled select is not sent).
        "row_query": f"?{urlencode({'department': owner})}" if owner else "",
        **page_parts(entry_forms, refresh_url=request.path),
    }
    template = "catalog/editor/_form.html" if partial else "catalog/editor/entry.html"
    return render(request, template, data)


def _locked(request: HttpRequest, change_request: ChangeRequest) -> HttpResponse:
    """Only drafts and returned requests can be edited; say so instead of a bare 403."""
    data = {"change_request": change_request, "request_url": _request_url(change_request)}
    return render(request, "catalog/editor/locked.html", data, status=403)


def _page_title(context: EditorContext, entry_forms: EntryForms) -> str:
    if context.is_new:
        return _("新增条目:%(list)s") % {"list": context.change_request.get_list_kind_display()}
    main = entry_forms.main
    name = main["name"].value() if "name" in main.fields else main["matter"].value()
    return _("修改条目:%(name)s") % {"name": name or context.fixed_values().get(context.layout.key_field, "")}


def _entry_name(document: dict[str, Any]) -> str:
    return str(document.get("name") or document.get("matter") or "")


def _request_url(change_request: ChangeRequest) -> str:
    """The change request's page, once the workbench pages provide it."""
    try:
        return reverse("catalog:cr_detail", kwargs={"pk": change_request.pk})
    except NoReverseMatch:
        return ""
