"""Input and output shapes of the supervision API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from onewindow.common import time
from onewindow.common.api import DepartmentRefOut, ObjectId
from onewindow.common.pagination import MAX_LIMIT


def _local(value: dt.datetime | None) -> dt.datetime | None:
    return time.local_datetime(value) if value else None


class SubjectOut(Schema):
    type: str = Field(description="对象类型,如 cases.case")
    id: str
    label: str = Field(description="对象的文字说明")
    case_number: str = Field(description="相关办件编号(如有)")


class CardOut(Schema):
    id: int
    color: str = Field(description="yellow 黄牌 | red 红牌")
    kind: str = Field(description="期限类型")
    kind_label: str
    subject: SubjectOut
    department: DepartmentRefOut | None
    handler: str = Field(description="经办人姓名")
    due_on: dt.date
    issued_at: dt.datetime
    cleared_at: dt.datetime | None
    clear_reason: str

    @staticmethod
    def resolve_subject(obj: Any) -> dict[str, Any]:
        subject = obj.described
        return {"type": obj.subject_type, "id": obj.subject_id, "label": subject.label, "case_number": subject.case_number}

    @staticmethod
    def resolve_handler(obj: Any) -> str:
        return (obj.handler.real_name or obj.handler.username) if obj.handler_id else ""

    @staticmethod
    def resolve_issued_at(obj: Any) -> dt.datetime | None:
        return _local(obj.issued_at)

    @staticmethod
    def resolve_cleared_at(obj: Any) -> dt.datetime | None:
        return _local(obj.cleared_at)


class CardPageOut(Schema):
    items: list[CardOut]
    next_cursor: str | None


class CardFilterIn(Schema):
    color: str | None = Field(None, description="yellow | red")
    department: ObjectId | None = Field(None, description="责任部门 id")
    kind: str | None = Field(None, description="期限类型")
    open: bool = Field(True, description="true:只看未消除的牌")
    cursor: str | None = None
    limit: int | None = Field(None, ge=1, le=MAX_LIMIT)


class OrderOut(Schema):
    number: str
    status: str
    status_label: str
    kind: str
    subject: SubjectOut
    department: DepartmentRefOut
    reason: str
    opened_at: dt.datetime
    automatic: bool = Field(description="true:由红牌自动发起")
    reply_due_on: dt.date | None
    reply: str
    replied_at: dt.datetime | None
    closed_at: dt.datetime | None
    closing_note: str
    revision: int
    actions: list[str] = Field(description="当前用户现在可执行的操作")

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_subject(obj: Any) -> dict[str, Any]:
        subject = obj.described
        return {"type": obj.subject_type, "id": obj.subject_id, "label": subject.label, "case_number": subject.case_number}

    @staticmethod
    def resolve_automatic(obj: Any) -> bool:
        return obj.card_id is not None and obj.opened_by_id is None

    @staticmethod
    def resolve_opened_at(obj: Any) -> dt.datetime | None:
        return _local(obj.opened_at)

    @staticmethod
    def resolve_replied_at(obj: Any) -> dt.datetime | None:
        return _local(obj.replied_at)

    @staticmethod
    def resolve_closed_at(obj: Any) -> dt.datetime | None:
        return _local(obj.closed_at)

    @staticmethod
    def resolve_actions(obj: Any) -> list[str]:
        return list(getattr(obj, "actions", []))


class OrderPageOut(Schema):
    items: list[OrderOut]
    next_cursor: str | None


class OrderFilterIn(Schema):
    status: str | None = Field(None, description="open | replied | closed | withdrawn")
    department: ObjectId | None = None
    cursor: str | None = None
    limit: int | None = Field(None, ge=1, le=MAX_LIMIT)


class OrderOpenIn(Schema):
    card: int | None = Field(None, description="黄红牌 id(与 case 二选一)")
    case: str | None = Field(None, description="办件编号(与 card 二选一)")
    reason: str = Field(max_length=4000, description="督办事由")


class OrderActionIn(Schema):
    revision: int | None = Field(None, ge=0, description="页面显示时督办单的修订号;已被他人处理时返回 409 order_stale")
    text: str = Field("", max_length=4000, description="答复内容 / 退回意见 / 办结意见 / 撤销理由")
