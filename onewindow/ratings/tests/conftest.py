import pytest
from django.core.cache import cache

from onewindow.cases.tests.factories import case_item
from onewindow.catalog.models import ServiceItem
from onewindow.ratings.tests.factories import People, make_people


@pytest.fixture
def people(db) -> People:  # type: ignore[no-untyped-def]
    return make_people()


@pytest.fixture
def item(people: People) -> ServiceItem:
    return case_item(people.department)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits count in Django's cache (locmem in tests): every test starts at zero."""
    cache.clear()
    yield
    cache.clear()
