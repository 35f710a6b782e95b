"""Rendering case documents: every kind from a case brought there through the services, the
stored PDF, idempotence, failures recorded on the row, the QR target and the seal."""

import datetime as dt
import hashlib
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings

from onewindow.cases import services
from onewindow.cases.choices import CaseStatus, DocumentKind, DocumentState
from onewindow.cases.documents import render
from onewindow.cases.documents.qr import verification_url
from onewindow.cases.documents.render import chinese_date, department_full_name, document_html, render_document
from onewindow.cases.documents.seal import seal_code, seal_svg
from onewindow.cases.models import Case, CaseDocument
from onewindow.cases.services import base
from onewindow.cases.tests.factories import case_in

MORNING = dt.datetime(2026, 9, 28, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
REMEDY = "依法申请行政复议或者提起行政诉讼"


@pytest.fixture
def frozen():
    with time_machine.travel(MORNING, tick=False):
        yield


def _receipt(county, item):
    case = case_in(CaseStatus.SUBMITTED, county, item)
    content = {
        "case_number": case.number,
        "item_name": case.item_name,
        "applicant_name": case.applicant_name,
        "department": case.department.name,
        "date": MORNING.date().isoformat(),
        "materials": [{"name": "食品经营许可申请书", "provision": "纸质材料已核验"}],
    }
    return base.issue_document(case, DocumentKind.RECEIPT, content)


def _extension(county, item):
    case = case_in(CaseStatus.ACCEPTED, county, item)
    return services.case_extend(actor=county.decider, case=case, reason="现场核查需进一步核实")


def _denial(county, item):
    case = case_in(CaseStatus.IN_REVIEW, county, item)
    return services.case_deny(actor=county.decider, case=case, reason="经营场所不符合食品安全要求")


# kind -> (how a case gets that document, strings its page must show)
KINDS = {
    DocumentKind.RECEIPT: (_receipt, ["收件回执", "第三十二条", "查询码为", "食品经营许可申请书"]),
    DocumentKind.ACCEPTANCE_NOTICE: (
        lambda county, item: case_in(CaseStatus.ACCEPTED, county, item),
        ["受理通知书", "第三十二条第一款第（五）项", "受理日期为2026年9月28日", "前作出行政许可决定"],
    ),
    DocumentKind.CORRECTION_NOTICE: (
        lambda county, item: case_in(CaseStatus.CORRECTION_REQUESTED, county, item),
        ["一次性告知书", "第三十二条第一款第（四）项", "食品经营许可申请书", "请签字", "全部内容"],
    ),
    DocumentKind.REFUSAL_NOTICE: (
        lambda county, item: case_in(CaseStatus.REFUSED, county, item),
        ["不予受理通知书", "第三十二条", "决定不予受理", "不属于本部门职权范围", REMEDY],
    ),
    DocumentKind.SPECIAL_PROCEDURE_NOTICE: (
        lambda county, item: case_in(CaseStatus.SUSPENDED, county, item),
        ["特别程序告知书", "第四十五条", "专家评审", "需专家论证", "不计算在作出行政许可决定的期限内"],
    ),
    DocumentKind.EXTENSION_NOTICE: (_extension, ["延期通知书", "第四十二条", "延长10个工作日", "现场核查需进一步核实", "负责人批准"]),
    DocumentKind.GRANT_DECISION: (
        lambda county, item: case_in(CaseStatus.DECIDED, county, item),
        ["准予许可决定书", "第三十八条第一款", "决定准予行政许可", "食品经营许可证"],
    ),
    DocumentKind.DENIAL_DECISION: (
        _denial,
        ["不予许可决定书", "第三十八条第二款", "决定不予行政许可", "经营场所不符合食品安全要求", REMEDY],
    ),
}


def issue(kind, county, item) -> CaseDocument:
    """The newest document of `kind` for a case brought there through the services."""
    make, _expected = KINDS[kind]
    made = make(county, item)
    case = made.case if isinstance(made, CaseDocument) else made
    return Case.objects.get(pk=case.pk).documents.filter(kind=kind).latest("id")


def test_every_kind_has_a_template_and_expectations():
    assert set(KINDS) == set(DocumentKind)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(DocumentKind))
def test_each_kind_renders_its_text_seal_and_qr_target_to_a_stored_pdf(county, item, frozen, kind):
    document = issue(kind, county, item)
    assert document.state == DocumentState.PENDING  # the task runs after the commit

    html = document_html(document)
    for text in [
        *KINDS[kind][1],
        document.number,
        document.case.number,
        "张三：",
        department_full_name(county.department),
        "2026年9月28日",
        "中华人民共和国行政许可法",
        verification_url(document.verification_code),
        document.verification_code,
        "data:image/svg+xml",  # seal and QR code are embedded
    ]:
        assert text in html, text
    if kind not in (DocumentKind.REFUSAL_NOTICE, DocumentKind.DENIAL_DECISION):
        assert REMEDY not in html

    assert render_document(document.pk) == DocumentState.READY
    document.refresh_from_db()
    stored = document.file.read()
    assert stored.startswith(b"%PDF")
    assert document.sha256 == hashlib.sha256(stored).hexdigest()
    assert document.generated_at == MORNING
    assert document.file.name.endswith(f"{document.number}.pdf")
    assert document.error == ""


@pytest.mark.django_db
def test_a_notice_fits_one_page_with_its_signature(county, item, frozen):
    from weasyprint import HTML

    document = issue(DocumentKind.ACCEPTANCE_NOTICE, county, item)

    assert len(HTML(string=document_html(document)).render().pages) == 1


@pytest.mark.django_db
def test_deemed_acceptance_and_gaps_are_stated(county, item, frozen):
    document = issue(DocumentKind.ACCEPTANCE_NOTICE, county, item)
    document.content.update(deemed=True, gaps=["经营场所平面图"], gap_supply_by="2026-10-09")

    html = document_html(document)

    assert "第三十二条第一款第（四）项" in html and "即为受理" in html
    assert "经营场所平面图" in html and "请于2026年10月9日前补齐" in html


@pytest.mark.django_db
def test_user_text_is_escaped(county, item, frozen):
    document = issue(DocumentKind.REFUSAL_NOTICE, county, item)
    document.content["reason"] = '<img src="http://evil.example/x.png">'

    html = document_html(document)

    assert "&lt;img" in html and '<img src="http://evil' not in html


@pytest.mark.django_db
def test_a_ready_document_is_not_rendered_again(county, item, monkeypatch):
    document = issue(DocumentKind.REFUSAL_NOTICE, county, item)
    render_document(document.pk)
    document.refresh_from_db()
    monkeypatch.setattr(render, "document_pdf", lambda _document: pytest.fail("rendered twice"))

    assert render_document(document.pk) == DocumentState.READY
    again = CaseDocument.objects.get(pk=document.pk)
    assert (again.sha256, again.generated_at, again.file.name) == (document.sha256, document.generated_at, document.file.name)


@pytest.mark.django_db
def test_a_failure_is_recorded_and_a_retry_renders(county, item, monkeypatch):
    document = issue(DocumentKind.REFUSAL_NOTICE, county, item)

    def broken(_document):
        raise RuntimeError("font missing")

    with monkeypatch.context() as patch:
        patch.setattr(render, "document_pdf", broken)
        assert render_document(document.pk) == DocumentState.FAILED
    document.refresh_from_db()
    assert document.state == DocumentState.FAILED
    assert document.error == "RuntimeError: font missing"
    assert not document.file and document.sha256 == ""

    assert render_document(document.pk) == DocumentState.READY
    document.refresh_from_db()
    assert document.error == "" and document.file


@pytest.mark.django_db
def test_the_task_worker_renders_after_the_commit(county, item, django_capture_on_commit_callbacks):
    case = case_in(CaseStatus.SUBMITTED, county, item)

    with django_capture_on_commit_callbacks(execute=True):
        services.case_accept(actor=county.clerk, case=case)

    document = case.documents.get(kind=DocumentKind.ACCEPTANCE_NOTICE)
    assert document.state == DocumentState.READY
    assert document.file.read().startswith(b"%PDF")


@override_settings(SITE_URL="https://zwfw.example.gov.cn/")
def test_the_qr_code_points_at_the_public_site():
    assert verification_url("AbC-123_x") == "https://zwfw.example.gov.cn/verify/AbC-123_x/"


def test_the_seal_is_drawn_from_the_name_alone():
    svg = seal_svg("示范县市场监督管理局")

    assert svg == seal_svg("示范县市场监督管理局")
    assert svg != seal_svg("示范县卫生健康局")
    root = ET.fromstring(svg)  # well-formed
    texts = [node.text for node in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "".join(texts[:10]) == "示范县市场监督管理局"
    assert "政务服务专用章" in texts
    assert "".join(texts[-13:]) == seal_code("示范县市场监督管理局")
    assert len(seal_code("x")) == 13
    assert "&lt;" in seal_svg("<b>")


def test_dates_print_the_chinese_way():
    assert chinese_date("2026-10-09") == "2026年10月9日"
    assert chinese_date(dt.date(2027, 1, 1)) == "2027年1月1日"
    assert chinese_date("") == chinese_date(None) == chinese_date("soon") == ""


@pytest.mark.django_db
def test_the_issuer_is_named_with_its_region(county):
    department = county.department
    assert department_full_name(department) == f"{county.region.name}市场监督管理局"
    department.name = f"{county.region.name}市场监督管理局"
    assert department_full_name(department) == department.name
