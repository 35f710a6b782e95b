"""Demo ratings (好差评) and complaints (投诉举报) of the demo county, given through the services.

Most delivered and closed demo cases are rated by their applicants (on the portal or by API when the
applicant has an account, by the SMS link otherwise), mostly well; some reviews are bad and their
rectification is walked to every state (waiting for the follow-up, followed up, rectified, answered,
revisited satisfied or not, appealed and waiting, appealed and upheld, appealed and voided). The demo
clerk serves visitors at the window and the pad takes their ratings; about twenty complaints reach
every state. Each step happens with the clock travelled back to its moment (time-machine), so the
timers, audit events and notifications are what real use leaves behind; open rectifications are
recent, so their timers show green, yellow and red.

Idempotent like the cases step: a county that has ratings or complaints already is left alone.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import time_machine
from django.db import transaction

from onewindow.accounts.models import User
from onewindow.cases.choices import CaseStatus, Channel
from onewindow.cases.models import Case
from onewindow.common import time
from onewindow.orgs.models import Department, Region, Window
from onewindow.ratings import links, services
from onewindow.ratings.choices import (
    TAGS,
    AppealDecision,
    ComplaintCategory,
    ComplaintChannel,
    RatingChannel,
    TagGroup,
    is_bad_level,
)
from onewindow.ratings.models import Complaint, Rating, WindowVisit

SEED = 20191126  # 国办发〔2019〕51号 was issued on 26 November 2019
RATED_SHARE = 0.8
LEVEL_WEIGHTS = {5: 64, 4: 25, 3: 8, 2: 2, 1: 1}
GOOD_LEVELS = {5: 66, 4: 26, 3: 8}
HOUR = dt.timedelta(hours=1)

# The states planned bad reviews are walked to: each once, and a few more in a larger demo; listed from
# the most recent review to the oldest (open ones are recent, their timers still running).
RECENCY = (
    "pending_follow_up",
    "followed_up",
    "rectified",
    "appealed",
    "replied",
    "upheld",
    "overdue_follow_up",  # a few days old and never followed up: its timer is red
    "revisited",
    "revisited_unsatisfied",
    "voided",
)
EXTRA_TARGETS = ("pending_follow_up", "followed_up", "replied", "revisited", "revisited")
# The steps of each target: (step, hours after the step before: low, high).
STEPS: dict[str, tuple[tuple[str, int, int], ...]] = {
    "pending_follow_up": (),
    "overdue_follow_up": (),
    "followed_up": (("follow_up", 1, 20),),
    "rectified": (("follow_up", 1, 20), ("rectify", 24, 100)),
    "replied": (("follow_up", 1, 20), ("rectify", 24, 100), ("reply", 4, 48)),
    "revisited": (("follow_up", 1, 20), ("rectify", 24, 100), ("reply", 4, 48), ("revisit", 12, 72)),
    "revisited_unsatisfied": (("follow_up", 1, 20), ("rectify", 24, 100), ("reply", 4, 48), ("revisit_unsatisfied", 12, 72)),
    "appealed": (("follow_up", 1, 10), ("appeal", 4, 30)),
    "upheld": (("follow_up", 1, 10), ("appeal", 4, 30), ("uphold", 20, 72), ("rectify", 24, 72), ("reply", 4, 24), ("revisit", 12, 48)),
    "voided": (("appeal", 2, 20), ("void", 20, 72)),
}

GOOD_COMMENTS = (
    "窗口人员热情耐心,一次就办好了。",
    "流程清楚,比以前快多了。",
    "网上提交材料很方便,不用来回跑。",
    "工作人员主动告知需要准备的材料,点赞。",
    "",
    "",
    "",
)
BAD_COMMENTS = (
    "窗口人员态度生硬,解释不耐心。",
    "材料要求前后说法不一致,跑了三趟。",
    "等候时间太长,叫号系统混乱。",
    "办理进度查询不到,电话一直没人接。",
    "要求提供的证明其实可以部门间共享。",
)
MALICIOUS_COMMENT = "不满意就是不满意,没有理由。"
FOLLOW_UPS = (
    "已电话回访评价人,核实情况属实,向评价人致歉并说明整改安排。",
    "已联系评价人,了解到等候时间过长的问题,正在调整窗口排班。",
)
RECTIFICATIONS = (
    "对窗口人员进行服务规范再培训,落实首问负责和一次性告知。",
    "梳理材料清单并在办事指南中公示,统一窗口解释口径。",
    "增设高峰期弹性窗口,优化叫号分流。",
)
REPLIES = (
    "感谢您的意见。我们已对相关人员进行培训,并统一了材料要求,欢迎监督。",
    "您反映的等候时间问题已通过增设弹性窗口解决,感谢您的监督。",
)
APPEALS = "评价人所述情况与监控录像和办件记录不符,办件在承诺时限内办结,评价内容与本次服务无关,请求复核。"

COMPLAINT_TEXTS: dict[str, tuple[str, ...]] = {
    ComplaintCategory.ATTITUDE: ("窗口工作人员态度冷淡,询问问题不予理睬。", "电话咨询时工作人员语气不耐烦。"),
    ComplaintCategory.EFFICIENCY: ("申请提交后迟迟没有受理,已超过承诺时限。", "同一事项要求重复提交已经提交过的材料。"),
    ComplaintCategory.ILLEGAL_FEE: ("办理过程中被要求缴纳清单外的资料费。",),
    ComplaintCategory.BUCK_PASSING: ("两个部门互相推诿,让我来回跑了好几次。", "窗口说不归他们管,让去另一个部门,那边又让回来。"),
    ComplaintCategory.MISCONDUCT: ("有人暗示找中介可以更快办理。",),
    ComplaintCategory.OTHER: ("大厅自助终端经常故障,无人维护。", "停车位太少,建议增加。"),
}
COMPLAINT_REPLIES = (
    "经核查,情况基本属实。已对相关人员批评教育,并向您致歉,后续将加强管理。",
    "经核查,您的办件已于近日办结,延误原因是系统故障,我们已完善应急处置流程。",
    "已责成相关科室统一口径,不再要求重复提交材料。",
)
REJECTIONS = ("投诉内容与政务服务无关,建议向相关单位反映。", "重复投诉,已合并至前一件投诉办理。")
# (final state, channel, anonymous, with a case number, days ago it came in)
COMPLAINT_PLANS: tuple[tuple[str, str, bool, bool, int], ...] = (
    ("received", ComplaintChannel.PORTAL, True, False, 1),
    ("received", ComplaintChannel.PORTAL, False, False, 0),
    ("received", ComplaintChannel.HOTLINE, False, False, 2),
    ("assigned", ComplaintChannel.PORTAL, False, True, 2),
    ("assigned", ComplaintChannel.HOTLINE, False, False, 4),
    ("assigned", ComplaintChannel.API, False, True, 6),
    ("assigned_overdue", ComplaintChannel.PORTAL, True, False, 12),
    ("replied", ComplaintChannel.PORTAL, False, False, 9),
    ("replied", ComplaintChannel.HOTLINE, False, True, 11),
    ("replied", ComplaintChannel.PORTAL, True, False, 14),
    ("closed", ComplaintChannel.PORTAL, False, True, 30),
    ("closed", ComplaintChannel.HOTLINE, False, False, 41),
    ("closed", ComplaintChannel.API, False, False, 52),
    ("closed", ComplaintChannel.PORTAL, True, False, 63),
    ("closed_unsatisfied", ComplaintChannel.PORTAL, False, False, 47),
    ("closed_unsatisfied", ComplaintChannel.HOTLINE, False, True, 70),
    ("reopened", ComplaintChannel.PORTAL, False, False, 20),
    ("closed_no_feedback", ComplaintChannel.PORTAL, True, False, 35),
    ("rejected", ComplaintChannel.PORTAL, True, False, 25),
    ("rejected", ComplaintChannel.HOTLINE, False, False, 16),
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"


@dataclass(frozen=True)
class Loaded:
    """What `load_ratings` did: rows made now, or the ratings and complaints found already."""

    ratings: int = 0
    complaints: int = 0
    visits: int = 0
    existing: int = 0

    @property
    def created(self) -> int:
        return self.ratings + self.complaints + self.visits


@dataclass
class Holder:
    """What one planned subject became once its first event ran (the later events act on it)."""

    value: Any = None


@dataclass(order=True)
class Event:
    at: dt.datetime
    order: int
    act: Callable[[], None] = field(compare=False)


class RatingDemo:
    """Plans the demo's ratings, window visits and complaints (`plan`), then plays them in time order (`play`)."""

    def __init__(self, *, region: Region, users: Mapping[str, User], departments: Mapping[str, Department], window: Window) -> None:
        self.rng = random.Random(SEED)
        self.region = region
        self.users = users
        self.departments = departments
        self.window = window
        self.now = time.now()
        self.events: list[Event] = []
        self.counts = {"ratings": 0, "complaints": 0, "visits": 0}
        self.supervisor = users["demo-supervisor"]
        self.market = departments["market"]

    # -- who works a department's reviews and complaints --------------------------------------------

    def handler_of(self, department: Department) -> User:
        """The department admin or chief representative of the demo (the superuser where it has none)."""
        if department.pk == self.market.pk:
            return self.users[self.rng.choice(("demo-deptadmin", "demo-chief"))]
        return self.users["demo-admin"]

    def follower_of(self, department: Department) -> User:
        if department.pk == self.market.pk:
            return self.users[self.rng.choice(("demo-reviewer", "demo-deptadmin"))]
        return self.users["demo-admin"]

    # -- events -------------------------------------------------------------------------------------

    def at(self, moment: dt.datetime, act: Callable[[], None]) -> None:
        self.events.append(Event(min(moment, self.now - dt.timedelta(seconds=1)), len(self.events), act))

    def play(self) -> None:
        for event in sorted(self.events):
            with time_machine.travel(event.at, tick=False):
                event.act()

    def schedule(self, start: dt.datetime, steps: tuple[tuple[str, int, int], ...]) -> list[dt.datetime]:
        """A moment for each step after `start`, in order, squeezed before now when the span does not fit."""
        gaps = [self.rng.uniform(low, high) * HOUR for _name, low, high in steps]
        room = self.now - dt.timedelta(minutes=5) - start
        total = sum(gaps, dt.timedelta())
        if total > room:
            gaps = [gap * (room / total) for gap in gaps] if room > dt.timedelta(0) else [dt.timedelta(seconds=1)] * len(gaps)
        moments, moment = [], start
        for gap in gaps:
            moment = moment + max(gap, dt.timedelta(seconds=1))
            moments.append(moment)
        return moments

    # -- rating the cases -----------------------------------------------------------------------------

    def plan_case_ratings(self) -> None:
        cases = list(
            Case.objects.filter(
                region_code__startswith=self.region.code,
                status__in=(CaseStatus.DELIVERED, CaseStatus.CLOSED),
                delivered_at__lt=self.now - HOUR,
            )
            .select_related("department")
            .order_by("delivered_at", "id")
        )
        rated = []
        for case in cases:
            if self.rng.random() >= RATED_SHARE:
                continue
            assert case.delivered_at is not None
            moment = min(case.delivered_at + self.rng.uniform(0.5, 72) * HOUR, self.now - self.rng.uniform(0.2, 2) * HOUR)
            moment = max(moment, case.delivered_at + dt.timedelta(minutes=10))
            rated.append((moment, case))
        rated.sort(key=lambda pair: (pair[0], pair[1].pk))
        targets = self.bad_targets(len(rated))
        for index, (moment, case) in enumerate(rated):
            target = targets.get(index)
            level = self.rng.choice((1, 2)) if target else self.level()
            self.rate_case(case, moment, level, target or ("revisited" if is_bad_level(level) else ""))

    def bad_targets(self, count: int) -> dict[int, str]:
        """Which of the rated cases (by index, oldest first) get a planned bad review: the newest take the open states."""
        wanted = sorted([*RECENCY, *EXTRA_TARGETS[: max(0, count // 8 - len(RECENCY))]], key=RECENCY.index)
        spacing = min(2, max(0, count // len(wanted) - 1))
        targets: dict[int, str] = {}
        position = count - 1
        for target in wanted:
            if position < 0:
                break
            targets[position] = target
            position -= 1 + self.rng.randint(0, spacing)
        return targets

    def level(self) -> int:
        return self.rng.choices(list(LEVEL_WEIGHTS), weights=list(LEVEL_WEIGHTS.values()))[0]

    def tags_and_comment(self, level: int, target: str) -> tuple[list[str], str]:
        if target == "voided":
            return [], MALICIOUS_COMMENT
        group = TagGroup.BAD if is_bad_level(level) else TagGroup.BASIC if level == 3 else TagGroup.GOOD
        tags = self.rng.sample(TAGS[group], self.rng.randint(1 if group != TagGroup.GOOD else 0, 2))
        comment = self.rng.choice(BAD_COMMENTS) if is_bad_level(level) else self.rng.choice(GOOD_COMMENTS)
        return tags, comment

    def rate_case(self, case: Case, moment: dt.datetime, level: int, target: str) -> None:
        holder = Holder()
        tags, comment = self.tags_and_comment(level, target)
        user = case.applicant_user
        # Walk-ins rate by the SMS link; integrations that filed by API rate by API; the others on the portal.
        channel = RatingChannel.SMS if user is None else RatingChannel.API if case.channel == Channel.API else RatingChannel.PORTAL

        def rate() -> None:
            token = links.case_token(case) if channel == RatingChannel.SMS else None
            rating = services.rating_submit(
                actor=user, case=case, level=level, tags=tags, comment=comment, channel=channel, link_token=token
            )
            holder.value = rating.rectification if rating.is_bad else None
            self.counts["ratings"] += 1

        self.at(moment, rate)
        if target:
            self.walk(holder, case.department, moment, target, rater=user, case=case)

    # -- walking a bad review -------------------------------------------------------------------------

    def walk(self, holder: Holder, department: Department, start: dt.datetime, target: str, *, rater: Any, case: Case | None) -> None:
        steps = STEPS[target]
        for (name, _low, _high), moment in zip(steps, self.schedule(start, steps), strict=True):
            self.at(moment, self.step(holder, department, name, rater=rater, case=case))

    def step(self, holder: Holder, department: Department, name: str, *, rater: Any, case: Case | None) -> Callable[[], None]:
        rng = self.rng
        calls: dict[str, Callable[[Any], Any]] = {
            "follow_up": lambda r: services.rectification_follow_up(
                actor=self.follower_of(department), rectification=r, note=rng.choice(FOLLOW_UPS)
            ),
            "rectify": lambda r: services.rectification_rectify(
                actor=self.handler_of(department), rectification=r, note=rng.choice(RECTIFICATIONS)
            ),
            "reply": lambda r: services.rectification_reply(actor=self.handler_of(department), rectification=r, reply=rng.choice(REPLIES)),
            "revisit": lambda r: self.revisit(r, True, rater, case),
            "revisit_unsatisfied": lambda r: self.revisit(r, False, rater, case),
            "appeal": lambda r: services.rectification_appeal(actor=self.handler_of(department), rectification=r, reason=APPEALS),
            "uphold": lambda r: services.rectification_decide_appeal(
                actor=self.supervisor,
                rectification=r,
                decision=AppealDecision.UPHELD,
                opinion="经调取办件记录核实,评价人反映的问题确实存在,维持差评,请继续整改。",
            ),
            "void": lambda r: services.rectification_decide_appeal(
                actor=self.supervisor,
                rectification=r,
                decision=AppealDecision.VOIDED,
                opinion="经核实,评价内容与本次服务无关,属恶意差评,予以作废,不计入评价统计。",
            ),
        }

        def act() -> None:
            holder.value = calls[name](holder.value)

        return act

    def revisit(self, rectification: Any, satisfied: bool, rater: Any, case: Case | None) -> Any:
        """The rater revisits on the portal, through the SMS link, or tells the supervisor who called back."""
        comment = "整改及时,感谢。" if satisfied else "问题仍未根本解决。"
        if rater is not None:
            return services.rectification_revisit(actor=rater, rectification=rectification, satisfied=satisfied, comment=comment)
        if case is not None:
            token = links.case_token(case)
            return services.rectification_revisit(
                actor=None, rectification=rectification, satisfied=satisfied, comment=comment, link_token=token
            )
        return services.rectification_revisit(actor=self.supervisor, rectification=rectification, satisfied=satisfied, comment=comment)

    # -- window visits ----------------------------------------------------------------------------------

    def plan_visits(self, count: int = 30) -> None:
        """The demo clerk's visitors over the last four weeks; most rate the visit on the pad, two badly."""
        choices = list(self.departments.values())
        weights = [6 if d.pk == self.market.pk else 3 if d.pk == self.departments["health"].pk else 1 for d in choices]
        bad_left = 2
        for _visit in range(count):
            day = time.local_date(self.now) - dt.timedelta(days=self.rng.randint(1, 28))
            moment = time.start_of_day(day) + dt.timedelta(hours=9, minutes=self.rng.randint(0, 420))
            if day.weekday() >= 5:
                continue
            department = self.rng.choices(choices, weights=weights)[0]
            level = 0
            if self.rng.random() >= 0.15:  # some leave without rating
                bad = bad_left and self.rng.random() < 0.3
                level = (1 if bad_left == 1 else 2) if bad else self.rng.choices(list(GOOD_LEVELS), list(GOOD_LEVELS.values()))[0]
                bad_left -= is_bad_level(level)
            self.plan_visit(moment, department, level)

    def plan_visit(self, moment: dt.datetime, department: Department, level: int) -> None:
        clerk = self.users["demo-clerk"]
        visit = Holder()
        rectification = Holder()

        def open_visit() -> None:
            visit.value = services.visit_open(actor=clerk, window=self.window, department=department)
            self.counts["visits"] += 1

        def find_rectification() -> None:
            rectification.value = visit.value.ratings.get().rectification

        self.at(moment, open_visit)
        if not level:
            return
        self.at(moment + dt.timedelta(minutes=self.rng.randint(3, 20)), self.pad_rating(visit, level))
        if is_bad_level(level):
            self.at(moment + dt.timedelta(minutes=25), find_rectification)
            self.walk(rectification, department, moment + dt.timedelta(minutes=25), "revisited", rater=None, case=None)

    def pad_rating(self, holder: Holder, level: int) -> Callable[[], None]:
        tags, comment = self.tags_and_comment(level, "")
        phone = f"139{self.rng.randrange(10**8):08d}" if is_bad_level(level) else ""

        def rate() -> None:
            services.rating_submit_at_window(actor=None, visit=holder.value, level=level, tags=tags, comment=comment, contact_phone=phone)
            self.counts["ratings"] += 1

        return rate

    # -- complaints -------------------------------------------------------------------------------------

    def plan_complaints(self) -> None:
        closed = list(Case.objects.filter(region_code__startswith=self.region.code, status=CaseStatus.CLOSED).order_by("id")[:200])
        for target, channel, anonymous, with_case, days_ago in COMPLAINT_PLANS:
            self.plan_complaint(target, channel, anonymous, self.rng.choice(closed) if with_case and closed else None, days_ago)

    def plan_complaint(self, target: str, channel: str, anonymous: bool, case: Case | None, days_ago: int) -> None:
        rng = self.rng
        category = rng.choice(list(ComplaintCategory.values))
        department = case.department if case else rng.choice([self.market, self.market, *self.departments.values()])
        start = self.now - dt.timedelta(days=days_ago) - rng.uniform(0.5, 8) * HOUR
        holder = Holder()
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2))
        phone = f"138{rng.randrange(10**8):08d}"

        def submit() -> None:
            holder.value = services.complaint_submit(
                actor=self.supervisor if channel == ComplaintChannel.HOTLINE else None,
                channel=channel,
                category=category,
                content=rng.choice(COMPLAINT_TEXTS[category]),
                anonymous=anonymous,
                name="" if anonymous else name,
                phone="" if anonymous else phone,
                case_number=case.number if case and case.number else "",
                reported_department=department if rng.random() < 0.6 or target == "received" else None,
            )
            self.counts["complaints"] += 1

        self.at(start, submit)
        if target == "received":
            return
        moments = iter(self.schedule(start, tuple(("step", 2, 30) for _ in range(6))))
        if target == "rejected":
            self.at(next(moments), lambda: self.complaint_call(holder, "reject"))
            return
        if case is None:
            self.at(next(moments), lambda: self.complaint_call(holder, "assign", department=department))
        if target in ("assigned", "assigned_overdue"):
            return
        self.at(next(moments), lambda: self.complaint_call(holder, "reply"))
        if target == "replied":
            return
        if target == "closed_no_feedback":
            self.at(next(moments), lambda: self.complaint_call(holder, "close"))
            return
        satisfied = target == "closed"
        self.at(next(moments), lambda: self.complaint_call(holder, "feedback", satisfied=satisfied))
        if target == "closed_unsatisfied":
            self.at(next(moments), lambda: self.complaint_call(holder, "reply"))
            self.at(next(moments), lambda: self.complaint_call(holder, "feedback", satisfied=False))

    def complaint_call(self, holder: Holder, action: str, **extra: Any) -> None:
        complaint: Complaint = holder.value
        if action == "assign":
            holder.value = services.complaint_assign(actor=self.supervisor, complaint=complaint, department=extra["department"])
        elif action == "reject":
            holder.value = services.complaint_reject(actor=self.supervisor, complaint=complaint, reason=self.rng.choice(REJECTIONS))
        elif action == "reply":
            assert complaint.department is not None
            actor = self.handler_of(complaint.department)
            holder.value = services.complaint_reply(actor=actor, complaint=complaint, reply=self.rng.choice(COMPLAINT_REPLIES))
        elif action == "close":
            holder.value = services.complaint_close(actor=self.supervisor, complaint=complaint)
        else:
            comment = "答复及时,问题已解决。" if extra["satisfied"] else "答复没有解决实际问题。"
            holder.value = services.complaint_feedback(
                actor=None, complaint=complaint, satisfied=extra["satisfied"], comment=comment, query_code=complaint.query_code
            )


@transaction.atomic
def load_ratings(*, region: Region, users: Mapping[str, User], departments: Mapping[str, Department], window: Window) -> Loaded:
    """Rate the demo cases of `region`, serve and rate window visits and file complaints, unless it has some already.

    `users` and `departments` are the demo accounts by username and departments by key (see
    `onewindow.demo`); `window` is where the demo clerk sits.
    """
    existing = (
        Rating.objects.filter(department__region__code__startswith=region.code).count()
        + Complaint.objects.filter(region__code__startswith=region.code).count()
        + WindowVisit.objects.filter(department__region__code__startswith=region.code).count()
    )
    if existing:
        return Loaded(existing=existing)
    demo = RatingDemo(region=region, users=users, departments=departments, window=window)
    demo.plan_case_ratings()
    demo.plan_visits()
    demo.plan_complaints()
    demo.play()
    return Loaded(ratings=demo.counts["ratings"], complaints=demo.counts["complaints"], visits=demo.counts["visits"])
