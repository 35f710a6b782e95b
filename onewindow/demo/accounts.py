"""One demo account per role (all with the password `settings.DEMO_PASSWORD`).

The reviewer, decider, chief representative, inspector and department admin work in
示范县市场监督管理局; `demo-reviewer2` reviews for 示范县卫生健康局 so that permission boundaries
between departments can be shown.
"""

from dataclasses import dataclass

from onewindow.accounts.choices import ApplicantKind, Role
from onewindow.demo.county import COUNTY_CODE
from onewindow.demo.identifiers import enterprise_uscc, resident_id


@dataclass(frozen=True)
class RoleSpec:
    """A role over a department (by DepartmentSpec key) or a region (by code); `window` = (hall key, number)."""

    role: Role
    department: str | None = None
    region: str | None = None
    window: tuple[str, str] | None = None


@dataclass(frozen=True)
class AccountSpec:
    username: str
    real_name: str
    phone: str
    roles: tuple[RoleSpec, ...]
    title: str  # what the account is for, shown by `manage.py demo_accounts`
    applicant_kind: ApplicantKind = ApplicantKind.PERSON
    id_number: str = ""
    enterprise_name: str = ""
    uscc: str = ""
    superuser: bool = False


def _in_market(role: Role) -> tuple[RoleSpec, ...]:
    return (RoleSpec(role, department="market"),)


def _over_county(role: Role, window: tuple[str, str] | None = None) -> tuple[RoleSpec, ...]:
    return (RoleSpec(role, region=COUNTY_CODE, window=window),)


ACCOUNTS: list[AccountSpec] = [
    AccountSpec(
        "demo-admin",
        "何俊",
        "13903990010",
        _over_county(Role.SYSTEM_ADMIN),
        "系统管理员(含 Django 管理后台)",
        superuser=True,
    ),
    AccountSpec(
        "demo-applicant",
        "李明华",
        "13803990001",
        (RoleSpec(Role.APPLICANT),),
        "申请人(自然人)",
        id_number=resident_id("410102", "19850312", "123"),
    ),
    AccountSpec(
        "demo-enterprise",
        "赵丽娟",
        "13803990002",
        (RoleSpec(Role.APPLICANT),),
        "申请人(法人:示范县味道好餐饮有限公司)",
        applicant_kind=ApplicantKind.ENTERPRISE,
        id_number=resident_id("370102", "19880826", "246"),
        enterprise_name="示范县味道好餐饮有限公司",
        uscc=enterprise_uscc(COUNTY_CODE, "MA1WXY4T6"),
    ),
    AccountSpec(
        "demo-clerk", "陈晓燕", "13903990001", _over_county(Role.WINDOW_CLERK, ("center", "A01")), "窗口受理人员(政务服务中心 A01 窗口)"
    ),
    AccountSpec("demo-reviewer", "刘志强", "13903990002", _in_market(Role.REVIEWER), "审查人员(市场监管局)"),
    AccountSpec("demo-decider", "孙卫东", "13903990003", _in_market(Role.DECIDER), "审批决定人(市场监管局)"),
    AccountSpec("demo-chief", "周海涛", "13903990004", _in_market(Role.CHIEF_REPRESENTATIVE), "首席代表(市场监管局)"),
    AccountSpec("demo-supervisor", "吴秀兰", "13903990005", _over_county(Role.SUPERVISOR), "电子监察人员"),
    AccountSpec("demo-listadmin", "郑国平", "13903990006", _over_county(Role.LIST_MANAGER), "清单管理人员"),
    AccountSpec("demo-inspector", "冯建军", "13903990007", _in_market(Role.INSPECTOR), "执法检查人员(市场监管局)"),
    AccountSpec("demo-deptadmin", "马丽", "13903990008", _in_market(Role.DEPARTMENT_ADMIN), "部门管理员(市场监管局)"),
    AccountSpec(
        "demo-reviewer2",
        "黄伟",
        "13903990009",
        (RoleSpec(Role.REVIEWER, department="health"),),
        "审查人员(卫生健康局,演示跨部门权限)",
    ),
]

USERNAMES = [spec.username for spec in ACCOUNTS]
