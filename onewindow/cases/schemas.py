"""Input and output schemas of the cases API (`onewindow.cases.api`).

Inputs are shaped loosely where the services check the content (the applicant block, the form):
they report every problem at once with their own machine codes (一次性告知), which a strict
schema would cut short at the first one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema

from onewindow.accounts.choices import Role
from onewindow.cases import permissions, selectors
from onewindow.cases.choices import CaseStatus, DocumentKind
from onewindow.cases.models import Case, CaseDocument, CaseMaterial, CaseStep, StageTask
from onewindow.common import time
from onewindow.common.api import DepartmentRefOut, ObjectId
from onewindow.common.pagination import MAX_LIMIT
from onewindow.deadlines.models import Deadline


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    return time.local_datetime(moment) if moment else None


def _status_label(value: str) -> str:
    return str(CaseStatus(value).label) if value in CaseStatus.values else value


# ---- inputs: filing a case ----------------------------------------------------------------------


class ApplicantIn(Schema):
    kind: str = Field(description="person(自然人)或 enterprise(法人)")
    name: str = Field(max_length=200)
    id_number: str | None = Field(None, max_length=32, description="居民身份证号(自然人)")
    uscc: str | None = Field(None, max_length=32, description="统一社会信用代码(法人)")
    phone: str = Field(max_length=32)
    email: str | None = Field(None, max_length=254)


class InlineFileIn(Schema):
    """A material's file carried in the JSON body; its type is decided by its content, not its name."""

    name: str = Field(max_length=200, description="文件名,扩展名须与内容相符(pdf、png、jpg、docx、xlsx、ofd、doc、xls)")
    content_base64: str = Field(description="文件内容,标准 Base64 编码")


class MaterialIn(Schema):
    code: str = Field(max_length=32, description="材料代码(见事项办事指南)")
    provision: Literal["uploaded", "reused", "pledge", "gap", "missing"] | None = Field(
        None,
        description="uploaded 上传文件 | reused 电子证照复用 | pledge 告知承诺 | gap 容缺后补 | missing 不提供(仅非必要材料);"
        "省略时有文件为 uploaded,否则为 missing",
    )
    pledge: str = Field("", max_length=2000, description="告知承诺的承诺内容")
    license_number: str = Field("", max_length=100, description="复用的电子证照编号")
    file: InlineFileIn | None = None


class CaseCreateIn(Schema):
    item: str = Field(max_length=64, description="事项实施编码")
    situation: str = Field("", max_length=32, description="办事情形代码;事项只有一种情形时可省略")
    applicant: ApplicantIn
    form: dict[str, Any] = Field(default_factory=dict, description="事项申请表单的各项,按办事指南中的表单定义")
    materials: list[MaterialIn] = Field(default_factory=list, max_length=100)
    delivery_method: str = Field("window", description="window 窗口领取 | post 邮寄送达 | online 网上送达")
    delivery_address: str = Field("", max_length=300, description="邮寄送达时必填")


class CaseFilterIn(Schema):
    status: str | None = Field(None, description="办件状态,如 submitted")
    item: str | None = Field(None, description="事项实施编码")
    department: ObjectId | None = Field(None, description="办理部门 id")
    queue: bool = Field(False, description="true:只看在办件,按期限由近到远排列")
    cursor: str | None = None
    limit: int | None = Field(None, ge=1, le=MAX_LIMIT)


# ---- inputs: actions ----------------------------------------------------------------------------


class ActionIn(Schema):
    revision: int | None = Field(None, ge=0, description="页面显示时办件的修订号(revision);办件已被他人处理时返回 409 case_stale")


class CommentIn(ActionIn):
    comment: str = Field("", max_length=2000)


class AcceptWithGapsIn(CommentIn):
    gaps: list[str] = Field(description="容缺的材料代码")
    supply_by: dt.date = Field(description="容缺材料补正期限,不晚于承诺办结期限")


class RequestCorrectionIn(CommentIn):
    problems: dict[str, str] = Field(description="材料代码(或 form 表示申请表单)→ 需要补正的内容")


class ResubmitMaterialIn(Schema):
    code: str = Field(max_length=32)
    provision: Literal["uploaded", "paper", "reused", "pledge", "gap", "missing"] = Field(description="paper 纸质材料已核验(仅窗口办件)")
    pledge: str = Field("", max_length=2000)
    license_number: str = Field("", max_length=100)


class ResubmitIn(CommentIn):
    materials: list[ResubmitMaterialIn] | None = Field(
        None, description="改变提供方式的材料;文件先通过 POST /cases/{number}/materials 上传"
    )


class ReasonIn(ActionIn):
    reason: str = Field(max_length=2000)


class OptionalReasonIn(ActionIn):
    reason: str = Field("", max_length=2000)


class CompleteStageIn(ActionIn):
    task: int = Field(description="环节任务 id(见办件详情的 tasks)")
    opinion: str = Field(max_length=2000)


class SuspendIn(ActionIn):
    procedure: str = Field(max_length=100, description="特别程序:听证、检验、检测、检疫、鉴定、专家评审等")
    reason: str = Field(max_length=2000)


class ResumeIn(ActionIn):
    result: str = Field(max_length=2000, description="特别程序的结果")


class OpinionIn(ActionIn):
    opinion: str = Field("", max_length=2000)


class DeliverIn(ActionIn):
    note: str = Field("", max_length=2000)


# ---- outputs ------------------------------------------------------------------------------------


class CaseMaterialOut(Schema):
    """A material of the case; the file itself is not included."""

    code: str
    name: str
    necessity: str
    provision: str
    provision_label: str
    has_file: bool
    original_name: str
    content_kind: str
    size: int
    sha256: str
    license_number: str
    pledge_status: str
    problem: str = Field(description="一次性告知书中对该材料的补正要求")
    outstanding_gap: bool = Field(description="容缺受理后尚待补齐")

    @staticmethod
    def resolve_provision_label(obj: CaseMaterial) -> str:
        return obj.get_provision_display()

    @staticmethod
    def resolve_has_file(obj: CaseMaterial) -> bool:
        return bool(obj.file)

    @staticmethod
    def resolve_outstanding_gap(obj: CaseMaterial) -> bool:
        return obj.is_outstanding_gap


class CaseCreatedOut(Schema):
    number: str
    status: str
    query_code: str = Field(description="查询码:与办件编号一起可查询公开进度")
    item: str
    item_name: str
    submitted_at: dt.datetime
    due_on: dt.date | None = Field(description="当前计时中的期限(受理答复期限)")
    materials: list[CaseMaterialOut]

    @staticmethod
    def resolve_item(obj: Case) -> str:
        return obj.item.implementation_code

    @staticmethod
    def resolve_submitted_at(obj: Case) -> dt.datetime | None:
        return _local(obj.submitted_at)

    @staticmethod
    def resolve_materials(obj: Case) -> list[CaseMaterial]:
        return list(obj.materials.all())


class CaseOut(Schema):
    """A case in a list."""

    number: str
    status: str
    status_label: str
    item: str = Field(description="事项实施编码")
    item_name: str
    department: DepartmentRefOut
    applicant_name: str
    channel: str
    submitted_at: dt.datetime | None
    due_on: dt.date | None
    color: str = Field(description="green 正常 | yellow 预警 | red 超时 | gray 未计时")
    revision: int

    @staticmethod
    def resolve_status_label(obj: Case) -> str:
        return obj.get_status_display()

    @staticmethod
    def resolve_item(obj: Case) -> str:
        return obj.item.implementation_code

    @staticmethod
    def resolve_submitted_at(obj: Case) -> dt.datetime | None:
        return _local(obj.submitted_at)

    @staticmethod
    def resolve_color(obj: Case) -> str:
        return obj.color(time.today())


class CasePageOut(Schema):
    items: list[CaseOut]
    next_cursor: str | None


class ApplicantOut(Schema):
    kind: str
    name: str
    id_number: str
    phone: str
    email: str


class StepOut(Schema):
    """One entry of the timeline."""

    action: str
    label: str
    from_status: str
    to_status: str
    to_status_label: str
    actor_name: str = Field(description="经办人;空为系统自动处理")
    unit_name: str
    comment: str
    details: dict[str, Any]
    at: dt.datetime

    @staticmethod
    def resolve_label(obj: CaseStep) -> str:
        return obj.get_action_display()

    @staticmethod
    def resolve_to_status_label(obj: CaseStep) -> str:
        return _status_label(obj.to_status)

    @staticmethod
    def resolve_at(obj: CaseStep) -> dt.datetime | None:
        return _local(obj.at)


class TaskOut(Schema):
    """One stage task (countersign stages have one per unit)."""

    id: int
    sequence: int
    name: str
    kind: str
    role: str
    role_label: str
    unit_name: str
    countersign: bool
    state: str
    state_label: str
    handler_name: str
    opinion: str
    opened_at: dt.datetime
    completed_at: dt.datetime | None
    due_on: dt.date | None

    @staticmethod
    def resolve_role_label(obj: StageTask) -> str:
        return str(Role(obj.role).label) if obj.role in Role.values else obj.role

    @staticmethod
    def resolve_unit_name(obj: StageTask) -> str:
        return obj.unit.name if obj.unit else ""

    @staticmethod
    def resolve_state_label(obj: StageTask) -> str:
        return obj.get_state_display()

    @staticmethod
    def resolve_handler_name(obj: StageTask) -> str:
        return (obj.handler.real_name or obj.handler.get_username()) if obj.handler else ""

    @staticmethod
    def resolve_opened_at(obj: StageTask) -> dt.datetime | None:
        return _local(obj.opened_at)

    @staticmethod
    def resolve_completed_at(obj: StageTask) -> dt.datetime | None:
        return _local(obj.completed_at)


class TimerOut(Schema):
    """One timer of the case (受理答复, 承诺时限, 法定时限, 容缺补正, 送达 …)."""

    kind: str
    kind_label: str
    started_at: dt.datetime
    due_on: dt.date
    state: str
    state_label: str
    color: str = Field(description="green 正常 | yellow 预警 | red 超时 | gray 已结束")
    provisional: bool = Field(description="截止日期所在年份的节假日安排尚未录入,日期为暂定")

    @staticmethod
    def resolve_started_at(obj: Deadline) -> dt.datetime | None:
        return _local(obj.started_at)

    @staticmethod
    def resolve_state_label(obj: Deadline) -> str:
        return obj.get_state_display()

    @staticmethod
    def resolve_color(obj: Deadline) -> str:
        return str(obj.color(time.today()).value)


class DocumentOut(Schema):
    kind: str
    kind_label: str
    number: str
    state: str
    verification_code: str = Field(description="文书核验码")
    created_at: dt.datetime

    @staticmethod
    def resolve_kind_label(obj: CaseDocument) -> str:
        return str(DocumentKind(obj.kind).label) if obj.kind in DocumentKind.values else obj.kind

    @staticmethod
    def resolve_created_at(obj: CaseDocument) -> dt.datetime | None:
        return _local(obj.created_at)


class ActionOut(Schema):
    name: str = Field(description="动作接口名:POST /cases/{number}/{name}")
    label: str


class CaseDetailOut(CaseOut):
    """Everything about one case the user may see, and what the user may do to it now."""

    query_code: str
    situation: str
    situation_name: str
    applicant: ApplicantOut
    form: dict[str, Any]
    delivery_method: str
    delivery_address: str
    decision: str
    decision_reason: str
    refusal_reason: str
    deemed_accepted: bool
    deemed_approved: bool
    has_gaps: bool
    gap_supply_by: dt.date | None
    extended_days: int
    promised_days: int
    statutory_days: int
    accepted_at: dt.datetime | None
    decided_at: dt.datetime | None
    delivered_at: dt.datetime | None
    ended_at: dt.datetime | None
    materials: list[CaseMaterialOut]
    steps: list[StepOut]
    tasks: list[TaskOut]
    timers: list[TimerOut]
    documents: list[DocumentOut]
    actions: list[ActionOut] = Field(description="当前状态下该用户可执行的动作")

    @staticmethod
    def resolve_situation(obj: Case) -> str:
        return obj.situation.code if obj.situation else ""

    @staticmethod
    def resolve_situation_name(obj: Case) -> str:
        return obj.situation.name if obj.situation else ""

    @staticmethod
    def resolve_applicant(obj: Case) -> dict[str, str]:
        return {
            "kind": obj.applicant_kind,
            "name": obj.applicant_name,
            "id_number": obj.applicant_id_number,
            "phone": obj.applicant_phone,
            "email": obj.applicant_email,
        }

    @staticmethod
    def resolve_accepted_at(obj: Case) -> dt.datetime | None:
        return _local(obj.accepted_at)

    @staticmethod
    def resolve_decided_at(obj: Case) -> dt.datetime | None:
        return _local(obj.decided_at)

    @staticmethod
    def resolve_delivered_at(obj: Case) -> dt.datetime | None:
        return _local(obj.delivered_at)

    @staticmethod
    def resolve_ended_at(obj: Case) -> dt.datetime | None:
        return _local(obj.ended_at)

    @staticmethod
    def resolve_materials(obj: Case) -> list[CaseMaterial]:
        return list(obj.materials.all())

    @staticmethod
    def resolve_steps(obj: Case) -> list[CaseStep]:
        return selectors.timeline(obj)

    @staticmethod
    def resolve_tasks(obj: Case) -> list[StageTask]:
        return list(obj.tasks.select_related("unit", "handler"))

    @staticmethod
    def resolve_timers(obj: Case) -> list[Deadline]:
        return selectors.timers_of(obj)

    @staticmethod
    def resolve_documents(obj: Case) -> list[CaseDocument]:
        return selectors.documents_of(obj)

    @staticmethod
    def resolve_actions(obj: Case, context: dict[str, Any]) -> list[dict[str, str]]:
        user = context["request"].auth
        return [{"name": action.api_name, "label": str(action.label)} for action in permissions.actions_for(user, obj)]


# ---- public progress ----------------------------------------------------------------------------


class ProgressStepOut(Schema):
    at: dt.datetime
    action: str
    label: str
    unit_name: str
    actor_name: str = Field(description="经办人;申请人本人的姓名已遮蔽,空为系统自动处理")


class ProgressDocumentOut(Schema):
    kind: str
    kind_label: str
    number: str
    verification_code: str


class ProgressOut(Schema):
    """What anyone holding the case number and the query code may see; personal data masked."""

    number: str
    status: str
    status_label: str
    item_name: str
    department: str
    applicant_name: str = Field(description="已遮蔽")
    submitted_at: dt.datetime | None
    promised_due_on: dt.date | None = Field(description="承诺办结日期(受理后才有)")
    steps: list[ProgressStepOut]
    documents: list[ProgressDocumentOut] = Field(description="已生成、可核验的文书")
