import pytest

from onewindow.accounts.choices import Role
from onewindow.audit.models import AuditEvent
from onewindow.common.errors import Forbidden, InvalidInput
from onewindow.orgs.choices import RegionLevel
from onewindow.orgs.models import Region
from onewindow.orgs.services import region_create, region_update
from onewindow.orgs.tests.factories import TownshipFactory


def _create(actor, **fields):
    return region_create(actor=actor, **{"code": "990123001", "name": "城关镇", "level": RegionLevel.TOWNSHIP, **fields})


def test_system_admin_adds_a_township_and_it_is_audited(system_admin, county):
    town = _create(system_admin, parent=county)
    assert town.parent == county
    assert town.prefix == "990123001"
    event = AuditEvent.objects.get(action="orgs.region.create")
    assert event.actor == system_admin
    assert event.after["code"] == "990123001"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"code": "99012301"}, "code", "乡级区划代码应为9位数字。"),
        ({"code": "99012300A"}, "code", "乡级区划代码应为9位数字。"),
        ({"code": "990124001"}, "code", "区划代码应以上级区划的代码前缀 990123 开头。"),
        ({"code": "990123001001", "level": RegionLevel.VILLAGE}, "parent", "村级区划的上级应为乡级。"),
        ({"level": "district"}, "level", "区划层级无效。"),
    ],
)
def test_bad_codes_are_refused_with_a_chinese_message_and_nothing_is_written(system_admin, county, fields, field, message):
    before = Region.objects.count()
    with pytest.raises(InvalidInput) as caught:
        _create(system_admin, parent=county, **fields)
    assert caught.value.details[field] == [message]
    assert message in caught.value.message
    assert Region.objects.count() == before
    assert not AuditEvent.objects.exists()


def test_a_county_code_must_end_in_its_zeros_and_have_a_parent(make_staff, county):
    superuser = make_staff(Role.SYSTEM_ADMIN, region=county, is_superuser=True)
    with pytest.raises(InvalidInput) as caught:
        region_create(actor=superuser, code="990101", name="示范市", level=RegionLevel.CITY, parent=county.parent.parent)
    assert caught.value.details == {"code": ["市级区划代码后2位应为0。"]}
    with pytest.raises(InvalidInput) as caught:
        region_create(actor=superuser, code="990125", name="无上级县", level=RegionLevel.COUNTY)
    assert caught.value.details == {"parent": ["县级区划必须指定上级区划。"]}


def test_a_duplicate_code_is_refused(system_admin, county):
    TownshipFactory(parent=county, code="990123001")
    with pytest.raises(InvalidInput) as caught:
        _create(system_admin, parent=county)
    assert caught.value.details == {"code": ["该区划代码已存在。"]}


def test_the_system_admin_of_another_county_may_not_add_regions_here(make_staff, county, other_county):
    neighbour_admin = make_staff(Role.SYSTEM_ADMIN, region=other_county)
    with pytest.raises(Forbidden):
        _create(neighbour_admin, parent=county)
    assert not Region.objects.filter(code="990123001").exists()


def test_department_staff_and_non_superusers_may_not_add_regions(reviewer, system_admin, county):
    with pytest.raises(Forbidden):
        _create(reviewer, parent=county)
    with pytest.raises(Forbidden):  # a province has no parent: only a superuser adds one
        region_create(actor=system_admin, code="980000", name="另一省", level=RegionLevel.PROVINCE)


def test_rename_is_audited_once_and_a_repeat_writes_nothing(system_admin, county):
    town = TownshipFactory(parent=county, code="990123001", name="城关乡")
    region_update(actor=system_admin, region=town, name="城关镇")
    region_update(actor=system_admin, region=town, name="城关镇")
    town.refresh_from_db()
    assert town.name == "城关镇"
    event = AuditEvent.objects.get()
    assert (event.action, event.before, event.after) == ("orgs.region.update", {"name": "城关乡"}, {"name": "城关镇"})


def test_the_county_admin_may_not_rename_the_county_itself(system_admin, county):
    with pytest.raises(Forbidden):
        region_update(actor=system_admin, region=county, name="改名县")
