"""The item's stages as tasks in the right queues: one task per stage (and per countersigning unit,
handled in parallel); the next stage opens when every task of the current one is done.

Stages marked as special procedures (听证, 专家评审 …) are not opened by the flow: they happen
through suspend/resume, whose time does not count (行政许可法 第四十五条).
"""

from __future__ import annotations

from typing import Any

from onewindow.cases.choices import TaskState
from onewindow.cases.models import Case, StageTask
from onewindow.cases.services import timers
from onewindow.catalog.choices import StageKind
from onewindow.catalog.models import Stage
from onewindow.common import time

# Stages the case's own actions complete (the rest are completed one by one with complete-stage).
ACTION_STAGES = frozenset({StageKind.ACCEPT, StageKind.DECIDE, StageKind.DELIVER})


def flow(case: Case) -> list[Stage]:
    """The stages the flow opens, in order."""
    return [s for s in case.item_version.stages.all() if not s.special_procedure]


def open_after(case: Case, sequence: int, *, until: frozenset[str] = frozenset({StageKind.DELIVER})) -> list[StageTask]:
    """Open the first stage after `sequence` (not a stage of a kind in `until`); the tasks opened."""
    for stage in flow(case):
        if stage.sequence <= sequence or stage.kind == StageKind.ACCEPT:
            continue
        if stage.kind in until:
            return []
        return open_stage(case, stage)
    return []


def open_stage(case: Case, stage: Stage) -> list[StageTask]:
    units = [stage.unit, *stage.countersign_units.all()]
    now = time.now()
    tasks = []
    for index, unit in enumerate(units):
        task = StageTask.objects.create(
            case=case,
            stage=stage,
            sequence=stage.sequence,
            name=stage.name,
            kind=stage.kind,
            role=stage.role,
            department=case.department,
            unit=unit,
            countersign=index > 0,
            opened_at=now,
        )
        timers.start_task_timer(task)
        tasks.append(task)
    return tasks


def record_done(case: Case, kind: str, actor: Any, opinion: str = "") -> None:
    """Complete (or create and complete) the case's task for an action stage such as 受理 or 决定."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    now = time.now()
    open_tasks = list(case.tasks.filter(kind=kind, state=TaskState.OPEN))
    if not open_tasks:
        stage = next((s for s in flow(case) if s.kind == kind), None)
        if stage is None:
            return
        StageTask.objects.create(
            case=case,
            stage=stage,
            sequence=stage.sequence,
            name=stage.name,
            kind=stage.kind,
            role=stage.role,
            department=case.department,
            unit=stage.unit,
            state=TaskState.DONE,
            handler=user,
            opinion=opinion,
            opened_at=now,
            completed_at=now,
        )
        return
    for task in open_tasks:
        complete(task, user, opinion)


def complete(task: StageTask, user: Any, opinion: str) -> None:
    task.state = TaskState.DONE
    task.handler = user
    task.opinion = opinion
    task.completed_at = time.now()
    task.save(update_fields=["state", "handler", "opinion", "completed_at"])
    timers.meet_task_timer(task)


def cancel_open(case: Case) -> None:
    case.tasks.filter(state=TaskState.OPEN).update(state=TaskState.CANCELLED)


def open_review_tasks(case: Case) -> list[StageTask]:
    """Open tasks that must be done before a decision (every stage before 决定)."""
    return [t for t in case.tasks.filter(state=TaskState.OPEN) if t.kind not in ACTION_STAGES]
