"""Reads of users, role assignments and API tokens, always through `visible_to(user)`."""

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from onewindow.accounts.models import ApiToken, RoleAssignment, User
from onewindow.common.errors import NotFound
from onewindow.common.pagination import Page, paginate


def user_list(*, user: Any, q: str | None = None, cursor: str | None = None, limit: int | None = None) -> Page[User]:
    """The users `user` may see, by username; `q` matches username, name, phone or a whole ID number."""
    users = User.objects.visible_to(user)
    text = (q or "").strip()
    if text:
        users = users.filter(
            Q(username__icontains=text)
            | Q(real_name__icontains=text)
            | Q(phone=text)
            | Q(id_number=text.upper())
            | Q(enterprise_name__icontains=text)
        )
    return paginate(users, ordering=("username", "id"), cursor=cursor, limit=limit)


def user_get(*, user: Any, pk: Any) -> User:
    """One user `user` may see, or NotFound."""
    found = User.objects.visible_to(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if found is None:
        raise NotFound(_not_found())
    return found


def role_assignments_of(*, user: Any, subject: User) -> list[RoleAssignment]:
    """`subject`'s role assignments as `user` may see them, with their scopes loaded."""
    assignments = RoleAssignment.objects.visible_to(user).filter(user=subject)
    return list(assignments.select_related("department", "region", "window__hall").order_by("role", "id"))


def token_list(*, user: Any, cursor: str | None = None, limit: int | None = None) -> Page[ApiToken]:
    """The user's own API tokens, newest first."""
    return paginate(ApiToken.objects.visible_to(user), ordering=("-created_at", "-id"), cursor=cursor, limit=limit)


def token_get(*, user: Any, pk: Any) -> ApiToken:
    """One of the user's own tokens, or NotFound (another user's token is not found either)."""
    found = ApiToken.objects.visible_to(user).select_related("user").filter(pk=pk).first() if str(pk).isdigit() else None
    if found is None:
        raise NotFound(_not_found())
    return found


def _not_found() -> str:
    return _("未找到,或无权查看。")
