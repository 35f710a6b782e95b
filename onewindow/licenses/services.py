"""Writes to the license catalog (证照目录)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from onewindow.accounts.access import has_role
from onewindow.accounts.choices import Role
from onewindow.audit.services import audit_record, audit_snapshot
from onewindow.common import time
from onewindow.common.errors import Forbidden, InvalidInput
from onewindow.licenses.models import LicenseType


@transaction.atomic
def license_type_save(
    *,
    actor: Any,
    code: str,
    name: str,
    holder_kind: str,
    issuing_department: Any = None,
    validity_years: int | None = None,
    fields: list[dict[str, str]] | None = None,
) -> LicenseType:
    """Create or update a license type; list managers and system admins keep the license catalog."""
    if not has_role(actor, Role.LIST_MANAGER, Role.SYSTEM_ADMIN):
        raise Forbidden(_("只有清单管理人员或系统管理员可以维护证照目录。"), code="license_type_forbidden")
    license_type = LicenseType.objects.filter(code=code).first()
    before = audit_snapshot(license_type) if license_type else None
    license_type = license_type or LicenseType(code=code)
    license_type.name = name
    license_type.holder_kind = holder_kind
    license_type.issuing_department = issuing_department
    license_type.validity_years = validity_years
    license_type.fields = fields or []
    license_type.updated_at = time.now()
    try:
        license_type.full_clean()
    except ValidationError as error:
        details = [{"field": k, "message": "; ".join(v)} for k, v in error.message_dict.items()]
        raise InvalidInput(details[0]["message"], code="invalid_license_type", details=details) from None
    license_type.save()
    audit_record(actor=actor, action="licenses.license_type.save", obj=license_type, before=before, after=audit_snapshot(license_type))
    return license_type
