"""Statuses of a case and the one table of the transitions between them.

行政许可法 第三十二条 (accept / correct once / refuse; deemed accepted after 5 working days),
第四十二条 (decide within the limit, extend once), 第四十四条 (deliver within 10 working days),
第四十五条 (special procedures stop the clock).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已提交")
    CORRECTION_REQUESTED = "correction_requested", _("待补正")
    ACCEPTED = "accepted", _("已受理")
    IN_REVIEW = "in_review", _("审查中")
    SUSPENDED = "suspended", _("特别程序中")
    DECIDED = "decided", _("已决定")
    DELIVERED = "delivered", _("已送达")
    CLOSED = "closed", _("已办结")
    REFUSED = "refused", _("不予受理")
    WITHDRAWN = "withdrawn", _("已撤回")
    TERMINATED = "terminated", _("已终止")


class CaseAction(models.TextChoices):
    """What can happen to a case; the API's action names are these values with '_' as '-'."""

    SUBMIT = "submit", _("提交申请")
    ACCEPT = "accept", _("受理")
    ACCEPT_WITH_GAPS = "accept_with_gaps", _("容缺受理")
    DEEM_ACCEPTED = "deem_accepted", _("视为受理")
    REQUEST_CORRECTION = "request_correction", _("一次性告知补正")
    RESUBMIT = "resubmit", _("补正后重新提交")
    REFUSE = "refuse", _("不予受理")
    COMPLETE_STAGE = "complete_stage", _("完成环节")
    SUSPEND = "suspend", _("进入特别程序")
    RESUME = "resume", _("特别程序结束")
    EXTEND = "extend", _("延长办理期限")
    SUPPLY_GAPS = "supply_gaps", _("补齐容缺材料")
    APPROVE = "approve", _("准予许可")
    DENY = "deny", _("不予许可")
    DEEM_APPROVED = "deem_approved", _("超时默认准予")
    DELIVER = "deliver", _("送达")
    CLOSE = "close", _("办结归档")
    WITHDRAW = "withdraw", _("撤回申请")
    TERMINATE = "terminate", _("终止办理")

    @property
    def api_name(self) -> str:
        return self.value.replace("_", "-")


S = CaseStatus
A = CaseAction

# Open statuses the applicant may still withdraw from (行政许可法 does not bar withdrawal before a decision).
WITHDRAWABLE = (S.SUBMITTED, S.CORRECTION_REQUESTED, S.ACCEPTED, S.IN_REVIEW, S.SUSPENDED)
UNDER_REVIEW = (S.ACCEPTED, S.IN_REVIEW)
# Gaps must be supplied before delivery (容缺受理); unsupplied by the date, the case ends.
WITH_GAPS_OPEN = (S.ACCEPTED, S.IN_REVIEW, S.SUSPENDED, S.DECIDED)

# THE transition table: (status, action) -> the status after it. A pair not listed is refused with 409.
TRANSITIONS: dict[tuple[str, str], str] = {
    (S.DRAFT, A.SUBMIT): S.SUBMITTED,
    **{(S.SUBMITTED, action): S.ACCEPTED for action in (A.ACCEPT, A.ACCEPT_WITH_GAPS, A.DEEM_ACCEPTED)},
    (S.SUBMITTED, A.REQUEST_CORRECTION): S.CORRECTION_REQUESTED,
    (S.SUBMITTED, A.REFUSE): S.REFUSED,
    (S.CORRECTION_REQUESTED, A.RESUBMIT): S.SUBMITTED,
    (S.CORRECTION_REQUESTED, A.REFUSE): S.REFUSED,
    **{(status, A.COMPLETE_STAGE): S.IN_REVIEW for status in UNDER_REVIEW},
    **{(status, A.SUSPEND): S.SUSPENDED for status in UNDER_REVIEW},
    (S.SUSPENDED, A.RESUME): S.IN_REVIEW,
    **{(status, A.EXTEND): status for status in (*UNDER_REVIEW, S.SUSPENDED)},
    **{(status, A.SUPPLY_GAPS): status for status in WITH_GAPS_OPEN},
    **{(status, action): S.DECIDED for status in UNDER_REVIEW for action in (A.APPROVE, A.DENY, A.DEEM_APPROVED)},
    (S.DECIDED, A.DELIVER): S.DELIVERED,
    (S.DELIVERED, A.CLOSE): S.CLOSED,
    **{(status, A.WITHDRAW): S.WITHDRAWN for status in WITHDRAWABLE},
    **{(status, A.TERMINATE): S.TERMINATED for status in WITH_GAPS_OPEN},
}

OPEN_STATUSES = frozenset({S.SUBMITTED, S.CORRECTION_REQUESTED, S.ACCEPTED, S.IN_REVIEW, S.SUSPENDED, S.DECIDED})
FINAL_STATUSES = frozenset({S.CLOSED, S.REFUSED, S.WITHDRAWN, S.TERMINATED})


def next_status(status: str, action: str) -> str | None:
    """The status `action` leads to from `status`, or None when the table forbids it."""
    return TRANSITIONS.get((status, action))


class Decision(models.TextChoices):
    GRANTED = "granted", _("准予许可")
    DENIED = "denied", _("不予许可")


class Channel(models.TextChoices):
    """How the application came in."""

    ONLINE = "online", _("网上申请")
    WINDOW = "window", _("窗口受理")
    API = "api", _("接口提交")


class DeliveryMethod(models.TextChoices):
    """统一窗口出件, by post, or online."""

    WINDOW = "window", _("窗口领取")
    POST = "post", _("邮寄送达")
    ONLINE = "online", _("网上送达")


class Provision(models.TextChoices):
    """How a required material is provided."""

    UPLOADED = "uploaded", _("已上传")
    PAPER = "paper", _("纸质材料已核验")
    REUSED = "reused", _("电子证照复用")
    PLEDGE = "pledge", _("告知承诺")
    GAP = "gap", _("容缺后补")
    MISSING = "missing", _("未提供")


class PledgeStatus(models.TextChoices):
    PENDING = "pending", _("待核查")
    TRUE = "true", _("核查属实")
    FALSE = "false", _("虚假承诺")


class TaskState(models.TextChoices):
    OPEN = "open", _("待办")
    DONE = "done", _("已办")
    CANCELLED = "cancelled", _("已取消")


class DocumentKind(models.TextChoices):
    RECEIPT = "receipt", _("收件回执")
    ACCEPTANCE_NOTICE = "acceptance_notice", _("受理通知书")
    CORRECTION_NOTICE = "correction_notice", _("一次性告知书")
    REFUSAL_NOTICE = "refusal_notice", _("不予受理通知书")
    SPECIAL_PROCEDURE_NOTICE = "special_procedure_notice", _("特别程序告知书")
    EXTENSION_NOTICE = "extension_notice", _("延期通知书")
    GRANT_DECISION = "grant_decision", _("准予许可决定书")
    DENIAL_DECISION = "denial_decision", _("不予许可决定书")


class DocumentState(models.TextChoices):
    PENDING = "pending", _("生成中")
    READY = "ready", _("已生成")
    FAILED = "failed", _("生成失败")
