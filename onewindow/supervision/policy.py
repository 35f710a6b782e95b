"""Which timers get cards and which red cards open a supervision order.

Cards hold the agency to account, so the applicant's own periods (补正, 容缺补正) get none. A red
card opens a 督办 order for the timers that face the public or the law; an overdue internal stage
shows its red card on the board and the handler's queue, and a supervisor may open an order on
it by hand. An order's own reply deadline gets cards but never opens another order.
"""

from onewindow.deadlines import kinds

CARD_KINDS = frozenset(
    {
        kinds.CASE_ACCEPTANCE,
        kinds.CASE_STAGE,
        kinds.CASE_PROMISED,
        kinds.CASE_STATUTORY,
        kinds.CASE_DELIVERY,
        kinds.RATING_FOLLOW_UP,
        kinds.RATING_RECTIFICATION,
        kinds.COMPLAINT_REPLY,
        kinds.SUPERVISION_ORDER_REPLY,
        kinds.INSPECTION_PUBLICATION,
        kinds.ABNORMAL_LIST_REMOVAL,
    }
)
ORDER_KINDS = CARD_KINDS - {kinds.CASE_STAGE, kinds.SUPERVISION_ORDER_REPLY}


def has_cards(kind: str) -> bool:
    return kind in CARD_KINDS


def opens_order(kind: str) -> bool:
    return kind in ORDER_KINDS
