"""Levels, channels, tags and states of ratings (好差评), their rectification and complaints (投诉举报),
and the one transition table of each.

《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》(国办发〔2019〕51号): five levels
(非常满意、满意、基本满意、不满意、非常不满意), one rating per service (一次一评、一事一评), bad reviews
followed up, rectified and answered (差评整改), and the department's appeal of a malicious review
(申诉复核).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class RatingLevel(models.IntegerChoices):
    """The five levels; 不满意 and 非常不满意 are bad reviews (差评)."""

    VERY_SATISFIED = 5, _("非常满意")
    SATISFIED = 4, _("满意")
    BASICALLY_SATISFIED = 3, _("基本满意")
    DISSATISFIED = 2, _("不满意")
    VERY_DISSATISFIED = 1, _("非常不满意")


BAD_LEVELS = frozenset({RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED})
LEVEL_LABELS = dict(RatingLevel.choices)


def is_bad_level(level: int) -> bool:
    return level in BAD_LEVELS


class RatingChannel(models.TextChoices):
    """Where the rating was given."""

    PORTAL = "portal", _("网上评价")
    SMS = "sms", _("短信/二维码评价")
    WINDOW_PAD = "window_pad", _("窗口评价器")
    API = "api", _("接口评价")


class TagGroup(models.TextChoices):
    """The tag vocabulary is chosen by the level's group."""

    GOOD = "good", _("满意")
    BASIC = "basic", _("基本满意")
    BAD = "bad", _("不满意")


# The fixed vocabulary of tags (评价标签) per level group; stored as the Chinese text itself, shown
# translated (`{% translate tag %}`, `gettext(tag)`): gettext_noop marks them for the catalogue.
TAGS: dict[str, tuple[str, ...]] = {
    TagGroup.GOOD: (
        gettext_noop("服务热情"),
        gettext_noop("办事高效"),
        gettext_noop("一次办成"),
        gettext_noop("材料精简"),
        gettext_noop("指引清晰"),
        gettext_noop("环境舒适"),
    ),
    TagGroup.BASIC: (
        gettext_noop("等候时间较长"),
        gettext_noop("流程有待简化"),
        gettext_noop("指引不够清晰"),
        gettext_noop("环境有待改善"),
    ),
    TagGroup.BAD: (
        gettext_noop("服务态度差"),
        gettext_noop("办事效率低"),
        gettext_noop("多次跑动"),
        gettext_noop("材料要求繁琐"),
        gettext_noop("推诿扯皮"),
        gettext_noop("乱收费"),
        gettext_noop("超时办理"),
        gettext_noop("指引不清"),
    ),
}


def tag_group(level: int) -> str:
    if level in BAD_LEVELS:
        return TagGroup.BAD
    return TagGroup.BASIC if level == RatingLevel.BASICALLY_SATISFIED else TagGroup.GOOD


def tags_for(level: int) -> tuple[str, ...]:
    return TAGS[tag_group(level)]


# Rectification (差评整改) -------------------------------------------------------------------------


class RectificationState(models.TextChoices):
    PENDING_FOLLOW_UP = "pending_follow_up", _("待回访")
    FOLLOWED_UP = "followed_up", _("已回访,整改中")
    RECTIFIED = "rectified", _("已整改,待答复")
    REPLIED = "replied", _("已答复,待复评")
    REVISITED = "revisited", _("已复评,办结")
    APPEALED = "appealed", _("申诉复核中")
    VOIDED = "voided", _("差评已作废")


class RectificationAction(models.TextChoices):
    FOLLOW_UP = "follow_up", _("回访核实")
    RECTIFY = "rectify", _("整改")
    REPLY = "reply", _("答复评价人")
    REVISIT = "revisit", _("复评")
    APPEAL = "appeal", _("申诉")
    UPHOLD = "uphold", _("维持差评")
    VOID = "void", _("作废差评")


class AppealDecision(models.TextChoices):
    UPHELD = "upheld", _("维持差评")
    VOIDED = "voided", _("作废差评")


R = RectificationState
RA = RectificationAction

# An upheld appeal puts the rectification back where the appeal found it.
BEFORE_APPEAL = "before_appeal"
# A department may appeal until it has answered the rater.
APPEALABLE = (R.PENDING_FOLLOW_UP, R.FOLLOWED_UP, R.RECTIFIED)

# THE transition table: (state, action) -> the state after it (BEFORE_APPEAL: the state the appeal
# interrupted). A pair not listed is refused with 409.
RECTIFICATION_TRANSITIONS: dict[tuple[str, str], str] = {
    (R.PENDING_FOLLOW_UP, RA.FOLLOW_UP): R.FOLLOWED_UP,
    (R.FOLLOWED_UP, RA.RECTIFY): R.RECTIFIED,
    (R.RECTIFIED, RA.REPLY): R.REPLIED,
    (R.REPLIED, RA.REVISIT): R.REVISITED,
    **{(state, RA.APPEAL): R.APPEALED for state in APPEALABLE},
    (R.APPEALED, RA.UPHOLD): BEFORE_APPEAL,
    (R.APPEALED, RA.VOID): R.VOIDED,
}

RECTIFICATION_CLOSED = frozenset({R.REVISITED, R.VOIDED})
RECTIFICATION_OPEN = frozenset(set(R.values) - RECTIFICATION_CLOSED)
# The department's work is done once it has answered the rater (statistics: 整改率).
RECTIFICATION_DONE = frozenset({R.RECTIFIED, R.REPLIED, R.REVISITED})


def next_rectification_state(state: str, action: str, *, before_appeal: str = "") -> str | None:
    """The state `action` leads to from `state` (None when the table forbids it)."""
    target = RECTIFICATION_TRANSITIONS.get((state, action))
    if target == BEFORE_APPEAL:
        return before_appeal or None
    return target


# Complaints (投诉举报) ---------------------------------------------------------------------------


class ComplaintChannel(models.TextChoices):
    PORTAL = "portal", _("网上投诉")
    HOTLINE = "hotline", _("12345热线")
    API = "api", _("接口提交")


class ComplaintCategory(models.TextChoices):
    ATTITUDE = "attitude", _("服务态度")
    EFFICIENCY = "efficiency", _("办事效率")
    ILLEGAL_FEE = "illegal_fee", _("乱收费")
    BUCK_PASSING = "buck_passing", _("推诿扯皮")
    MISCONDUCT = "misconduct", _("吃拿卡要、违规办理")
    OTHER = "other", _("其他")


class ComplaintState(models.TextChoices):
    RECEIVED = "received", _("已收到,待分派")
    ASSIGNED = "assigned", _("办理中")
    REPLIED = "replied", _("已答复")
    CLOSED = "closed", _("已办结")
    REJECTED = "rejected", _("不予受理")


class ComplaintAction(models.TextChoices):
    ASSIGN = "assign", _("分派")
    REJECT = "reject", _("不予受理")
    REPLY = "reply", _("答复")
    REOPEN = "reopen", _("不满意,重新办理")
    CLOSE = "close", _("办结")


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    UNSATISFIED = "unsatisfied", _("不满意")


C = ComplaintState
CA = ComplaintAction

# THE transition table of complaints. Assigning an assigned complaint hands it to another department.
COMPLAINT_TRANSITIONS: dict[tuple[str, str], str] = {
    (C.RECEIVED, CA.ASSIGN): C.ASSIGNED,
    (C.ASSIGNED, CA.ASSIGN): C.ASSIGNED,
    (C.RECEIVED, CA.REJECT): C.REJECTED,
    (C.ASSIGNED, CA.REPLY): C.REPLIED,
    (C.REPLIED, CA.REOPEN): C.ASSIGNED,
    (C.REPLIED, CA.CLOSE): C.CLOSED,
}

COMPLAINT_CLOSED = frozenset({C.CLOSED, C.REJECTED})
COMPLAINT_OPEN = frozenset(set(C.values) - COMPLAINT_CLOSED)
# An unsatisfied complainant may have the complaint handled again once.
MAX_REOPENS = 1


def next_complaint_state(state: str, action: str) -> str | None:
    """The state `action` leads to from `state` (None when the table forbids it)."""
    return COMPLAINT_TRANSITIONS.get((state, action))
