"""`{% load notifications %}{% unread_messages_count as count %}`: the header's unread-message badge."""

from typing import Any

from django import template

from onewindow.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_messages_count(context: dict[str, Any]) -> int:
    """The current user's unread in-site messages (0 for a visitor, without a query)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if not getattr(user, "is_authenticated", False):
        return 0
    return unread_count(user=user)
