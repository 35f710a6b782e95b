"""Template tags of the portal layout: the site's name and main hall, and who is staff."""

from django import template

from onewindow.accounts.access import access_of
from onewindow.portal import selectors

register = template.Library()


@register.simple_tag
def portal_site() -> selectors.PortalSite:
    """`{% portal_site as site %}`: the portal's name and main hall (one query)."""
    return selectors.portal_site()


@register.filter
def is_staff_member(user: object) -> bool:
    """`{% if user|is_staff_member %}`: the user holds a staff role (or is a superuser)."""
    return access_of(user).is_staff_member
