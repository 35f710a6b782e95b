"""Factories for the catalog: themes, change requests, service items with their versions, synonyms.

`PublishedItemFactory(name="食品经营许可", department=d, keywords="餐饮")` gives a ServiceItem whose
current version (published in catalog version 1, pointed to by `item.current`) carries the
content fields passed; `replace_current_version(item, name=...)` publishes a next version.
"""

import factory
from factory.django import DjangoModelFactory

from onewindow.accounts.tests.factories import UserFactory
from onewindow.catalog.choices import (
    Audience,
    ChangeKind,
    ChangeRequestStatus,
    EntryState,
    ItemKind,
    ListKind,
    OnlineDepth,
    PowerCategory,
    ThemeKind,
)
from onewindow.catalog.models import ChangeRequest, ServiceItem, ServiceItemVersion, Synonym, Theme
from onewindow.catalog.pinyin import name_pinyin
from onewindow.orgs.tests.factories import DepartmentFactory

# The content fields of a version that PublishedItemFactory passes on (everything else is defaulted).
VERSION_FIELDS = (
    "name",
    "keywords",
    "category",
    "audience",
    "kind",
    "statutory_limit_days",
    "promised_limit_days",
    "on_site_visits",
    "online_depth",
    "result_name",
    "is_free",
    "deemed_approval",
    "joint_handling",
)


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"主题{n}")
    kind = ThemeKind.LIFE_EVENT
    audience = Audience.PERSON


class ChangeRequestFactory(DjangoModelFactory):
    class Meta:
        model = ChangeRequest

    department = factory.SubFactory(DepartmentFactory)
    region = factory.LazyAttribute(lambda o: o.department.region)
    list_kind = ListKind.SERVICE
    kind = ChangeKind.ADD
    title = factory.Sequence(lambda n: f"新增事项{n}")
    reason = "依法设定的政务服务事项纳入清单管理。"
    legal_basis = "《中华人民共和国行政许可法》第十二条"
    drafted_by = factory.SubFactory(UserFactory)


class ServiceItemFactory(DjangoModelFactory):
    """An item identity without versions (see PublishedItemFactory for one with a current version)."""

    class Meta:
        model = ServiceItem

    department = factory.SubFactory(DepartmentFactory)
    basic_code = factory.Sequence(lambda n: f"1199{n:08d}")  # matches ITEM_BASIC_CODE_PATTERN's default
    implementation_code = factory.Sequence(lambda n: f"11990123MB0000001A{n:06d}")


class ServiceItemVersionFactory(DjangoModelFactory):
    """A draft version of an item; its pinyin is computed from the name as the draft service does."""

    class Meta:
        model = ServiceItemVersion
        skip_postgeneration_save = True

    service_item = factory.SubFactory(ServiceItemFactory)
    change_request = factory.SubFactory(ChangeRequestFactory, department=factory.SelfAttribute("..service_item.department"))
    state = EntryState.DRAFT
    name = factory.Sequence(lambda n: f"测试事项{n}")
    keywords = ""
    pinyin = factory.LazyAttribute(lambda o: name_pinyin(o.name)[0])
    pinyin_initials = factory.LazyAttribute(lambda o: name_pinyin(o.name)[1])
    category = PowerCategory.LICENSING
    audience = Audience.BOTH
    implementing_body = factory.LazyAttribute(lambda o: o.service_item.department.name)
    legal_basis = "《中华人民共和国行政许可法》"
    acceptance_conditions = "申请材料齐全、符合法定形式。"
    statutory_limit_days = 20
    promised_limit_days = 10
    kind = ItemKind.PROMISED
    on_site_visits = 1
    online_depth = OnlineDepth.ACCEPT
    places = "县政务服务中心一楼综合窗口"
    hours = "周一至周五 9:00-12:00 13:30-17:00"
    phone = "0999-1234567"

    @factory.post_generation
    def themes(obj: ServiceItemVersion, create: bool, extracted: list[Theme] | None, **kwargs: object) -> None:
        if create and extracted:
            obj.themes.set(extracted)


class PublishedVersionFactory(ServiceItemVersionFactory):
    """A version published in catalog version 1 (by a published change request) and made its item's current one."""

    change_request = factory.SubFactory(
        ChangeRequestFactory, department=factory.SelfAttribute("..service_item.department"), status=ChangeRequestStatus.PUBLISHED
    )
    state = EntryState.PUBLISHED
    valid_from = 1

    @factory.post_generation
    def make_current(obj: ServiceItemVersion, create: bool, extracted: object, **kwargs: object) -> None:
        if create and not obj.is_cancellation:
            obj.service_item.current = obj
            obj.service_item.save(update_fields=["current"])


class PublishedItemFactory(ServiceItemFactory):
    """A ServiceItem with a published current version: `PublishedItemFactory(name=, department=, keywords=, themes=[...])`."""

    class Meta:
        model = ServiceItem
        skip_postgeneration_save = True

    @classmethod
    def _generate(cls, strategy, params):  # type: ignore[no-untyped-def]
        version_fields = {key: params.pop(key) for key in (*VERSION_FIELDS, "themes") if key in params}
        item = super()._generate(strategy, params)
        PublishedVersionFactory(service_item=item, **version_fields)
        item.refresh_from_db(fields=["current"])
        return item


def replace_current_version(item: ServiceItem, **fields: object) -> ServiceItemVersion:
    """Publish a next version of `item` (catalog version N+1) with `fields` changed, as publishing
    a change request does: the old row gets valid_to, the new one becomes current."""
    old = item.current
    assert old is not None, "the item has no current version"
    number = (old.valid_from or 0) + 1
    ServiceItemVersion.objects.filter(pk=old.pk).update(valid_to=number)
    kept = {name: getattr(old, name) for name in VERSION_FIELDS}
    themes = list(old.themes.all())
    new: ServiceItemVersion = PublishedVersionFactory(service_item=item, valid_from=number, themes=themes, **{**kept, **fields})  # type: ignore[assignment]
    item.refresh_from_db(fields=["current"])
    return new


class SynonymFactory(DjangoModelFactory):
    """A citizen's phrase of a region mapped to items: `SynonymFactory(phrase="开饭店", items=[item])`."""

    class Meta:
        model = Synonym
        skip_postgeneration_save = True

    region = factory.SubFactory("onewindow.orgs.tests.factories.CountyFactory")
    phrase = factory.Sequence(lambda n: f"说法{n}")
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def items(obj: Synonym, create: bool, extracted: list[ServiceItem] | None, **kwargs: object) -> None:
        if create and extracted:
            obj.items.set(extracted)
