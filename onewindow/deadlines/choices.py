from django.db import models


class DeadlineState(models.TextChoices):
    """Where a timer stands: counting, stopped for a special procedure, or finished one way or the other."""

    RUNNING = "running", "计时中"
    PAUSED = "paused", "已暂停"
    MET = "met", "已完成"
    CANCELLED = "cancelled", "已取消"


OPEN_STATES = frozenset({DeadlineState.RUNNING, DeadlineState.PAUSED})

DEADLINE_TRANSITIONS: dict[str, frozenset[str]] = {
    # 行政许可法 第四十五条: a special procedure stops the clock; the subject may finish or end meanwhile.
    DeadlineState.RUNNING: frozenset({DeadlineState.PAUSED, DeadlineState.MET, DeadlineState.CANCELLED}),
    DeadlineState.PAUSED: frozenset({DeadlineState.RUNNING, DeadlineState.MET, DeadlineState.CANCELLED}),
    DeadlineState.MET: frozenset(),
    DeadlineState.CANCELLED: frozenset(),
}


class DeadlineColor(models.TextChoices):
    """The card colour of a timer: inside its warning window it is yellow, past its due date red."""

    GREEN = "green", "正常"
    YELLOW = "yellow", "预警"
    RED = "red", "超时"
    GRAY = "gray", "已结束"


class DeadlineEvent(models.TextChoices):
    """What the scan reports to the handlers of a kind, once per deadline and event."""

    WARNING = "warning", "进入预警期"
    OVERDUE = "overdue", "已超时"
