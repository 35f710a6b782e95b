"""Loads the demo county (示范县) through the orgs and accounts services.

The load is a sequence of steps, each bringing one part of the demo up to date: it looks rows
up by their natural keys (region code, department name, hall name, window number, username),
creates what is missing and updates what differs, so running it again changes nothing and
writes no audit event. Later apps add their parts by appending a step to `STEPS`; a step gets
the `DemoLoad` holding everything loaded before it (e.g. `load.departments["market"]`).
Writes are made as the system (`actor=None`), except account changes, which the accounts
services accept only from an administrator: they are made as `demo-admin`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings
from django.db import models, transaction

from onewindow.accounts import services as account_services
from onewindow.accounts.access import forget_access
from onewindow.accounts.models import RoleAssignment, User
from onewindow.audit.services import audit_record, audit_snapshot
from onewindow.demo.accounts import ACCOUNTS, AccountSpec
from onewindow.demo.county import CITY, COUNTY, COUNTY_CODE, DEPARTMENTS, PROVINCE, TOWNSHIPS, DepartmentSpec, UnitSpec
from onewindow.demo.halls import HALLS, HallSpec, WindowSpec
from onewindow.orgs import services as org_services
from onewindow.orgs.choices import RegionLevel
from onewindow.orgs.models import Department, Region, ServiceHall, Unit, Window

M = TypeVar("M", bound=models.Model)


@dataclass
class Tally:
    """How many rows of one kind a load created, updated, or found already up to date."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class DemoLoad:
    """What the steps have loaded so far, by natural key, and the tallies per kind of row."""

    regions: dict[str, Region] = field(default_factory=dict)
    departments: dict[str, Department] = field(default_factory=dict)
    halls: dict[str, ServiceHall] = field(default_factory=dict)
    windows: dict[tuple[str, str], Window] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    tallies: dict[str, Tally] = field(default_factory=dict)

    def count(self, kind: str, outcome: str) -> None:
        tally = self.tallies.setdefault(kind, Tally())
        setattr(tally, outcome, getattr(tally, outcome) + 1)

    @property
    def changed(self) -> bool:
        return any(tally.created or tally.updated for tally in self.tallies.values())


def _sync(load: DemoLoad, kind: str, existing: M | None, create: Callable[[], M], update: Callable[[M], M]) -> M:
    """Create the row when missing, else update it (the update services write only real changes)."""
    if existing is None:
        load.count(kind, "created")
        return create()
    stamp = existing.updated_at  # type: ignore[attr-defined]
    saved = update(existing)
    load.count(kind, "updated" if saved.updated_at != stamp else "unchanged")  # type: ignore[attr-defined]
    return saved


# Regions -------------------------------------------------------------------------------------


def load_regions(load: DemoLoad) -> None:
    """示范省 / 示范市 / 示范县 and the county's towns, villages and communities."""
    province = _region(load, *PROVINCE, RegionLevel.PROVINCE, None)
    city = _region(load, *CITY, RegionLevel.CITY, province)
    county = _region(load, *COUNTY, RegionLevel.COUNTY, city)
    for town_code, town_name, villages in TOWNSHIPS:
        town = _region(load, town_code, town_name, RegionLevel.TOWNSHIP, county)
        for suffix, village_name in villages:
            _region(load, f"{town_code}{suffix}", village_name, RegionLevel.VILLAGE, town)


def _region(load: DemoLoad, code: str, name: str, level: RegionLevel, parent: Region | None) -> Region:
    region = _sync(
        load,
        "行政区划",
        Region.objects.filter(code=code).first(),
        lambda: org_services.region_create(actor=None, code=code, name=name, level=level, parent=parent),
        lambda existing: org_services.region_update(actor=None, region=existing, name=name),
    )
    load.regions[code] = region
    return region


# Departments and units -------------------------------------------------------------------------


def load_departments(load: DemoLoad) -> None:
    """The county's departments in their published order, each with its units."""
    county = load.regions[COUNTY_CODE]
    for position, spec in enumerate(DEPARTMENTS, start=1):
        load.departments[spec.key] = department = _department(load, county, spec, sort_order=position * 10)
        for index, unit in enumerate(spec.units, start=1):
            _unit(load, department, unit, sort_order=index * 10)


def _unit(load: DemoLoad, department: Department, spec: UnitSpec, *, sort_order: int) -> Unit:
    return _sync(
        load,
        "内设机构",
        Unit.objects.filter(department=department, name=spec.name).first(),
        lambda: org_services.unit_create(actor=None, department=department, name=spec.name, duties=spec.duties, sort_order=sort_order),
        lambda existing: org_services.unit_update(actor=None, unit=existing, duties=spec.duties, sort_order=sort_order),
    )


def _department(load: DemoLoad, county: Region, spec: DepartmentSpec, *, sort_order: int) -> Department:
    particulars: dict[str, Any] = {
        "uscc": spec.uscc,
        "short_name": spec.short_name,
        "phone": spec.phone,
        "address": spec.address,
        "sort_order": sort_order,
        "is_active": True,
    }
    return _sync(
        load,
        "部门",
        Department.objects.filter(region=county, name=spec.name).first(),
        lambda: org_services.department_create(actor=None, region=county, name=spec.name, **particulars),
        lambda existing: org_services.department_update(actor=None, department=existing, **particulars),
    )


# Halls and windows -----------------------------------------------------------------------------


def load_halls(load: DemoLoad) -> None:
    """The county center, its sub-centers, the township centers and village points, with their windows."""
    for spec in HALLS:
        load.halls[spec.key] = hall = _hall(load, spec)
        for window in spec.windows:
            load.windows[(spec.key, window.number)] = _window(load, hall, window)


def _window(load: DemoLoad, hall: ServiceHall, spec: WindowSpec) -> Window:
    department = load.departments[spec.department] if spec.department else None
    fields: dict[str, Any] = {"name": spec.name, "kind": spec.kind, "department": department, "is_active": True}
    return _sync(
        load,
        "窗口",
        Window.objects.filter(hall=hall, number=spec.number).first(),
        lambda: org_services.window_create(actor=None, hall=hall, number=spec.number, **fields),
        lambda existing: org_services.window_update(actor=None, window=existing, **fields),
    )


def _hall(load: DemoLoad, spec: HallSpec) -> ServiceHall:
    region = load.regions[spec.region_code]
    particulars: dict[str, Any] = {"address": spec.address, "hours": spec.hours, "phone": spec.phone, "is_active": True}
    return _sync(
        load,
        "服务大厅",
        ServiceHall.objects.filter(region=region, name=spec.name).first(),
        lambda: org_services.hall_create(
            actor=None,
            region=region,
            name=spec.name,
            kind=spec.kind,
            parent=load.halls[spec.parent] if spec.parent else None,
            **particulars,
        ),
        lambda existing: org_services.hall_update(actor=None, hall=existing, **particulars),
    )


# Accounts ------------------------------------------------------------------------------------


def load_accounts(load: DemoLoad) -> None:
    """One account per role; `demo-admin` (a superuser) first, as the others are written in its name."""
    admin_spec = next(spec for spec in ACCOUNTS if spec.superuser)
    admin = User.objects.filter(username=admin_spec.username).first()
    admin_created = admin is None
    if admin is None:
        admin = _create_user(admin_spec)
    _make_superuser(admin)
    for spec in ACCOUNTS:
        load.users[spec.username] = _account(load, spec, admin, created=admin_created and spec is admin_spec)


def _profile(spec: AccountSpec) -> dict[str, str]:
    return {
        "real_name": spec.real_name,
        "phone": spec.phone,
        "id_number": spec.id_number,
        "applicant_kind": spec.applicant_kind,
        "enterprise_name": spec.enterprise_name,
        "uscc": spec.uscc,
    }


def _create_user(spec: AccountSpec) -> User:
    return account_services.user_create(actor=None, username=spec.username, password=settings.DEMO_PASSWORD, **_profile(spec))


def _make_superuser(admin: User) -> None:
    """The demo administrator may use the Django admin; no accounts service grants that, so it is done (and audited) here."""
    if admin.is_active and admin.is_staff and admin.is_superuser:
        return
    fields = ["is_active", "is_staff", "is_superuser"]
    before = audit_snapshot(admin, fields=fields)
    admin.is_active = admin.is_staff = admin.is_superuser = True
    admin.save(update_fields=fields)
    forget_access(admin)
    audit_record(actor=None, action="demo.user.make_superuser", obj=admin, before=before, after=audit_snapshot(admin, fields=fields))


def _account(load: DemoLoad, spec: AccountSpec, admin: User, *, created: bool) -> User:
    """Create the account, or bring an existing one back to the spec; `created`: made just before."""
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        user, created = _create_user(spec), True
    changed = not created and _sync_login(user, spec, admin)
    changed = _sync_roles(load, spec, user, admin) or changed
    load.count("演示账户", "created" if created else "updated" if changed else "unchanged")
    return user


def _sync_login(user: User, spec: AccountSpec, admin: User) -> bool:
    """Profile as in the spec, password reset to the demo password, account active."""
    changed = False
    profile = _profile(spec)
    if any(getattr(user, name) != value for name, value in profile.items()):
        account_services.user_update_profile(actor=admin, user=user, **profile)
        changed = True
    if not user.check_password(settings.DEMO_PASSWORD):
        account_services.user_set_password(actor=admin, user=user, password=settings.DEMO_PASSWORD)
        changed = True
    if not user.is_active:
        account_services.user_activate(actor=admin, user=user)
        changed = True
    return changed


def _sync_roles(load: DemoLoad, spec: AccountSpec, user: User, admin: User) -> bool:
    """Exactly the spec's role assignments: others are revoked, missing ones granted."""
    wanted: dict[tuple[str, int | None, int | None], tuple[Department | None, Region | None, Window | None]] = {}
    for role in spec.roles:
        department = load.departments[role.department] if role.department else None
        region = load.regions[role.region] if role.region else None
        window = load.windows[role.window] if role.window else None
        wanted[(role.role, _pk(department), _pk(region))] = (department, region, window)
    kept, revoked = set(), 0
    for assignment in RoleAssignment.objects.filter(user=user):
        key = (assignment.role, assignment.department_id, assignment.region_id)
        if key in wanted and _pk(wanted[key][2]) == assignment.window_id:
            kept.add(key)
        else:
            account_services.role_revoke(actor=admin, assignment=assignment)
            revoked += 1
    missing = [(key[0], scope) for key, scope in wanted.items() if key not in kept]
    for role_name, (department, region, window) in missing:
        account_services.role_grant(actor=admin, user=user, role=role_name, department=department, region=region, window=window)
    return bool(revoked or missing)


def _pk(obj: models.Model | None) -> int | None:
    return obj.pk if obj is not None else None


# The load ------------------------------------------------------------------------------------

Step = Callable[[DemoLoad], None]


# In dependency order; later apps append theirs (catalog after orgs, cases after catalog …).
def load_catalog(load: DemoLoad) -> None:
    """The county's published lists and their version history (see `onewindow.catalog.demo`)."""
    from onewindow.catalog.demo import load_catalog as publish_lists

    published = publish_lists(region=load.regions[COUNTY_CODE], drafter=load.users["demo-admin"], publisher=load.users["demo-listadmin"])
    load.count("清单版本", "created" if published else "unchanged")


def load_cases(load: DemoLoad) -> None:
    """About 300 cases of the county's items in every status over recent months (see `onewindow.cases.demo`)."""
    from onewindow.cases.demo import load_cases as file_cases

    loaded = file_cases(
        region=load.regions[COUNTY_CODE], users=load.users, departments=load.departments, window=load.windows[("center", "A01")]
    )
    if loaded.created or loaded.existing:
        load.tallies["办件"] = Tally(created=loaded.created, unchanged=loaded.existing)


def load_ratings(load: DemoLoad) -> None:
    """Ratings of most delivered demo cases, bad reviews in every rectification state, rated window visits and
    complaints in every state (see `onewindow.ratings.demo`); before supervision, whose scan carries their timers."""
    from onewindow.ratings.demo import load_ratings as rate

    loaded = rate(region=load.regions[COUNTY_CODE], users=load.users, departments=load.departments, window=load.windows[("center", "A01")])
    if loaded.created:
        load.tallies["评价"] = Tally(created=loaded.ratings)
        load.tallies["窗口接待"] = Tally(created=loaded.visits)
        load.tallies["投诉"] = Tally(created=loaded.complaints)
    elif loaded.existing:
        load.tallies["评价与投诉"] = Tally(unchanged=loaded.existing)


def load_supervision(load: DemoLoad) -> None:
    """Today's yellow and red cards of the demo cases and their supervision orders, some worked (see `onewindow.supervision.demo`)."""
    from onewindow.supervision.demo import load_supervision as issue_cards

    loaded = issue_cards(region=load.regions[COUNTY_CODE], users=load.users)
    if loaded.cards:
        load.tallies["黄红牌"] = Tally(created=loaded.cards)
        load.tallies["督办单"] = Tally(created=loaded.orders)


def load_statistics(load: DemoLoad) -> None:
    """The statistics aggregates of the demo history (see `onewindow.supervision.statistics.demo`)."""
    from onewindow.supervision.statistics.demo import load_statistics as build

    loaded = build(region=load.regions[COUNTY_CODE])
    if loaded.days:
        load.tallies["统计日"] = Tally(created=loaded.days)


STEPS: list[Step] = [
    load_regions,
    load_departments,
    load_halls,
    load_accounts,
    load_catalog,
    load_cases,
    load_ratings,
    load_supervision,
    load_statistics,
]


def demo_exists() -> bool:
    """Whether the demo county has been loaded."""
    return Region.objects.filter(code=COUNTY_CODE).exists()


@transaction.atomic
def load_demo() -> DemoLoad:
    """Run every step in one transaction: the demo is loaded entirely or not at all."""
    load = DemoLoad()
    for step in STEPS:
        step(load)
    return load
