"""The kinds of deadline: what each timer is, how its days are counted, when it warns, who reacts.

A kind is a string key stored on every `Deadline`; its definition lives here, in code, because it
carries legal rules. Apps add their own kinds with `register_kind` and react to the scan with
`register_handler` (usually in their `AppConfig.ready`). The kinds the cases, supervision,
ratings, inspections and credit apps need are registered below.

Periods exclude the start day (行政许可法 第八十二条; 民法典 第二百零一条 for periods in days).
"""

import datetime as dt
import math
from collections.abc import Callable, Collection
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from onewindow.common.errors import InvalidInput
from onewindow.deadlines.choices import DeadlineEvent
from onewindow.workdays.calendar import DueDate, add_workdays, is_workday, workdays_between

if TYPE_CHECKING:
    from onewindow.deadlines.models import Deadline

# Called by the scan inside the transaction that records the event: `handler(deadline, today)`.
# Raising rolls the event back; the next scan offers it again.
DeadlineHandler = Callable[["Deadline", dt.date], Any]

# Register a handler under this key to hear the events of every kind (supervision's cards).
ALL_KINDS = "*"


@dataclass(frozen=True)
class DeadlineKind:
    """One kind of timer: its label, default length, day counting and warning rule.

    The warning window is max(`warn_min_days`, ⌈`warn_share` × the days granted⌉) working days
    before the due date (DESIGN.md § Deadlines and supervision: 2 working days or 20% of the
    allotted time, whichever is larger), never before the start.
    """

    key: str
    label: StrOrPromise
    default_days: int | None = None
    workdays: bool = True
    warn_min_days: int = 2
    warn_share: Fraction = Fraction(1, 5)
    basis: StrOrPromise = ""

    def warn_window(self, days: int) -> int:
        """Working days before the due date at which a timer of `days` days turns yellow."""
        return max(self.warn_min_days, math.ceil(days * self.warn_share))

    def period_end(self, start: dt.date, days: int) -> DueDate:
        """The last day of a period of `days` of this kind's days after `start` (start day not counted).

        `provisional` is set when the due date lies in a year whose holiday schedule is not known.
        """
        if days == 0:
            return DueDate(due=start, provisional=is_workday(start).provisional)
        if self.workdays:
            return add_workdays(start, days)  # 行政许可法 第八十二条
        # 民法典 第二百零三条: a period whose last day is a day off ends on the next working day.
        return add_workdays(start + dt.timedelta(days=days - 1), 1)

    def period_length(self, start: dt.date, end: dt.date) -> int:
        """This kind's days after `start` up to and including `end`; negative when `end` is before `start`."""
        if end < start:
            return -self.period_length(end, start)
        if self.workdays:
            return workdays_between(start, end).days
        return (end - start).days


_KINDS: dict[str, DeadlineKind] = {}
_HANDLERS: dict[tuple[str, str], list[DeadlineHandler]] = {}


def register_kind(kind: DeadlineKind) -> DeadlineKind:
    """Add a kind; registering the same definition again is harmless, a different one under a used key is an error."""
    known = _KINDS.get(kind.key)
    if known is not None and known is not kind and known != kind:
        raise ValueError(f"deadline kind {kind.key!r} is already registered with another definition")
    if not kind.key or kind.key == ALL_KINDS or len(kind.key) > 40:
        raise ValueError(f"deadline kind key {kind.key!r} must be 1 to 40 characters and not {ALL_KINDS!r}")
    _KINDS[kind.key] = kind
    return kind


def get_kind(key: str) -> DeadlineKind:
    """The registered kind `key`; InvalidInput for an unknown key."""
    kind = _KINDS.get(key)
    if kind is None:
        raise InvalidInput(_("未知的期限类型:%(key)s。") % {"key": key}, code="deadline_kind_unknown")
    return kind


def all_kinds() -> list[DeadlineKind]:
    """Every registered kind, in registration order."""
    return list(_KINDS.values())


def register_handler(kind: str, *, on_warning: DeadlineHandler | None = None, on_overdue: DeadlineHandler | None = None) -> None:
    """Have the scan call `on_warning` when a deadline of `kind` enters its warning window and
    `on_overdue` when it passes its due date; `kind` may be `ALL_KINDS`.

    Several apps may register for the same kind; each function is kept once however often it
    is registered. All handlers of one event run in one transaction with the event's record.
    """
    if kind != ALL_KINDS:
        get_kind(kind)
    for event, handler in ((DeadlineEvent.WARNING, on_warning), (DeadlineEvent.OVERDUE, on_overdue)):
        if handler is None:
            continue
        registered = _HANDLERS.setdefault((kind, event), [])
        if handler not in registered:
            registered.append(handler)


# Handlers of a whole page of events at once (any kind): called with the deadlines whose event the
# scan has just claimed, in the claiming transaction. For work that is cheap in bulk (cards).
BatchHandler = Callable[[list["Deadline"], dt.date], Any]
_BATCH_HANDLERS: dict[str, list[BatchHandler]] = {}

# Called by every deadlines service that changes a timer (verb: pause, resume, extend, meet,
# cancel, reassign, recalculate), in its transaction, with the row as saved.
ChangeListener = Callable[["Deadline", str], Any]
_CHANGE_LISTENERS: list[ChangeListener] = []


def register_batch_handler(*, on_warning: BatchHandler | None = None, on_overdue: BatchHandler | None = None) -> None:
    """Have the scan call `on_warning(deadlines, today)` / `on_overdue(deadlines, today)` with the
    deadlines of every kind whose event it has just claimed: a page of rows at once for the events
    no per-row handler acts on, one row for the others (in that row's transaction). Raising rolls
    the claim back; the next scan offers the events again."""
    for event, handler in ((DeadlineEvent.WARNING, on_warning), (DeadlineEvent.OVERDUE, on_overdue)):
        if handler is not None and handler not in _BATCH_HANDLERS.setdefault(event, []):
            _BATCH_HANDLERS[event].append(handler)


def batch_handlers_for(event: str) -> list[BatchHandler]:
    return list(_BATCH_HANDLERS.get(event, ()))


def register_change_listener(listener: ChangeListener) -> None:
    """Have every deadlines service that changes a timer call `listener(deadline, verb)` in its transaction."""
    if listener not in _CHANGE_LISTENERS:
        _CHANGE_LISTENERS.append(listener)


def change_listeners() -> list[ChangeListener]:
    return list(_CHANGE_LISTENERS)


H = TypeVar("H", bound=DeadlineHandler)


def acting_on(select: Callable[[list["Deadline"]], Collection[int]]) -> Callable[[H], H]:
    """Mark a handler as acting only on the deadlines `select` picks (their ids) from a page the scan
    read; the scan records the other deadlines' events in bulk without calling the handler.

    `select` reads once per page (one query for a thousand rows) and may only depend on facts
    that cannot change while the timer runs (e.g. the item version pinned on a case); the handler
    itself still checks everything else under its lock.
    """

    def mark(handler: H) -> H:
        handler.selects = select  # type: ignore[attr-defined]
        return handler

    return mark


def handlers_for(kind: str, event: str) -> list[DeadlineHandler]:
    """The handlers the scan calls for `event` on a deadline of `kind`: the kind's own, then those of every kind."""
    return [*_HANDLERS.get((kind, event), ()), *_HANDLERS.get((ALL_KINDS, event), ())]


CASE_ACCEPTANCE = "case_acceptance"
CASE_CORRECTION = "case_correction"
CASE_GAP_SUPPLY = "case_gap_supply"
CASE_STAGE = "case_stage"
CASE_PROMISED = "case_promised"
CASE_STATUTORY = "case_statutory"
CASE_DELIVERY = "case_delivery"
RATING_FOLLOW_UP = "rating_follow_up"
RATING_RECTIFICATION = "rating_rectification"
COMPLAINT_REPLY = "complaint_reply"
SUPERVISION_ORDER_REPLY = "supervision_order_reply"
INSPECTION_PUBLICATION = "inspection_publication"
ABNORMAL_LIST_REMOVAL = "abnormal_list_removal"

_RATINGS_OPINION = gettext_lazy("《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》(国办发〔2019〕51号)")

for _definition in (
    # 行政许可法 第三十二条: accept, refuse or ask for corrections within 5 (working) days, or the
    # application is deemed accepted on receipt.
    DeadlineKind(CASE_ACCEPTANCE, gettext_lazy("受理答复"), default_days=5, basis=gettext_lazy("《中华人民共和国行政许可法》第三十二条")),
    # The applicant's time to supply what the one-time notice (一次性告知) lists.
    DeadlineKind(CASE_CORRECTION, gettext_lazy("材料补正")),
    # 容缺受理: the applicant supplies the missing minor materials by a date within the promised limit.
    DeadlineKind(CASE_GAP_SUPPLY, gettext_lazy("容缺补正")),
    DeadlineKind(CASE_STAGE, gettext_lazy("办理环节")),
    DeadlineKind(CASE_PROMISED, gettext_lazy("承诺时限")),
    # 行政许可法 第四十二条: decide within 20 working days, extendable by 10 (joint handling 45 + 15).
    DeadlineKind(CASE_STATUTORY, gettext_lazy("法定时限"), default_days=20, basis=gettext_lazy("《中华人民共和国行政许可法》第四十二条")),
    # 行政许可法 第四十四条: deliver the license within 10 working days of the decision.
    DeadlineKind(CASE_DELIVERY, gettext_lazy("送达"), default_days=10, basis=gettext_lazy("《中华人民共和国行政许可法》第四十四条")),
    # 国办发〔2019〕51号: follow up a bad review within 1 working day, rectify within 15.
    DeadlineKind(RATING_FOLLOW_UP, gettext_lazy("差评回访"), default_days=1, basis=_RATINGS_OPINION),
    DeadlineKind(RATING_RECTIFICATION, gettext_lazy("差评整改"), default_days=15, basis=_RATINGS_OPINION),
    DeadlineKind(COMPLAINT_REPLY, gettext_lazy("投诉答复")),
    DeadlineKind(SUPERVISION_ORDER_REPLY, gettext_lazy("督办答复")),
    # 国发〔2019〕5号: inspection results are published within 20 working days of being produced.
    DeadlineKind(
        INSPECTION_PUBLICATION,
        gettext_lazy("抽查结果公示"),
        default_days=20,
        basis=gettext_lazy("《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》(国发〔2019〕5号)"),
    ),
    # DESIGN.md § Market supervision: removal within 7 days (日: calendar days) after the correction.
    DeadlineKind(ABNORMAL_LIST_REMOVAL, gettext_lazy("移出经营异常名录"), default_days=7, workdays=False),
):
    register_kind(_definition)
