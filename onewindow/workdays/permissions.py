"""Who may maintain the working-day calendar."""

from onewindow.accounts.access import has_role
from onewindow.accounts.choices import Role


def can_enter_schedule(user: object) -> bool:
    """System administrators (and superusers) enter and remove the State Council arrangements."""
    return has_role(user, Role.SYSTEM_ADMIN)
