"""Staff pages of the catalog (放): change requests and their review, the version history and its
diffs, themes and synonyms, and the catalog metrics.

Department admins draft changes for their department; list managers review and publish them
(四眼原则: never their own). Every write calls a service in `onewindow.catalog.services`; the
errors it raises become messages on the page, the form keeping what was typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Count, Max, Model, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from onewindow.accounts.access import jurisdiction_q, regions_of
from onewindow.accounts.choices import Role
from onewindow.accounts.decorators import is_staff_member, page_for
from onewindow.audit.selectors import object_trail
from onewindow.catalog import selectors, services
from onewindow.catalog.choices import ChangeRequestStatus, EntryState, ExerciseLevel, ListKind
from onewindow.catalog.documents.diff import FieldChange
from onewindow.catalog.documents.registry import ListSpec, spec_for
from onewindow.catalog.forms import (
    CancelEntryForm,
    ChangeRequestFilterForm,
    ChangeRequestForm,
    PublishForm,
    ReturnForm,
    SynonymForm,
    ThemeForm,
    VersionDiffForm,
)
from onewindow.catalog.metrics import can_view_metrics, catalog_metrics, metrics_departments
from onewindow.catalog.models import (
    CatalogVersion,
    ChangeRequest,
    DutyShare,
    ItemFee,
    LegalBasis,
    MaterialRequirement,
    Responsibility,
    ServiceItem,
    Situation,
    Stage,
    Synonym,
    Theme,
)
from onewindow.catalog.permissions import can_edit_request, can_manage_lists, may_maintain_reference_data, may_open_change_requests
from onewindow.common.codes import parse_id
from onewindow.common.errors import Conflict, DomainError, Forbidden, InvalidInput
from onewindow.common.pagination import Page, paginate
from onewindow.orgs.models import Department, Region

# Regions ----------------------------------------------------------------------------------------


def _chosen_region(request: HttpRequest, regions: list[Region]) -> Region:
    """The region asked for by `?region=<code>` among `regions`, else the first of them."""
    if not regions:
        raise PermissionDenied
    code = request.GET.get("region")
    return next((region for region in regions if region.code == code), regions[0])


def _page(request: HttpRequest, queryset: Any, ordering: tuple[str, ...]) -> Page:
    """One page after `?cursor=`; a damaged cursor starts over at the first page."""
    try:
        return paginate(queryset, ordering=ordering, cursor=request.GET.get("cursor") or None)
    except InvalidInput as error:
        messages.warning(request, error.message)
        return paginate(queryset, ordering=ordering)


# Change requests: list and create ----------------------------------------------------------------


@page_for(may_open_change_requests)
@require_GET
@vary_on_headers("HX-Request")
def cr_list(request: HttpRequest) -> HttpResponse:
    """The change requests the user may see, newest first, filtered by status, list and kind."""
    form = ChangeRequestFilterForm(request.GET or None)
    rows = selectors.change_requests_visible_to(request.user).select_related("region", "department", "drafted_by")
    if form.is_valid():
        filters = {name: value for name, value in form.cleaned_data.items() if value}
        rows = rows.filter(**filters)
    context = {"form": form, "page": _page(request, rows, ("-created_at", "-id"))}
    htmx = getattr(request, "htmx", None)
    partial = htmx is not None and bool(htmx) and not htmx.history_restore_request  # a restored history entry needs the whole page
    template = "catalog/workbench/_cr_table.html" if partial else "catalog/workbench/cr_list.html"
    return render(request, template, context)


def _drafting_scope(user: Any) -> dict[str, Any]:
    """The regions whose lists the user manages and the departments the user may draft for."""
    regions = regions_of(user, {Role.LIST_MANAGER})
    reach = jurisdiction_q(user, [Role.LIST_MANAGER, Role.DEPARTMENT_ADMIN], department_field="pk", region_code_field="region__code")
    departments = Department.objects.filter(reach, is_active=True).select_related("region").order_by("region__code", "sort_order", "id")
    return {"regions": regions, "departments": departments, "manages_lists": bool(regions)}


def _request_region(data: dict[str, Any], regions: list[Region]) -> Region:
    """The region a new request belongs to: the one chosen, the managed region holding the
    department, or (for a department admin) the department's own region."""
    if data.get("region"):
        return data["region"]
    department = data.get("department")
    fitting = [region for region in regions if department is None or region.contains(department.region)]
    if fitting:
        return fitting[0]
    # A department admin's request belongs to the department's region (the form requires one of them).
    return department.region if department is not None else regions[0]


@page_for(may_open_change_requests)
@require_http_methods(["GET", "POST"])
def cr_create(request: HttpRequest) -> HttpResponse:
    """Open a change request; its entries are drafted on its page."""
    scope = _drafting_scope(request.user)
    form = ChangeRequestForm(request.POST or None, **scope)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change_request = services.change_request_create(
                actor=request.user,
                region=_request_region(data, scope["regions"]),
                department=data.get("department"),
                list_kind=data["list_kind"],
                kind=data["kind"],
                title=data["title"],
                reason=data["reason"],
                legal_basis=data["legal_basis"],
            )
        except (InvalidInput, Forbidden) as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("变更申请已创建,请起草其条目后提交审核。"))
            return redirect("catalog:cr_detail", pk=change_request.pk)
    return render(request, "catalog/workbench/cr_form.html", {"form": form}, status=400 if form.errors else 200)


# Change requests: detail and actions -------------------------------------------------------------


@dataclass(frozen=True)
class Actions:
    """What the user may do with a request in its current status."""

    editable: bool  # draft entries, submit, withdraw
    review: bool  # return, publish
    publish_blocked: str  # why publishing is refused to this user ("" when it is not)


def _actions(user: Any, change_request: ChangeRequest) -> Actions:
    editable = change_request.status in services.EDITABLE and can_edit_request(user, change_request)
    review = change_request.status == ChangeRequestStatus.SUBMITTED and can_manage_lists(user, change_request.region)
    blocked = _("变更申请不能由起草人本人审核发布(四眼原则),请由其他清单管理人员发布。") if change_request.drafted_by_id == user.pk else ""
    return Actions(editable=editable, review=review, publish_blocked=blocked)


# The code and name of a draft row of each list, as paths from the version row.
ENTRY_CODE = {
    ListKind.SERVICE: "service_item__implementation_code",
    ListKind.POWER: "power_item__code",
    ListKind.FEE: "entry__code",
    ListKind.INTERMEDIARY: "service__code",
    ListKind.DUTY_BOUNDARY: "boundary__code",
}
ENTRY_NAME = {ListKind.DUTY_BOUNDARY: "matter"}


@dataclass(frozen=True)
class DraftEntry:
    """One entry drafted in a request: a new entry, a changed one, or a cancellation."""

    version_id: int
    code: str
    name: str
    change: str  # new | changed | cancelled
    editor_url: str | None


def _editor_url(**kwargs: Any) -> str | None:
    """The item editor's page (another module's), or None while it does not exist."""
    try:
        return reverse("catalog:editor_item", kwargs=kwargs)
    except NoReverseMatch:
        return None


def _draft_entries(change_request: ChangeRequest, editable: bool) -> list[DraftEntry]:
    spec = spec_for(change_request.list_kind)
    code_path, name_field = ENTRY_CODE[spec.kind], ENTRY_NAME.get(spec.kind, "name")
    rows = spec.version._default_manager.filter(change_request=change_request, state=EntryState.DRAFT).order_by("pk")
    entries = []
    for row in rows.values("pk", "is_cancellation", "base_version_id", code_path, name_field):
        change = "cancelled" if row["is_cancellation"] else "changed" if row["base_version_id"] else "new"
        editor = _editor_url(cr_pk=change_request.pk, code=row[code_path]) if editable and change != "cancelled" else None
        entries.append(DraftEntry(row["pk"], row[code_path], row[name_field], change, editor))
    return entries


def _request_diffs(change_request: ChangeRequest, version: CatalogVersion | None) -> list[selectors.EntryDiff]:
    """Drafts against the current rows; once published, the version the request became."""
    if change_request.status != ChangeRequestStatus.PUBLISHED:
        return selectors.change_request_diff(change_request=change_request)
    if version is None:
        return []
    return selectors.version_diff(
        region=change_request.region, old_number=version.number - 1, new_number=version.number, list_kind=change_request.list_kind
    )


def _render_detail(request: HttpRequest, change_request: ChangeRequest, *, status: int = 200, **forms: Any) -> HttpResponse:
    actions = _actions(request.user, change_request)
    version = CatalogVersion.objects.filter(change_request=change_request).first()
    context = {
        "kept_comment": _kept_comment(forms, actions),
        "cr": change_request,
        "actions": actions,
        "entries": _draft_entries(change_request, actions.editable),
        "diffs": present_diffs(_request_diffs(change_request, version)),
        "trail": object_trail(user=request.user, obj=change_request),
        "version": version,
        "new_entry_url": _editor_url(cr_pk=change_request.pk) if actions.editable else None,
        "return_form": forms.get("return_form") or ReturnForm(),
        "publish_form": forms.get("publish_form") or PublishForm(),
        "cancel_form": forms.get("cancel_form") or CancelEntryForm(),
    }
    return render(request, "catalog/workbench/cr_detail.html", context, status=status)


def _kept_comment(forms: dict[str, Any], actions: Actions) -> str:
    """A review comment typed for an action the request no longer allows, so it is not lost."""
    if actions.review:
        return ""
    typed = [form.data.get("comment", "") for form in (forms.get("return_form"), forms.get("publish_form")) if form is not None]
    return next((text.strip() for text in typed if text.strip()), "")


@page_for(may_open_change_requests)
@require_GET
def cr_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A request: header, status, its entries against the current lists, history, actions."""
    return _render_detail(request, selectors.change_request_get(user=request.user, pk=pk))


ERROR_STATUS = {InvalidInput: 400, Forbidden: 403, Conflict: 409}


def _error_text(error: DomainError) -> str:
    if isinstance(error, Conflict):
        return _("操作未完成:该申请已被他人处理或状态已变化。%(reason)s") % {"reason": error.message}
    return error.message


def _perform(
    request: HttpRequest, pk: int, action: Callable[[ChangeRequest], Any], success: str | Callable[[Any], str], **forms: Any
) -> HttpResponse:
    """Run `action` on the request; on success back to its page with `success` (a text, or made
    from what the action returned), else the page with the message and the forms as typed (the
    request re-read, as someone else may have changed it)."""
    change_request = selectors.change_request_get(user=request.user, pk=pk)
    try:
        result = action(change_request)
    except (InvalidInput, Forbidden, Conflict) as error:
        messages.error(request, _error_text(error))
        fresh = selectors.change_request_get(user=request.user, pk=pk)
        return _render_detail(request, fresh, status=ERROR_STATUS[type(error)], **forms)
    messages.success(request, success(result) if callable(success) else success)
    return redirect("catalog:cr_detail", pk=pk)


@page_for(may_open_change_requests)
@require_POST
def cr_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _perform(
        request,
        pk,
        lambda cr: services.change_request_submit(actor=request.user, change_request=cr),
        _("变更申请已提交,等待清单管理人员审核。"),
    )


@page_for(may_open_change_requests)
@require_POST
def cr_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _perform(request, pk, lambda cr: services.change_request_withdraw(actor=request.user, change_request=cr), _("变更申请已撤回。"))


@page_for(may_open_change_requests)
@require_POST
def cr_return(request: HttpRequest, pk: int) -> HttpResponse:
    """A list manager returns the request to its drafter with a comment."""
    form = ReturnForm(request.POST)
    if not form.is_valid():
        change_request = selectors.change_request_get(user=request.user, pk=pk)
        return _render_detail(request, change_request, status=400, return_form=form)
    comment = form.cleaned_data["comment"]
    return _perform(
        request,
        pk,
        lambda cr: services.change_request_return(actor=request.user, change_request=cr, comment=comment),
        _("变更申请已退回起草人修改。"),
        return_form=form,
    )


@page_for(may_open_change_requests)
@require_POST
def cr_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """A list manager (not the drafter) publishes the request as the region's next version."""
    form = PublishForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    return _perform(
        request,
        pk,
        lambda cr: services.change_request_publish(actor=request.user, change_request=cr, comment=comment),
        lambda version: _("变更申请已发布,生成清单第%(n)d版。") % {"n": version.number},
        publish_form=form,
    )


@page_for(may_open_change_requests)
@require_POST
def cr_remove_entry(request: HttpRequest, pk: int, version_id: int) -> HttpResponse:
    return _perform(
        request,
        pk,
        lambda cr: services.change_request_remove_entry(actor=request.user, change_request=cr, version_id=version_id),
        _("条目已移出该变更申请。"),
    )


@page_for(may_open_change_requests)
@require_POST
def cr_cancel_entry(request: HttpRequest, pk: int) -> HttpResponse:
    """Draft the cancellation of a current entry by its code; a wrong code is shown at the field."""
    change_request = selectors.change_request_get(user=request.user, pk=pk)
    form = CancelEntryForm(request.POST)
    if form.is_valid():
        try:
            services.change_request_cancel_entry(actor=request.user, change_request=change_request, code=form.cleaned_data["code"])
        except InvalidInput as error:
            form.add_error("code", error.message)
        except (Forbidden, Conflict) as error:
            messages.error(request, _error_text(error))
            fresh = selectors.change_request_get(user=request.user, pk=pk)
            return _render_detail(request, fresh, status=ERROR_STATUS[type(error)], cancel_form=form)
        else:
            messages.success(request, _("已起草取消“%(code)s”。") % {"code": form.cleaned_data["code"]})
            return redirect("catalog:cr_detail", pk=pk)
    return _render_detail(request, change_request, status=400, cancel_form=form)


# Diffs as shown ----------------------------------------------------------------------------------

# Rows of these document lists are described by these models (labels and choices of their fields).
ROW_MODELS: dict[str, type[Model]] = {
    "situations": Situation,
    "materials": MaterialRequirement,
    "stages": Stage,
    "fees": ItemFee,
    "legal_bases": LegalBasis,
    "responsibilities": Responsibility,
    "shares": DutyShare,
}
# Document keys that are not (or not plainly) model fields.
KEY_LABELS: dict[str, Any] = {
    "department": gettext_lazy("部门"),
    "code": gettext_lazy("编码"),
    "basic_code": gettext_lazy("基本编码"),
    "implementation_code": gettext_lazy("实施编码"),
    "power_code": gettext_lazy("对应权力事项编码"),
    "parent_code": gettext_lazy("主项编码"),
    "situations": gettext_lazy("办事情形"),
    "materials": gettext_lazy("申请材料"),
    "fees": gettext_lazy("收费项目"),
    "fee_code": gettext_lazy("收费目录编码"),
    "stages": gettext_lazy("办理环节"),
    "legal_bases": gettext_lazy("设定依据"),
    "responsibilities": gettext_lazy("责任事项"),
    "accountability_rules": gettext_lazy("追责情形"),
    "shares": gettext_lazy("配合部门及职责"),
    "situation": gettext_lazy("办事情形"),
    "levels": gettext_lazy("行使层级"),
}
KEY_CHOICES: dict[str, dict[Any, str]] = {"levels": dict(ExerciseLevel.choices)}
_PATH = re.compile(r"^(?P<key>\w+)(?:\[(?P<row>[^\]]*)\])?(?:\.(?P<sub>\w+))?$")


@dataclass(frozen=True)
class Shown:
    """A value as shown in a diff cell: one text, or lines (a row's fields, or a list of rows)."""

    text: str = ""
    lines: list[str] = field(default_factory=list)
    empty: bool = False


@dataclass(frozen=True)
class DiffLine:
    label: str
    old: Shown
    new: Shown
    kind: str  # added | removed | changed


@dataclass(frozen=True)
class EntryView:
    list_label: str
    key: str
    name: str
    status: str  # added | removed | changed
    lines: list[DiffLine]

    @property
    def marks_lines(self) -> bool:
        """Only a changed entry marks its values as deleted/inserted; a whole entry is one or the other."""
        return self.status == "changed"


def _model_field(model: type[Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _key_label(models: tuple[type[Model] | None, ...], name: str) -> str:
    for model in models:
        found = _model_field(model, name)
        if found is not None and not found.auto_created and hasattr(found, "verbose_name"):
            return str(found.verbose_name)
    return str(KEY_LABELS.get(name, name))


def _text(models: tuple[type[Model] | None, ...], name: str, value: Any) -> str:
    """A scalar (or list of scalars) in words: choice labels, 是/否, lists joined by 、."""
    if isinstance(value, list):
        return "、".join(_text(models, name, item) for item in value) or _("(无)")
    if isinstance(value, bool):
        return _("是") if value else _("否")
    choices = KEY_CHOICES.get(name)
    if choices is None:
        found = next((f for f in (_model_field(m, name) for m in models) if f is not None), None)
        choices = dict(found.flatchoices) if found is not None and getattr(found, "choices", None) else {}
    if value in choices:
        return str(choices[value])
    return str(value) if value != "" else _("(空)")


def _row_line(model: type[Model] | None, row: dict[str, Any]) -> str:
    return ";".join(f"{_key_label((model,), k)}:{_text((model,), k, v)}" for k, v in row.items())


def _shown(models: tuple[type[Model] | None, ...], name: str, value: Any) -> Shown:
    if value is None:
        return Shown(empty=True)
    row_model = ROW_MODELS.get(name)
    if isinstance(value, dict):
        return Shown(lines=[f"{_key_label((row_model, *models), k)}:{_text((row_model, *models), k, v)}" for k, v in value.items()])
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return Shown(lines=[_row_line(row_model, item) for item in value])
    return Shown(text=_text(models, name, value))


def _change_line(spec: ListSpec, change: FieldChange) -> DiffLine:
    """One changed field path (`materials[M01].name`) with its label and both values."""
    models: tuple[type[Model] | None, ...] = (spec.version, spec.identity)
    match = _PATH.match(change.path)
    if match is None:
        return DiffLine(change.path, _shown(models, "", change.old), _shown(models, "", change.new), change.kind)
    key, row, sub = match["key"], match["row"], match["sub"]
    label = _key_label(models, key) + (f" {row}" if row is not None else "")
    if sub:
        row_models = (ROW_MODELS.get(key),)
        label += f" · {_key_label(row_models, sub)}"
        return DiffLine(label, _shown(row_models, sub, change.old), _shown(row_models, sub, change.new), change.kind)
    if row is not None:  # a whole row added or removed: show its fields
        row_models = (ROW_MODELS.get(key),)
        old = Shown(empty=True) if change.old is None else Shown(lines=[_row_line(row_models[0], change.old)])
        new = Shown(empty=True) if change.new is None else Shown(lines=[_row_line(row_models[0], change.new)])
        return DiffLine(label, old, new, change.kind)
    return DiffLine(label, _shown(models, key, change.old), _shown(models, key, change.new), change.kind)


def _whole_entry_lines(spec: ListSpec, document: dict[str, Any], added: bool) -> list[DiffLine]:
    """Every field of an added (or cancelled) entry, on its side of the diff."""
    models: tuple[type[Model] | None, ...] = (spec.version, spec.identity)
    lines = []
    for key, value in document.items():
        shown = _shown(models, key, value)
        old, new = (Shown(empty=True), shown) if added else (shown, Shown(empty=True))
        lines.append(DiffLine(_key_label(models, key), old, new, "added" if added else "removed"))
    return lines


def present_diffs(diffs: list[selectors.EntryDiff]) -> list[EntryView]:
    """The entry diffs of a request or between versions, labelled in Chinese for the page."""
    views = []
    for diff in diffs:
        spec = spec_for(diff.list_kind)
        if diff.status == "changed":
            lines = [_change_line(spec, change) for change in diff.changes]
        else:
            lines = _whole_entry_lines(spec, (diff.new if diff.status == "added" else diff.old) or {}, diff.status == "added")
        views.append(EntryView(str(ListKind(diff.list_kind).label), diff.key, diff.name, diff.status, lines))
    return views


# Versions ----------------------------------------------------------------------------------------


@page_for(is_staff_member)
@require_GET
def versions(request: HttpRequest) -> HttpResponse:
    """The region's numbered versions, newest first, each linked to its diff (and its request,
    for those who may see it)."""
    regions = regions_of(request.user)
    region = _chosen_region(request, regions)
    page = _page(request, selectors.catalog_versions(region=region), ("-number", "-id"))
    request_ids = [version.change_request_id for version in page.items]
    visible = set(selectors.change_requests_visible_to(request.user).filter(pk__in=request_ids).values_list("pk", flat=True))
    context = {"regions": regions, "region": region, "page": page, "visible_request_ids": visible}
    return render(request, "catalog/workbench/versions.html", context)


@page_for(is_staff_member)
@require_GET
def version_diff(request: HttpRequest) -> HttpResponse:
    """Every entry changed between two versions (`?from=N&to=M`, by default the latest and the
    one before), side by side."""
    regions = regions_of(request.user)
    region = _chosen_region(request, regions)
    latest = CatalogVersion.objects.filter(region=region).aggregate(n=Max("number"))["n"] or 0
    form = VersionDiffForm(request.GET, latest=latest)
    entries: list[EntryView] = []
    compared: tuple[int, int] | None = None
    if latest and form.is_valid():
        data = form.cleaned_data
        compared = (data["from"], data["to"])
        diffs = selectors.version_diff(region=region, old_number=data["from"], new_number=data["to"], list_kind=data["list"] or None)
        entries = present_diffs(diffs)
    context = {"regions": regions, "region": region, "form": form, "latest": latest, "entries": entries, "compared": compared}
    return render(request, "catalog/workbench/version_diff.html", context, status=400 if latest and form.errors else 200)


# Themes and synonyms -----------------------------------------------------------------------------


@page_for(may_maintain_reference_data)
@require_GET
def theme_list(request: HttpRequest) -> HttpResponse:
    """The browsing themes with how many current items each holds."""
    current = Q(item_versions__state=EntryState.PUBLISHED, item_versions__valid_to__isnull=True, item_versions__is_cancellation=False)
    rows = Theme.objects.annotate(item_count=Count("item_versions", filter=current)).order_by("sort", "id")
    return render(request, "catalog/workbench/theme_list.html", {"themes": rows})


@page_for(may_maintain_reference_data)
@require_http_methods(["GET", "POST"])
def theme_edit(request: HttpRequest, code: str | None = None) -> HttpResponse:
    """Create a theme, or edit the one with `code` (its code stays)."""
    theme = Theme.objects.filter(code=code).first() if code else None
    if code and theme is None:
        raise Http404
    initial = {name: getattr(theme, name) for name in ("code", "name", "kind", "audience", "sort")} if theme else None
    form = ThemeForm(request.POST or None, initial=initial, editing=theme is not None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if theme is None and Theme.objects.filter(code=data["code"]).exists():
            form.add_error("code", _("该代码已被其他主题使用。"))
        else:
            try:
                services.theme_save(
                    actor=request.user,
                    code=data["code"],
                    name=data["name"],
                    kind=data["kind"],
                    audience=data["audience"],
                    sort=data["sort"],
                )
            except (InvalidInput, Forbidden) as error:
                form.add_service_error(error)
            else:
                messages.success(request, _("主题“%(name)s”已保存。") % {"name": data["name"]})
                return redirect("catalog:theme_list")
    status = 400 if form.errors else 200
    return render(request, "catalog/workbench/theme_form.html", {"form": form, "theme": theme}, status=status)


SYNONYM_ERROR_FIELDS = {"invalid_synonym": "phrase", "synonym_items_not_found": "item_codes"}


@page_for(may_maintain_reference_data)
@require_http_methods(["GET", "POST"])
def synonym_list(request: HttpRequest) -> HttpResponse:
    """The region's synonyms (what citizens type → items), with the form to add or change one."""
    regions = regions_of(request.user, {Role.LIST_MANAGER})
    region = _chosen_region(request, regions)
    rows = Synonym.objects.filter(region=region).prefetch_related(
        Prefetch("items", queryset=ServiceItem.objects.select_related("current").order_by("implementation_code"))
    )
    edit = request.GET.get("edit", "")
    edit_id = parse_id(edit)
    editing = rows.filter(pk=edit_id).first() if edit_id is not None else None
    initial = {"phrase": editing.phrase, "item_codes": " ".join(i.implementation_code for i in editing.items.all())} if editing else None
    form = SynonymForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.synonym_save(
                actor=request.user, region=region, phrase=form.cleaned_data["phrase"], item_codes=form.cleaned_data["item_codes"]
            )
        except (InvalidInput, Forbidden) as error:
            form.add_error(SYNONYM_ERROR_FIELDS.get(error.code), error.message)
        else:
            messages.success(request, _("同义词“%(phrase)s”已保存。") % {"phrase": form.cleaned_data["phrase"]})
            return redirect(f"{reverse('catalog:synonym_list')}?region={region.code}")
    context = {"regions": regions, "region": region, "synonyms": rows, "form": form, "editing": editing}
    return render(request, "catalog/workbench/synonym_list.html", context, status=400 if form.errors else 200)


@page_for(may_maintain_reference_data)
@require_POST
def synonym_delete(request: HttpRequest, pk: int) -> HttpResponse:
    regions = regions_of(request.user, {Role.LIST_MANAGER})
    synonym = Synonym.objects.filter(pk=pk, region__in=regions).select_related("region").first()
    if synonym is None:
        raise Http404
    try:
        services.synonym_delete(actor=request.user, synonym=synonym)
    except Forbidden as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("同义词“%(phrase)s”已删除。") % {"phrase": synonym.phrase})
    return redirect(f"{reverse('catalog:synonym_list')}?region={synonym.region.code}")


# Metrics -----------------------------------------------------------------------------------------


@page_for(can_view_metrics)
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """The catalog metrics of a region (list managers, system admins) or of one's departments."""
    regions = regions_of(request.user, {Role.LIST_MANAGER, Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN})
    region = _chosen_region(request, regions)
    allowed = metrics_departments(user=request.user, region=region)
    offered = allowed if allowed is not None else Department.objects.filter(region__code__startswith=region.prefix, is_active=True)
    choices = list(offered.order_by("sort_order", "id"))
    department = next((d for d in choices if str(d.pk) == request.GET.get("department")), None)
    figures = catalog_metrics(user=request.user, region=region, department=department)
    context = {
        "regions": regions,
        "region": region,
        "departments": choices,
        "department": department,
        "whole_region": allowed is None,
        "figures": figures,
    }
    return render(request, "catalog/workbench/metrics.html", context)
