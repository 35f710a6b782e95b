import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from onewindow.catalog.search import search_items
from onewindow.catalog.tests.factories import PublishedItemFactory, SynonymFactory


@pytest.mark.django_db
def test_smoke(department, county):
    a = PublishedItemFactory(name="食品经营许可", department=department, keywords="餐饮 饭店")
    b = PublishedItemFactory(name="护照签发", department=department)
    c = PublishedItemFactory(name="居民身份证申领", department=department)
    SynonymFactory(region=county, phrase="开饭店", items=[a])
    for q in ["护照", "食品", "食品经营许可", "食品经营许可证", "shipin", "spjy", "SPJY", "开饭店", "我想开饭店", "饭店", "证", "%", "' OR 1=1 --", "😀"*30]:
        with CaptureQueriesContext(connection) as ctx:
            hits = search_items(query=q)
        print(q, len(ctx.captured_queries), [(h.version.name, h.score, str(h.name_html), h.matched) for h in hits])
    print(ctx.captured_queries[0]["sql"])
