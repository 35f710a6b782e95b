"""Export → import is no change for every list; one edited cell becomes exactly one changed field."""

import pytest

from onewindow.audit.models import AuditEvent
from onewindow.catalog.excel import export_workbook, import_workbook
from onewindow.catalog.models import ChangeRequest, ServiceItem
from onewindow.catalog.selectors import change_request_diff
from onewindow.catalog.services import change_request_publish, change_request_save_draft, change_request_submit
from onewindow.catalog.tests.documents import item_document
from onewindow.catalog.tests.test_excel_support import (
    CLINIC_CODE,
    FOOD_CODE,
    FORMULA_TEXT,
    column_of,
    copy_entry,
    drop_entry,
    food_item,
    load,
    publish,
    publish_full_catalog,
    row_of,
    save,
    set_cell,
)
from onewindow.common.errors import NotFound

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_catalog(county, department, other_department, list_manager, second_list_manager):
    return publish_full_catalog(county, department, list_manager, second_list_manager)


LISTS = ["service", "power", "fee", "intermediary", "duty_boundary"]


def run_import(actor, county, data, list_kind="service", **options):
    options.setdefault("title", "批量调整")
    return import_workbook(
        actor=actor, region=county, list_kind=list_kind, data=data, reason="依法调整", legal_basis="《行政许可法》", **options
    )


@pytest.mark.parametrize("list_kind", LISTS)
def test_export_then_import_is_no_change(full_catalog, county, list_manager, list_kind):
    requests = ChangeRequest.objects.count()
    data = export_workbook(region=county, list_kind=list_kind)
    result = run_import(list_manager, county, data, list_kind)
    assert result.ok and result.change_request is None
    assert result.message == "与现行清单一致,无需变更。"
    assert result.unchanged == len(full_catalog[list_kind])
    assert ChangeRequest.objects.count() == requests


def test_workbook_layout_is_the_county_layout(full_catalog, county):
    workbook = load(export_workbook(region=county, list_kind="service"))
    assert workbook.sheetnames == ["事项", "办事情形", "申请材料", "收费项目", "办理环节", "申请表单字段", "说明"]
    items = workbook["事项"]
    assert items["A1"].value == "示范县政务服务事项清单(第5版)"
    assert items.freeze_panes == "A3"
    assert items.column_dimensions["E"].width == 30
    food = row_of(items, "实施编码", FOOD_CODE)
    assert items.cell(food, column_of(items, "事项类型")).value == "行政许可"
    assert items.cell(food, column_of(items, "办件类型")).value == "承诺件"
    assert items.cell(food, column_of(items, "是否收费")).value == "是"
    assert items.cell(food, column_of(items, "网上办理深度")).value == "网上受理"
    assert items.cell(food, column_of(items, "主题")).value == "kaiban-qiye\ncanyin"
    materials = workbook["申请材料"]
    headers = ["实施编码", "材料代码", "适用情形代码", "材料名称", "材料形式", "份数", "必要性", "来源渠道", "证照类型", "材料要求"]
    assert [c.value for c in materials[2]] == headers
    business_license = [FOOD_CODE, "M02", "S01", "营业执照", "电子材料", 0, "可告知承诺", "政府部门核发", "business-license"]
    assert [c.value for c in materials[4]][:9] == business_license
    assert materials.max_row == 2 + 3 + 2  # one row per material of both items
    stages = workbook["办理环节"]
    assert stages.cell(4, column_of(stages, "会签机构")).value == "食品经营许可科\n综合科"
    assert workbook["说明"].max_row > 40


def test_formula_looking_text_is_stored_as_text_and_comes_back(full_catalog, county, list_manager):
    data = export_workbook(region=county, list_kind="service")
    workbook = load(data)
    items = workbook["事项"]
    cell = items.cell(row_of(items, "实施编码", FOOD_CODE), column_of(items, "检索关键词"))
    assert cell.value == "'" + FORMULA_TEXT and cell.data_type == "s"
    materials = workbook["申请材料"]
    assert {materials.cell(row, 10).value for row in (3, 4, 5)} == {"'-申请人签字或盖章", "'@系统自动调取", "'+复印件一份"}
    for sheet in workbook:
        assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
    fees = load(export_workbook(region=county, list_kind="fee"))["收费目录"]
    assert fees.cell(3, column_of(fees, "备注")).value == "'=1+1"
    assert run_import(list_manager, county, data).change_request is None


def test_one_edited_cell_becomes_one_changed_field_and_publishes(full_catalog, county, list_manager, second_list_manager):
    data = set_cell(export_workbook(region=county, list_kind="service"), "事项", "实施编码", FOOD_CODE, "承诺办结时限(工作日)", 7)
    result = run_import(list_manager, county, data)
    assert result.ok, [str(p) for p in result.problems]
    request = result.change_request
    assert request.kind == "adjust" and request.status == "draft" and request.list_kind == "service"
    assert result.changed == [f"{FOOD_CODE} 食品经营许可"] and result.added == [] and result.unchanged == 1
    diffs = change_request_diff(change_request=request)
    assert [(d.key, d.status) for d in diffs] == [(FOOD_CODE, "changed")]
    assert [(c.path, c.old, c.new) for c in diffs[0].changes] == [("promised_limit_days", 8, 7)]
    assert AuditEvent.objects.filter(action="catalog.change_request.import", object_id=str(request.pk)).exists()
    change_request_submit(actor=list_manager, change_request=request)
    change_request_publish(actor=second_list_manager, change_request=request)
    assert ServiceItem.objects.get(implementation_code=FOOD_CODE).current.promised_limit_days == 7
    items = load(export_workbook(region=county, list_kind="service"))["事项"]
    assert items.cell(row_of(items, "实施编码", FOOD_CODE), column_of(items, "承诺办结时限(工作日)")).value == 7
    assert items["A1"].value == "示范县政务服务事项清单(第6版)"


def test_a_new_row_with_its_children_is_an_add(full_catalog, county, list_manager):
    workbook = load(export_workbook(region=county, list_kind="service"))
    new_code = "11990123MB00000010009"
    copy_entry(workbook, FOOD_CODE, new_code)
    items = workbook["事项"]
    items.cell(items.max_row, column_of(items, "事项名称")).value = "食品经营许可(分支机构)"
    result = run_import(list_manager, county, save(workbook))
    assert result.ok, [str(p) for p in result.problems]
    assert result.change_request.kind == "add"
    assert result.added == [f"{new_code} 食品经营许可(分支机构)"] and result.changed == []
    [diff] = change_request_diff(change_request=result.change_request)
    assert diff.status == "added"
    assert [m["code"] for m in diff.new["materials"]] == ["M01", "M02", "M03"]
    assert diff.new["stages"][1]["countersign_units"] == ["食品经营许可科", "综合科"]


def test_missing_entries_are_cancelled_only_when_asked(full_catalog, county, list_manager):
    workbook = load(export_workbook(region=county, list_kind="service"))
    drop_entry(workbook, CLINIC_CODE)
    data = save(workbook)
    assert run_import(list_manager, county, data).change_request is None
    result = run_import(list_manager, county, data, cancel_missing=True)
    assert result.change_request.kind == "cancel"
    assert result.cancelled == [f"{CLINIC_CODE} 医疗机构执业登记"]
    assert [(d.key, d.status) for d in change_request_diff(change_request=result.change_request)] == [(CLINIC_CODE, "removed")]


def test_changed_and_cancelled_entries_make_a_merge(full_catalog, county, list_manager):
    workbook = load(export_workbook(region=county, list_kind="fee"))
    fees = workbook["收费目录"]
    fees.cell(3, column_of(fees, "编码")).value = "SF002"
    result = run_import(list_manager, county, save(workbook), "fee", cancel_missing=True)
    assert result.ok
    assert result.change_request.kind == "merge"
    assert result.added == ["市场监督管理局/SF002 证照工本费"] and result.cancelled == ["市场监督管理局/SF001 证照工本费"]


def test_new_and_changed_entries_make_a_take_over(full_catalog, county, list_manager):
    workbook = load(export_workbook(region=county, list_kind="intermediary"))
    sheet = workbook["中介服务事项"]
    sheet.append(["ZJ002", "消防技术服务", "市场监督管理局", "《消防法》", "", "", "10个工作日"])
    sheet.cell(3, column_of(sheet, "服务时限")).value = "3个工作日"
    result = run_import(list_manager, county, save(workbook), "intermediary")
    assert result.change_request.kind == "take_over"
    assert result.added == ["ZJ002 消防技术服务"] and result.changed == ["ZJ001 食品检验检测"]


def test_an_old_version_can_be_exported(full_catalog, county, list_manager, second_list_manager):
    new_item = item_document(implementation_code="11990123MB00000010005", name="新事项")
    publish(list_manager, second_list_manager, county, "service", [new_item])
    old = load(export_workbook(region=county, list_kind="service", version_number=5))["事项"]
    new = load(export_workbook(region=county, list_kind="service"))["事项"]
    assert old["A1"].value.endswith("(第5版)") and new["A1"].value.endswith("(第6版)")
    assert old.max_row == 4 and new.max_row == 5
    assert load(export_workbook(region=county, list_kind="fee", version_number=1))["收费目录"].max_row == 2  # fees came in version 2
    with pytest.raises(NotFound):
        export_workbook(region=county, list_kind="service", version_number=7)


def test_a_stale_workbook_cannot_undo_later_changes(full_catalog, county, list_manager, second_list_manager):
    stale = set_cell(export_workbook(region=county, list_kind="service"), "事项", "实施编码", FOOD_CODE, "承诺办结时限(工作日)", 10)
    publish_adjust(list_manager, second_list_manager, county, food_item() | {"promised_limit_days": 9})
    requests = ChangeRequest.objects.count()
    result = run_import(list_manager, county, stale)
    assert [str(p) for p in result.problems] == ["事项 第3行:该条目在第5版之后已有变更,请重新导出现行清单,在其基础上修改后再导入。"]
    assert ChangeRequest.objects.count() == requests
    # Entries untouched since the export may still be changed from it.
    untouched = set_cell(stale, "事项", "实施编码", FOOD_CODE, "承诺办结时限(工作日)", 9)
    untouched = set_cell(untouched, "事项", "实施编码", CLINIC_CODE, "承诺办结时限(工作日)", 4)
    assert run_import(list_manager, county, untouched).changed == [f"{CLINIC_CODE} 医疗机构执业登记"]


def publish_adjust(drafter, publisher, county, doc):
    from onewindow.catalog.services import change_request_create

    request = change_request_create(
        actor=drafter, region=county, list_kind="service", kind="adjust", title="调整", reason="压缩时限", legal_basis="《行政许可法》"
    )
    change_request_save_draft(actor=drafter, change_request=request, document=doc)
    change_request_submit(actor=drafter, change_request=request)
    change_request_publish(actor=publisher, change_request=request)


def test_department_admin_imports_their_department(full_catalog, county, department, department_admin):
    data = set_cell(export_workbook(region=county, list_kind="service"), "事项", "实施编码", FOOD_CODE, "承诺办结时限(工作日)", 7)
    workbook = load(data)
    drop_entry(workbook, CLINIC_CODE)
    result = run_import(department_admin, county, save(workbook), department=department, cancel_missing=True)
    assert result.ok, [str(p) for p in result.problems]
    assert result.change_request.department == department
    assert result.changed == [f"{FOOD_CODE} 食品经营许可"] and result.cancelled == []  # the other department's item is out of scope
