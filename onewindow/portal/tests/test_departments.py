"""The portal's departments page: active departments with phone and address, by region."""

import pytest
from django.urls import reverse

from onewindow.orgs.tests.factories import CountyFactory, DepartmentFactory

DEPARTMENTS = reverse("portal:departments")


@pytest.mark.django_db
def test_empty_database(client):
    response = client.get(DEPARTMENTS)

    assert response.status_code == 200
    assert "暂未发布部门信息" in response.content.decode()


def test_departments_with_contacts(client, county):
    DepartmentFactory(region=county, name="市场监督管理局", phone="0999-7654321", address="示范县建设路1号")
    DepartmentFactory(region=county, name="卫生健康局")

    page = client.get(DEPARTMENTS).content.decode()

    assert "市场监督管理局" in page
    assert "0999-7654321" in page
    assert "示范县建设路1号" in page
    assert "卫生健康局" in page
    assert "请拨打 12345 咨询" in page  # a department without contacts


def test_one_region_has_no_region_headings_and_several_do(client, county):
    DepartmentFactory(region=county, name="市场监督管理局")
    assert "<h2" not in client.get(DEPARTMENTS).content.decode().split('id="main"')[1].split("</main>")[0]

    DepartmentFactory(region=CountyFactory(code="990124", name="邻县"), name="邻县民政局")
    page = client.get(DEPARTMENTS).content.decode()

    assert ">示范县</h2>" in page
    assert ">邻县</h2>" in page
    assert page.index(">示范县</h2>") < page.index(">邻县</h2>")  # by region code


def test_inactive_department_is_not_published(client, county):
    DepartmentFactory(region=county, name="已撤并的局", is_active=False)

    assert "已撤并的局" not in client.get(DEPARTMENTS).content.decode()


def test_staff_sees_the_public_page(client, reviewer, department):
    client.force_login(reviewer)

    response = client.get(DEPARTMENTS)

    assert response.status_code == 200
    assert "市场监督管理局" in response.content.decode()


def test_query_count_does_not_grow(client, django_assert_max_num_queries, county):
    for _ in range(15):
        DepartmentFactory(region=county)

    with django_assert_max_num_queries(2):
        response = client.get(DEPARTMENTS)

    assert response.status_code == 200
