"""What the rater and the complainant are told, through the notifications outbox (sent after the commit)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from onewindow.notifications.services import notification_queue
from onewindow.ratings import links
from onewindow.ratings.models import Complaint, Rectification


def _rating_subject(rectification: Rectification) -> str:
    rating = rectification.rating
    if rating.case_id and rating.case is not None:
        return _("办件%(number)s(%(item)s)") % {"number": rating.case.number, "item": rating.case.item_name}
    return _("%(department)s窗口服务") % {"department": rating.department.name}


def _rating_link(rectification: Rectification) -> str:
    """The rater's own rating page (logged in), else the signed link; none for a window pad rating."""
    rating = rectification.rating
    case = rating.case
    if case is None:
        return ""
    if rating.rater_id and rating.rater_id == case.applicant_user_id:
        return reverse("ratings:case_rating", args=[case.number])
    return links.rating_path(case)


def notify_rater(rectification: Rectification, *, title: str, body: str) -> None:
    """Tell the rater of a bad review about its handling: in-site when the rater has an account, and by SMS
    to the phone the case or the pad recorded."""
    rating = rectification.rating
    case = rating.case
    phone = rating.contact_phone or (case.applicant_phone if case is not None else "")
    email = case.applicant_email if case is not None else ""
    if rating.rater is None and not phone and not email:
        return
    notification_queue(
        recipient=rating.rater,
        phone=phone,
        email=email,
        title=title,
        body=body,
        link=_rating_link(rectification),
        subject=rectification,
    )


def notify_followed_up(rectification: Rectification) -> None:
    values = {"subject": _rating_subject(rectification), "department": rectification.department.name}
    notify_rater(
        rectification,
        title=_("差评回访"),
        body=_("您对%(subject)s的评价已收到,%(department)s已回访核实,将在规定期限内整改并答复您。") % values,
    )


def notify_replied(rectification: Rectification) -> None:
    values = {"subject": _rating_subject(rectification), "department": rectification.department.name, "reply": rectification.reply}
    notify_rater(
        rectification,
        title=_("差评整改答复"),
        body=_("%(department)s对您就%(subject)s所提意见的整改答复:%(reply)s 欢迎您对整改情况进行复评。") % values,
    )


def notify_complainant(complaint: Complaint, *, title: str, body: str) -> None:
    """Tell the complainant (their account, and the phone they left) about their complaint."""
    if complaint.complainant is None and not complaint.phone:
        return
    notification_queue(
        recipient=complaint.complainant,
        phone=complaint.phone,
        title=title,
        body=body,
        link=reverse("ratings:complaint_lookup"),
        subject=complaint,
    )


def notify_complaint_replied(complaint: Complaint) -> None:
    values = {"number": complaint.number, "department": complaint.department.name if complaint.department else "", "reply": complaint.reply}
    notify_complainant(
        complaint,
        title=_("投诉%(number)s已答复") % values,
        body=_("您的投诉%(number)s,%(department)s答复如下:%(reply)s 请凭投诉编号和查询码对答复作出评价。") % values,
    )


def notify_complaint_rejected(complaint: Complaint) -> None:
    values = {"number": complaint.number, "reason": complaint.reject_reason}
    notify_complainant(
        complaint,
        title=_("投诉%(number)s不予受理") % values,
        body=_("您的投诉%(number)s不予受理,理由:%(reason)s") % values,
    )
