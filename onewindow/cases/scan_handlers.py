"""What the deadline scan does to cases when their timers run out (registered in `CasesConfig.ready`).

Each handler re-reads the case under a lock and acts only if the case still needs it, so a
repeated or late scan changes nothing (idempotent).
"""

import datetime as dt

from onewindow.cases.models import Case
from onewindow.deadlines import kinds
from onewindow.deadlines.models import Deadline


def _case(deadline: Deadline) -> Case | None:
    return Case.objects.filter(pk=deadline.subject_id).first()


def on_acceptance_overdue(deadline: Deadline, today: dt.date) -> None:
    """行政许可法 第三十二条: no answer in 5 working days → deemed accepted on receipt."""
    from onewindow.cases.services import case_deem_accepted

    case = _case(deadline)
    if case is not None:
        case_deem_accepted(case=case)


def _deemed_approval_cases(deadlines: list[Deadline]) -> list[int]:
    """The promised-limit timers whose case's pinned item version grants on timeout (fixed for the case's life)."""
    ids = {int(d.subject_id): d.pk for d in deadlines if d.subject_id.isdigit()}
    granted = Case.objects.filter(pk__in=list(ids), item_version__deemed_approval=True).values_list("pk", flat=True)
    return [ids[pk] for pk in granted]


@kinds.acting_on(_deemed_approval_cases)
def on_promised_overdue(deadline: Deadline, today: dt.date) -> None:
    """超时默认: items so configured are granted when the promised limit passes without a decision."""
    from onewindow.cases.services import case_deem_approved

    case = _case(deadline)
    if case is not None:
        case_deem_approved(case=case)


def on_gap_supply_overdue(deadline: Deadline, today: dt.date) -> None:
    """容缺受理: gaps not supplied by the date → the case is terminated."""
    from onewindow.cases.services import case_terminate

    case = _case(deadline)
    if case is not None:
        case_terminate(case=case)


def register() -> None:
    kinds.register_handler(kinds.CASE_ACCEPTANCE, on_overdue=on_acceptance_overdue)
    kinds.register_handler(kinds.CASE_PROMISED, on_overdue=on_promised_overdue)
    kinds.register_handler(kinds.CASE_GAP_SUPPLY, on_overdue=on_gap_supply_overdue)
