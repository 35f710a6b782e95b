import pytest

from onewindow.orgs.choices import HallKind, RegionLevel, WindowKind
from onewindow.orgs.tests.factories import (
    CountyFactory,
    DepartmentFactory,
    ServiceHallFactory,
    TownshipFactory,
    UnitFactory,
    WindowFactory,
)


@pytest.fixture
def towns(county):
    return [TownshipFactory(parent=county, code=f"990123{n:03d}", name=f"第{n}镇") for n in (1, 2, 3)]


def test_regions_without_parameters_are_the_top_level(client, county):
    body = client.get("/api/v1/orgs/regions").json()
    assert [region["code"] for region in body["items"]] == ["990000"]
    assert body["items"][0] == {"code": "990000", "name": "示范省", "level": "province", "level_label": "省", "parent_code": None}


def test_regions_of_a_parent_are_its_children(client, towns, other_county):
    body = client.get("/api/v1/orgs/regions", {"parent": "990123"}).json()
    assert [region["code"] for region in body["items"]] == ["990123001", "990123002", "990123003"]
    assert {region["parent_code"] for region in body["items"]} == {"990123"}
    assert body["next_cursor"] is None


def test_regions_by_level(client, county, other_county):
    body = client.get("/api/v1/orgs/regions", {"level": RegionLevel.COUNTY}).json()
    assert [region["code"] for region in body["items"]] == ["990123", "990124"]


def test_regions_page_by_cursor(client, towns):
    first = client.get("/api/v1/orgs/regions", {"parent": "990123", "limit": 2}).json()
    second = client.get("/api/v1/orgs/regions", {"parent": "990123", "limit": 2, "cursor": first["next_cursor"]}).json()
    assert [r["code"] for r in first["items"] + second["items"]] == ["990123001", "990123002", "990123003"]
    assert second["next_cursor"] is None


def test_an_unknown_parent_is_a_404_with_a_chinese_message(client, county):
    response = client.get("/api/v1/orgs/regions", {"parent": "990199"})
    assert response.status_code == 404
    assert response.json() == {"code": "region_not_found", "message": "区划代码 990199 不存在。"}


def test_a_bad_level_is_a_400(client, county):
    response = client.get("/api/v1/orgs/regions", {"level": "district"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_input"


def test_departments_of_a_region_include_those_of_its_towns(client, department, towns, other_county, django_assert_max_num_queries):
    town_office = DepartmentFactory(region=towns[0], name="城关镇人民政府")
    DepartmentFactory(region=other_county, name="邻县市场监督管理局")
    for n in range(4):
        UnitFactory(department=department, name=f"科室{n}")
    with django_assert_max_num_queries(3):
        body = client.get("/api/v1/orgs/departments", {"region": "990123"}).json()
    assert [d["name"] for d in body["items"]] == [department.name, town_office.name]
    first = body["items"][0]
    assert first["region_code"] == "990123" and first["region_name"] == "示范县"
    assert [unit["name"] for unit in first["units"]] == ["科室0", "科室1", "科室2", "科室3"]


def test_department_queries_do_not_grow_with_the_rows(client, county, django_assert_max_num_queries):
    for n in range(15):
        UnitFactory(department=DepartmentFactory(region=county, name=f"局{n}"))
    with django_assert_max_num_queries(3):
        body = client.get("/api/v1/orgs/departments").json()
    assert len(body["items"]) == 15


def test_retired_departments_are_not_listed(client, department, other_department):
    other_department.is_active = False
    other_department.save()
    body = client.get("/api/v1/orgs/departments", {"region": "990123"}).json()
    assert [d["id"] for d in body["items"]] == [department.pk]


def test_halls_come_with_their_windows(client, county, department, towns, django_assert_max_num_queries):
    center = ServiceHallFactory(region=county, name="示范县政务服务中心")
    WindowFactory(hall=center, number="A01", name="无差别综合受理窗口")
    WindowFactory(hall=center, number="B01", name="食品经营许可", kind=WindowKind.DEPARTMENTAL, department=department)
    WindowFactory(hall=center, number="B02", name="已撤销窗口", is_active=False)
    township = ServiceHallFactory(region=towns[0], name="第1镇便民服务中心", kind=HallKind.TOWNSHIP, parent=center)
    WindowFactory(hall=township, number="01")
    ServiceHallFactory(region=CountyFactory(code="990124"), name="邻县政务服务中心")
    with django_assert_max_num_queries(4):
        body = client.get("/api/v1/orgs/halls", {"region": "990123"}).json()
    assert [hall["name"] for hall in body["items"]] == ["示范县政务服务中心", "第1镇便民服务中心"]
    windows = body["items"][0]["windows"]
    assert [(w["number"], w["kind_label"], w["department_name"]) for w in windows] == [
        ("A01", "无差别综合窗口", ""),
        ("B01", "部门窗口", department.name),
    ]
    assert body["items"][1]["parent_id"] == center.pk


def test_hall_queries_do_not_grow_with_the_rows(client, county, department, django_assert_max_num_queries):
    for n in range(10):
        hall = ServiceHallFactory(region=county)
        WindowFactory(hall=hall, number=f"A{n}")
        WindowFactory(hall=hall, number=f"B{n}", kind=WindowKind.DEPARTMENTAL, department=department)
    with django_assert_max_num_queries(3):
        body = client.get("/api/v1/orgs/halls").json()
    assert sum(len(hall["windows"]) for hall in body["items"]) == 20


def test_the_api_needs_no_login_and_answers_staff_alike(client, reviewer, department):
    anonymous = client.get("/api/v1/orgs/departments").json()
    client.force_login(reviewer)
    assert client.get("/api/v1/orgs/departments").json() == anonymous
