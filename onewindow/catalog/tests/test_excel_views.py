"""The Excel pages: any staff member downloads; list managers and department admins import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff
from onewindow.catalog.excel import XLSX_CONTENT_TYPE, export_workbook
from onewindow.catalog.models import ChangeRequest
from onewindow.catalog.tests.test_excel_support import (
    CLINIC_CODE,
    FOOD_CODE,
    drop_entry,
    load,
    publish_full_catalog,
    save,
    set_cell,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_catalog(county, department, other_department, list_manager, second_list_manager):
    return publish_full_catalog(county, department, list_manager, second_list_manager)


EXPORT = reverse("catalog:excel_export")
IMPORT = reverse("catalog:excel_import")


def upload(data, **fields):
    form = {
        "list_kind": "service",
        "title": "调整承诺时限",
        "reason": "压缩承诺时限",
        "legal_basis": "《优化营商环境条例》",
        "file": SimpleUploadedFile("事项.xlsx", data, content_type=XLSX_CONTENT_TYPE),
    }
    return form | fields


@pytest.fixture
def edited(full_catalog, county):
    """The service list with the food item's promised limit changed from 8 to 7."""
    return set_cell(export_workbook(region=county, list_kind="service"), "事项", "实施编码", FOOD_CODE, "承诺办结时限(工作日)", 7)


class TestExport:
    def test_any_staff_member_downloads_a_list(self, client, full_catalog, reviewer):
        client.force_login(reviewer)
        response = client.get(EXPORT, {"list": "power"})
        assert response.status_code == 200
        assert response["Content-Type"] == XLSX_CONTENT_TYPE
        assert "attachment" in response["Content-Disposition"] and "%E7%AC%AC5%E7%89%88" in response["Content-Disposition"]  # 第5版
        assert load(response.content)["权力事项"]["A1"].value == "示范县权责清单(第5版)"

    def test_an_old_version_and_an_unknown_one(self, client, full_catalog, list_manager):
        client.force_login(list_manager)
        response = client.get(EXPORT, {"list": "fee", "version": 2, "region": "990123"})
        assert load(response.content)["收费目录"]["A1"].value == "示范县收费目录清单(第2版)"
        assert client.get(EXPORT, {"list": "fee", "version": 9}).status_code == 404
        assert client.get(EXPORT, {"list": "nonsense"}).status_code == 400
        assert client.get(EXPORT, {"list": "fee", "region": "999999"}).status_code == 404

    def test_the_page_offers_every_list(self, client, full_catalog, department_admin):
        client.force_login(department_admin)
        response = client.get(EXPORT)
        page = response.content.decode()
        assert response.status_code == 200
        assert "现行清单(第5版)" in page
        for kind in ("service", "power", "fee", "intermediary", "duty_boundary"):
            assert f"list={kind}" in page

    def test_applicants_are_forbidden_and_visitors_sent_to_login(self, client, full_catalog, applicant):
        response = client.get(EXPORT, {"list": "service"})
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
        client.force_login(applicant)
        assert client.get(EXPORT, {"list": "service"}).status_code == 403


class TestImport:
    def test_a_list_manager_imports_and_gets_the_request(self, client, edited, list_manager):
        client.force_login(list_manager)
        assert client.get(IMPORT).status_code == 200
        response = client.post(IMPORT, upload(edited))
        page = response.content.decode()
        assert response.status_code == 200
        request = ChangeRequest.objects.get(title="调整承诺时限")
        assert request.kind == "adjust" and request.department is None and request.drafted_by == list_manager
        assert "新增0条、调整1条、取消0条" in page and f"{FOOD_CODE} 食品经营许可" in page
        assert reverse("catalog:cr_detail", args=[request.pk]) in page

    def test_an_unchanged_workbook_creates_nothing(self, client, full_catalog, county, list_manager):
        client.force_login(list_manager)
        before = ChangeRequest.objects.count()
        response = client.post(IMPORT, upload(export_workbook(region=county, list_kind="service")))
        assert "与现行清单一致,无需变更。" in response.content.decode()
        assert ChangeRequest.objects.count() == before

    def test_a_department_admin_imports_their_department(self, client, edited, department, department_admin):
        client.force_login(department_admin)
        form = client.get(IMPORT).context["form"]
        assert list(form.fields["department"].queryset) == [department]
        assert [value for value, _label in form.fields["list_kind"].choices] == ["service", "power", "fee"]
        response = client.post(IMPORT, upload(edited, department=department.pk))
        assert response.status_code == 400  # the other department's row
        page = response.content.decode()
        assert "只能导入“市场监督管理局”的条目,该行属于“卫生健康局”。" in page
        assert not ChangeRequest.objects.filter(title="调整承诺时限").exists()
        workbook = load(edited)
        drop_entry(workbook, CLINIC_CODE)
        response = client.post(IMPORT, upload(save(workbook), department=department.pk))
        assert response.status_code == 200, response.content.decode()
        assert ChangeRequest.objects.get(title="调整承诺时限").department == department

    def test_a_department_admin_cannot_pick_another_department(self, client, edited, other_department, department_admin):
        client.force_login(department_admin)
        response = client.post(IMPORT, upload(edited, department=other_department.pk))
        assert response.status_code == 400
        assert "department" in response.context["form"].errors

    def test_problems_are_shown_by_sheet_row_and_column(self, client, full_catalog, county, list_manager):
        client.force_login(list_manager)
        data = set_cell(export_workbook(region=county, list_kind="service"), "申请材料", "材料名称", "营业执照", "必要性", "需要")
        response = client.post(IMPORT, upload(data))
        page = response.content.decode()
        assert response.status_code == 400
        assert "导入失败:发现1处问题,未导入任何内容。" in page
        assert "<td>申请材料</td>" in page and "<td>必要性</td>" in page and "取值“需要”无效" in page

    def test_a_text_file_is_refused(self, client, full_catalog, list_manager):
        client.force_login(list_manager)
        response = client.post(IMPORT, upload(b"not a workbook"))
        assert response.status_code == 400
        assert "文件不是Excel工作簿(.xlsx)。" in response.content.decode()

    def test_other_roles_are_forbidden_and_visitors_sent_to_login(self, client, edited, reviewer, county):
        response = client.get(IMPORT)
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
        assert client.post(IMPORT, upload(edited)).status_code == 302
        supervisor = staff(Role.SUPERVISOR, region=county)
        for user in (reviewer, supervisor):
            client.force_login(user)
            assert client.get(IMPORT).status_code == 403
            assert client.post(IMPORT, upload(edited)).status_code == 403
        assert not ChangeRequest.objects.filter(title="调整承诺时限").exists()
