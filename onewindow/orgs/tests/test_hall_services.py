import pytest

from onewindow.accounts.choices import Role
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Forbidden, InvalidInput
from onewindow.orgs.choices import HallKind
from onewindow.orgs.services import hall_create, hall_update
from onewindow.orgs.tests.factories import ServiceHallFactory, TownshipFactory

HOURS = "周一至周五 上午9:00-12:00 下午13:30-17:30"


def _create(actor, region, **fields):
    values = {"name": "示范县政务服务中心", "kind": HallKind.CENTER, "address": "示范县迎宾大道88号", "hours": HOURS}
    return hall_create(actor=actor, region=region, **{**values, **fields})


def test_system_admin_opens_the_center_and_a_township_center_below_it(system_admin, county):
    center = _create(system_admin, county)
    town = TownshipFactory(parent=county, code="990123001", name="城关镇")
    township = _create(system_admin, town, name="城关镇便民服务中心", kind=HallKind.TOWNSHIP, parent=center)
    assert township.parent == center
    assert list(AuditEvent.objects.order_by("seq").values_list("action", flat=True)) == ["orgs.hall.create"] * 2


def test_hall_kind_and_parent_must_fit(system_admin, county):
    center = ServiceHallFactory(region=county)
    cases = [
        ({"kind": HallKind.TOWNSHIP}, {"region": ["乡镇便民服务中心应设在乡级区划。"]}),
        ({"kind": HallKind.SUB_CENTER}, {"parent": ["分中心必须指定所属的政务服务中心。"]}),
        ({"parent": center}, {"parent": ["政务服务中心没有上级中心。"]}),
    ]
    for fields, details in cases:
        with pytest.raises(InvalidInput) as caught:
            _create(system_admin, county, **fields)
        assert caught.value.details == details


def test_a_parent_hall_in_another_county_is_refused(system_admin, county, other_county):
    foreign_center = ServiceHallFactory(region=other_county)
    with pytest.raises(InvalidInput) as caught:
        _create(system_admin, county, name="分中心", kind=HallKind.SUB_CENTER, parent=foreign_center)
    assert caught.value.details == {"parent": ["上级中心应位于本大厅所在区划或其上级区划。"]}


def test_the_system_admin_of_another_county_may_not_open_or_change_halls(make_staff, county, other_county):
    neighbour_admin = make_staff(Role.SYSTEM_ADMIN, region=other_county)
    with pytest.raises(Forbidden):
        _create(neighbour_admin, county)
    with pytest.raises(Forbidden):
        hall_update(actor=neighbour_admin, hall=ServiceHallFactory(region=county), hours="全天")


def test_update_changes_hours_and_audits_the_difference(system_admin, county):
    hall = ServiceHallFactory(region=county)
    hall_update(actor=system_admin, hall=hall, hours=HOURS, address=hall.address)
    event = AuditEvent.objects.get()
    assert event.after == {"hours": HOURS}
