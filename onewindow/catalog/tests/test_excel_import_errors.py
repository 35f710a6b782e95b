"""Bad workbooks: every problem reported at its sheet, row and column, and nothing imported."""

import io
import zipfile

import pytest

from onewindow.audit.models import AuditEvent
from onewindow.catalog.excel import archive, export_workbook, import_workbook
from onewindow.catalog.excel import parse as parse_module
from onewindow.catalog.models import ChangeRequest, DutyBoundaryVersion, FeeEntryVersion, PowerItemVersion, ServiceItem, ServiceItemVersion
from onewindow.catalog.tests.test_excel_support import (
    CLINIC_CODE,
    FOOD_CODE,
    load,
    publish_full_catalog,
    save,
    set_cell,
)
from onewindow.common.errors import Forbidden

pytestmark = pytest.mark.django_db

WRITTEN = (ChangeRequest, ServiceItemVersion, PowerItemVersion, FeeEntryVersion, DutyBoundaryVersion, AuditEvent)


@pytest.fixture
def full_catalog(county, department, other_department, list_manager, second_list_manager):
    return publish_full_catalog(county, department, list_manager, second_list_manager)


@pytest.fixture
def nothing_written(full_catalog):
    """Asserts after the test that no request, version row or audit event was added."""
    counts = [model.objects.count() for model in WRITTEN]
    yield
    assert [model.objects.count() for model in WRITTEN] == counts


def problems_of(actor, county, data, list_kind="service", **options):
    result = import_workbook(
        actor=actor, region=county, list_kind=list_kind, data=data, title="导入", reason="依法调整", legal_basis="《行政许可法》", **options
    )
    assert not result.ok and result.change_request is None
    assert result.message == f"导入失败:发现{len(result.problems)}处问题,未导入任何内容。"
    return [str(p) for p in result.problems]


@pytest.fixture
def exported(full_catalog, county):
    return export_workbook(region=county, list_kind="service")


def test_a_bad_choice_is_reported_at_its_cell(nothing_written, exported, county, list_manager):
    data = set_cell(exported, "申请材料", "材料名称", "营业执照", "必要性", "需要")
    expected = "申请材料 第4行 必要性列:取值“需要”无效,应为:必要、容缺可补、可告知承诺、非必要(依情形)。"
    assert problems_of(list_manager, county, data) == [expected]


def test_a_missing_required_cell_is_reported(nothing_written, exported, county, list_manager):
    data = set_cell(exported, "事项", "实施编码", CLINIC_CODE, "事项名称", None)
    data = set_cell(data, "申请材料", "材料名称", "营业执照", "份数", None)
    assert problems_of(list_manager, county, data) == ["申请材料 第4行 份数列:不能为空。", "事项 第4行 事项名称列:不能为空。"]


def test_an_unknown_department_is_reported(nothing_written, exported, county, list_manager):
    data = set_cell(exported, "事项", "实施编码", CLINIC_CODE, "实施部门", "卫生局")
    assert problems_of(list_manager, county, data) == ["事项 第4行 实施部门列:部门“卫生局”不存在。"]


def test_a_material_of_an_unknown_situation_is_reported(nothing_written, exported, county, list_manager):
    data = set_cell(exported, "申请材料", "材料名称", "原食品经营许可证", "适用情形代码", "S09")
    assert problems_of(list_manager, county, data) == ["申请材料 第5行 适用情形代码列:办事情形“S09”不存在。"]


def test_rows_of_an_unknown_entry_and_duplicates_are_reported(nothing_written, exported, county, list_manager):
    workbook = load(exported)
    workbook["办事情形"].append(["11990123MB99999999999", "S01", "新办"])
    items = workbook["事项"]
    items.append([c.value for c in items[3]])
    assert problems_of(list_manager, county, save(workbook)) == [
        "事项 第5行 实施编码列:与第3行重复。",
        "办事情形 第7行 实施编码列:“事项”表中没有实施编码“11990123MB99999999999”的条目。",
    ]


def test_every_problem_of_every_entry_is_reported_at_once(nothing_written, exported, county, list_manager):
    data = set_cell(exported, "办理环节", "环节名称", "审查", "会签机构", "食品经营许可科\n不存在科")
    data = set_cell(data, "申请表单字段", "字段名", "scope", "字段类型", "多选")
    data = set_cell(data, "事项", "实施编码", CLINIC_CODE, "网上办理深度", "网上办理")
    data = set_cell(data, "事项", "实施编码", CLINIC_CODE, "到办事现场次数", 2)
    data = set_cell(data, "事项", "实施编码", FOOD_CODE, "主题", "kaiban-qiye\nno-such-theme")
    data = set_cell(data, "事项", "实施编码", FOOD_CODE, "中介服务事项", "ZJ404")
    assert problems_of(list_manager, county, data) == [
        "申请表单字段 第5行 字段类型列:取值“多选”无效,应为:文本、多行文本、数字、日期、单选、是否。",
        "事项 第3行 主题列:主题“no-such-theme”不存在。",
        "事项 第3行 中介服务事项列:中介服务“ZJ404”不在中介服务事项清单中(目录之外无中介服务)。",
        "办理环节 第4行 会签机构列:会签机构“不存在科”不存在。",
        "事项 第4行 到办事现场次数列:全程网办(网上办理深度5级及以上)的事项到现场次数应为0。",
        "事项 第4行 必须现场办理原因列:需要到现场办理的,应说明必须现场办理的原因。",
    ]


def test_a_formula_typed_into_a_cell_is_refused(nothing_written, exported, county, list_manager):
    data = set_cell(exported, "事项", "实施编码", FOOD_CODE, "检索关键词", "=1+1")
    assert problems_of(list_manager, county, data) == ["事项 第3行 检索关键词列:不能使用公式,请直接填写内容。"]


def test_a_missing_sheet_or_column_is_reported(nothing_written, exported, county, list_manager):
    workbook = load(exported)
    del workbook["收费项目"]
    workbook["申请材料"].cell(2, 7).value = "是否必要"
    assert problems_of(list_manager, county, save(workbook)) == ["申请材料 第2行:缺少列“必要性”。", "收费项目:缺少工作表“收费项目”。"]


def test_a_workbook_of_another_list_is_named(nothing_written, exported, county, list_manager):
    expected = "所选清单是“权责清单”,但该工作簿是“政务服务事项清单”,请选择正确的清单。"
    assert problems_of(list_manager, county, exported, "power") == [expected]


def test_a_text_file_renamed_xlsx_is_refused(nothing_written, county, list_manager):
    data = "实施编码,事项名称\n11990123MB00000010001,食品经营许可\n".encode()
    assert problems_of(list_manager, county, data) == ["文件不是Excel工作簿(.xlsx)。"]


def test_an_old_xls_or_a_plain_zip_is_refused(nothing_written, county, list_manager):
    assert problems_of(list_manager, county, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512) == [
        "不支持旧版.xls格式,请在Excel或WPS中另存为.xlsx后再导入。"
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as plain:
        plain.writestr("readme.txt", "not a workbook")
    assert problems_of(list_manager, county, buffer.getvalue()) == ["文件不是Excel工作簿(.xlsx)。"]


@pytest.mark.parametrize("member", ["xl/workbook.xml", "xl/worksheets/sheet3.xml"])
def test_a_damaged_workbook_is_refused(nothing_written, exported, county, list_manager, member):
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(exported)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as damaged:
        assert member in source.namelist()
        for info in source.infolist():
            damaged.writestr(info, b"<row><broken" if info.filename == member else source.read(info))
    [problem] = problems_of(list_manager, county, buffer.getvalue())
    assert problem.startswith("无法读取该Excel文件")


def test_a_zip_bomb_is_refused_before_it_is_inflated(nothing_written, county, list_manager):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        with bomb.open("xl/worksheets/sheet1.xml", "w") as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(archive.MAX_UNCOMPRESSED_BYTES // len(chunk) + 1):
                member.write(chunk)
    data = buffer.getvalue()
    assert len(data) < 1024 * 1024  # small on disk, over the limit inflated
    assert problems_of(list_manager, county, data) == ["文件解压后超过100MB,疑似压缩炸弹,拒绝导入。"]


def test_a_file_too_large_is_refused(nothing_written, county, list_manager):
    data = b"PK\x03\x04" + b"\0" * archive.MAX_FILE_BYTES
    assert problems_of(list_manager, county, data) == ["文件超过10MB,请分部门或分批导入。"]


def test_too_many_rows_are_refused(nothing_written, exported, county, list_manager, monkeypatch):
    monkeypatch.setattr(parse_module, "MAX_DATA_ROWS", 5)
    assert problems_of(list_manager, county, exported) == ["数据超过5行,请分部门或分批导入。"]


def test_a_service_error_while_drafting_rolls_everything_back(nothing_written, exported, county, list_manager):
    # The basic code of an existing item cannot change: only the draft service knows it, after
    # the other entry was already drafted in the same transaction.
    data = set_cell(exported, "事项", "实施编码", FOOD_CODE, "承诺办结时限(工作日)", 7)
    data = set_cell(data, "事项", "实施编码", CLINIC_CODE, "基本编码", "11371099")
    assert problems_of(list_manager, county, data) == ["事项 第4行 基本编码列:已有事项的基本编码不能修改;编码变化请新增事项并取消原事项。"]
    assert ServiceItem.objects.get(implementation_code=FOOD_CODE).current.promised_limit_days == 8


def test_a_department_admin_cannot_import_another_departments_rows(nothing_written, exported, county, department, department_admin):
    data = set_cell(exported, "事项", "实施编码", CLINIC_CODE, "承诺办结时限(工作日)", 4)
    assert problems_of(department_admin, county, data, department=department) == [
        "事项 第4行 实施部门列:只能导入“市场监督管理局”的条目,该行属于“卫生健康局”。"
    ]


def test_a_department_admin_imports_nothing_without_their_department(full_catalog, exported, county, department_admin, other_department):
    for department in (None, other_department):
        with pytest.raises(Forbidden):
            problems_of(department_admin, county, exported, department=department)


def test_region_wide_lists_are_imported_by_list_managers_only(full_catalog, county, department, department_admin):
    data = export_workbook(region=county, list_kind="intermediary")
    with pytest.raises(Forbidden):
        problems_of(department_admin, county, data, "intermediary", department=department)


def test_other_lists_report_problems_at_their_cells(nothing_written, full_catalog, county, list_manager):
    power = set_cell(export_workbook(region=county, list_kind="power"), "权力事项", "事项编码", "330217001001", "行使层级", "县级、村级")
    power = set_cell(power, "设定依据", "条款", "第二条", "法律法规名称", None)
    assert problems_of(list_manager, county, power, "power") == [
        "权力事项 第4行 行使层级列:取值“村级”无效,应为:省级、市级、县级、乡级。",
        "设定依据 第4行 法律法规名称列:不能为空。",
    ]
    duty = set_cell(export_workbook(region=county, list_kind="duty_boundary"), "配合部门", "编码", "ZZ001", "配合部门", "市场监督管理局")
    assert problems_of(list_manager, county, duty, "duty_boundary") == ["配合部门 第3行 配合部门列:配合部门不能与牵头部门相同。"]
    fee = set_cell(export_workbook(region=county, list_kind="fee"), "收费目录", "编码", "SF001", "是否可减免", "可以")
    assert problems_of(list_manager, county, fee, "fee") == ["收费目录 第3行 是否可减免列:取值“可以”无效,应为:是、否。"]
