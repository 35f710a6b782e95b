"""Factories for regions, departments, units, halls and windows (a fictional 示范省)."""

import factory
from factory.django import DjangoModelFactory
from stdnum.cn import uscc

from onewindow.orgs.choices import HallKind, RegionLevel, WindowKind
from onewindow.orgs.models import Department, Region, ServiceHall, Unit, Window


def make_uscc(region_code: str, serial: int, org_type: str = "11") -> str:
    """A valid 统一社会信用代码 for a government body (登记管理部门 1, 机关 1) in `region_code`."""
    base = f"{org_type}{region_code[:6]}MB{serial:07d}"
    return base + uscc.calc_check_digit(base)


class ProvinceFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "990000"
    name = "示范省"
    level = RegionLevel.PROVINCE
    parent = None


class CityFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = "990100"
    name = "示范市"
    level = RegionLevel.CITY
    parent = factory.SubFactory(ProvinceFactory)


class CountyFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"9901{n % 89 + 10:02d}")
    name = factory.Sequence(lambda n: f"测试县{n}")
    level = RegionLevel.COUNTY
    parent = factory.SubFactory(CityFactory)


class TownshipFactory(DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    parent = factory.SubFactory(CountyFactory)
    code = factory.Sequence(lambda n: n)  # replaced in _adjust_kwargs
    name = factory.Sequence(lambda n: f"测试镇{n}")
    level = RegionLevel.TOWNSHIP

    @classmethod
    def _adjust_kwargs(cls, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(kwargs["code"], int):
            kwargs["code"] = f"{kwargs['parent'].code}{kwargs['code'] % 999 + 1:03d}"
        return kwargs


class DepartmentFactory(DjangoModelFactory):
    class Meta:
        model = Department

    region = factory.SubFactory(CountyFactory)
    name = factory.Sequence(lambda n: f"测试局{n}")
    uscc = factory.LazyAttributeSequence(lambda o, n: make_uscc(o.region.code, n + 1))


class UnitFactory(DjangoModelFactory):
    class Meta:
        model = Unit

    department = factory.SubFactory(DepartmentFactory)
    name = factory.Sequence(lambda n: f"审批科{n}")


class ServiceHallFactory(DjangoModelFactory):
    class Meta:
        model = ServiceHall

    region = factory.SubFactory(CountyFactory)
    name = factory.Sequence(lambda n: f"测试政务服务中心{n}")
    kind = HallKind.CENTER
    address = "示范路1号"
    hours = "周一至周五 9:00-12:00 13:30-17:00"


class WindowFactory(DjangoModelFactory):
    class Meta:
        model = Window

    hall = factory.SubFactory(ServiceHallFactory)
    number = factory.Sequence(lambda n: f"A{n:02d}")
    name = "综合受理窗口"
    kind = WindowKind.COMPREHENSIVE
