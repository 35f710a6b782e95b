"""Staff forms of the cases workbench: the queue filters, one small form per case action, and the
window intake screen.

The forms only read what was typed; the rules are the services' (`onewindow.cases.services`),
whose errors `add_service_error` places next to the fields they name. Each action form carries
the case `revision` the page showed, so a second clerk acting on the same page is told someone
else was first instead of acting twice.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from onewindow.accounts.choices import ApplicantKind
from onewindow.cases.application import ALLOWED_PROVISIONS
from onewindow.cases.choices import CaseAction, CaseStatus, DeliveryMethod, Provision
from onewindow.cases.models import Case, CaseMaterial, StageTask
from onewindow.catalog.choices import MaterialNecessity, MaterialSource
from onewindow.catalog.forms import ServiceErrorsMixin
from onewindow.catalog.models import MaterialRequirement, ServiceItemVersion, Situation
from onewindow.common.errors import DomainError, InvalidInput
from onewindow.common.uploads import check_upload

A = CaseAction

# The queue's two tabs.
QUEUE, ALL = "queue", "all"


class CaseFilterForm(forms.Form):
    """The tabs and filters of the case list: 待办 (open cases by deadline) or 全部 (newest first)."""

    tab = forms.ChoiceField(label=_("视图"), required=False, choices=[(QUEUE, _("待办")), (ALL, _("全部"))])
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部状态")), *CaseStatus.choices[1:]])
    item = forms.CharField(label=_("事项编码"), required=False, max_length=64)

    @property
    def values(self) -> dict[str, Any]:
        """The filters as read, with the defaults when a value is missing or wrong."""
        data = self.cleaned_data if self.is_valid() else {}
        tab = data.get("tab") or QUEUE
        return {"tab": tab, "status": data.get("status") if tab == ALL else "", "item": (data.get("item") or "").strip()}


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


# Case actions ------------------------------------------------------------------------------------


class ActionForm(ServiceErrorsMixin, forms.Form):
    """The base of every action form: the revision the page showed, and the service's error codes
    that belong to one of the form's fields."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    error_fields: dict[str, str] = {}

    def __init__(self, *args: Any, case: Case, user: Any = None, **kwargs: Any) -> None:
        self.case = case
        self.user = user
        kwargs.setdefault("initial", {})["revision"] = case.revision
        super().__init__(*args, **kwargs)

    def add_service_error(self, error: DomainError) -> None:
        field = self.error_fields.get(error.code)
        if field and isinstance(error, InvalidInput) and not isinstance(error.details, dict):
            self.add_error(field, error.message)
            return
        super().add_service_error(error)

    def typed_text(self) -> list[tuple[str, str]]:
        """What was typed into the text fields (label, text), shown when the action could not be taken."""
        if not self.is_bound:
            return []
        shown = []
        for name, field in self.fields.items():
            value = str(self.data.get(self.add_prefix(name), "")).strip()
            if value and isinstance(field, forms.CharField):
                shown.append((str(field.label), value))
        return shown


def _text(label: Any, *, required: bool = False, rows: int = 3, max_length: int = 2000, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label, required=required, max_length=max_length, widget=forms.Textarea(attrs={"rows": rows}), help_text=help_text
    )


class CommentForm(ActionForm):
    comment = _text(_("备注"), rows=2)


class AcceptForm(CommentForm):
    pass


class AcceptWithGapsForm(ActionForm):
    """容缺受理: which minor materials are missing, and by when they are to be supplied."""

    gaps = forms.MultipleChoiceField(label=_("容缺材料"), required=False, widget=forms.CheckboxSelectMultiple)
    supply_by = forms.DateField(
        label=_("补齐期限"), widget=forms.DateInput(attrs={"type": "date"}), help_text=_("应晚于今天且不晚于承诺办结期限。")
    )
    comment = _text(_("备注"), rows=2)
    error_fields = {"gap_date_invalid": "supply_by", "gaps_invalid": "gaps"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        materials = [m for m in self.case.materials.all() if m.necessity == MaterialNecessity.GAP_ALLOWED]
        _choice_field(self, "gaps").choices = [(m.code, m.name) for m in materials]
        self.fields["gaps"].initial = [m.code for m in materials if m.provision == Provision.GAP]

    def add_service_error(self, error: DomainError) -> None:
        if error.code == "gaps_invalid" and isinstance(error.details, dict):
            for code, message in error.details.items():
                self.add_error("gaps", message if code == "gaps" else f"{self._name(code)}:{message}")
            return
        super().add_service_error(error)

    def _name(self, code: str) -> str:
        return next((m.name for m in self.case.materials.all() if m.code == code), code)


PROBLEM_PREFIX = "problem_"
FORM_PROBLEM = "form"


class RequestCorrectionForm(ActionForm):
    """一次性告知: what is wrong with each material (and the form), all in one notice."""

    comment = _text(_("其他说明"), rows=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for material in self.case.materials.all():
            self.fields[PROBLEM_PREFIX + material.code] = _text(material.name, rows=1, help_text=material.get_provision_display())
        self.fields[PROBLEM_PREFIX + FORM_PROBLEM] = _text(_("申请表单"), rows=1)
        self.order_fields([name for name in self.fields if name.startswith(PROBLEM_PREFIX)])

    @property
    def problem_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(PROBLEM_PREFIX)]

    @property
    def problems(self) -> dict[str, str]:
        data = self.cleaned_data
        return {name[len(PROBLEM_PREFIX) :]: data[name] for name in self.fields if name.startswith(PROBLEM_PREFIX) and data.get(name)}

    def add_service_error(self, error: DomainError) -> None:
        if error.code == "correction_invalid":
            self.add_error(None, error.message)
            return
        super().add_service_error(error)


class RefuseForm(ActionForm):
    reason = _text(_("不予受理理由"), required=True, help_text=_("写明理由及依据,将载入不予受理通知书。"))
    error_fields = {"reason_required": "reason"}


class ResubmitForm(ActionForm):
    """The applicant brought what the correction notice asked for: how each listed material is now provided."""

    comment = _text(_("备注"), rows=2)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for material in self._listed():
            choices = [(p.value, p.label) for p in Provision if p in _resubmit_provisions(material)]
            self.fields[PROVISION_PREFIX + material.code] = forms.ChoiceField(
                label=material.name, choices=choices, initial=Provision.PAPER, help_text=material.problem
            )
        self.order_fields([name for name in self.fields if name.startswith(PROVISION_PREFIX)])

    def _listed(self) -> list[CaseMaterial]:
        return [m for m in self.case.materials.all() if m.problem]

    @property
    def materials(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        return [
            {"code": name[len(PROVISION_PREFIX) :], "provision": data[name]} for name in self.fields if name.startswith(PROVISION_PREFIX)
        ]


def _resubmit_provisions(material: CaseMaterial) -> set[str]:
    """At a window corrected materials are checked on paper (no upload here); licenses only where the government issues them."""
    necessity = MaterialNecessity(material.necessity) if material.necessity in MaterialNecessity.values else MaterialNecessity.REQUIRED
    allowed = {str(p) for p in ALLOWED_PROVISIONS[necessity]} - {Provision.UPLOADED}
    requirement = material.requirement
    if requirement is None or requirement.source != MaterialSource.GOVERNMENT:
        allowed.discard(Provision.REUSED)
    return allowed


class CompleteStageForm(ActionForm):
    """A reviewer completes one of the case's open review tasks with an opinion."""

    task = forms.TypedChoiceField(label=_("环节"), coerce=int)
    opinion = _text(_("办理意见"), required=True)
    error_fields = {"opinion_required": "opinion"}

    def __init__(self, *args: Any, tasks: list[StageTask] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "task").choices = [(t.pk, f"{t.name}({t.unit.name})" if t.unit else t.name) for t in tasks or []]


class SuspendForm(ActionForm):
    procedure = forms.CharField(
        label=_("特别程序"), max_length=100, help_text=_("如听证、检验、检测、检疫、鉴定、专家评审;所需时间不计入办理时限。")
    )
    reason = _text(_("理由"), required=True)
    error_fields = {"procedure_required": "procedure", "reason_required": "reason"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["procedure"].widget.attrs["list"] = "special-procedures"

    @property
    def suggestions(self) -> list[str]:
        return [s.name for s in self.case.item_version.stages.all() if s.special_procedure]


class ResumeForm(ActionForm):
    result = _text(_("特别程序结果"), required=True)
    error_fields = {"result_required": "result"}


class ExtendForm(ActionForm):
    reason = _text(_("延期理由"), required=True, help_text=_("经本部门负责人批准,理由将告知申请人。"))
    error_fields = {"reason_required": "reason"}


class SupplyGapsForm(CommentForm):
    pass


class ApproveForm(ActionForm):
    opinion = _text(_("决定意见"))


class DenyForm(ActionForm):
    reason = _text(_("不予许可理由"), required=True, help_text=_("写明理由,并告知申请人依法申请行政复议或者提起行政诉讼的权利。"))
    error_fields = {"reason_required": "reason"}


class DeliverForm(ActionForm):
    note = _text(_("送达说明"), rows=2, help_text=_("如领取人、邮件单号。"))


class CloseForm(ActionForm):
    pass


class WithdrawForm(ActionForm):
    reason = _text(_("撤回说明"), help_text=_("申请人书面申请撤回的,写明申请时间。"))


ACTION_FORMS: dict[str, type[ActionForm]] = {
    A.ACCEPT: AcceptForm,
    A.ACCEPT_WITH_GAPS: AcceptWithGapsForm,
    A.REQUEST_CORRECTION: RequestCorrectionForm,
    A.REFUSE: RefuseForm,
    A.RESUBMIT: ResubmitForm,
    A.COMPLETE_STAGE: CompleteStageForm,
    A.SUSPEND: SuspendForm,
    A.RESUME: ResumeForm,
    A.EXTEND: ExtendForm,
    A.SUPPLY_GAPS: SupplyGapsForm,
    A.APPROVE: ApproveForm,
    A.DENY: DenyForm,
    A.DELIVER: DeliverForm,
    A.CLOSE: CloseForm,
    A.WITHDRAW: WithdrawForm,
}


# Window intake -----------------------------------------------------------------------------------

FORM_PREFIX = "form_"
PROVISION_PREFIX = "provision_"
FILE_PREFIX = "file_"
PLEDGE_PREFIX = "pledge_"
LICENSE_PREFIX = "license_"

# Where the service's applicant keys are shown.
APPLICANT_FIELDS = {
    "kind": "applicant_kind",
    "name": "applicant_name",
    "id_number": "applicant_id",
    "uscc": "applicant_id",
    "phone": "applicant_phone",
    "email": "applicant_email",
}
INTAKE_ERROR_FIELDS = {
    "gap_date_invalid": "supply_by",
    "reason_required": "reason",
    "situation_required": "situation",
    "situation_unknown": "situation",
}


class ItemSearchForm(forms.Form):
    q = forms.CharField(label=_("事项名称、关键词或编码"), required=False, max_length=100)


def provision_choices(requirement: MaterialRequirement) -> list[tuple[str, Any]]:
    """What a window clerk may record for a material: checked on paper, a reused license, a pledge
    or a gap where the item allows, or not provided."""
    choices: list[tuple[str, Any]] = [(Provision.PAPER, _("纸质已核验"))]
    if requirement.source == MaterialSource.GOVERNMENT:
        choices.append((Provision.REUSED, _("电子证照复用")))
    if requirement.necessity == MaterialNecessity.PLEDGE_ALLOWED:
        choices.append((Provision.PLEDGE, _("告知承诺")))
    if requirement.necessity == MaterialNecessity.GAP_ALLOWED:
        choices.append((Provision.GAP, _("容缺后补")))
    choices.append((Provision.MISSING, _("未提供")))
    return choices


class IntakeForm(forms.Form):
    """The one screen of a window intake: situation, applicant, the item's form, the checklist of
    the situation's materials, and what the answer needs (gaps' date, problems, refusal reason)."""

    situation = forms.ChoiceField(label=_("办事情形"), required=False)
    applicant_kind = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantKind.choices, widget=forms.RadioSelect, required=False)
    applicant_name = forms.CharField(label=_("申请人姓名或名称"), max_length=200, required=False)
    applicant_id = forms.CharField(
        label=_("证件号码"), max_length=32, required=False, help_text=_("自然人填写居民身份证号,法人填写统一社会信用代码。")
    )
    applicant_phone = forms.CharField(label=_("联系电话"), max_length=32, required=False)
    applicant_email = forms.EmailField(label=_("电子邮箱"), required=False)
    supply_by = forms.DateField(
        label=_("容缺补齐期限"), required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text=_("容缺受理时填写。")
    )
    problem_form = _text(_("申请表单的问题"), rows=1, help_text=_("一次性告知时填写。"))
    reason = _text(_("不予受理理由"), help_text=_("不予受理时填写,写明理由及依据。"))
    delivery_method = forms.ChoiceField(
        label=_("结果送达方式"), choices=DeliveryMethod.choices, widget=forms.RadioSelect, initial=DeliveryMethod.WINDOW
    )
    delivery_address = forms.CharField(label=_("邮寄地址"), max_length=300, required=False, help_text=_("邮寄送达时填写。"))

    def __init__(
        self,
        *args: Any,
        version: ServiceItemVersion,
        situations: list[Situation],
        requirements: list[MaterialRequirement],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.version = version
        self.requirements = requirements
        _choice_field(self, "situation").choices = [(s.code, s.name) for s in situations]
        for name in ("applicant_kind", "applicant_name", "applicant_id", "applicant_phone"):
            cast(Any, self.fields[name]).shows_required = True  # the service requires them
        if version.audience in ApplicantKind.values:
            self.fields["applicant_kind"].initial = version.audience
        for spec in version.form_schema:
            self.fields[FORM_PREFIX + spec["name"]] = schema_field(spec)
        for requirement in requirements:
            self._add_material(requirement)

    def _add_material(self, requirement: MaterialRequirement) -> None:
        code = requirement.code
        self.fields[PROVISION_PREFIX + code] = forms.ChoiceField(
            label=requirement.name, choices=provision_choices(requirement), widget=forms.RadioSelect, initial=Provision.MISSING
        )
        self.fields[FILE_PREFIX + code] = forms.FileField(label=_("扫描件(可选)"), required=False)
        if requirement.necessity == MaterialNecessity.PLEDGE_ALLOWED:
            self.fields[PLEDGE_PREFIX + code] = _text(_("承诺内容"), rows=1, help_text=_("选择告知承诺时填写。"))
        if requirement.source == MaterialSource.GOVERNMENT:
            self.fields[LICENSE_PREFIX + code] = forms.CharField(label=_("证照编号"), max_length=100, required=False)
        self.fields[PROBLEM_PREFIX + code] = _text(_("补正要求"), rows=1, help_text=_("一次性告知时填写。"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for requirement in self.requirements:
            name = FILE_PREFIX + requirement.code
            upload = data.get(name)
            if upload:
                try:
                    check_upload(upload, name=upload.name, max_bytes=settings.CASE_UPLOAD_MAX_BYTES)
                except InvalidInput as error:
                    self.add_error(name, error.message)
        return data

    @property
    def material_rows(self) -> list[dict[str, Any]]:
        """The checklist as shown: each material's requirement and its fields."""
        rows = []
        for requirement in self.requirements:
            code = requirement.code
            rows.append(
                {
                    "requirement": requirement,
                    "provision": self[PROVISION_PREFIX + code],
                    "file": self[FILE_PREFIX + code],
                    "pledge": self[PLEDGE_PREFIX + code] if PLEDGE_PREFIX + code in self.fields else None,
                    "license": self[LICENSE_PREFIX + code] if LICENSE_PREFIX + code in self.fields else None,
                    "problem": self[PROBLEM_PREFIX + code],
                }
            )
        return rows

    @property
    def form_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(FORM_PREFIX)]

    # What the service receives.

    def applicant(self) -> dict[str, Any]:
        data = self.cleaned_data
        number = data.get("applicant_id", "")
        return {
            "kind": data.get("applicant_kind", ""),
            "name": data.get("applicant_name", ""),
            "id_number": number,
            "uscc": number,
            "phone": data.get("applicant_phone", ""),
            "email": data.get("applicant_email", ""),
        }

    def form_values(self) -> dict[str, Any]:
        values = {}
        for spec in self.version.form_schema:
            value = self.cleaned_data.get(FORM_PREFIX + spec["name"])
            if spec.get("type") == "boolean":
                values[spec["name"]] = bool(value)
            elif value not in (None, ""):
                values[spec["name"]] = value
        return values

    def materials(self) -> list[dict[str, Any]]:
        """The checklist for the service; a scanned file makes a material provided ("uploaded")."""
        data = self.cleaned_data
        entries = []
        for requirement in self.requirements:
            code = requirement.code
            provision = data.get(PROVISION_PREFIX + code) or Provision.MISSING
            if data.get(FILE_PREFIX + code) and provision in (Provision.MISSING, Provision.PAPER):
                provision = Provision.UPLOADED
            entries.append(
                {
                    "code": code,
                    "provision": provision,
                    "pledge": data.get(PLEDGE_PREFIX + code, ""),
                    "license_number": data.get(LICENSE_PREFIX + code, ""),
                }
            )
        return entries

    def uploads(self) -> dict[str, Any]:
        return {r.code: self.cleaned_data[FILE_PREFIX + r.code] for r in self.requirements if self.cleaned_data.get(FILE_PREFIX + r.code)}

    def gaps(self) -> list[str]:
        return [r.code for r in self.requirements if self.cleaned_data.get(PROVISION_PREFIX + r.code) == Provision.GAP]

    def problems(self) -> dict[str, str]:
        data = self.cleaned_data
        found = {r.code: data[PROBLEM_PREFIX + r.code] for r in self.requirements if data.get(PROBLEM_PREFIX + r.code)}
        if data.get("problem_form"):
            found[FORM_PROBLEM] = data["problem_form"]
        return found

    # The service's errors, next to the fields.

    def add_service_error(self, error: DomainError) -> None:
        details = error.details if isinstance(error.details, dict) else {}
        placed = False
        if error.code == "application_invalid":
            placed = self._place_application_errors(details)
        elif error.code == "applicant_invalid":
            placed = self._place_each(details, APPLICANT_FIELDS)
        elif error.code == "gaps_invalid":
            placed = self._place_each({k: v for k, v in details.items() if k != "gaps"}, None, prefix=PROVISION_PREFIX)
            if "gaps" in details:
                self.add_error(None, details["gaps"])
                placed = True
        elif error.code in INTAKE_ERROR_FIELDS:
            self.add_error(INTAKE_ERROR_FIELDS[error.code], error.message)
            placed = True
        if not placed:
            self.add_error(None, error.message)

    def _place_application_errors(self, details: dict[str, Any]) -> bool:
        placed = False
        for key, value in details.items():
            if key == "applicant" and isinstance(value, dict):
                placed = self._place_each(value, APPLICANT_FIELDS) or placed
            elif key == "form" and isinstance(value, dict):
                placed = self._place_each(value, None, prefix=FORM_PREFIX) or placed
            elif key == "materials" and isinstance(value, dict):
                placed = self._place_each(value, None, prefix=PROVISION_PREFIX) or placed
            elif key in self.fields:
                self.add_error(key, str(value))
                placed = True
        return placed

    def _place_each(self, details: dict[str, Any], mapping: dict[str, str] | None, *, prefix: str = "") -> bool:
        for key, message in details.items():
            field = mapping.get(key) if mapping is not None else prefix + str(key)
            text = message if isinstance(message, str) else "、".join(str(m) for m in message)
            if field in self.fields:
                self.add_error(field, text)
            else:
                self.add_error(None, f"{key}:{text}")
        return bool(details)


def schema_field(spec: dict[str, Any]) -> forms.Field:
    """A form field for one entry of an item's form schema; the service checks the values (its
    messages are the ones shown), the field only offers the right input."""
    kind = spec.get("type", "text")
    label = spec.get("label") or spec["name"]
    attrs: dict[str, Any] = {"data-required": "true"} if spec.get("required") else {}
    field: forms.Field
    if kind == "textarea":
        field = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, **attrs}))
    elif kind == "number":
        bounds = {key: spec[key] for key in ("min", "max") if spec.get(key) is not None}
        field = forms.CharField(widget=forms.NumberInput(attrs={"step": "any", **bounds, **attrs}))
    elif kind == "date":
        field = forms.CharField(widget=forms.DateInput(attrs={"type": "date", **attrs}))
    elif kind == "choice":
        choices = [("", _("请选择")), *((str(c), str(c)) for c in spec.get("choices", []))]
        field = forms.ChoiceField(choices=choices, widget=forms.Select(attrs=attrs))
    elif kind == "boolean":
        field = forms.BooleanField()
    else:
        field = forms.CharField(widget=forms.TextInput(attrs={"maxlength": spec.get("max_length") or 200, **attrs}))
    field.required = False
    field.label = label
    field.help_text = spec.get("help", "")
    cast(Any, field).shows_required = bool(spec.get("required"))  # the label's mark; the service checks
    return field
