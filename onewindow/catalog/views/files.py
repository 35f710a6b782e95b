"""Blank forms (空白表格) and examples (示例样表) of a drafted item's materials."""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from onewindow.accounts.decorators import page_for
from onewindow.catalog import selectors, services
from onewindow.catalog.choices import EntryState, ListKind
from onewindow.catalog.models import ServiceItemVersion
from onewindow.catalog.permissions import can_edit_request, may_open_change_requests
from onewindow.common.errors import DomainError


class MaterialFileForm(forms.Form):
    material = forms.CharField(widget=forms.HiddenInput)
    slot = forms.ChoiceField(choices=list(services.MATERIAL_FILE_SLOTS.items()), widget=forms.HiddenInput)
    file = forms.FileField(label=_("选择文件"))


def _draft(change_request: Any, version_id: int) -> ServiceItemVersion:
    row = (
        ServiceItemVersion.objects.filter(pk=version_id, change_request=change_request, state=EntryState.DRAFT, is_cancellation=False)
        .prefetch_related("materials__situation")
        .first()
    )
    if change_request.list_kind != ListKind.SERVICE or row is None:
        raise Http404
    return row


@require_http_methods(["GET", "POST"])
@page_for(may_open_change_requests)
def material_files(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    """List the draft's materials with their files; POST attaches or removes one file."""
    change_request = selectors.change_request_get(user=request.user, pk=pk)
    version = _draft(change_request, version_id)
    editable = can_edit_request(request.user, change_request) and change_request.status in services.EDITABLE
    if request.method == "POST":
        if not editable:
            messages.error(request, _("该申请已不能修改。"))
        else:
            _handle_post(request, change_request, version)
        return redirect("catalog:material_files", pk=pk, version_id=version_id)
    context = {"cr": change_request, "version": version, "editable": editable, "slots": services.MATERIAL_FILE_SLOTS}
    return render(request, "catalog/workbench/material_files.html", context)


def _handle_post(request: HttpRequest, change_request: Any, version: ServiceItemVersion) -> None:
    try:
        if request.POST.get("remove"):
            services.material_file_remove(
                actor=request.user,
                change_request=change_request,
                version_id=version.pk,
                material_code=request.POST.get("material", ""),
                slot=request.POST.get("slot", ""),
            )
            messages.success(request, _("附件已移除。"))
            return
        form = MaterialFileForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, _("请选择要上传的文件。"))
            return
        upload = form.cleaned_data["file"]
        services.material_file_attach(
            actor=request.user,
            change_request=change_request,
            version_id=version.pk,
            material_code=form.cleaned_data["material"],
            slot=form.cleaned_data["slot"],
            upload=upload,
            name=upload.name,
        )
        messages.success(request, _("附件已上传。"))
    except DomainError as error:
        messages.error(request, error.message)
