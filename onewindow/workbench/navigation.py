"""The workbench's pages and who may open them: the one list the navigation and the home page use.

Each `Page` names a page that exists, its label and who may open it (the owning app's own
permission function where it has one); the side navigation shows the pages the user's roles
allow, and the home page's role sections link to them.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from onewindow.accounts.access import access_of
from onewindow.accounts.choices import Role
from onewindow.accounts.decorators import is_staff_member
from onewindow.audit.permissions import can_read_trail
from onewindow.cases.permissions import may_intake
from onewindow.catalog.metrics import can_view_metrics
from onewindow.catalog.permissions import may_export, may_import, may_maintain_reference_data, may_open_change_requests
from onewindow.ratings.permissions import (
    may_enter_hotline,
    may_open_appeals,
    may_open_complaints,
    may_open_rectifications,
    may_open_visits,
)
from onewindow.supervision.permissions import is_supervisor
from onewindow.supervision.statistics.selectors import may_view_statistics
from onewindow.workdays.permissions import can_enter_schedule


def may_open_admin(user: Any) -> bool:
    """Django's admin site admits active users with `is_staff` (superusers included)."""
    return bool(getattr(user, "is_active", False) and (user.is_staff or user.is_superuser))


@dataclass(frozen=True)
class Page:
    """A workbench page: label, URL name, who may open it, and its navigation group."""

    label: str | Promise
    url_name: str
    allowed: Callable[[Any], bool]
    group: str = "work"
    exact: bool = False  # current only on its own URL, not on pages below it

    @property
    def url(self) -> str:
        return reverse(self.url_name)


HOME = Page(_("工作台首页"), "workbench:home", is_staff_member, exact=True)
CATALOG_REQUESTS = Page(_("清单变更"), "catalog:cr_list", may_open_change_requests)
CATALOG_VERSIONS = Page(_("清单版本"), "catalog:versions", is_staff_member)
CATALOG_METRICS = Page(_("清单指标"), "catalog:metrics", can_view_metrics)
CATALOG_THEMES = Page(_("事项主题"), "catalog:theme_list", may_maintain_reference_data)
CATALOG_SYNONYMS = Page(_("搜索同义词"), "catalog:synonym_list", may_maintain_reference_data)
CATALOG_EXPORT = Page(_("导出清单Excel"), "catalog:excel_export", may_export)
CATALOG_IMPORT = Page(_("导入清单Excel"), "catalog:excel_import", may_import)
CASE_QUEUE = Page(_("办件队列"), "cases:queue", is_staff_member, exact=True)
CASE_TASKS = Page(_("我的环节任务"), "cases:task_queue", is_staff_member)
CASE_INTAKE = Page(_("窗口收件"), "cases:intake", may_intake)
SUPERVISION_BOARD = Page(_("电子监察"), "supervision:board", is_staff_member, exact=True)
SUPERVISION_ORDERS = Page(_("督办单"), "supervision:orders", is_staff_member)
SUPERVISION_ANOMALIES = Page(_("异常监测"), "supervision:anomalies", is_supervisor)
SUPERVISION_STATISTICS = Page(_("统计分析"), "statistics:overview", may_view_statistics)
RATING_RECTIFICATIONS = Page(_("差评整改"), "ratings:rectifications", may_open_rectifications, exact=True)
RATING_APPEALS = Page(_("申诉复核"), "ratings:appeals", may_open_appeals)
RATING_LIST = Page(_("全部评价"), "ratings:ratings", may_open_rectifications)
COMPLAINTS = Page(_("投诉处理"), "ratings:complaints", may_open_complaints, exact=True)
COMPLAINT_HOTLINE = Page(_("登记热线投诉"), "ratings:hotline", may_enter_hotline)
WINDOW_VISITS = Page(_("窗口评价"), "ratings:visits", may_open_visits)
ORGS = Page(_("组织机构"), "orgs:index", is_staff_member)
AUDIT = Page(_("审计日志"), "audit:index", can_read_trail)
WORKDAYS = Page(_("工作日历"), "workdays:index", can_enter_schedule)
TOKENS = Page(_("API令牌"), "accounts:tokens", is_staff_member, group="account")
PROFILE = Page(_("个人信息"), "accounts:profile", is_staff_member, group="account")
ADMIN = Page(_("系统管理"), "admin:index", may_open_admin, group="admin")

PAGES: tuple[Page, ...] = (
    HOME,
    CASE_QUEUE,
    CASE_TASKS,
    CASE_INTAKE,
    SUPERVISION_BOARD,
    SUPERVISION_ORDERS,
    SUPERVISION_ANOMALIES,
    SUPERVISION_STATISTICS,
    RATING_RECTIFICATIONS,
    RATING_APPEALS,
    RATING_LIST,
    COMPLAINTS,
    COMPLAINT_HOTLINE,
    WINDOW_VISITS,
    CATALOG_REQUESTS,
    CATALOG_VERSIONS,
    CATALOG_METRICS,
    CATALOG_THEMES,
    CATALOG_SYNONYMS,
    CATALOG_EXPORT,
    CATALOG_IMPORT,
    ORGS,
    AUDIT,
    WORKDAYS,
    TOKENS,
    PROFILE,
    ADMIN,
)


@dataclass(frozen=True)
class NavLink:
    """One link as shown in the navigation."""

    label: str | Promise
    url: str
    current: bool


def navigation_for(user: Any, path: str) -> list[list[NavLink]]:
    """The pages `user` may open, in groups, marking the one `path` is on."""
    groups: dict[str, list[NavLink]] = {}
    for page in PAGES:
        if not page.allowed(user):
            continue
        url = page.url
        current = path == url if page.exact else path.startswith(url)
        groups.setdefault(page.group, []).append(NavLink(label=page.label, url=url, current=current))
    return list(groups.values())


def role_labels(user: Any) -> list[str]:
    """The labels of the staff roles `user` holds, in the order of `Role`; superusers say so."""
    access = access_of(user)
    labels = [str(role.label) for role in Role if role != Role.APPLICANT and role.value in access.roles]
    if access.is_superuser and not labels:
        labels.append(str(_("超级用户")))
    return labels
