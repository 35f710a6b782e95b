"""Who may read the audit trail."""

from django.utils.translation import gettext as _

from onewindow.accounts.access import access_of, has_role
from onewindow.accounts.choices import Role
from onewindow.common.errors import Forbidden

# The whole trail spans every department, so only those who oversee the whole system read it:
# system administrators and the supervisors of 电子监察 (and superusers).
TRAIL_READER_ROLES = (Role.SYSTEM_ADMIN, Role.SUPERVISOR)


def can_read_trail(user: object) -> bool:
    """Whether `user` may browse and search the whole audit trail."""
    return has_role(user, *TRAIL_READER_ROLES)


def require_trail_reader(user: object) -> None:
    """Raise Forbidden unless `user` may browse the whole audit trail."""
    if not can_read_trail(user):
        raise Forbidden(_("只有系统管理员和电子监察人员可以查看审计日志。"), code="audit_forbidden")


def require_staff(user: object) -> None:
    """Raise Forbidden unless `user` is a staff member (applicants never see audit events)."""
    if not access_of(user).is_staff_member:
        raise Forbidden(_("只有工作人员可以查看审计记录。"), code="audit_forbidden")
