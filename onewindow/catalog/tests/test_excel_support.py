"""A published catalog using every feature of every list, and workbook helpers, for the Excel tests.

Each test module wraps `publish_full_catalog` in its own `full_catalog` fixture.
"""

import io
from typing import Any

import openpyxl

from onewindow.catalog.services import change_request_create, change_request_publish, change_request_save_draft, change_request_submit
from onewindow.catalog.tests.documents import item_document, power_document
from onewindow.catalog.tests.factories import ThemeFactory
from onewindow.licenses.models import LicenseType
from onewindow.orgs.tests.factories import UnitFactory

FOOD_CODE = "11990123MB00000010001"
CLINIC_CODE = "11990123MB00000020001"
FORMULA_TEXT = '=HYPERLINK("http://evil.example/","点击")'


def publish(drafter: Any, publisher: Any, county: Any, list_kind: str, docs: list[dict[str, Any]], department: Any = None) -> None:
    """Draft, submit and publish one change request adding `docs` to the list."""
    request = change_request_create(
        actor=drafter,
        region=county,
        department=department,
        list_kind=list_kind,
        kind="add",
        title=f"新增{list_kind}",
        reason="纳入清单管理",
        legal_basis="《中华人民共和国行政许可法》",
    )
    for doc in docs:
        change_request_save_draft(actor=drafter, change_request=request, document=doc)
    change_request_submit(actor=drafter, change_request=request)
    change_request_publish(actor=publisher, change_request=request)


def food_item() -> dict[str, Any]:
    """A service item using every feature: situations, materials with license types, fees, stages
    with countersign units and a special procedure, form fields of every type, themes, an
    intermediary, and texts a spreadsheet would take for formulas."""
    return item_document(
        implementation_code=FOOD_CODE,
        power_code="330217001000",
        themes=["kaiban-qiye", "canyin"],
        unit="行政审批科",
        acceptance_conditions="1.具有经营场所;\n2.具有食品安全管理人员。",
        statutory_limit_days=20,
        promised_limit_days=8,
        on_site_visits=1,
        visit_reason="需现场核查经营场所",
        online_depth=4,
        result_license_type="food-business-license",
        is_free=False,
        deemed_approval=True,
        joint_handling=True,
        intermediaries=["ZJ001"],
        keywords=FORMULA_TEXT,
        form_schema=[
            {"name": "business_name", "label": "经营者名称", "type": "text", "required": True, "max_length": 100},
            {"name": "area", "label": "经营场所面积(平方米)", "type": "number", "required": True, "min": 0, "max": 100000},
            {"name": "scope", "label": "经营项目", "type": "choice", "required": True, "choices": ["热食制售", "预包装、散装食品"]},
            {"name": "opening_date", "label": "拟开业日期", "type": "date", "required": False},
            {"name": "note", "label": "说明", "type": "textarea", "required": False},
            {"name": "chain", "label": "是否连锁", "type": "boolean", "required": False},
        ],
        situations=[
            {"code": "S01", "name": "新办", "description": "首次申请"},
            {"code": "S02", "name": "延续", "description": ""},
        ],
        materials=[
            {
                "code": "M01",
                "situation": "",
                "name": "食品经营许可申请书",
                "form": "original",
                "copies": 1,
                "necessity": "required",
                "source": "applicant",
                "license_type": "",
                "requirements": "-申请人签字或盖章",
            },
            {
                "code": "M02",
                "situation": "S01",
                "name": "营业执照",
                "form": "electronic",
                "copies": 0,
                "necessity": "pledge_allowed",
                "source": "government",
                "license_type": "business-license",
                "requirements": "@系统自动调取",
            },
            {
                "code": "M03",
                "situation": "S02",
                "name": "原食品经营许可证",
                "form": "original_and_copy",
                "copies": 2,
                "necessity": "gap_allowed",
                "source": "government",
                "license_type": "food-business-license",
                "requirements": "+复印件一份",
            },
        ],
        fees=[{"name": "工本费", "standard": "10元/证", "basis": "《收费目录》", "reducible": True, "fee_code": "SF001"}],
        stages=[
            {"sequence": 1, "kind": "accept", "name": "受理", "role": "window_clerk", "unit": "", "days": 1, "standard": "材料齐全"},
            {
                "sequence": 2,
                "kind": "review",
                "name": "审查",
                "role": "reviewer",
                "unit": "行政审批科",
                "days": 3,
                "countersign_units": ["食品经营许可科", "综合科"],
                "risk_points": "对不符合条件的予以通过",
                "risk_controls": "双人审查;全程留痕",
            },
            {"sequence": 3, "kind": "site_check", "name": "现场核查", "role": "reviewer", "days": 10, "special_procedure": True},
            {"sequence": 4, "kind": "decide", "name": "决定", "role": "decider", "unit": "", "days": 2},
            {"sequence": 5, "kind": "deliver", "name": "送达", "role": "window_clerk", "unit": "", "days": 1},
        ],
    )


def clinic_item() -> dict[str, Any]:
    """A plain item of the other department (卫生健康局)."""
    return item_document(
        department="卫生健康局", implementation_code=CLINIC_CODE, name="医疗机构执业登记", implementing_body="示范县卫生健康局"
    )


def publish_full_catalog(county: Any, department: Any, list_manager: Any, second_list_manager: Any) -> dict[str, list[dict[str, Any]]]:
    """Every list of the county published, with every feature in use (catalog versions 1–5).

    Needs the departments 市场监督管理局 (`department`) and 卫生健康局 (the `other_department` fixture)."""
    for name in ("行政审批科", "食品经营许可科", "综合科"):
        UnitFactory(department=department, name=name)
    LicenseType.objects.create(code="business-license", name="营业执照", holder_kind="enterprise", issuing_department=department)
    LicenseType.objects.create(code="food-business-license", name="食品经营许可证", holder_kind="enterprise", issuing_department=department)
    ThemeFactory(code="kaiban-qiye", name="开办企业")
    ThemeFactory(code="canyin", name="开餐馆")
    publish_all = {
        "intermediary": [
            {
                "code": "ZJ001",
                "name": "食品检验检测",
                "department": "市场监督管理局",
                "basis": "《中华人民共和国食品安全法》",
                "qualification": "CMA资质",
                "fee_basis": "市场调节价",
                "time_limit": "5个工作日",
            }
        ],
        "fee": [
            {
                "department": "市场监督管理局",
                "code": "SF001",
                "name": "证照工本费",
                "category": "administrative",
                "standard": "10元/证",
                "basis": "财综〔2020〕1号",
                "reducible": True,
                "remarks": "=1+1",
            }
        ],
        "power": [
            power_document(legal_bases=[*power_document()["legal_bases"], {"law": "《食品经营许可管理办法》", "article": "第二条"}]),
            power_document(code="330217001001", parent_code="330217001000", name="食品经营许可(延续)", levels=["county", "township"]),
        ],
        "duty_boundary": [
            {
                "code": "ZZ001",
                "matter": "餐饮服务食品安全监管",
                "lead_department": "市场监督管理局",
                "lead_duty": "负责餐饮服务环节食品安全监督管理。",
                "basis": "《中华人民共和国食品安全法》",
                "shares": [{"department": "卫生健康局", "duty": "负责食品安全风险监测。"}],
            }
        ],
        "service": [food_item(), clinic_item()],
    }
    for list_kind, docs in publish_all.items():
        publish(list_manager, second_list_manager, county, list_kind, docs)
    return publish_all


def load(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def save(workbook: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def column_of(sheet: Any, header: str) -> int:
    """The 1-based column of a header (headers are in row 2)."""
    headers = [cell.value for cell in sheet[2]]
    return headers.index(header) + 1


def row_of(sheet: Any, header: str, value: str) -> int:
    """The first data row whose `header` cell holds `value`."""
    column = column_of(sheet, header)
    for row in range(3, sheet.max_row + 1):
        if sheet.cell(row, column).value == value:
            return row
    raise AssertionError(f"{value} not in {sheet.title}/{header}")


def set_cell(data: bytes, sheet_name: str, key_header: str, key: str, header: str, value: Any) -> bytes:
    """`data` with one cell changed: in `sheet_name`, the row whose `key_header` is `key`, column `header`."""
    workbook = load(data)
    sheet = workbook[sheet_name]
    sheet.cell(row_of(sheet, key_header, key), column_of(sheet, header)).value = value
    return save(workbook)


ITEM_SHEETS = ("事项", "办事情形", "申请材料", "收费项目", "办理环节", "申请表单字段")


def drop_entry(workbook: openpyxl.Workbook, code: str) -> None:
    """Delete the rows of service item `code` from every sheet."""
    for sheet in (workbook[name] for name in ITEM_SHEETS):
        code_column = column_of(sheet, "实施编码")
        for row in reversed(range(3, sheet.max_row + 1)):
            if sheet.cell(row, code_column).value == code:
                sheet.delete_rows(row)


def copy_entry(workbook: openpyxl.Workbook, code: str, new_code: str) -> None:
    """Append a copy of service item `code`'s rows, under `new_code`, to every sheet."""
    for sheet in (workbook[name] for name in ITEM_SHEETS):
        code_column = column_of(sheet, "实施编码")
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3) if row[code_column - 1].value == code]
        for values in rows:
            sheet.append([new_code if value == code else value for value in values])
