"""The durability test's database side, run in a subprocess against the run's own database
(`DATABASE_URL`, `DJANGO_SETTINGS_MODULE=config.settings.base`), never pytest-django's:

    python tests/durability_support.py setup     # migrate, then print {"token", "body"} as JSON
    python tests/durability_support.py inspect   # print what the database holds as JSON

`setup` migrates the empty database and adds the least an applicant needs to file by API: a county,
a department, the factories' item (`case_item`), an applicant and an API token. `inspect` reads
the cases, the idempotency rows, the number sequences, the filing audit events and outbox rows,
and runs `audit_verify`.
"""

from __future__ import annotations

import base64
import io
import json
import sys
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent.parent
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def setup() -> dict[str, Any]:
    """Migrate, then create the county, item, applicant and token; the token and one API body."""
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", interactive=False, verbosity=0)

    from onewindow.accounts.services import token_create
    from onewindow.accounts.tests.factories import UserFactory
    from onewindow.cases.tests.factories import PERSON_ID, case_item
    from onewindow.orgs.tests.factories import CountyFactory, DepartmentFactory

    with transaction.atomic():
        county = CountyFactory(code="990123", name="示范县")
        department = DepartmentFactory(region=county, name="市场监督管理局")
        item = case_item(department)
        # No password: the applicant only uses the token (and hashing one would cost a second).
        applicant = UserFactory(username="durability-applicant", real_name="张三", id_number=PERSON_ID, password=None)
    _token, plain = token_create(actor=applicant, user=applicant, name="durability")
    body = {
        "item": item.implementation_code,
        "situation": "S01",
        "applicant": {"kind": "person", "name": "张三", "id_number": PERSON_ID, "phone": "13800000001"},
        "form": {"business_name": "张三小吃店", "area": 45},
        "materials": [
            {"code": "M01", "file": {"name": "申请书.pdf", "content_base64": base64.b64encode(PDF).decode()}},
            {"code": "M02", "provision": "gap"},
            {"code": "M03", "provision": "pledge", "pledge": "本人承诺已取得有效健康证明。"},
            {"code": "M04", "provision": "reused", "license_number": "91350100M000100Y43"},
        ],
    }
    return {"token": plain, "body": body}


def inspect() -> dict[str, Any]:
    """Every case, idempotency row, number sequence, filing audit event and outbox subject; audit_verify's result."""
    from django.conf import settings
    from django.core.management import call_command

    from onewindow.audit.models import AuditEvent
    from onewindow.cases.models import Case, CaseMaterial, CaseNumberSequence, IdempotentSubmission
    from onewindow.notifications.models import Notification

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("audit_verify", stdout=out, stderr=err)
        verify_status = 0
    except SystemExit as exc:
        verify_status = int(exc.code or 0)
    return {
        "cases": list(Case.objects.order_by("pk").values("pk", "number", "status", "form")),
        "idempotency": list(IdempotentSubmission.objects.order_by("pk").values("key", "case_id", "user_id", "fingerprint")),
        "sequences": list(CaseNumberSequence.objects.values("region_code", "day", "last")),
        "filed_events": list(
            AuditEvent.objects.filter(object_type="cases.case", action="cases.case.submit")
            .order_by("seq")
            .values_list("object_id", flat=True)
        ),
        "notified": sorted(set(Notification.objects.filter(subject_type="cases.case").values_list("subject_id", flat=True).distinct())),
        "audit_verify": {"status": verify_status, "out": out.getvalue() + err.getvalue()},
        # Files are stored before the filing commits (storage writes are not rolled back): a filing cut
        # short leaves its file behind without a material row.
        "stored_files": sum(1 for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()),
        "material_files": CaseMaterial.objects.exclude(file="").count(),
    }


def main() -> None:
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    commands = {"setup": setup, "inspect": inspect}
    result = commands[sys.argv[1]]()
    json.dump(result, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
