"""The column layout of each list's workbook: the one table both export and import use.

A list's workbook has a main sheet (one row per entry) and child sheets (one row per situation,
material, fee, stage …) whose first columns repeat the entry's key. Every column ties a Chinese
header to a document key and a converter (`cells.py`), so export and import cannot drift apart;
`test_excel_layouts.py` checks that the columns cover every key of the documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from onewindow.accounts.choices import Role
from onewindow.catalog.choices import (
    Audience,
    ExerciseLevel,
    FeeCategory,
    ItemKind,
    ListKind,
    MaterialForm,
    MaterialNecessity,
    MaterialSource,
    OnlineDepth,
    PowerCategory,
    StageKind,
)
from onewindow.catalog.excel.cells import Boolean, Choice, ChoiceList, CodeList, Integer, Text, TextList, labelled

NARROW, CODE, NAME, WIDE = 10, 24, 30, 50

FORM_FIELD_TYPES = labelled(
    [("text", "文本"), ("textarea", "多行文本"), ("number", "数字"), ("date", "日期"), ("choice", "单选"), ("boolean", "是否")]
)


@dataclass(frozen=True)
class Column:
    """A column: Chinese header ↔ document key ↔ converter, with its width and a note for 说明."""

    header: str
    key: str
    cell: Any
    width: int = 16
    note: str = ""


@dataclass(frozen=True)
class ChildSheet:
    """A sheet of one document list (`materials` …): one row per element, after the entry's key columns.

    `value_key` names the single column of a list of plain texts (追责情形).
    """

    name: str
    key: str
    columns: tuple[Column, ...]
    value_key: str = ""


@dataclass(frozen=True)
class Layout:
    """A list's workbook: main sheet, entry key, child sheets and the export order of entries."""

    list_kind: str
    main_sheet: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    children: tuple[ChildSheet, ...] = ()
    order_by: tuple[str, ...] = ()

    @property
    def key_columns(self) -> tuple[Column, ...]:
        by_key = {c.key: c for c in self.columns}
        return tuple(by_key[k] for k in self.key)

    def entry_key(self, doc: dict[str, Any]) -> tuple[str, ...]:
        return tuple(str(doc.get(k) or "") for k in self.key)

    def sheet_names(self) -> tuple[str, ...]:
        return (self.main_sheet, *(c.name for c in self.children))


def _department(header: str = "实施部门", key: str = "department") -> Column:
    return Column(header, key, Text(), NAME, "本区划内部门的全称")


SERVICE = Layout(
    list_kind=ListKind.SERVICE,
    main_sheet="事项",
    key=("implementation_code",),
    order_by=("service_item__department__sort_order", "service_item__department_id", "service_item__implementation_code"),
    columns=(
        _department(),
        Column("基本编码", "basic_code", Text(), CODE),
        Column("实施编码", "implementation_code", Text(), CODE, "事项的唯一编码,各子表以此关联"),
        Column("权力事项编码", "power_code", Text(), CODE, "对应权责清单中的事项编码,可空"),
        Column("事项名称", "name", Text(), NAME),
        Column("事项类型", "category", Choice.of(PowerCategory), NARROW + 4),
        Column("服务对象", "audience", Choice.of(Audience), NARROW),
        Column("主题", "themes", CodeList(), CODE, "主题代码,每行一个"),
        Column("实施主体", "implementing_body", Text(), NAME),
        Column("承办机构", "unit", Text(), NAME - 10, "本部门内设机构名称,可空"),
        Column("设定依据", "legal_basis", Text(), WIDE),
        Column("受理条件", "acceptance_conditions", Text(), WIDE),
        Column("法定办结时限(工作日)", "statutory_limit_days", Integer(), NARROW + 2),
        Column("承诺办结时限(工作日)", "promised_limit_days", Integer(), NARROW + 2, "不得超过法定办结时限"),
        Column("办件类型", "kind", Choice.of(ItemKind), NARROW),
        Column("到办事现场次数", "on_site_visits", Integer(), NARROW),
        Column("必须现场办理原因", "visit_reason", Text(), NAME, "到现场次数大于0时必填"),
        Column("网上办理深度", "online_depth", Choice.of(OnlineDepth), NARROW + 4, "网上办理及以上为全程网办,到现场次数应为0"),
        Column("办理地点", "places", Text(), NAME),
        Column("办理时间", "hours", Text(), NAME),
        Column("咨询电话", "phone", Text(), CODE - 8),
        Column("监督投诉电话", "complaint_phone", Text(), CODE - 8),
        Column("审批结果名称", "result_name", Text(), NAME - 6),
        Column("审批结果证照类型", "result_license_type", Text(), CODE, "证照目录中的证照类型代码,可空"),
        Column("是否收费", "is_free", Boolean(invert=True), NARROW, "收费的事项应在“收费项目”表列出收费项目"),
        Column("是否超时默认", "deemed_approval", Boolean(), NARROW),
        Column("是否联办", "joint_handling", Boolean(), NARROW),
        Column("中介服务事项", "intermediaries", CodeList(), CODE, "中介服务事项清单中的编码,每行一个(目录之外无中介服务)"),
        Column("检索关键词", "keywords", Text(), NAME),
    ),
    children=(
        ChildSheet(
            "办事情形",
            "situations",
            (
                Column("情形代码", "code", Text(), NARROW + 2),
                Column("情形名称", "name", Text(), NAME),
                Column("情形说明", "description", Text(), WIDE),
            ),
        ),
        ChildSheet(
            "申请材料",
            "materials",
            (
                Column("材料代码", "code", Text(), NARROW + 2),
                Column("适用情形代码", "situation", Text(), NARROW + 4, "为空表示各情形通用"),
                Column("材料名称", "name", Text(), NAME),
                Column("材料形式", "form", Choice.of(MaterialForm), NARROW + 4),
                Column("份数", "copies", Integer(), NARROW - 4),
                Column("必要性", "necessity", Choice.of(MaterialNecessity), NARROW + 4),
                Column("来源渠道", "source", Choice.of(MaterialSource), NARROW + 4),
                Column("证照类型", "license_type", Text(), CODE, "政府部门核发的材料填证照目录中的证照类型代码"),
                Column("材料要求", "requirements", Text(), WIDE),
            ),
        ),
        ChildSheet(
            "收费项目",
            "fees",
            (
                Column("收费项目名称", "name", Text(), NAME),
                Column("收费标准", "standard", Text(), NAME),
                Column("收费依据", "basis", Text(), WIDE),
                Column("是否可减免", "reducible", Boolean(), NARROW),
                Column("收费目录编码", "fee_code", Text(), CODE, "收费目录清单中的编码,可空"),
            ),
        ),
        ChildSheet(
            "办理环节",
            "stages",
            (
                Column("环节顺序", "sequence", Integer(), NARROW - 2),
                Column("环节类型", "kind", Choice.of(StageKind), NARROW),
                Column("环节名称", "name", Text(), NARROW + 6),
                Column("办理岗位", "role", Choice.of(Role), NARROW + 6),
                Column("办理机构", "unit", Text(), NAME - 10, "本部门内设机构名称,可空"),
                Column("时限(工作日)", "days", Integer(), NARROW),
                Column("会签机构", "countersign_units", TextList(), NAME - 10, "本部门内设机构名称,每行一个"),
                Column("是否特别程序", "special_procedure", Boolean(), NARROW, "特别程序所需时间不计入办理时限"),
                Column("审查标准", "standard", Text(), WIDE),
                Column("廉政风险点", "risk_points", Text(), NAME),
                Column("防控措施", "risk_controls", Text(), NAME),
            ),
        ),
        ChildSheet(
            "申请表单字段",
            "form_schema",
            (
                Column("字段名", "name", Text(), CODE - 6, "小写字母、数字和下划线,以字母开头"),
                Column("字段标签", "label", Text(), NAME - 6),
                Column("字段类型", "type", FORM_FIELD_TYPES, NARROW),
                Column("是否必填", "required", Boolean(), NARROW),
                Column("最大长度", "max_length", Integer(optional=True), NARROW),
                Column("最小值", "min", Integer(optional=True), NARROW),
                Column("最大值", "max", Integer(optional=True), NARROW),
                Column("可选项", "choices", TextList(omit_blank=True), NAME - 6, "单选字段的选项,每行一个"),
            ),
        ),
    ),
)

POWER = Layout(
    list_kind=ListKind.POWER,
    main_sheet="权力事项",
    key=("department", "code"),
    order_by=("power_item__department__sort_order", "power_item__department_id", "power_item__code"),
    columns=(
        _department(),
        Column("事项编码", "code", Text(), CODE, "各子表以部门和事项编码关联"),
        Column("主项编码", "parent_code", Text(), CODE, "子项填所属主项的事项编码,主项为空"),
        Column("事项名称", "name", Text(), NAME),
        Column("权力类别", "category", Choice.of(PowerCategory), NARROW + 4),
        Column("行使层级", "levels", ChoiceList(Choice.of(ExerciseLevel)), NARROW + 6),
        Column("职权内容", "content", Text(), WIDE),
        Column("实施主体", "implementing_body", Text(), NAME),
        Column("备注", "remarks", Text(), NAME),
    ),
    children=(
        ChildSheet(
            "设定依据",
            "legal_bases",
            (
                Column("法律法规名称", "law", Text(), NAME),
                Column("条款", "article", Text(), NARROW + 6),
                Column("条款内容", "text", Text(), WIDE + 10),
            ),
        ),
        ChildSheet(
            "责任事项",
            "responsibilities",
            (
                Column("环节", "stage", Text(), NARROW + 2),
                Column("责任事项内容", "content", Text(), WIDE + 10),
            ),
        ),
        ChildSheet("追责情形", "accountability_rules", (Column("追责情形", "text", Text(), WIDE + 10),), value_key="text"),
    ),
)

FEE = Layout(
    list_kind=ListKind.FEE,
    main_sheet="收费目录",
    key=("department", "code"),
    order_by=("entry__department__sort_order", "entry__department_id", "entry__code"),
    columns=(
        _department("执收部门"),
        Column("编码", "code", Text(), CODE),
        Column("收费项目名称", "name", Text(), NAME),
        Column("收费类别", "category", Choice.of(FeeCategory), NARROW + 6),
        Column("收费标准", "standard", Text(), NAME),
        Column("政策依据", "basis", Text(), WIDE),
        Column("是否可减免", "reducible", Boolean(), NARROW),
        Column("备注", "remarks", Text(), NAME),
    ),
)

INTERMEDIARY = Layout(
    list_kind=ListKind.INTERMEDIARY,
    main_sheet="中介服务事项",
    key=("code",),
    order_by=("service__code",),
    columns=(
        Column("编码", "code", Text(), CODE),
        Column("中介服务事项名称", "name", Text(), NAME),
        _department("审批部门"),
        Column("设定依据", "basis", Text(), WIDE),
        Column("中介机构资质要求", "qualification", Text(), NAME),
        Column("收费依据", "fee_basis", Text(), NAME),
        Column("服务时限", "time_limit", Text(), NARROW + 6),
    ),
)

DUTY_BOUNDARY = Layout(
    list_kind=ListKind.DUTY_BOUNDARY,
    main_sheet="职责边界",
    key=("code",),
    order_by=("boundary__code",),
    columns=(
        Column("编码", "code", Text(), CODE, "配合部门表以此关联"),
        Column("职责事项", "matter", Text(), NAME),
        _department("牵头部门", "lead_department"),
        Column("牵头部门职责", "lead_duty", Text(), WIDE),
        Column("依据", "basis", Text(), WIDE),
    ),
    children=(
        ChildSheet(
            "配合部门",
            "shares",
            (
                _department("配合部门"),
                Column("配合部门职责", "duty", Text(), WIDE),
            ),
        ),
    ),
)

LAYOUTS: dict[str, Layout] = {layout.list_kind: layout for layout in (SERVICE, POWER, FEE, INTERMEDIARY, DUTY_BOUNDARY)}


def layout_for(list_kind: str) -> Layout:
    return LAYOUTS[ListKind(list_kind)]
