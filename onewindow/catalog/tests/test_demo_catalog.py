"""The demo county's lists as a citizen meets them: published, versioned, searchable."""

import pytest

from onewindow.catalog.choices import ChangeKind, PowerCategory
from onewindow.catalog.models import CatalogVersion, ChangeRequest
from onewindow.catalog.search import search_items
from onewindow.catalog.selectors import current_items
from onewindow.demo.loader import load_demo
from onewindow.orgs.models import Region


@pytest.mark.django_db
def test_demo_catalog_is_published_versioned_and_searchable():
    load_demo()
    county = Region.objects.get(code="990123")
    items = current_items(region=county)
    assert items.count() >= 150
    assert items.values("service_item__department").distinct().count() >= 20
    assert set(ChangeRequest.objects.filter(status="published").values_list("kind", flat=True)) == set(ChangeKind.values)
    assert CatalogVersion.objects.filter(region=county).count() == ChangeRequest.objects.filter(status="published").count()
    assert {c for c in items.values_list("category", flat=True)} >= {PowerCategory.LICENSING, PowerCategory.PUBLIC_SERVICE}

    def names(query):
        return [hit.version.name for hit in search_items(query=query, region=county)]

    assert "普通护照签发" in names("护照")
    assert "社会保障卡申领" in names("社保")[:5] or "社会保障卡申领" in names("社保卡")
    assert names("食品经营许可")[0] == "食品经营许可"
    assert "食品经营许可" in names("shipin") and "食品经营许可" in names("spjy")
    assert "食品经营许可" in names("开饭店")
    assert "居民身份证申领" in names("办身份证")
