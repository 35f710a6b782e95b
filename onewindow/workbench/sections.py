"""The role sections of the workbench home: for each staff role, what it does and where to go.

`SECTIONS` is the one table; the home page shows a section for each role the user holds, with
the scopes (departments or regions) it is held in and the links the user may open.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from onewindow.accounts.choices import Role
from onewindow.accounts.models import RoleAssignment
from onewindow.accounts.selectors import role_assignments_of
from onewindow.workbench.navigation import (
    ADMIN,
    AUDIT,
    CASE_INTAKE,
    CASE_QUEUE,
    CASE_TASKS,
    CATALOG_METRICS,
    CATALOG_REQUESTS,
    CATALOG_SYNONYMS,
    CATALOG_THEMES,
    CATALOG_VERSIONS,
    COMPLAINT_HOTLINE,
    COMPLAINTS,
    ORGS,
    PROFILE,
    RATING_APPEALS,
    RATING_LIST,
    RATING_RECTIFICATIONS,
    SUPERVISION_ANOMALIES,
    SUPERVISION_BOARD,
    SUPERVISION_ORDERS,
    TOKENS,
    WINDOW_VISITS,
    WORKDAYS,
    Page,
)

SUPERUSER = "superuser"


@dataclass(frozen=True)
class SectionSpec:
    """What a role does and the pages it works with."""

    summary: str | Promise
    pages: tuple[Page, ...]


SECTIONS: dict[str, SectionSpec] = {
    Role.WINDOW_CLERK: SectionSpec(
        _("在服务大厅窗口接待申请人，收取材料：材料齐全的当场受理，不齐全的一次性告知需补正的全部内容，并统一出件。"),
        (CASE_INTAKE, CASE_QUEUE, WINDOW_VISITS, COMPLAINT_HOTLINE, ORGS),
    ),
    Role.REVIEWER: SectionSpec(
        _("对本部门受理的办件进行审查，在承诺时限内提出审查意见，需要现场核查或专家评审的依法办理。"),
        (CASE_TASKS, CASE_QUEUE, RATING_RECTIFICATIONS, ORGS),
    ),
    Role.DECIDER: SectionSpec(
        _("对审查完毕的办件作出准予或者不予许可的决定；确需延长期限的，依法报批并告知申请人。"),
        (CASE_TASKS, CASE_QUEUE, SUPERVISION_ORDERS, ORGS),
    ),
    Role.CHIEF_REPRESENTATIVE: SectionSpec(
        _("代表本部门进驻政务服务中心，对授权事项在窗口直接作出审批决定，协调本部门窗口工作。"),
        (
            CASE_INTAKE,
            CASE_TASKS,
            CASE_QUEUE,
            SUPERVISION_BOARD,
            SUPERVISION_ORDERS,
            RATING_RECTIFICATIONS,
            COMPLAINTS,
            WINDOW_VISITS,
            ORGS,
        ),
    ),
    Role.SUPERVISOR: SectionSpec(
        _("对办件时限实施电子监察，跟踪黄牌、红牌预警和督办，查阅审计日志。"),
        (
            SUPERVISION_BOARD,
            SUPERVISION_ORDERS,
            SUPERVISION_ANOMALIES,
            RATING_APPEALS,
            COMPLAINTS,
            COMPLAINT_HOTLINE,
            RATING_LIST,
            CASE_QUEUE,
            AUDIT,
            ORGS,
        ),
    ),
    Role.LIST_MANAGER: SectionSpec(
        _("维护权责清单和政务服务事项目录，审核并发布清单的新增、取消、下放和调整。"),
        (CATALOG_REQUESTS, CATALOG_VERSIONS, CATALOG_METRICS, CATALOG_THEMES, CATALOG_SYNONYMS, ORGS),
    ),
    Role.INSPECTOR: SectionSpec(
        _("参加“双随机、一公开”抽查，按计划实施检查并录入检查结果。"),
        (ORGS,),
    ),
    Role.DEPARTMENT_ADMIN: SectionSpec(
        _("管理本部门的内设机构、窗口人员和角色授权，起草本部门清单的变更申请，保持本部门信息准确。"),
        (
            ORGS,
            SUPERVISION_BOARD,
            SUPERVISION_ORDERS,
            RATING_RECTIFICATIONS,
            COMPLAINTS,
            CATALOG_REQUESTS,
            CATALOG_VERSIONS,
            CATALOG_METRICS,
            PROFILE,
        ),
    ),
    Role.SYSTEM_ADMIN: SectionSpec(
        _("维护组织机构、工作日历和系统账号，关注系统提醒，查阅审计日志。"),
        (ORGS, WORKDAYS, AUDIT, ADMIN),
    ),
    SUPERUSER: SectionSpec(
        _("超级用户拥有全部权限，可在系统管理中维护各类基础数据；日常工作请使用具体角色的账号。"),
        (ORGS, WORKDAYS, AUDIT, ADMIN, TOKENS),
    ),
}


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url: str


@dataclass(frozen=True)
class Section:
    """A role section as shown: the role, where it is held, what it does, where to go."""

    key: str
    title: str | Promise
    scopes: list[str]
    summary: str | Promise
    links: list[Link]


def sections_for(user: Any) -> list[Section]:
    """One section per staff role `user` holds (in the order of `Role`), then superuser."""
    scopes: dict[str, list[str]] = {}
    for assignment in role_assignments_of(user=user, subject=user):
        if assignment.role in SECTIONS:
            scopes.setdefault(assignment.role, []).append(_scope_label(assignment))
    sections = [_section(user, role.value, role.label, scopes[role.value]) for role in Role if role.value in scopes]
    if user.is_superuser:
        sections.append(_section(user, SUPERUSER, _("超级用户"), []))
    return sections


def _section(user: Any, key: str, title: str | Promise, scopes: list[str]) -> Section:
    spec = SECTIONS[key]
    links = [Link(label=page.label, url=page.url) for page in spec.pages if page.allowed(user)]
    return Section(key=key, title=title, scopes=scopes, summary=spec.summary, links=links)


def _scope_label(assignment: RoleAssignment) -> str:
    """`市场监督管理局`, `示范县`, or with a window: `示范县 · 示范县政务服务中心 A01窗口`."""
    holder = assignment.department or assignment.region
    scope = holder.name if holder is not None else ""
    if assignment.window is not None:
        window = _("%(hall)s %(number)s窗口") % {"hall": assignment.window.hall.name, "number": assignment.window.number}
        return f"{scope} · {window}"
    return scope
