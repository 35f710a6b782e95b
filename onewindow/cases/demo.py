"""Demo cases (办件) of the demo county: about 300 applications over the last four months, in every status.

Each case is walked through the cases services as the demo accounts would have done it (the window
clerk takes applications in and hands results out, reviewers review, deciders decide; departments
without demo staff are worked by `demo-admin`), with the clock travelled back to the moment of each
step, so its steps, timers, stage tasks, audit events, notifications and documents are what real use
leaves behind. The steps of all cases run in the order they happened.

Plans come from a seeded generator and are anchored on today: open cases are placed so the queues
show every colour (the 受理答复, 补正, 承诺时限 and 送达 timers green, yellow and red), and no open
timer the deadline scan acts on (受理答复, 容缺补正) is overdue. Documents are recorded but left
pending (`base.documents_left_pending`), to be rendered on first download rather than all at load.
`settings.DEMO_CASES` sets the number (0: none; a small number still gives one case of each kind).
Idempotent like the catalog step: a county that has cases already is left alone.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

import time_machine
from django.conf import settings
from django.db import transaction
from stdnum.cn import ric

from onewindow.accounts.choices import ApplicantKind, Role
from onewindow.accounts.models import User
from onewindow.cases import services
from onewindow.cases.choices import OPEN_STATUSES, CaseStatus, Channel, DeliveryMethod, Provision, TaskState
from onewindow.cases.models import Case
from onewindow.cases.services import base
from onewindow.cases.services.lifecycle import DELIVERY_DAYS
from onewindow.cases.services.stages import ACTION_STAGES
from onewindow.catalog.choices import Audience, ItemKind, MaterialNecessity, MaterialSource, StageKind
from onewindow.catalog.models import MaterialRequirement, ServiceItemVersion, Situation
from onewindow.catalog.selectors import current_items
from onewindow.common import time
from onewindow.deadlines import kinds
from onewindow.demo.county import COUNTY_CODE, TOWNSHIPS
from onewindow.demo.identifiers import enterprise_uscc, resident_id
from onewindow.orgs.models import Department, Region, Window
from onewindow.workdays.calendar import days_between

S = CaseStatus
SEED = 990123
DEFAULT_COUNT = 300
HISTORY_WORKDAYS = 85  # about four months of working days before today
MAX_PROMISED_DAYS = 30  # items with longer limits would not finish inside the history
GREEN, YELLOW, RED = "green", "yellow", "red"
PROMISED = kinds.get_kind(kinds.CASE_PROMISED)  # a limit within its warning window is never green


@dataclass(frozen=True)
class Target:
    """What one demo case ends as: its status, the colour of an open case ("" by chance), the path taken."""

    status: str
    color: str = ""
    variant: str = ""  # gaps, corrected, denied, deemed, extended, special, accepted, in_review, deemed_approved


# (status, colour, variant, how many of 300)
MIX: list[tuple[str, str, str, int]] = [
    (S.SUBMITTED, GREEN, "", 10),
    (S.SUBMITTED, YELLOW, "", 8),
    (S.CORRECTION_REQUESTED, GREEN, "", 8),
    (S.CORRECTION_REQUESTED, YELLOW, "", 5),
    (S.CORRECTION_REQUESTED, RED, "", 5),
    (S.ACCEPTED, GREEN, "", 6),
    (S.ACCEPTED, YELLOW, "", 4),
    (S.ACCEPTED, RED, "", 6),
    (S.ACCEPTED, GREEN, "gaps", 3),
    (S.ACCEPTED, YELLOW, "gaps", 3),
    (S.IN_REVIEW, GREEN, "", 16),
    (S.IN_REVIEW, YELLOW, "", 10),
    (S.IN_REVIEW, RED, "", 12),
    (S.IN_REVIEW, GREEN, "gaps", 2),
    (S.IN_REVIEW, "", "special", 4),
    (S.IN_REVIEW, "", "extended", 2),
    (S.SUSPENDED, "", "", 10),
    (S.DECIDED, GREEN, "", 8),
    (S.DECIDED, YELLOW, "", 6),
    (S.DECIDED, RED, "", 6),
    (S.DECIDED, GREEN, "denied", 2),
    (S.DELIVERED, "", "", 22),
    (S.DELIVERED, "", "denied", 3),
    (S.CLOSED, "", "", 62),
    (S.CLOSED, "", "denied", 8),
    (S.CLOSED, "", "deemed", 5),
    (S.CLOSED, "", "extended", 5),
    (S.CLOSED, "", "special", 6),
    (S.CLOSED, "", "corrected", 10),
    (S.CLOSED, "", "gaps", 4),
    (S.REFUSED, "", "", 12),
    (S.REFUSED, "", "corrected", 6),
    (S.WITHDRAWN, "", "", 5),
    (S.WITHDRAWN, "", "corrected", 3),
    (S.WITHDRAWN, "", "accepted", 4),
    (S.WITHDRAWN, "", "in_review", 3),
    (S.TERMINATED, "", "gaps", 6),
]
# 超时默认 needs items that allow it; the demo lists may have none.
DEEMED_APPROVAL_MIX = [(S.DECIDED, "", "deemed_approved", 3), (S.CLOSED, "", "deemed_approved", 3)]
# Paths through acceptance to a review: 承诺件 only (即办件 are decided in the sitting that accepts them).
REVIEWED_VARIANTS = frozenset({"accepted", "in_review", "special", "extended", "deemed", "deemed_approved", "gaps"})


def targets(count: int, *, deemed_approval: bool) -> list[Target]:
    """About `count` cases in the proportions of `MIX`, at least one of each line."""
    mix = MIX + (DEEMED_APPROVAL_MIX if deemed_approval else [])
    scale = count / sum(row[3] for row in mix)
    return [Target(status, color, variant) for status, color, variant, share in mix for _ in range(max(1, round(share * scale)))]


# Who applies ----------------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰春梅海燕文辉晓东鹏飞云峰宇浩俊凯佳欣雨婷子涵思远博"
# Real GB/T 2260 birthplaces (the check looks them up); the demo people live in 示范县.
BIRTHPLACES = ("410102", "370102", "110101", "310101", "440104", "320102", "330102", "420102", "610102", "130102", "340102")
TRADE_NAMES = "恒信 鑫源 宏达 丰泽 瑞祥 金穗 绿野 顺通 安康 华康 兴隆 佳禾 润发 众鑫 德润 晨光 博远 盛世 诚信 和美 嘉禾 福满".split()
INDUSTRIES = "餐饮管理 商贸 建筑工程 农业科技 物流 食品 医药连锁 文化传媒 建材 机械制造 家政服务 旅游开发 汽车服务".split()
ROADS = "人民路 建设路 文化路 迎宾大道 解放街 中山路 光明路 幸福路 工业大道 滨河路 府前街 东环路".split()
USCC_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100: no I, O, S, V, Z


@dataclass(frozen=True)
class Party:
    """An applicant: a walk-in person or enterprise, or one of the demo applicant accounts."""

    kind: str
    name: str
    id_number: str
    phone: str
    user: User | None = None

    def as_input(self) -> dict[str, str]:
        number = {"uscc": self.id_number} if self.kind == ApplicantKind.ENTERPRISE else {"id_number": self.id_number}
        return {"kind": self.kind, "name": self.name, "phone": self.phone, **number}


def account_party(user: User) -> Party:
    if user.applicant_kind == ApplicantKind.ENTERPRISE:
        return Party(ApplicantKind.ENTERPRISE, user.enterprise_name, user.uscc, user.phone, user)
    return Party(ApplicantKind.PERSON, user.real_name, user.id_number, user.phone, user)


class People:
    """Fictional applicants, names, addresses and codes drawn from the seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))

    def resident_id(self) -> str:
        """A valid 居民身份证号 (drawn again when the birthplace code was not in use in the birth year)."""
        while True:
            birth = dt.date(1955, 1, 1) + dt.timedelta(days=self.rng.randrange(50 * 365))
            number = resident_id(self.rng.choice(BIRTHPLACES), f"{birth:%Y%m%d}", f"{self.rng.randrange(1000):03d}")
            if ric.is_valid(number):
                return number

    def phone(self) -> str:
        return "1" + self.rng.choice(("38", "39", "50", "58", "86", "87", "35", "36", "37")) + f"{self.rng.randrange(10**8):08d}"

    def enterprise_name(self) -> str:
        return f"示范县{self.rng.choice(TRADE_NAMES)}{self.rng.choice(INDUSTRIES)}{self.rng.choice(('有限公司', '有限责任公司'))}"

    def uscc(self) -> str:
        return enterprise_uscc(COUNTY_CODE, "".join(self.rng.choice(USCC_CHARACTERS) for _ in range(9)))

    def address(self) -> str:
        return f"示范县{self.rng.choice(TOWNSHIPS)[1]}{self.rng.choice(ROADS)}{self.rng.randint(1, 260)}号"

    def code(self, prefix: str = "SF") -> str:
        return f"{prefix}{self.rng.randrange(10**10):010d}"

    def walk_in(self, kind: str) -> Party:
        if kind == ApplicantKind.ENTERPRISE:
            return Party(ApplicantKind.ENTERPRISE, self.enterprise_name(), self.uscc(), self.phone())
        return Party(ApplicantKind.PERSON, self.name(), self.resident_id(), self.phone())


# The application form: (words of the field's label, what to fill in), first match wins.
TEXT_RULES: list[tuple[tuple[str, ...], Callable[[People], str]]] = [
    (("身份号码",), lambda p: p.resident_id()),
    (("账号",), lambda p: f"6217{p.rng.randrange(10**15):015d}"),
    (("号牌", "车牌"), lambda p: f"示A{p.rng.randrange(10**5):05d}"),
    (("关系",), lambda p: p.rng.choice(("配偶", "子女", "父母"))),
    (("年度", "年份"), lambda p: str(time.today().year - 1)),
    (("文化程度",), lambda p: p.rng.choice(("高中", "大专", "本科"))),
    (("班级",), lambda p: f"{p.rng.choice('一二三四五六')}年级{p.rng.choice('一二三')}班"),
    (("学科",), lambda p: p.rng.choice(("语文", "数学", "英语", "物理"))),
    (("日期",), lambda p: (time.today() + dt.timedelta(days=p.rng.randint(10, 90))).isoformat()),
    (("姓名", "负责人"), lambda p: p.name()),
    (("编号", "文号", "证号", "编码", "发动机号", "底盘号", "单元号"), lambda p: p.code()),
    (("项目", "工程"), lambda p: f"示范县{p.rng.choice(TOWNSHIPS)[1]}{p.rng.choice(('道路改造', '厂房新建', '农田水利'))}项目"),
    (("活动",), lambda p: f"示范县第{p.rng.randint(2, 9)}届{p.rng.choice(('农民丰收节', '梨花节', '全民健身运动会'))}"),
    (("预案",), lambda p: "生产安全事故应急预案"),
    (("货物", "植物", "作物", "树种", "种类", "品目"), lambda p: p.rng.choice(("苹果", "小麦", "玉米", "杨树", "生猪", "花生"))),
    (("学校", "幼儿园"), lambda p: f"示范县{p.rng.choice(('第一', '实验', '城关'))}{p.rng.choice(('小学', '中学', '幼儿园'))}"),
    (("医院",), lambda p: "示范县人民医院"),
    (("银行",), lambda p: p.rng.choice(("中国农业银行示范县支行", "中国工商银行示范县支行", "示范县农村信用合作联社"))),
    (("类别",), lambda p: p.rng.choice(("餐饮业", "批发和零售业", "建筑业", "农业"))),
    (("地址", "场所", "地点", "位置", "坐落", "住所", "地块", "林地", "水域", "桩号", "线", "地", "区段"), lambda p: p.address()),
    (("单位", "机构", "名称", "团体", "组织", "合作社", "被申请人", "当事人", "被投诉人", "平台"), lambda p: p.enterprise_name()),
]
APPLICANT_FIELDS: dict[str, Callable[[Party], str]] = {
    "applicant_name": lambda a: a.name,
    "entity_name": lambda a: a.name,
    "id_number": lambda a: a.id_number,
    "uscc": lambda a: a.id_number,
    "id_or_uscc": lambda a: a.id_number,
    "phone": lambda a: a.phone,
}


def fill_form(schema: Sequence[dict[str, Any]], party: Party, people: People) -> dict[str, Any]:
    """A plausible answer to every required field of the item's form, and to most optional ones."""
    return {spec["name"]: field_value(spec, party, people) for spec in schema if spec.get("required") or people.rng.random() < 0.7}


def field_value(spec: dict[str, Any], party: Party, people: People) -> Any:
    kind, label, rng = spec.get("type", "text"), spec["label"], people.rng
    if kind == "number":
        low = int(spec.get("min") or 0)
        value = rng.randint(1995, time.today().year - 1) if low >= 1900 else rng.randint(max(low, 1), max(low, 1) + 300)
        return min(value, int(spec["max"])) if spec.get("max") is not None else value
    if kind == "date":
        return (time.today() + dt.timedelta(days=rng.randint(10, 90))).isoformat()
    if kind == "choice":
        return rng.choice(spec["choices"])
    if kind == "boolean":
        return rng.random() < 0.5
    limit = int(spec.get("max_length") or (2000 if kind == "textarea" else 200))
    if kind == "textarea":
        return f"{label}:按实际情况填写,相关证明材料随申请一并提交,内容真实有效。"[:limit]
    if spec["name"] in APPLICANT_FIELDS:
        return APPLICANT_FIELDS[spec["name"]](party)[:limit]
    make = next((make for words, make in TEXT_RULES if any(word in label for word in words)), lambda p: "详见申请材料")
    return make(people)[:limit]


# Materials -----------------------------------------------------------------------------------


def demo_pdf() -> bytes:
    """A one-page PDF standing for a scanned material (valid, so a browser shows it)."""
    text = b"BT /F1 20 Tf 72 720 Td (OneWindow demo material) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF = demo_pdf()


def pdf(name: str) -> IO[bytes]:
    stream = io.BytesIO(PDF)
    stream.name = f"{name}.pdf"
    return stream


def provision_of(requirement: MaterialRequirement, *, window: bool, gap: bool, people: People, party: Party) -> dict[str, str]:
    """How one material is provided: licenses reused, pledges where allowed, paper at a window, files online."""
    entry = {"code": requirement.code}
    if requirement.source == MaterialSource.GOVERNMENT:
        if requirement.necessity == MaterialNecessity.OPTIONAL:
            return {**entry, "provision": Provision.MISSING}
        number = party.id_number if "身份证" in requirement.name or "营业执照" in requirement.name else people.code("ZZ")
        return {**entry, "provision": Provision.REUSED, "license_number": number}
    if requirement.necessity == MaterialNecessity.OPTIONAL and people.rng.random() < 0.8:
        return {**entry, "provision": Provision.MISSING}
    if requirement.necessity == MaterialNecessity.GAP_ALLOWED and gap:
        return {**entry, "provision": Provision.GAP}
    if requirement.necessity == MaterialNecessity.PLEDGE_ALLOWED and people.rng.random() < 0.6:
        pledge = f"本人(本单位)承诺“{requirement.name}”真实、有效,如有虚假,愿承担相应法律责任。"
        return {**entry, "provision": Provision.PLEDGE, "pledge": pledge}
    return {**entry, "provision": Provision.PAPER if window else Provision.UPLOADED}


# Working days ---------------------------------------------------------------------------------


class Days:
    """The working days around today by index (`day(i)`); `last` is today's index, or the last one before it."""

    def __init__(self, today: dt.date) -> None:
        span = days_between(today - dt.timedelta(days=260), today + dt.timedelta(days=200))
        self.workdays = [day for day, info in span if info.workday]
        self.today = today
        self.last = max(i for i, day in enumerate(self.workdays) if day <= today)

    def day(self, index: int) -> dt.date:
        return self.workdays[index]

    def color(self, start: int, kind: str, days: int) -> str:
        """Today's colour of a timer of `kind` started on working day `start` for `days` (as `Case.color` shows it)."""
        due = start + days
        warn = max(due - kinds.get_kind(kind).warn_window(days), start)
        if self.today > self.day(due):
            return RED
        return YELLOW if self.today >= self.day(warn) else GREEN

    def anchor(self, rng: random.Random, kind: str, days: int, color: str) -> int:
        """A start day for such a timer showing `color` today (a red one at most about three weeks late)."""
        starts = range(self.last - 70, self.last + 1)
        fits = [s for s in starts if self.color(s, kind, days) == color and (color != RED or s + days >= self.last - 15)]
        return rng.choice(fits) if fits else self.last


# Plans ----------------------------------------------------------------------------------------

Act = Callable[["Run"], None]


@dataclass
class Step:
    gap: int  # working days after the step before
    act: Act
    day: int = 0  # working-day index, set when the plan is placed


@dataclass
class Run:
    """One case being played: what it is filed as, its steps, the case once filed."""

    number: int
    target: Target
    version: ServiceItemVersion
    party: Party
    channel: str
    data: services.ApplicationInput
    steps: list[Step] = field(default_factory=list)
    anchor: tuple[int, int] | None = None  # (step, working day) of the step today's colour depends on
    gap_days: int = 0  # 容缺受理: working days from acceptance to the supply-by date (0: chosen when accepted)
    case: Case | None = None

    def add(self, gap: int, act: Act) -> None:
        self.steps.append(Step(gap, act))

    @property
    def current(self) -> Case:
        assert self.case is not None
        return self.case


@dataclass(frozen=True)
class Staff:
    """Who works a department's cases: its demo staff, or `demo-admin` where the demo has none."""

    reviewer: User
    decider: User
    chief: User
    answerer: User  # answers online applications


REVIEW_OPINIONS = (
    "申请材料齐全,符合法定条件,拟同意。",
    "经审查,申请事项符合相关规定,建议准予。",
    "材料真实有效,符合审查标准,同意提交下一环节。",
)
SITE_OPINIONS = ("经现场核查,场所、设施与申请材料一致,符合要求。", "现场核查符合相关技术规范,核查记录已由申请人签字确认。")
DENY_REASONS = ("经现场核查,经营场所与申请材料不一致,不符合法定条件。", "申请人不具备法定的资格条件。", "申请事项不符合相关规划要求。")
REFUSE_REASONS = ("申请事项不属于本行政机关职权范围,请向有关行政机关申请。", "申请事项依法不需要取得行政许可。")
PROBLEMS = (
    "请补充法定代表人(负责人)签字并加盖公章。",
    "复印件不清晰,请提供清晰完整的复印件。",
    "材料内容与申请表填写不一致,请核对后重新提供。",
    "材料已超过有效期,请提供有效期内的材料。",
)
DELIVERY_NOTES: dict[str, str] = {
    DeliveryMethod.WINDOW: "申请人已到统一出件窗口领取。",
    DeliveryMethod.POST: "已通过EMS免费邮寄送达。",
    DeliveryMethod.ONLINE: "已网上送达,电子证照同步发放。",
}
PROCEDURES = ("专家评审", "现场检验", "检测", "听证")


class CaseDemo:
    """Plans the demo cases of one county (`plan`), then files and works them through the services (`play`)."""

    def __init__(
        self, *, region: Region, users: Mapping[str, User], departments: Mapping[str, Department], window: Window, seed: int = SEED
    ) -> None:
        self.rng = random.Random(seed)
        self.people = People(self.rng)
        self.users = users
        self.window = window
        self.clerk = users["demo-clerk"]
        self.now = time.now()
        self.days = Days(time.today())
        admin = users["demo-admin"]
        self.market = departments["market"].pk
        self.staff = {
            self.market: Staff(users["demo-reviewer"], users["demo-decider"], users["demo-chief"], users["demo-reviewer"]),
            departments["health"].pk: Staff(users["demo-reviewer2"], admin, admin, users["demo-reviewer2"]),
        }
        self.other_staff = Staff(admin, admin, admin, self.clerk)
        self.versions = list(
            current_items(region=region)
            .filter(promised_limit_days__lte=MAX_PROMISED_DAYS)
            .select_related("service_item__department")
            .prefetch_related("situations", "materials", "stages")
            .order_by("service_item__implementation_code")
        )
        self.deemed_approval = any(v.deemed_approval and v.kind == ItemKind.PROMISED for v in self.versions)

    # -- what each case is ---------------------------------------------------------------------

    def plan(self, wanted: list[Target]) -> list[Run]:
        """A case for each target (in random order): the item, applicant, application and dated steps."""
        wanted = list(wanted)
        self.rng.shuffle(wanted)
        runs = []
        for number, target in enumerate(wanted):
            run = self._run(number, target)
            self._script(run, target)
            self._place(run, target)
            runs.append(run)
        return runs

    def _run(self, number: int, target: Target) -> Run:
        channel, account = self._channel(target)
        allowed: set[str] = {account.applicant_kind} if account else {ApplicantKind.PERSON, ApplicantKind.ENTERPRISE}
        version = self._version(target, allowed)
        if version is None:  # nothing this account applies for fits the path: a walk-in then
            channel, account, allowed = Channel.WINDOW, None, {ApplicantKind.PERSON, ApplicantKind.ENTERPRISE}
            version = self._version(target, allowed)
        assert version is not None, target
        situations: list[Situation | None] = self._gap_situations(version) if target.variant == "gaps" else []
        situation = self.rng.choice(situations or list(version.situations.all()) or [None])
        fits = sorted(kind for kind in allowed if version.audience in (Audience.BOTH, kind))
        party = account_party(account) if account else self.people.walk_in(self.rng.choice(fits))
        requirements = [m for m in version.materials.all() if m.situation_id is None or (situation and m.situation_id == situation.pk)]
        gap, window = bool(situations), channel == Channel.WINDOW
        method = self.rng.choice((DeliveryMethod.WINDOW, DeliveryMethod.WINDOW, DeliveryMethod.POST, DeliveryMethod.ONLINE))
        data = services.ApplicationInput(
            item_code=version.service_item.implementation_code,
            situation_code=situation.code if situation else "",
            applicant=party.as_input(),
            form=fill_form(version.form_schema, party, self.people),
            materials=[provision_of(r, window=window, gap=gap, people=self.people, party=party) for r in requirements],
            delivery_method=method,
            delivery_address=self.people.address() if method == DeliveryMethod.POST else "",
        )
        return Run(number, target, version, party, channel, data)

    def _channel(self, target: Target) -> tuple[str, User | None]:
        """Mostly walk-ins at the window; online and API applications come from the demo applicant accounts."""
        if target.variant == "gaps":
            return Channel.WINDOW, None
        online, api = (0.45, 0.6) if target.status == S.SUBMITTED else (0.16, 0.21)
        draw = self.rng.random()
        if draw < online:
            return Channel.ONLINE, self.users[self.rng.choice(("demo-applicant", "demo-enterprise"))]
        if draw < api:
            return Channel.API, self.users["demo-enterprise"]
        return Channel.WINDOW, None

    def _version(self, target: Target, applicant_kinds: set[str]) -> ServiceItemVersion | None:
        """An item the applicant may apply for and the path needs, the departments with demo staff more often."""
        reviewed = target.status in (S.ACCEPTED, S.IN_REVIEW, S.SUSPENDED, S.TERMINATED) or target.variant in REVIEWED_VARIANTS
        candidates = [
            v
            for v in self.versions
            if (v.audience == Audience.BOTH or v.audience in applicant_kinds)
            and (not reviewed or v.kind == ItemKind.PROMISED)
            and (target.variant != "gaps" or self._gap_situations(v))
            # an open case of a 超时默认 item would be granted by the next deadline scan
            and (not reviewed or v.deemed_approval == (target.variant == "deemed_approved"))
            and (target.color != GREEN or not reviewed or v.promised_limit_days > PROMISED.warn_window(v.promised_limit_days))
        ]
        department = [v.service_item.department_id for v in candidates]
        weights = [6 if d == self.market else 3 if d in self.staff else 1 for d in department]
        return self.rng.choices(candidates, weights=weights)[0] if candidates else None

    @staticmethod
    def _gap_situations(version: ServiceItemVersion) -> list[Situation | None]:
        """The situations (None: the item has none) in which some material may be supplied later (容缺)."""
        gaps = [m for m in version.materials.all() if m.necessity == MaterialNecessity.GAP_ALLOWED]
        situations: list[Situation | None] = list(version.situations.all()) or [None]
        return [s for s in situations if any(m.situation_id is None or (s and m.situation_id == s.pk) for m in gaps)]

    # -- the path of each case -----------------------------------------------------------------

    def _script(self, run: Run, target: Target) -> None:
        """The steps to `target`: filing or intake, the answer, review, decision, delivery, closing."""
        status, variant = target.status, target.variant
        staff = self.staff.get(run.version.service_item.department_id, self.other_staff)
        answerer = self.clerk if run.channel == Channel.WINDOW else staff.answerer
        on_the_spot = run.version.kind == ItemKind.ON_THE_SPOT
        if status == S.SUBMITTED:
            run.add(0, self._file)
            return self._pin(run, target, kinds.CASE_ACCEPTANCE, 5)
        if variant == "corrected" or status == S.CORRECTION_REQUESTED:
            self._answer(run, answerer, "request_correction")
            if status == S.CORRECTION_REQUESTED:
                return self._pin(run, target, kinds.CASE_CORRECTION, settings.CASE_CORRECTION_DAYS)
            if status == S.REFUSED:
                return run.add(
                    self._gap(8, 16), self._call(services.case_refuse, actor=answerer, reason="申请人逾期未按一次性告知书补正申请材料。")
                )
            if status == S.WITHDRAWN:
                return run.add(self._gap(1, 5), self._withdraw(run))
            run.add(self._gap(1, 6), self._resubmit)
            run.add(self._gap(0, 2), self._call(services.case_accept, actor=self.clerk if on_the_spot else answerer))
        elif status == S.REFUSED:
            return self._answer(run, answerer, "refuse")
        elif status == S.WITHDRAWN and not variant:
            run.add(0, self._file)
            return run.add(self._gap(0, 3), self._withdraw(run))
        elif variant == "gaps":
            if status in (S.TERMINATED, S.CLOSED):
                run.gap_days = self._gap(1, min(run.version.promised_limit_days, 5))
            run.add(0, self._intake_with_gaps)
        elif variant == "deemed":
            run.add(0, self._file)
            run.add(6, self._call(services.case_deem_accepted))  # 行政许可法 第三十二条: no answer within 5 working days
        else:
            self._answer(run, self.clerk if on_the_spot else answerer, "accept")
        if status in (S.ACCEPTED, S.IN_REVIEW):
            self._pin(run, target, kinds.CASE_PROMISED, run.version.promised_limit_days)
        if variant == "gaps" and status == S.CLOSED:
            run.add(
                self._gap(0, min(run.gap_days, 3)),
                self._call(services.case_supply_gaps, actor=self.clerk, comment="申请人已补齐容缺材料。"),
            )
        if not on_the_spot:  # 即办件 are decided in the sitting that accepts them
            if self._review(run, target, staff):
                return
            self._decide(run, target, staff)
        if status == S.DECIDED:
            return self._pin(run, target, kinds.CASE_DELIVERY, DELIVERY_DAYS)
        deliverer = self.users["demo-chief"] if staff.chief.username == "demo-chief" and self.rng.random() < 0.3 else self.clerk
        note = DELIVERY_NOTES[run.data.delivery_method]
        run.add(0 if on_the_spot else self._gap(0, 3), self._call(services.case_deliver, actor=deliverer, note=note))
        if status == S.CLOSED:
            run.add(0 if on_the_spot else self._gap(0, 2), self._call(services.case_close, actor=self.clerk))

    def _answer(self, run: Run, answerer: User, answer: str) -> None:
        """Taken in and answered in one sitting at the window; filed online or by API and answered later."""
        if run.channel == Channel.WINDOW:
            return run.add(0, self._intake(answer))
        run.add(0, self._file)
        if answer == "accept":
            return run.add(self._gap(0, 2), self._call(services.case_accept, actor=answerer))
        if answer == "refuse":
            return run.add(self._gap(0, 3), self._call(services.case_refuse, actor=answerer, reason=self.rng.choice(REFUSE_REASONS)))
        run.add(self._gap(0, 2), self._request_correction(answerer))

    def _review(self, run: Run, target: Target, staff: Staff) -> bool:
        """The steps between acceptance and decision; True when the case stops before a decision."""
        status, variant = target.status, target.variant
        stages = self._review_stages(run.version)
        if status == S.ACCEPTED:
            return True
        if status == S.WITHDRAWN and variant == "accepted":
            run.add(self._gap(1, 4), self._withdraw(run))
            return True
        if status == S.TERMINATED:  # the gaps were never supplied: the case ends after the supply-by date
            reviewed = self._gap(0, run.gap_days - 1) if run.gap_days >= 2 and self.rng.random() < 0.5 else -1
            if reviewed >= 0:
                run.add(reviewed, self._complete_stage(staff, stages[0]))
            run.add(run.gap_days + 1 - max(reviewed, 0) + self._gap(0, 1), self._call(services.case_terminate))
            return True
        if status == S.SUSPENDED:
            for stage in stages[: self.rng.randint(0, len(stages) - 1)]:
                run.add(self._gap(0, 3), self._complete_stage(staff, stage))
            run.add(self._gap(0, 3), self._suspend(staff, run.version))
            return True
        if status == S.IN_REVIEW:
            done = stages[: self.rng.randint(1, len(stages))]
        elif status == S.WITHDRAWN:
            done = stages[: max(1, len(stages) - 1)]
        else:
            done = stages[: self.rng.randint(0, 1)] if variant == "deemed_approved" else stages
        for position, stage in enumerate(done):
            late = self._gap(1, 3) if self.rng.random() < 0.1 else 0
            run.add(self._gap(0, max(1, stage[1])) + late, self._complete_stage(staff, stage))
            if position == 0 and variant == "special":
                run.add(self._gap(0, 2), self._suspend(staff, run.version))
                run.add(self._gap(3, 8), self._call(services.case_resume, actor=staff.reviewer, result="特别程序已完成,结论符合要求。"))
            if position == 0 and variant == "extended":
                reason = "情况复杂,需进一步核实,经本行政机关负责人批准延长办理期限。"
                run.add(self._gap(1, 3), self._call(services.case_extend, actor=staff.decider, reason=reason))
        if status == S.WITHDRAWN:
            run.add(self._gap(0, 3), self._withdraw(run))
            return True
        return status == S.IN_REVIEW

    def _decide(self, run: Run, target: Target, staff: Staff) -> None:
        if target.variant == "deemed_approved":  # undecided the day after the promised limit
            since = sum(step.gap for step in run.steps[(0 if run.channel == Channel.WINDOW else 1) + 1 :])
            run.add(max(1, run.version.promised_limit_days + 1 - since), self._call(services.case_deem_approved))
        elif target.variant == "denied":
            run.add(self._gap(0, 2), self._call(services.case_deny, actor=staff.decider, reason=self.rng.choice(DENY_REASONS)))
        else:
            decider = (
                staff.chief
                if any(s.kind == StageKind.DECIDE and s.role == Role.CHIEF_REPRESENTATIVE for s in run.version.stages.all())
                else staff.decider
            )
            run.add(self._gap(0, 2), self._call(services.case_approve, actor=decider, opinion="符合法定条件,准予许可。"))

    def _pin(self, run: Run, target: Target, kind: str, days: int) -> None:
        """The step just added starts the timer whose colour `target` asks for: place it so."""
        if target.color:
            run.anchor = (len(run.steps) - 1, self.days.anchor(self.rng, kind, days, target.color))

    def _gap(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)

    @staticmethod
    def _review_stages(version: ServiceItemVersion) -> list[tuple[int, int]]:
        """The review stages the flow opens one after the other: (sequence, days)."""
        return sorted({(s.sequence, s.days) for s in version.stages.all() if not s.special_procedure and s.kind not in ACTION_STAGES})

    # -- when each step happens ----------------------------------------------------------------

    def _place(self, run: Run, target: Target) -> None:
        """Give every step its working day: around the pinned step when a colour matters, else inside the history."""
        last = self.days.last
        if run.anchor is not None:
            position, day = run.anchor
            run.steps[position].day = day
            for index in range(position - 1, -1, -1):
                run.steps[index].day = run.steps[index + 1].day - run.steps[index + 1].gap
            for index in range(position + 1, len(run.steps)):
                run.steps[index].day = min(run.steps[index - 1].day + run.steps[index].gap, last)
            return
        length = sum(step.gap for step in run.steps[1:])
        oldest = last - (40 if target.status in OPEN_STATUSES else HISTORY_WORKDAYS)
        day = self.rng.randint(min(oldest, last - length), last - length)
        for index, step in enumerate(run.steps):
            step.day = day = day + (step.gap if index else 0)

    def moments(self, run: Run) -> list[dt.datetime]:
        """The time of each step: in office hours on past days; today, spread before now."""
        result: list[dt.datetime] = []
        by_day: dict[int, int] = {}
        for step in run.steps:
            by_day[step.day] = by_day.get(step.day, 0) + 1
        for index, count in sorted(by_day.items()):
            day = self.days.day(index)
            opening = time.start_of_day(day) + dt.timedelta(hours=8, minutes=30)
            if day >= time.local_date(self.now):
                start = opening if self.now - opening > dt.timedelta(minutes=count + 1) else time.start_of_day(day)
                result += [start + (self.now - start) * (n + 1) / (count + 1) for n in range(count)]
            else:
                minutes = sorted(self.rng.sample(range(540), count))
                result += [opening + dt.timedelta(minutes=m, seconds=self.rng.randrange(60)) for m in minutes]
        return result

    # -- playing -------------------------------------------------------------------------------

    def play(self, runs: list[Run]) -> None:
        """Run every step of every case in the order they happened, each at its own moment."""
        queue = sorted((moment, run.number, index, run) for run in runs for index, moment in enumerate(self.moments(run)))
        with base.documents_left_pending():
            for moment, _number, index, run in queue:
                with time_machine.travel(moment, tick=False):
                    run.steps[index].act(run)

    # -- the steps -----------------------------------------------------------------------------

    @staticmethod
    def _call(service: Callable[..., Case | None], **arguments: Any) -> Act:
        """A step calling `service` on the case (the system's services answer None when there is nothing to do)."""

        def act(run: Run) -> None:
            run.case = service(case=run.current, **arguments) or run.current

        return act

    def _file(self, run: Run) -> None:
        if run.channel == Channel.WINDOW:  # received at a window, answered later
            run.case = services.case_file(actor=self.clerk, data=run.data, channel=Channel.WINDOW)
            return
        names = {m.code: m.name for m in run.version.materials.all()}
        files = {m["code"]: pdf(names[m["code"]]) for m in run.data.materials if m["provision"] == Provision.UPLOADED}
        run.case = services.case_file(actor=run.party.user, data=run.data, channel=run.channel, files=files)

    def _intake(self, answer: str) -> Act:
        def act(run: Run) -> None:
            extra: dict[str, Any] = {}
            if answer == "request_correction":
                extra["problems"] = self._problems([m["code"] for m in run.data.materials if m["provision"] == Provision.PAPER])
            if answer == "refuse":
                extra["reason"] = self.rng.choice(REFUSE_REASONS)
            run.case = services.case_intake(actor=self.clerk, data=run.data, answer=answer, window=self.window, **extra)

        return act

    def _intake_with_gaps(self, run: Run) -> None:
        """容缺受理 at the window; an open case's supply-by date lies after today where the promised limit allows."""
        day, promised = run.steps[0].day, run.version.promised_limit_days
        days = run.gap_days or self.rng.randint(min(max(1, self.days.last - day + 1), promised), promised)
        supply_by = self.days.day(day + days)
        run.case = services.case_intake(actor=self.clerk, data=run.data, answer="accept_with_gaps", supply_by=supply_by, window=self.window)

    def _problems(self, codes: list[str]) -> dict[str, str]:
        """一次性告知: what is wrong, material by material."""
        if not codes:
            return {"form": "申请表部分内容填写不完整,请补充填写后重新提交。"}
        return {code: self.rng.choice(PROBLEMS) for code in self.rng.sample(codes, min(len(codes), self.rng.choice((1, 1, 2))))}

    def _request_correction(self, actor: User) -> Act:
        def act(run: Run) -> None:
            problems = self._problems([m["code"] for m in run.data.materials if m["provision"] == Provision.UPLOADED])
            run.case = services.case_request_correction(actor=actor, case=run.current, problems=problems)

        return act

    def _resubmit(self, run: Run) -> None:
        """Corrected: at the window on paper, online with new files for the materials the notice named."""
        case, user = run.current, run.party.user
        if user is None:
            run.case = services.case_resubmit(actor=self.clerk, case=case, comment="申请人已到窗口补正材料。")
            return
        for material in case.materials.exclude(problem=""):
            services.case_material_attach(actor=user, case=case, code=material.code, file=pdf(material.name), name=f"{material.name}.pdf")
        run.case = services.case_resubmit(actor=user, case=case, comment="已按一次性告知书补正。")

    def _withdraw(self, run: Run) -> Act:
        """By the applicant's account, or by the clerk on the applicant's written request."""
        return self._call(services.case_withdraw, actor=run.party.user or self.clerk, reason="申请人申请撤回,暂不办理。")

    def _complete_stage(self, staff: Staff, stage: tuple[int, int]) -> Act:
        """Every task of one review stage (each countersigning unit's too), by the role the stage names."""

        def act(run: Run) -> None:
            case = run.current
            for task in case.tasks.filter(state=TaskState.OPEN, sequence=stage[0]).order_by("id"):
                actor = {Role.DECIDER.value: staff.decider, Role.CHIEF_REPRESENTATIVE.value: staff.chief}.get(task.role, staff.reviewer)
                opinion = self.rng.choice(SITE_OPINIONS if task.kind == StageKind.SITE_CHECK else REVIEW_OPINIONS)
                case = services.case_complete_stage(actor=actor, case=case, task=task.pk, opinion=opinion)
            run.case = case

        return act

    def _suspend(self, staff: Staff, version: ServiceItemVersion) -> Act:
        """A special procedure: the item's own (专家评审, 听证 …) or a common one."""
        procedure = self.rng.choice([s.name for s in version.stages.all() if s.special_procedure] or list(PROCEDURES))
        reason = f"依法需要{procedure},所需时间不计入办理期限。"
        return self._call(services.case_suspend, actor=staff.reviewer, procedure=procedure, reason=reason)


@dataclass(frozen=True)
class Loaded:
    """What `load_cases` did: cases filed now, or the county's cases found already."""

    created: int
    existing: int


@transaction.atomic
def load_cases(*, region: Region, users: Mapping[str, User], departments: Mapping[str, Department], window: Window) -> Loaded:
    """File and work the demo cases of `region`, unless it has cases already.

    `users` and `departments` are the demo accounts by username and departments by key (see
    `onewindow.demo`); `window` is where the demo clerk sits.
    """
    existing = Case.objects.filter(region_code__startswith=region.code).count()
    count = getattr(settings, "DEMO_CASES", DEFAULT_COUNT)
    if existing or not count:
        return Loaded(created=0, existing=existing)
    demo = CaseDemo(region=region, users=users, departments=departments, window=window)
    runs = demo.plan(targets(count, deemed_approval=demo.deemed_approval))
    demo.play(runs)
    return Loaded(created=len(runs), existing=0)
