import pytest
from django.core.cache import cache

from onewindow.cases.tests.factories import County, case_item
from onewindow.catalog.models import ServiceItem
from onewindow.ratings.tests.factories import People, make_people


@pytest.fixture
def people(db) -> People:  # type: ignore[no-untyped-def]
    return make_people()


@pytest.fixture
def county(people: People) -> County:
    return people.county


@pytest.fixture
def item(people: People) -> ServiceItem:
    return case_item(people.department)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits count in Django's cache: every test starts at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def history(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """The two-week history of `support.build_history`, built once per module inside a transaction
    that is rolled back after the module (each test runs in its own savepoint within it)."""
    from django.db import transaction

    from onewindow.cases.services import intake
    from onewindow.supervision.tests.statistics.support import build_history

    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        built = build_history(make_people())
        yield built
        transaction.set_rollback(True)
        intake._PARTS.clear()
