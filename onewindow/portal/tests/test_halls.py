"""The portal's service halls page: every active hall with its active windows."""

import pytest
from django.urls import reverse

from onewindow.orgs.choices import HallKind, WindowKind
from onewindow.orgs.tests.factories import ServiceHallFactory, WindowFactory

HALLS = reverse("portal:halls")


@pytest.fixture
def center(county):
    return ServiceHallFactory(region=county, name="示范县政务服务中心", kind=HallKind.CENTER, phone="0999-1234567")


@pytest.mark.django_db
def test_empty_database(client):
    response = client.get(HALLS)

    assert response.status_code == 200
    assert "暂未发布办事大厅信息" in response.content.decode()


def test_halls_list_their_windows_with_department(client, center, department):
    WindowFactory(hall=center, number="A01", name="综合受理窗口", kind=WindowKind.COMPREHENSIVE)
    WindowFactory(hall=center, number="B03", name="食品经营许可窗口", kind=WindowKind.DEPARTMENTAL, department=department)
    WindowFactory(hall=center, number="Z09", name="已撤销窗口", kind=WindowKind.COMPREHENSIVE, is_active=False)

    page = client.get(HALLS).content.decode()

    assert "示范县政务服务中心" in page
    assert "0999-1234567" in page
    assert "A01" in page and "综合受理窗口" in page and "无差别综合窗口" in page
    assert "B03" in page and "食品经营许可窗口" in page and "市场监督管理局" in page
    assert "已撤销窗口" not in page
    assert "窗口（2个）" in page


def test_a_hall_without_windows_says_so(client, center):
    page = client.get(HALLS).content.decode()

    assert "该大厅暂未公布窗口设置" in page


def test_inactive_hall_is_not_shown_even_to_its_administrator(client, county, system_admin):
    ServiceHallFactory(region=county, name="筹建中的分中心", kind=HallKind.SUB_CENTER, is_active=False)
    client.force_login(system_admin)

    page = client.get(HALLS).content.decode()

    assert "筹建中的分中心" not in page


def test_applicant_sees_the_same_page_with_masked_name(client, applicant, center):
    client.force_login(applicant)

    response = client.get(HALLS)

    page = response.content.decode()
    assert response.status_code == 200
    assert "示范县政务服务中心" in page
    assert "张三" not in page and applicant.id_number not in page


def test_query_count_does_not_grow_with_halls_and_windows(client, django_assert_max_num_queries, county, department):
    for hall in ServiceHallFactory.create_batch(6, region=county, kind=HallKind.TOWNSHIP):
        for _ in range(4):
            WindowFactory(hall=hall, kind=WindowKind.DEPARTMENTAL, department=department)

    with django_assert_max_num_queries(3):
        response = client.get(HALLS)

    assert response.status_code == 200
    assert len(response.context["halls"]) == 6


def test_halls_are_grouped_by_kind_with_a_table_of_contents(client, center, county):
    ServiceHallFactory(region=county, name="城关镇便民服务中心", kind=HallKind.TOWNSHIP)

    page = client.get(HALLS).content.decode()

    assert 'href="#kind-center"' in page and 'href="#kind-township"' in page
    assert page.index('id="kind-center"') < page.index("示范县政务服务中心") < page.index('id="kind-township"')
    assert page.index('id="kind-township"') < page.index("城关镇便民服务中心")


def test_a_single_kind_needs_no_table_of_contents(client, center):
    assert 'href="#kind-center"' not in client.get(HALLS).content.decode()
