"""Applicant forms of the public portal: the online application (situation, applicant, the item's
form, one entry per material, delivery), the actions on the applicant's own case, and the public
progress query.

As in the workbench forms, the fields only read what was typed; the rules are the services'.
`ApplyForm.add_service_error` places each `InvalidInput` detail (applicant, form, materials by
code) next to the field it names.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from onewindow.accounts.choices import ApplicantKind
from onewindow.cases import services
from onewindow.cases.choices import DeliveryMethod, Provision
from onewindow.cases.forms import (
    APPLICANT_FIELDS,
    FILE_PREFIX,
    FORM_PREFIX,
    LICENSE_PREFIX,
    PLEDGE_PREFIX,
    PROVISION_PREFIX,
    schema_field,
)
from onewindow.cases.models import Case, CaseMaterial
from onewindow.catalog.choices import MaterialNecessity, MaterialSource
from onewindow.catalog.models import MaterialRequirement, ServiceItemVersion, Situation
from onewindow.common.errors import DomainError, InvalidInput
from onewindow.common.uploads import check_upload

# Service error codes shown next to one field of the application form.
APPLY_ERROR_FIELDS = {"situation_required": "situation", "situation_unknown": "situation"}


def applicant_provisions(requirement: MaterialRequirement) -> list[tuple[str, Any]]:
    """How an applicant may provide a material online: a file, a reused e-license (government-issued
    only), a pledge or a gap where the item allows it, or nothing for optional materials."""
    choices: list[tuple[str, Any]] = [(Provision.UPLOADED, _("上传电子材料"))]
    if requirement.source == MaterialSource.GOVERNMENT:
        choices.append((Provision.REUSED, _("电子证照复用")))
    if requirement.necessity == MaterialNecessity.PLEDGE_ALLOWED:
        choices.append((Provision.PLEDGE, _("告知承诺")))
    if requirement.necessity == MaterialNecessity.GAP_ALLOWED:
        choices.append((Provision.GAP, _("容缺后补")))
    if requirement.necessity == MaterialNecessity.OPTIONAL:
        choices.append((Provision.MISSING, _("不提供")))
    return choices


def pledge_text(requirement: MaterialRequirement) -> str:
    """The standard wording of a pledge in place of a proof (告知承诺, 国办发〔2020〕42号), for the applicant to adapt."""
    return gettext("本人(本单位)承诺已具备“%(name)s”所证明的条件,所作承诺真实有效;如有不实,愿意承担相应法律责任。") % {
        "name": requirement.name
    }


def initial_from_user(user: Any, version: ServiceItemVersion) -> dict[str, Any]:
    """The applicant block filled from the account: a person's name and ID, or an enterprise's name and USCC."""
    kind = getattr(user, "applicant_kind", "") or ApplicantKind.PERSON
    if version.audience in ApplicantKind.values:
        kind = version.audience
    enterprise = kind == ApplicantKind.ENTERPRISE
    return {
        "applicant_kind": kind,
        "applicant_name": (user.enterprise_name if enterprise else user.real_name) or "",
        "applicant_id": (user.uscc if enterprise else user.id_number) or "",
        "applicant_phone": user.phone or "",
        "applicant_email": user.email or "",
        "delivery_method": DeliveryMethod.ONLINE,
    }


def draft_data(case: Case) -> dict[str, Any]:
    """A stored draft as the data of an `ApplyForm` (the page shows it as it was saved)."""
    data: dict[str, Any] = {
        "situation": case.situation.code if case.situation else "",
        "applicant_kind": case.applicant_kind,
        "applicant_name": case.applicant_name,
        "applicant_id": case.applicant_id_number,
        "applicant_phone": case.applicant_phone,
        "applicant_email": case.applicant_email,
        "delivery_method": case.delivery_method,
        "delivery_address": case.delivery_address,
    }
    for name, value in (case.form or {}).items():
        if value is True:
            data[FORM_PREFIX + name] = "on"
        elif value is not False and value is not None:
            data[FORM_PREFIX + name] = str(value)
    for material in case.materials.all():
        offered = material.provision != Provision.MISSING or material.necessity == MaterialNecessity.OPTIONAL
        if offered and material.provision != Provision.PAPER:
            data[PROVISION_PREFIX + material.code] = material.provision
        if material.pledge_text:
            data[PLEDGE_PREFIX + material.code] = material.pledge_text
        if material.license_number:
            data[LICENSE_PREFIX + material.code] = material.license_number
    return data


class ApplyForm(forms.Form):
    """The online application of one item: situation, applicant, the item's form, the materials of
    the situation (one entry each) and how the result is delivered."""

    situation = forms.ChoiceField(label=_("办事情形"), required=False)
    applicant_kind = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantKind.choices, widget=forms.RadioSelect, required=False)
    applicant_name = forms.CharField(label=_("申请人姓名或单位名称"), max_length=200, required=False)
    applicant_id = forms.CharField(
        label=_("证件号码"), max_length=32, required=False, help_text=_("自然人填写居民身份证号,法人填写统一社会信用代码。")
    )
    applicant_phone = forms.CharField(label=_("联系电话"), max_length=32, required=False)
    applicant_email = forms.EmailField(label=_("电子邮箱"), required=False)
    delivery_method = forms.ChoiceField(
        label=_("结果送达方式"), choices=DeliveryMethod.choices, widget=forms.RadioSelect, initial=DeliveryMethod.ONLINE
    )
    delivery_address = forms.CharField(label=_("邮寄地址"), max_length=300, required=False, help_text=_("选择邮寄送达时填写。"))

    def __init__(
        self,
        *args: Any,
        version: ServiceItemVersion,
        situations: list[Situation],
        requirements: list[MaterialRequirement],
        stored: dict[str, CaseMaterial] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("auto_id", "apply-%s")
        super().__init__(*args, **kwargs)
        self.version = version
        self.requirements = requirements
        self.stored = stored or {}
        situation = cast(forms.ChoiceField, self.fields["situation"])
        if len(situations) > 1:
            situation.choices = [("", _("请选择"))] + [(s.code, s.name) for s in situations]
        else:
            situation.choices = [(s.code, s.name) for s in situations]
            situation.widget = forms.HiddenInput()
        for spec in version.form_schema:
            field = schema_field(spec)
            field.widget.attrs["data-required"] = "true" if spec.get("required") else "false"
            self.fields[FORM_PREFIX + spec["name"]] = field
        for requirement in requirements:
            self._add_material(requirement)

    def _add_material(self, requirement: MaterialRequirement) -> None:
        code = requirement.code
        choices = applicant_provisions(requirement)
        self.fields[PROVISION_PREFIX + code] = forms.ChoiceField(
            label=requirement.name, choices=choices, widget=forms.RadioSelect, initial=Provision.UPLOADED, required=False
        )
        self.fields[FILE_PREFIX + code] = forms.FileField(
            label=_("选择文件"), required=False, help_text=_("PDF、图片、Word、Excel 或 OFD 文件。")
        )
        if requirement.necessity == MaterialNecessity.PLEDGE_ALLOWED:
            self.fields[PLEDGE_PREFIX + code] = forms.CharField(
                label=_("承诺内容"),
                required=False,
                initial=pledge_text(requirement),
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("选择告知承诺时填写;承诺不实的,将依法撤销许可并记入信用记录。"),
            )
        if requirement.source == MaterialSource.GOVERNMENT:
            self.fields[LICENSE_PREFIX + code] = forms.CharField(
                label=_("证照编号"), max_length=100, required=False, help_text=_("选择电子证照复用时填写。")
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for requirement in self.requirements:
            code = requirement.code
            upload = data.get(FILE_PREFIX + code)
            if upload:
                try:
                    check_upload(upload, name=upload.name, max_bytes=settings.CASE_UPLOAD_MAX_BYTES)
                except InvalidInput as error:
                    self.add_error(FILE_PREFIX + code, error.message)
            if data.get(PROVISION_PREFIX + code) == Provision.REUSED and not (data.get(LICENSE_PREFIX + code) or "").strip():
                self.add_error(LICENSE_PREFIX + code, gettext("请填写要复用的电子证照编号。"))
        return data

    # What the page shows.

    @property
    def applicant_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("applicant_kind", "applicant_name", "applicant_id", "applicant_phone", "applicant_email")]

    @property
    def form_fields(self) -> list[tuple[forms.BoundField, bool]]:
        """The item's form fields, each with whether the item requires it (marked; the service checks it on submission)."""
        return [
            (self[name], self.fields[name].widget.attrs.get("data-required") == "true")
            for name in self.fields
            if name.startswith(FORM_PREFIX)
        ]

    @property
    def material_rows(self) -> list[dict[str, Any]]:
        """Each material of the situation: its requirement, what is stored for it, and its fields."""
        rows = []
        for requirement in self.requirements:
            code = requirement.code
            rows.append(
                {
                    "requirement": requirement,
                    "stored": self.stored.get(code),
                    "provision": self[PROVISION_PREFIX + code],
                    "file": self[FILE_PREFIX + code],
                    "pledge": self[PLEDGE_PREFIX + code] if PLEDGE_PREFIX + code in self.fields else None,
                    "license": self[LICENSE_PREFIX + code] if LICENSE_PREFIX + code in self.fields else None,
                }
            )
        return rows

    # What the service receives.

    def application(self, item_code: str) -> services.ApplicationInput:
        data = self.cleaned_data
        number = data.get("applicant_id", "")
        return services.ApplicationInput(
            item_code=item_code,
            situation_code=data.get("situation", ""),
            applicant={
                "kind": data.get("applicant_kind", ""),
                "name": data.get("applicant_name", ""),
                "id_number": number,
                "uscc": number,
                "phone": data.get("applicant_phone", ""),
                "email": data.get("applicant_email", ""),
            },
            form=self._form_values(),
            materials=self._materials(),
            delivery_method=data.get("delivery_method") or DeliveryMethod.ONLINE,
            delivery_address=data.get("delivery_address", ""),
        )

    def _form_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for spec in self.version.form_schema:
            value = self.cleaned_data.get(FORM_PREFIX + spec["name"])
            if spec.get("type") == "boolean":
                values[spec["name"]] = bool(value)
            elif value not in (None, ""):
                values[spec["name"]] = value
        return values

    def _materials(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        entries = []
        for requirement in self.requirements:
            code = requirement.code
            provision = data.get(PROVISION_PREFIX + code) or Provision.UPLOADED
            if data.get(FILE_PREFIX + code) and provision == Provision.MISSING:
                provision = Provision.UPLOADED
            entries.append(
                {
                    "code": code,
                    "provision": provision,
                    "pledge": data.get(PLEDGE_PREFIX + code, "") if provision == Provision.PLEDGE else "",
                    "license_number": data.get(LICENSE_PREFIX + code, "") if provision == Provision.REUSED else "",
                }
            )
        return entries

    def chosen_files(self) -> dict[str, Any]:
        """The files chosen, by material code (attached to the draft after it is saved)."""
        return {r.code: self.cleaned_data[FILE_PREFIX + r.code] for r in self.requirements if self.cleaned_data.get(FILE_PREFIX + r.code)}

    # The service's errors, next to the fields.

    def add_service_error(self, error: DomainError) -> None:
        if not hasattr(self, "cleaned_data"):
            self.cleaned_data = {}
        details = error.details if isinstance(error.details, dict) else {}
        if error.code == "application_invalid":
            self.add_error(None, error.message)
            self._place(details.get("applicant"), APPLICANT_FIELDS)
            self._place(details.get("form"), None, prefix=FORM_PREFIX)
            self._place(details.get("materials"), None, prefix=PROVISION_PREFIX)
            for key in ("delivery_method", "delivery_address"):
                if key in details:
                    self.add_error(key, str(details[key]))
        elif error.code == "applicant_invalid":
            self._place(details, APPLICANT_FIELDS)
        elif error.code in APPLY_ERROR_FIELDS:
            self.add_error(APPLY_ERROR_FIELDS[error.code], error.message)
        else:
            self.add_error(None, error.message)

    def _place(self, details: Any, mapping: dict[str, str] | None, *, prefix: str = "") -> None:
        if not isinstance(details, dict):
            return
        for key, message in details.items():
            field = mapping.get(key) if mapping is not None else prefix + str(key)
            text = message if isinstance(message, str) else "、".join(str(m) for m in message)
            if field not in self.fields:
                self.add_error(None, text)
            elif field not in self.errors:  # the field's own check already spoke
                self.add_error(field, text)


class CaseActionForm(forms.Form):
    """An applicant's action on the case: the revision the page showed, so a changed case is noticed."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})["revision"] = case.revision
        super().__init__(*args, **kwargs)
        self.case = case


class WithdrawForm(CaseActionForm):
    reason = forms.CharField(
        label=_("撤回理由"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("撤回后本申请终止办理,需要时可重新申请。"),
    )


class ResubmitForm(CaseActionForm):
    comment = forms.CharField(
        label=_("补正说明"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("可说明对申请表单等的补正情况。"),
    )


class SupplyGapsForm(CaseActionForm):
    comment = forms.CharField(label=_("说明"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class MaterialUploadForm(forms.Form):
    """One file for one material of the applicant's case (correction or gap supply)."""

    file = forms.FileField(label=_("选择文件"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            check_upload(upload, name=upload.name, max_bytes=settings.CASE_UPLOAD_MAX_BYTES)
        except InvalidInput as error:
            raise forms.ValidationError(error.message) from None
        return upload


class ProgressForm(forms.Form):
    """The public progress query: the case number and the query code printed on the receipt."""

    number = forms.CharField(
        label=_("办件编号"), max_length=32, widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"})
    )
    code = forms.CharField(
        label=_("查询码"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text=_("8位数字,见受理回执或提交成功页面。"),
    )
