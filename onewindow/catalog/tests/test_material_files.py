import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from onewindow.audit.models import AuditEvent
from onewindow.catalog.models import MaterialRequirement
from onewindow.catalog.services import (
    change_request_create,
    change_request_publish,
    change_request_save_draft,
    change_request_submit,
    material_file_attach,
)
from onewindow.catalog.tests.documents import item_document
from onewindow.common.errors import InvalidInput

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%%EOF"


@pytest.fixture
def draft(county, department, department_admin):
    request = change_request_create(
        actor=department_admin,
        region=county,
        department=department,
        list_kind="service",
        kind="add",
        title="新增",
        reason="依法新增",
        legal_basis="《中华人民共和国食品安全法》",
    )
    return request, change_request_save_draft(actor=department_admin, change_request=request, document=item_document())


def attach(actor, draft, data=PDF, name="申请书.pdf", slot="blank_form", code="M01"):
    request, version = draft
    return material_file_attach(
        actor=actor, change_request=request, version_id=version.pk, material_code=code, slot=slot, upload=io.BytesIO(data), name=name
    )


def test_a_checked_file_is_attached_and_audited(draft, department_admin):
    material = attach(department_admin, draft)
    assert material.blank_form.name.endswith(".pdf")
    assert AuditEvent.objects.filter(action="catalog.material.attach_file").exists()


@pytest.mark.parametrize(
    ("data", "name", "code"), [(b"MZ\x90", "a.pdf", "upload_type_not_allowed"), (PDF, "a.png", "upload_type_mismatch")]
)
def test_a_bad_file_is_refused_and_nothing_attached(draft, department_admin, data, name, code):
    with pytest.raises(InvalidInput) as caught:
        attach(department_admin, draft, data, name)
    assert caught.value.code == code
    assert not MaterialRequirement.objects.get(code="M01").blank_form


def test_files_survive_resaving_the_draft_and_publishing_the_next_version(county, department, draft, department_admin, list_manager):
    request, _ = draft
    attach(department_admin, draft, slot="example")
    change_request_save_draft(actor=department_admin, change_request=request, document=item_document(name="食品经营许可(改)"))
    change_request_submit(actor=department_admin, change_request=request)
    change_request_publish(actor=list_manager, change_request=request)
    adjust = change_request_create(
        actor=department_admin,
        region=county,
        department=department,
        list_kind="service",
        kind="adjust",
        title="调整",
        reason="调整",
        legal_basis="法",
    )
    version = change_request_save_draft(actor=department_admin, change_request=adjust, document=item_document(promised_limit_days=4))
    assert version.materials.get(code="M01").example.name.endswith(".pdf")


def test_files_page_permission_triple(client, draft, department_admin, other_department_admin):
    request, version = draft
    url = reverse("catalog:material_files", args=[request.pk, version.pk])
    assert client.get(url).status_code == 302
    client.force_login(other_department_admin)
    assert client.get(url).status_code == 404
    upload = SimpleUploadedFile("示例.pdf", PDF, content_type="application/pdf")
    client.post(url, {"material": "M01", "slot": "example", "file": upload})
    assert not MaterialRequirement.objects.get(code="M01").example
    client.force_login(department_admin)
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("示例.pdf", PDF, content_type="application/pdf")
    response = client.post(url, {"material": "M01", "slot": "example", "file": upload}, follow=True)
    assert "附件已上传" in response.content.decode()
    assert MaterialRequirement.objects.get(code="M01").example
    response = client.post(url, {"material": "M01", "slot": "example", "file": SimpleUploadedFile("x.pdf", b"junk")}, follow=True)
    assert "文件类型不允许" in response.content.decode()
