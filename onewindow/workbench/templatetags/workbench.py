"""Template tags of the workbench layout: the side navigation and the user's role labels."""

from typing import Any

from django import template

from onewindow.workbench import navigation

register = template.Library()


@register.inclusion_tag("workbench/_nav.html", takes_context=True)
def workbench_nav(context: template.Context) -> dict[str, Any]:
    """`{% workbench_nav %}`: the pages the user may open, grouped, the current one marked."""
    request = context["request"]
    return {"groups": navigation.navigation_for(request.user, request.path)}


@register.simple_tag
def staff_role_labels(user: Any) -> list[str]:
    """`{% staff_role_labels user as roles %}`: the user's staff role labels."""
    return navigation.role_labels(user)
