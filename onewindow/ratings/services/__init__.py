"""Writes of the ratings app: every one takes the acting user, runs in one transaction and is audited."""

from onewindow.ratings.services.complaints import (
    complaint_assign,
    complaint_close,
    complaint_feedback,
    complaint_reject,
    complaint_reply,
    complaint_submit,
)
from onewindow.ratings.services.ratings import rating_submit, rating_submit_at_window, visit_open
from onewindow.ratings.services.rectifications import (
    rectification_appeal,
    rectification_decide_appeal,
    rectification_follow_up,
    rectification_rectify,
    rectification_reply,
    rectification_revisit,
)

__all__ = [
    "complaint_assign",
    "complaint_close",
    "complaint_feedback",
    "complaint_reject",
    "complaint_reply",
    "complaint_submit",
    "rating_submit",
    "rating_submit_at_window",
    "rectification_appeal",
    "rectification_decide_appeal",
    "rectification_follow_up",
    "rectification_rectify",
    "rectification_reply",
    "rectification_revisit",
    "visit_open",
]
