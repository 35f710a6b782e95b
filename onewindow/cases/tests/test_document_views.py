"""The PDF download (applicant and the staff who see the case) and the public verification page."""

import hashlib

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from onewindow.cases.choices import CaseStatus, DocumentKind, DocumentState
from onewindow.cases.documents.render import chinese_date
from onewindow.cases.models import Case, CaseDocument
from onewindow.cases.tests.factories import case_in

PDF = b"%PDF-1.7\n% a stored document\n"


@pytest.fixture
def document(county, item) -> CaseDocument:
    """The refusal notice of a case filed for the applicant's account, already rendered."""
    case = case_in(CaseStatus.REFUSED, county, item)
    Case.objects.filter(pk=case.pk).update(applicant_user=county.applicant)
    row = case.documents.get(kind=DocumentKind.REFUSAL_NOTICE)
    row.file.save(f"{row.number}.pdf", ContentFile(PDF), save=False)
    row.sha256 = hashlib.sha256(PDF).hexdigest()
    row.state = DocumentState.READY
    row.save()
    return row


def download(client, user, document):
    if user is not None:
        client.force_login(user)
    return client.get(reverse("cases:document_download", args=[document.pk]))


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["applicant", "reviewer", "clerk", "supervisor"])
def test_applicant_and_staff_who_see_the_case_download_the_pdf(client, county, document, who):
    response = download(client, getattr(county, who), document)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{document.number}.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_reviewer", "other_decider", "other_applicant"])
def test_others_get_404(client, county, document, who):
    assert download(client, getattr(county, who), document).status_code == 404


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login(client, document):
    response = download(client, None, document)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_unknown_and_failed_documents_are_404(client, county, document):
    client.force_login(county.applicant)
    assert client.get(reverse("cases:document_download", args=[document.pk + 1000])).status_code == 404

    CaseDocument.objects.filter(pk=document.pk).update(state=DocumentState.FAILED)
    assert client.get(reverse("cases:document_download", args=[document.pk])).status_code == 404


@pytest.mark.django_db
def test_a_pending_document_is_rendered_on_first_download(client, county, item):
    case = case_in(CaseStatus.REFUSED, county, item)
    pending = case.documents.get()
    assert pending.state == DocumentState.PENDING

    response = download(client, county.clerk, pending)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    pending.refresh_from_db()
    assert pending.state == DocumentState.READY


@pytest.mark.django_db
def test_download_refuses_post(client, county, document):
    client.force_login(county.applicant)
    assert client.post(reverse("cases:document_download", args=[document.pk])).status_code == 405


@pytest.mark.django_db
def test_anyone_verifies_a_document_by_its_code(client, county, document):
    response = client.get(reverse("cases:document_verify", args=[document.verification_code]))

    assert response.status_code == 200
    page = response.content.decode()
    for text in [
        "不予受理通知书",
        document.number,
        document.case.number,
        "食品经营许可",
        f"{county.region.name}市场监督管理局",
        chinese_date(document.content["date"]),
        "张*",
        document.sha256,
        "有效",
    ]:
        assert text in page, text
    assert "张三" not in page
    assert document.case.applicant_id_number not in page


@pytest.mark.django_db
def test_the_verify_page_is_the_same_for_staff_of_another_department(client, county, document):
    client.force_login(county.other_reviewer)

    assert client.get(reverse("cases:document_verify", args=[document.verification_code])).status_code == 200


@pytest.mark.django_db
def test_an_unknown_code_is_404_with_a_chinese_message(client, db):
    response = client.get(reverse("cases:document_verify", args=["no-such-code"]))

    assert response.status_code == 404
    assert "未找到该文书" in response.content.decode()


@pytest.mark.django_db
def test_a_document_not_yet_rendered_does_not_verify(client, county, item):
    pending = case_in(CaseStatus.REFUSED, county, item).documents.get()

    response = client.get(reverse("cases:document_verify", args=[pending.verification_code]))

    assert response.status_code == 404
