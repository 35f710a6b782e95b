import pytest

from onewindow.cases.tests.factories import County, case_item, make_county
from onewindow.catalog.models import ServiceItem


@pytest.fixture
def county(db) -> County:  # type: ignore[no-untyped-def]
    return make_county()


@pytest.fixture
def item(county: County) -> ServiceItem:
    return case_item(county.department)
