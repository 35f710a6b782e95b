from django.db import models


class Role(models.TextChoices):
    """What a user may do; an assignment scopes it to a department or a region."""

    APPLICANT = "applicant", "申请人"
    WINDOW_CLERK = "window_clerk", "窗口受理人员"
    REVIEWER = "reviewer", "审查人员"
    DECIDER = "decider", "审批决定人"
    CHIEF_REPRESENTATIVE = "chief_representative", "首席代表"
    SUPERVISOR = "supervisor", "电子监察人员"
    LIST_MANAGER = "list_manager", "清单管理人员"
    INSPECTOR = "inspector", "执法检查人员"
    DEPARTMENT_ADMIN = "department_admin", "部门管理员"
    SYSTEM_ADMIN = "system_admin", "系统管理员"


# Roles whose scope is a department (their work is that department's); the others are scoped to
# a region (their work spans the departments of that region and below it).
DEPARTMENT_ROLES = frozenset({Role.REVIEWER, Role.DECIDER, Role.CHIEF_REPRESENTATIVE, Role.INSPECTOR, Role.DEPARTMENT_ADMIN})
REGION_ROLES = frozenset({Role.WINDOW_CLERK, Role.SUPERVISOR, Role.LIST_MANAGER, Role.SYSTEM_ADMIN})
STAFF_ROLES = DEPARTMENT_ROLES | REGION_ROLES


class ApplicantKind(models.TextChoices):
    PERSON = "person", "自然人"
    ENTERPRISE = "enterprise", "法人"
