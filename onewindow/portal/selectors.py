"""Reads of the public portal: the service halls and departments as the public sees them.

Halls, windows and departments are public information (the places, hours and phones people
need to get a matter done). The portal shows every visitor what an anonymous visitor sees
(`visible_to` an anonymous user: active records only), so an administrator browsing the
portal sees the public page, not their inactive records.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.utils.translation import gettext as _

from onewindow.orgs.choices import HallKind
from onewindow.orgs.models import Department, ServiceHall, Window

PUBLIC = AnonymousUser()

# The county's main center first, then sub-centers, township centers, village points.
_HALL_KIND_RANK = Case(
    *(When(kind=kind, then=Value(rank)) for rank, kind in enumerate(HallKind.values)),
    default=Value(len(HallKind.values)),
    output_field=IntegerField(),
)


@dataclass(frozen=True)
class PortalSite:
    """The portal's name and the main hall whose hours and phone the footer shows."""

    name: str
    main_hall: ServiceHall | None


def public_halls() -> QuerySet[ServiceHall]:
    """Active halls, the main center first, with their region."""
    return (
        ServiceHall.objects.visible_to(PUBLIC)
        .select_related("region")
        .annotate(kind_rank=_HALL_KIND_RANK)
        .order_by("kind_rank", "region__code", "id")
    )


def public_halls_with_windows() -> QuerySet[ServiceHall]:
    """Active halls with their active windows (and each window's department) prefetched."""
    windows = Window.objects.visible_to(PUBLIC).select_related("department").order_by("number", "id")
    return public_halls().prefetch_related(Prefetch("windows", queryset=windows, to_attr="open_windows"))


def public_departments() -> QuerySet[Department]:
    """Active departments with their region, in the published order."""
    return Department.objects.visible_to(PUBLIC).select_related("region").order_by("region__code", "sort_order", "id")


def portal_site() -> PortalSite:
    """`示范县政务服务网` from the main center's region; plain `政务服务网` on a fresh install."""
    main_hall = public_halls().filter(kind=HallKind.CENTER).first()
    if main_hall is None:
        return PortalSite(name=_("政务服务网"), main_hall=None)
    return PortalSite(name=_("%(region)s政务服务网") % {"region": main_hall.region.name}, main_hall=main_hall)
