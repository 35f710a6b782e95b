"""Factories for cases: a county with one department's staff, a published item with situations,
materials and stages, and applications in every status.

`county = make_county()` gives the people; `item = case_item(county.department)` an item;
`case = submitted_case(county, item)` a case just submitted online; `case_in(status, county, item)`
a case brought to any status through the services (so its timers, steps and audit are real).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from onewindow.accounts.choices import ApplicantKind, Role
from onewindow.accounts.models import User
from onewindow.accounts.tests.factories import UserFactory, staff
from onewindow.cases import services
from onewindow.cases.choices import CaseStatus, Provision
from onewindow.cases.models import Case
from onewindow.catalog.choices import ItemKind, MaterialForm, MaterialNecessity, MaterialSource, StageKind
from onewindow.catalog.models import MaterialRequirement, ServiceItem, Situation, Stage
from onewindow.catalog.tests.factories import PublishedItemFactory
from onewindow.common import time
from onewindow.orgs.models import Department, Region, Unit
from onewindow.orgs.tests.factories import CountyFactory, DepartmentFactory, UnitFactory
from onewindow.workdays.calendar import add_workdays

PERSON_ID = "11010519491231002X"  # a valid 居民身份证号 (GB 11643 check digit)
OTHER_PERSON_ID = "440524188001010014"
ENTERPRISE_USCC = "91350100M000100Y43"
PDF_BYTES = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_file(name: str = "申请书.pdf", data: bytes = PDF_BYTES) -> io.BytesIO:
    """An in-memory upload (a minimal PDF unless `data` says otherwise) carrying a file name."""
    stream = io.BytesIO(data)
    stream.name = name
    return stream


@dataclass
class County:
    region: Region
    department: Department
    other_department: Department
    clerk: User
    reviewer: User
    decider: User
    chief: User
    supervisor: User
    other_reviewer: User
    other_decider: User
    applicant: User
    other_applicant: User


def make_county() -> County:
    region = CountyFactory()
    department = DepartmentFactory(region=region, name="市场监督管理局")
    other = DepartmentFactory(region=region, name="卫生健康局")
    return County(
        region=region,
        department=department,
        other_department=other,
        clerk=staff(Role.WINDOW_CLERK, region=region, real_name="王窗口"),
        reviewer=staff(Role.REVIEWER, department=department, real_name="李审查"),
        decider=staff(Role.DECIDER, department=department, real_name="赵决定"),
        chief=staff(Role.CHIEF_REPRESENTATIVE, department=department, real_name="钱首代"),
        supervisor=staff(Role.SUPERVISOR, region=region, real_name="孙监察"),
        other_reviewer=staff(Role.REVIEWER, department=other, real_name="周审查"),
        other_decider=staff(Role.DECIDER, department=other, real_name="吴决定"),
        applicant=UserFactory(real_name="张三", id_number=PERSON_ID, phone="13800000001"),
        other_applicant=UserFactory(real_name="李四", id_number=OTHER_PERSON_ID, phone="13800000002"),
    )


def case_item(
    department: Department,
    *,
    kind: str = ItemKind.PROMISED,
    promised: int = 10,
    statutory: int = 20,
    deemed_approval: bool = False,
    joint_handling: bool = False,
    decide_role: str = Role.DECIDER,
    countersign: bool = False,
    pledge: bool = True,
    review: bool = True,
) -> ServiceItem:
    """A published item: situations S01/S02, materials M01 (required), M02 (gap allowed, S01),
    M03 (pledge allowed), M04 (government-issued license); stages 受理 → 审查 → 决定 → 送达 (+ 专家评审 as a special procedure).

    `review=False` (and every 即办件) leaves the 审查 stage out: the decision follows acceptance."""
    item: ServiceItem = PublishedItemFactory(
        department=department,
        name="食品经营许可",
        audience="both",
        kind=kind,
        promised_limit_days=promised,
        statutory_limit_days=statutory,
        deemed_approval=deemed_approval,
        joint_handling=joint_handling,
        result_name="食品经营许可证",
    )
    version = item.current
    assert version is not None
    version.form_schema = [
        {"name": "business_name", "label": "经营者名称", "type": "text", "required": True, "max_length": 100},
        {"name": "area", "label": "经营场所面积", "type": "number", "required": True, "min": 0},
        {"name": "category", "label": "经营项目", "type": "choice", "required": False, "choices": ["热食类食品制售", "预包装食品销售"]},
    ]
    version.save(update_fields=["form_schema"])
    s01 = Situation.objects.create(version=version, code="S01", name="新办", sort=1)
    Situation.objects.create(version=version, code="S02", name="延续", sort=2)
    materials = [
        ("M01", None, "食品经营许可申请书", MaterialNecessity.REQUIRED, MaterialSource.APPLICANT),
        ("M02", s01, "经营场所平面图", MaterialNecessity.GAP_ALLOWED, MaterialSource.APPLICANT),
        ("M03", None, "健康证明", MaterialNecessity.PLEDGE_ALLOWED if pledge else MaterialNecessity.REQUIRED, MaterialSource.APPLICANT),
        ("M04", None, "营业执照", MaterialNecessity.REQUIRED, MaterialSource.GOVERNMENT),
    ]
    for index, (code, situation, name, necessity, source) in enumerate(materials):
        MaterialRequirement.objects.create(
            version=version,
            situation=situation,
            code=code,
            name=name,
            form=MaterialForm.ELECTRONIC,
            necessity=necessity,
            source=source,
            sort=index,
        )
    unit = _unit(department, "行政审批科")
    if kind == ItemKind.ON_THE_SPOT or not review:
        review_stages = []
    else:
        review_stages = [(2, StageKind.REVIEW, "审查", Role.REVIEWER, unit, 2, False)]
    stages = [
        (1, StageKind.ACCEPT, "受理", Role.WINDOW_CLERK, None, 1, False),
        *review_stages,
        (3, StageKind.EXPERT_REVIEW, "专家评审", Role.REVIEWER, unit, 5, True),
        (4, StageKind.DECIDE, "决定", decide_role, None, 1, False),
        (5, StageKind.DELIVER, "送达", Role.WINDOW_CLERK, None, 1, False),
    ]
    for sequence, stage_kind, name, role, stage_unit, days, special in stages:
        stage = Stage.objects.create(
            version=version, sequence=sequence, kind=stage_kind, name=name, role=role, unit=stage_unit, days=days, special_procedure=special
        )
        if countersign and stage_kind == StageKind.REVIEW:
            stage.countersign_units.add(_unit(department, "食品安全科"))
    return item


def _unit(department: Department, name: str) -> Unit:
    """The department's unit of that name (several items of one department share it)."""
    return Unit.objects.filter(department=department, name=name).first() or UnitFactory(department=department, name=name)


def application(item: ServiceItem, **overrides: Any) -> services.ApplicationInput:
    """A complete application for `case_item` (situation S01, M02 uploaded-as-paper replaced by pledge-free choices)."""
    data: dict[str, Any] = {
        "item_code": item.implementation_code,
        "situation_code": "S01",
        "applicant": {"kind": ApplicantKind.PERSON, "name": "张三", "id_number": PERSON_ID, "phone": "13800000001"},
        "form": {"business_name": "张三小吃店", "area": 45},
        "materials": [
            {"code": "M01", "provision": Provision.PAPER},
            {"code": "M02", "provision": Provision.PAPER},
            {"code": "M03", "provision": Provision.PLEDGE, "pledge": "本人承诺已取得有效健康证明。"},
            {"code": "M04", "provision": Provision.REUSED, "license_number": "91350100M000100Y43"},
        ],
    }
    data.update(overrides)
    return services.ApplicationInput(**data)


def online_application(item: ServiceItem, **overrides: Any) -> services.ApplicationInput:
    """An online application: no paper, so M01 and M02 are pledged/reused where allowed or left to upload."""
    data = application(item, **overrides)
    if "materials" not in overrides:
        data.materials = [
            {"code": "M01", "provision": Provision.MISSING},
            {"code": "M02", "provision": Provision.GAP},
            {"code": "M03", "provision": Provision.PLEDGE, "pledge": "本人承诺已取得有效健康证明。"},
            {"code": "M04", "provision": Provision.REUSED, "license_number": "91350100M000100Y43"},
        ]
    return data


def submitted_case(county: County, item: ServiceItem) -> Case:
    """A case filed at the window by the clerk (paper materials verified), status submitted."""
    return services.case_file(actor=county.clerk, data=application(item), channel="window")


def draft_case(county: County, item: ServiceItem, *, applicant: User | None = None) -> Case:
    """The applicant's online draft (`online_application`) with the application form (M01) uploaded."""
    user = applicant or county.applicant
    case = services.case_save_draft(actor=user, data=online_application(item))
    services.case_material_attach(actor=user, case=case, code="M01", file=pdf_file(), name="申请书.pdf")
    case.refresh_from_db()
    return case


def online_case(county: County, item: ServiceItem, *, applicant: User | None = None) -> Case:
    """A case the applicant submitted online (its M02 left as a gap to supply after acceptance)."""
    user = applicant or county.applicant
    return services.case_submit(actor=user, case=draft_case(county, item, applicant=user))


def gap_supply_date(days: int = 3) -> Any:
    """A supply-by date for 容缺受理: `days` working days from today (within the factory item's promised 10)."""
    return add_workdays(time.today(), days).due


def case_in(status: str, county: County, item: ServiceItem, *, gaps: bool = False) -> Case:
    """A case brought to `status` through the services.

    `gaps=True` accepts it with M02 as a gap (容缺受理) instead: the gap is still outstanding in
    accepted, in_review, suspended, decided, withdrawn and terminated; it is supplied before
    delivery for delivered and closed. Draft is the applicant's online draft (`draft_case`).
    """
    if status == CaseStatus.DRAFT:
        return draft_case(county, item)
    if status == CaseStatus.TERMINATED:
        gaps = True
    case = submitted_case(county, item)
    clerk = county.clerk
    if gaps:
        accepted: list[Any] = [lambda c: services.case_accept_with_gaps(actor=clerk, case=c, gaps=["M02"], supply_by=gap_supply_date())]
        supplied: list[Any] = [lambda c: services.case_supply_gaps(actor=clerk, case=c, comment="已补交平面图")]
    else:
        accepted = [lambda c: services.case_accept(actor=clerk, case=c)]
        supplied = []
    review_done = [*accepted, _complete_review(county)]
    decided = [*review_done, lambda c: services.case_approve(actor=county.decider, case=c, opinion="同意")]
    delivered = [*decided, *supplied, lambda c: services.case_deliver(actor=clerk, case=c)]
    withdraw = lambda c: services.case_withdraw(actor=clerk, case=c, reason="申请人书面申请撤回")  # noqa: E731
    steps: dict[str, list[Any]] = {
        CaseStatus.SUBMITTED: [],
        CaseStatus.CORRECTION_REQUESTED: [lambda c: services.case_request_correction(actor=clerk, case=c, problems={"M01": "请签字"})],
        CaseStatus.REFUSED: [lambda c: services.case_refuse(actor=clerk, case=c, reason="不属于本部门职权范围")],
        CaseStatus.ACCEPTED: accepted,
        CaseStatus.IN_REVIEW: review_done,
        CaseStatus.SUSPENDED: [
            *accepted,
            lambda c: services.case_suspend(actor=county.reviewer, case=c, procedure="专家评审", reason="需专家论证"),
        ],
        CaseStatus.DECIDED: decided,
        CaseStatus.DELIVERED: delivered,
        CaseStatus.CLOSED: [*delivered, lambda c: services.case_close(actor=clerk, case=c)],
        CaseStatus.WITHDRAWN: [*accepted, withdraw] if gaps else [withdraw],
        CaseStatus.TERMINATED: [*accepted, lambda c: services.case_terminate(case=c)],
    }
    for step in steps[CaseStatus(status)]:
        case = step(case)
    case.refresh_from_db()
    assert case.status == status, (case.status, status)
    return case


def _complete_review(county: County) -> Any:
    """A step completing every open review task of the case (each countersigning unit's too)."""

    def complete(case: Case) -> Case:
        for task in case.tasks.filter(state="open", kind=StageKind.REVIEW):
            case = services.case_complete_stage(actor=county.reviewer, case=case, task=task.pk, opinion="材料齐全,符合条件")
        return case

    return complete


def _open_task(case: Case) -> int:
    return case.tasks.filter(state="open", kind=StageKind.REVIEW).values_list("pk", flat=True)[0]
