"""The portal home page: intro, halls, departments, a link onward for a logged-in user."""

import pytest
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.orgs.choices import HallKind
from onewindow.orgs.tests.factories import CountyFactory, DepartmentFactory, ServiceHallFactory

HOME = reverse("portal:home")


@pytest.fixture
def center(county):
    return ServiceHallFactory(
        region=county,
        name="示范县政务服务中心",
        kind=HallKind.CENTER,
        address="示范县人民路88号",
        hours="周一至周五 上午9:00-12:00 下午13:30-17:00",
        phone="0999-12345678",
    )


@pytest.mark.django_db
def test_fresh_install_renders_with_empty_database(client):
    response = client.get(HOME)

    assert response.status_code == 200
    page = response.content.decode()
    assert "一窗通办" in page
    for principle in ("一窗受理", "一次告知", "一套材料", "一次提交"):
        assert principle in page
    assert "暂未发布办事大厅信息" in page
    assert "暂未发布部门信息" in page
    assert ">政务服务网<" in page  # no hall yet: the generic site name
    assert "法定工作日办公" in page  # footer hours without a main hall


def test_anonymous_sees_halls_departments_and_a_login_link(client, center, department, other_department):
    response = client.get(HOME)

    page = response.content.decode()
    assert response.status_code == 200
    assert "示范县政务服务网" in page  # named after the main center's region
    assert "示范县政务服务中心" in page
    assert "示范县人民路88号" in page
    assert "周一至周五 上午9:00-12:00 下午13:30-17:00" in page
    assert "0999-12345678" in page
    assert "市场监督管理局" in page and "卫生健康局" in page
    assert f'href="{reverse("accounts:login")}"' in page
    assert reverse("workbench:home") not in page
    assert "12345" in page  # the hotline in the footer


def test_inactive_halls_and_departments_are_not_published(client, center, county):
    ServiceHallFactory(region=county, name="已撤销便民服务中心", kind=HallKind.TOWNSHIP, is_active=False)
    DepartmentFactory(region=county, name="已撤并的局", is_active=False)

    page = client.get(HOME).content.decode()

    assert "已撤销便民服务中心" not in page
    assert "已撤并的局" not in page


def test_system_admin_sees_the_public_page_not_their_inactive_records(client, system_admin, county):
    ServiceHallFactory(region=county, name="已停用分中心", kind=HallKind.SUB_CENTER, is_active=False)
    client.force_login(system_admin)

    page = client.get(HOME).content.decode()

    assert "已停用分中心" not in page


def test_main_center_is_listed_before_township_centers(client, county):
    ServiceHallFactory(region=county, name="城关镇便民服务中心", kind=HallKind.TOWNSHIP)
    ServiceHallFactory(region=county, name="县政务服务中心", kind=HallKind.CENTER)

    page = client.get(HOME).content.decode()

    assert page.index("县政务服务中心") < page.index("城关镇便民服务中心")


def test_home_shows_six_halls_and_links_to_all(client, county):
    for number in range(8):
        ServiceHallFactory(region=county, name=f"第{number}便民服务中心", kind=HallKind.TOWNSHIP)

    response = client.get(HOME)

    assert len(response.context["halls"]) == 6
    assert "查看全部办事大厅" in response.content.decode()


def test_applicant_sees_masked_name_and_a_link_to_their_profile(client, applicant):
    applicant.phone = "13812345678"
    applicant.save()
    client.force_login(applicant)

    page = client.get(HOME).content.decode()

    assert "张*" in page
    assert "张三" not in page
    assert applicant.id_number not in page
    assert "13812345678" not in page
    assert reverse("accounts:profile") in page
    assert reverse("workbench:home") not in page
    assert reverse("accounts:logout") in page


def test_staff_sees_a_link_to_the_workbench(client, reviewer):
    client.force_login(reviewer)

    page = client.get(HOME).content.decode()

    assert f'href="{reverse("workbench:home")}"' in page
    assert "进入工作台" in page
    assert reviewer.real_name not in page  # a public page: the name is masked
    assert reviewer.real_name[0] + "*" in page


def test_home_query_count_does_not_grow_with_halls_and_departments(client, django_assert_max_num_queries, county):
    for number in range(10):
        ServiceHallFactory(region=county, name=f"便民服务中心{number}", kind=HallKind.TOWNSHIP)
        DepartmentFactory(region=county)
    DepartmentFactory(region=CountyFactory())

    with django_assert_max_num_queries(3):
        response = client.get(HOME)

    assert response.status_code == 200


def test_staff_home_query_count_is_bounded(client, django_assert_max_num_queries, make_staff, department, county):
    for _ in range(10):
        DepartmentFactory(region=county)
    user = make_staff(Role.REVIEWER, department=department)
    client.force_login(user)

    with django_assert_max_num_queries(6):
        response = client.get(HOME)

    assert response.status_code == 200


def test_post_is_not_allowed(client, db):
    assert client.post(HOME).status_code == 405
