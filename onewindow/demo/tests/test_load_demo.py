import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from onewindow.accounts.models import RoleAssignment, User
from onewindow.audit.models import AuditEvent
from onewindow.demo import loader
from onewindow.demo.county import DEPARTMENTS
from onewindow.demo.halls import HALLS
from onewindow.orgs.choices import HallKind, RegionLevel, WindowKind
from onewindow.orgs.models import Department, Region, ServiceHall, Unit, Window

MODELS = (Region, Department, Unit, ServiceHall, Window, User, RoleAssignment, AuditEvent)


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def _run(*args):
    from io import StringIO

    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_the_county_is_loaded_with_its_towns_departments_halls_and_windows():
    output = _run()
    county = Region.objects.get(code="990123")
    assert (county.name, county.parent.name, county.parent.parent.name) == ("示范县", "示范市", "示范省")
    assert Region.objects.filter(level=RegionLevel.TOWNSHIP, parent=county).count() == 10
    for town in Region.objects.filter(level=RegionLevel.TOWNSHIP):
        assert 2 <= town.children.count() <= 4
    departments = Department.objects.filter(region=county)
    assert departments.count() == len(DEPARTMENTS) >= 25
    market = departments.get(name="示范县市场监督管理局")
    assert list(market.units.values_list("name", flat=True)) == [
        "办公室",
        "登记注册科",
        "食品经营监管股",
        "药品医疗器械监管股",
        "行政审批科",
        "执法大队",
    ]
    assert all(2 <= department.units.count() <= 6 for department in departments)
    assert ServiceHall.objects.filter(kind=HallKind.TOWNSHIP).count() == 10
    center = ServiceHall.objects.get(kind=HallKind.CENTER)
    assert center.children.filter(kind=HallKind.SUB_CENTER).count() == 3
    comprehensive = center.windows.filter(kind=WindowKind.COMPREHENSIVE).values_list("number", flat=True)
    assert list(comprehensive) == [f"A{n:02d}" for n in range(1, 11)]
    assert center.windows.filter(kind=WindowKind.DELIVERY).exists()
    assert ServiceHall.objects.count() == len(HALLS)
    assert "示范县演示数据已加载" in output
    # every row went through a service, which audited it
    assert AuditEvent.objects.filter(action="orgs.department.create").count() == Department.objects.count()
    assert AuditEvent.objects.filter(action="orgs.window.create").count() == Window.objects.count()
    assert AuditEvent.objects.filter(action="accounts.role.grant").count() == RoleAssignment.objects.count()


@pytest.mark.django_db
def test_loading_twice_changes_nothing_and_writes_no_audit_event():
    _run()
    first = _counts()
    stamps = list(Window.objects.order_by("pk").values_list("updated_at", flat=True))
    output = _run()
    assert _counts() == first
    assert list(Window.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps
    assert "示范县演示数据已是最新,未做改动。" in output


@pytest.mark.django_db
def test_a_rerun_repairs_what_was_changed(department):
    _run()
    assert Region.objects.filter(code="990123").count() == 1  # the tests' county was adopted, not duplicated
    market = Department.objects.get(name="示范县市场监督管理局")
    market.phone = "0399-0000000"
    market.save()
    clerk = User.objects.get(username="demo-clerk")
    clerk.set_password("something-else-entirely")
    clerk.save()
    clerk.role_assignments.all().delete()
    events = AuditEvent.objects.count()
    _run()
    market.refresh_from_db()
    assert market.phone == "0399-6612315"
    clerk.refresh_from_db()
    assert clerk.check_password("onewindow-demo")
    assert clerk.role_assignments.get().window.number == "A01"
    new_actions = set(AuditEvent.objects.filter(seq__gt=events).values_list("action", flat=True))
    assert new_actions == {"orgs.department.update", "accounts.user.set_password", "accounts.role.grant"}


@pytest.mark.django_db
def test_if_empty_does_nothing_once_the_county_exists():
    assert "已加载" in _run("--if-empty")
    market = Department.objects.get(name="示范县市场监督管理局")
    market.phone = "0399-0000000"
    market.save()
    counts = _counts()
    assert "示范县演示数据已存在,未做改动。" in _run("--if-empty")
    assert _counts() == counts
    market.refresh_from_db()
    assert market.phone == "0399-0000000"


@pytest.mark.django_db
@override_settings(IS_PRODUCTION=True)
def test_it_refuses_to_run_in_production():
    with pytest.raises(CommandError, match="生产环境"):
        _run()
    with pytest.raises(CommandError, match="生产环境"):
        _run("--if-empty")
    assert not Region.objects.exists()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_failing_step_leaves_nothing_behind(monkeypatch):
    def broken(load):
        raise loader.account_services.InvalidInput("演示密码太弱。", code="password")

    monkeypatch.setattr(loader, "STEPS", [loader.load_regions, broken])
    with pytest.raises(CommandError, match="演示密码太弱。"):
        _run()
    assert not Region.objects.exists()


@pytest.mark.django_db
def test_later_apps_extend_the_load_with_steps(monkeypatch):
    seen = {}

    def load_extra(load):
        seen["market"] = load.departments["market"].name
        seen["clerk"] = load.users["demo-clerk"].username
        load.count("示例", "created")

    monkeypatch.setattr(loader, "STEPS", [*loader.STEPS, load_extra])
    output = _run()
    assert seen == {"market": "示范县市场监督管理局", "clerk": "demo-clerk"}
    assert "示例:新增 1" in output
