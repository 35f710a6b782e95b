"""What the applicant is told at each step, through the notifications outbox (sent after the commit)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from onewindow.cases.choices import CaseAction
from onewindow.cases.models import Case, CaseStep

A = CaseAction


def message_for(case: Case, step: CaseStep) -> str | None:
    """The text of the message for `step`, or None when the step tells the applicant nothing."""
    values = {"number": case.number, "item": case.item_name, "due": case.due_on.isoformat() if case.due_on else ""}
    texts: dict[str, str] = {
        A.SUBMIT: _("您申请的“%(item)s”已提交,办件编号%(number)s,请等待受理。"),
        A.RESUBMIT: _("您的办件%(number)s已补正并重新提交,请等待受理。"),
        A.ACCEPT: _("您的办件%(number)s(%(item)s)已受理,承诺办结期限%(due)s。"),
        A.ACCEPT_WITH_GAPS: _("您的办件%(number)s已容缺受理,请在期限内补齐容缺材料,否则将终止办理。"),
        A.DEEM_ACCEPTED: _("您的办件%(number)s未在法定期限内得到答复,依法自收到申请之日起视为受理。"),
        A.REQUEST_CORRECTION: _("您的办件%(number)s需要补正材料,请查看一次性告知书并补正后重新提交。"),
        A.REFUSE: _("您的办件%(number)s不予受理,请查看不予受理通知书。"),
        A.SUSPEND: _("您的办件%(number)s进入特别程序,所需时间不计入办理期限。"),
        A.RESUME: _("您的办件%(number)s特别程序结束,恢复计时。"),
        A.EXTEND: _("您的办件%(number)s办理期限经批准延长,请查看延期通知书。"),
        A.APPROVE: _("您的办件%(number)s(%(item)s)已准予许可,请按选择的方式领取结果。"),
        A.DEEM_APPROVED: _("您的办件%(number)s超过承诺时限未作决定,依事项规定视为准予。"),
        A.DENY: _("您的办件%(number)s不予许可,请查看决定书。"),
        A.DELIVER: _("您的办件%(number)s办理结果已送达。欢迎对本次服务作出评价。"),
        A.WITHDRAW: _("您的办件%(number)s已撤回。"),
        A.TERMINATE: _("您的办件%(number)s因容缺材料未按期补齐,已终止办理。"),
    }
    text = texts.get(step.action)
    return text % values if text else None


def notify_applicant(case: Case, step: CaseStep) -> None:
    from onewindow.notifications.services import notification_queue

    body = message_for(case, step)
    if body is None:
        return
    link = reverse("cases:my_case", args=[case.number]) if case.applicant_user_id else ""
    if step.action == A.DELIVER and not link:
        from onewindow.ratings.links import rating_path

        link = rating_path(case)  # 好差评: without an account, the signed link rates the case without logging in
    notification_queue(
        recipient=case.applicant_user,
        phone=case.applicant_phone,
        email=case.applicant_email,
        title=_("办件%(number)s:%(action)s") % {"number": case.number, "action": step.get_action_display()},
        body=body,
        link=link,
        subject=case,
    )
