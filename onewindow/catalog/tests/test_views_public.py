"""The public catalog pages: search and browse, themes, department lists, the guide, open data.

The lists are published through the real services (drafted by one list manager, published by
another), so the pages read exactly what a publication leaves behind.
"""

import json
import re
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff
from onewindow.catalog import services
from onewindow.catalog.choices import Audience, ChangeKind, ListKind, ThemeKind
from onewindow.catalog.documents.registry import spec_for
from onewindow.catalog.models import CatalogVersion, MaterialRequirement, VersionedRow
from onewindow.catalog.tests.documents import item_document
from onewindow.catalog.tests.factories import ThemeFactory
from onewindow.licenses.models import LicenseType
from onewindow.orgs.tests.factories import DepartmentFactory, UnitFactory

FOOD = "11990123MB00000010001"
PASSPORT = "11990123MB00000020001"
SOCIAL_CARD = "11990123MB00000030001"
HOSTILE = "11990123MB00000040001"
HOSTILE_NAME = "<script>alert(1)</script>护照&补办"


def publish(drafter: Any, publisher: Any, region: Any, *documents: dict, kind: str = ChangeKind.ADD, cancel: tuple = ()) -> CatalogVersion:
    """Publish one change request of the service list through the services."""
    request = services.change_request_create(
        actor=drafter,
        region=region,
        list_kind=ListKind.SERVICE,
        kind=kind,
        title="事项清单调整",
        reason="依法调整",
        legal_basis="《中华人民共和国行政许可法》",
    )
    for document in documents:
        services.change_request_save_draft(actor=drafter, change_request=request, document=document)
    for code in cancel:
        services.change_request_cancel_entry(actor=drafter, change_request=request, code=code)
    services.change_request_submit(actor=drafter, change_request=request)
    return services.change_request_publish(actor=publisher, change_request=request)


def stage(sequence: int, kind: str, name: str, role: str, days: int, **extra: Any) -> dict:
    return {"sequence": sequence, "kind": kind, "name": name, "role": role, "unit": "", "days": days, **extra}


def material(code: str, name: str, *, situation: str = "", necessity: str = "required", **extra: Any) -> dict:
    fields = {"form": "original", "copies": 1, "source": "applicant", "license_type": "", "requirements": ""}
    return {"code": code, "situation": situation, "name": name, "necessity": necessity, **fields, **extra}


def food_document(**overrides: Any) -> dict:
    """食品经营许可: two situations, materials of every necessity, a license the government holds,
    a countersigned review with risk points, and a special procedure (expert review)."""
    document = item_document(
        implementation_code=FOOD,
        unit="行政审批科",
        result_license_type="food-business-license",
        themes=["jingying-xuke"],
        deemed_approval=True,
        materials=[
            material("M01", "食品经营许可申请书", requirements="法定代表人签字"),
            material("M02", "经营场所平面图", situation="S01", necessity="gap_allowed"),
            material("M03", "营业执照", form="electronic", source="government", license_type="business-license"),
            material("M04", "原许可证正本", situation="S02", necessity="pledge_allowed"),
        ],
        stages=[
            stage(1, "accept", "受理", "window_clerk", 1),
            stage(
                2,
                "review",
                "审查",
                "reviewer",
                2,
                unit="行政审批科",
                countersign_units=["食品经营监管股"],
                risk_points="降低审查标准",
                risk_controls="集体审议,全程留痕",
            ),
            stage(3, "expert_review", "专家评审", "reviewer", 10, special_procedure=True),
            stage(4, "decide", "决定", "decider", 1),
            stage(5, "deliver", "送达", "window_clerk", 1),
        ],
    )
    document.update(overrides)
    return document


def passport_document(**overrides: Any) -> dict:
    document = item_document(
        department="公安局",
        implementation_code=PASSPORT,
        name="普通护照签发",
        audience=Audience.PERSON,
        themes=["huji-zhengjian"],
        implementing_body="示范县公安局",
        keywords="出国 出境",
        statutory_limit_days=15,
        promised_limit_days=7,
        on_site_visits=1,
        visit_reason="需现场采集指纹和人像",
        online_depth=4,
        is_free=False,
        fees=[{"name": "护照工本费", "standard": "120元/本", "basis": "发改价格〔2017〕1186号", "reducible": False}],
        result_name="普通护照",
    )
    document.update(overrides)
    return document


def social_card_document(**overrides: Any) -> dict:
    document = item_document(
        department="人力资源和社会保障局",
        implementation_code=SOCIAL_CARD,
        name="社会保障卡申领",
        category="public_service",
        audience=Audience.PERSON,
        implementing_body="示范县人力资源和社会保障局",
        keywords="社保卡 社保",
        kind="on_the_spot",
        statutory_limit_days=20,
        promised_limit_days=0,
        stages=[stage(1, "accept", "受理", "window_clerk", 0), stage(2, "decide", "办结", "window_clerk", 0)],
    )
    document.update(overrides)
    return document


@pytest.fixture
def references(county, department):
    """Departments, units, themes and license types the documents refer to."""
    DepartmentFactory(region=county, name="公安局")
    DepartmentFactory(region=county, name="人力资源和社会保障局")
    UnitFactory(department=department, name="行政审批科")
    UnitFactory(department=department, name="食品经营监管股")
    ThemeFactory(code="jingying-xuke", name="经营许可", kind=ThemeKind.ENTERPRISE_EVENT, audience=Audience.ENTERPRISE)
    ThemeFactory(code="huji-zhengjian", name="户籍证件", kind=ThemeKind.LIFE_EVENT, audience=Audience.PERSON)
    LicenseType.objects.create(code="business-license", name="营业执照", holder_kind="enterprise")
    LicenseType.objects.create(code="food-business-license", name="食品经营许可证", holder_kind="enterprise")


@pytest.fixture
def publisher(second_list_manager):
    return second_list_manager


@pytest.fixture
def catalog(county, references, list_manager, publisher):
    """Catalog version 1 of the county: 食品经营许可, 普通护照签发, 社会保障卡申领."""
    return publish(list_manager, publisher, county, food_document(), passport_document(), social_card_document())


def page(client, name: str, *args: Any, **params: str) -> tuple[int, str]:
    response = client.get(reverse(name, args=args), params)
    return response.status_code, response.content.decode()


def unmarked(body: str) -> str:
    """The page without the <mark> highlighting of search results."""
    return re.sub(r"</?mark>", "", body)


# ---- items: browse and search ------------------------------------------------------------------


def test_anonymous_browses_every_current_item(client, catalog):
    status, body = page(client, "catalog:items")

    assert status == 200
    for name in ("食品经营许可", "普通护照签发", "社会保障卡申领"):
        assert name in body
    assert "共 3 项" in body
    assert f'href="{reverse("catalog:guide", args=[FOOD])}"' in body
    assert "全程网办" in body  # 食品经营许可: depth 5, no visit
    assert "跑零次" in body and "最多跑 1 次" in body


@pytest.mark.parametrize(("query", "found", "marked"), [("护照", "普通护照签发", "护照"), ("社保", "社会保障卡申领", None)])
def test_queries_of_two_characters_find_items(client, catalog, query, found, marked):
    status, body = page(client, "catalog:items", q=query)

    assert status == 200
    assert found in unmarked(body)
    assert "食品经营许可" not in body
    if marked:
        assert f"<mark>{marked}</mark>" in body


def test_a_one_character_query_works(client, catalog):
    status, body = page(client, "catalog:items", q="卡")

    assert status == 200
    assert "社会保障<mark>卡</mark>申领" in body
    assert "普通护照签发" not in body


def test_hostile_item_names_are_escaped_in_results_and_guide(client, catalog, list_manager, publisher, county):
    publish(list_manager, publisher, county, passport_document(implementation_code=HOSTILE, name=HOSTILE_NAME))

    for params in ({"q": "护照"}, {}):
        body = page(client, "catalog:items", **params)[1]
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    guide = page(client, "catalog:guide", HOSTILE)[1]
    assert "<script>alert(1)</script>" not in guide
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in guide


def test_the_query_is_escaped_where_the_page_repeats_it(client, catalog):
    status, body = page(client, "catalog:items", q='"><script>alert(1)</script>')

    assert status == 200
    assert "<script>alert(1)</script>" not in body
    assert 'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in body


def test_filters_narrow_the_list(client, catalog, department):
    by_department = page(client, "catalog:items", department=str(department.pk))[1]
    by_category = page(client, "catalog:items", category="public_service")[1]
    by_theme = page(client, "catalog:items", theme="huji-zhengjian")[1]
    for_enterprises = page(client, "catalog:items", audience="enterprise")[1]

    assert "食品经营许可" in by_department and "普通护照签发" not in by_department
    assert "社会保障卡申领" in by_category and "食品经营许可" not in by_category
    assert "普通护照签发" in by_theme and "社会保障卡申领" not in by_theme
    assert "食品经营许可" in for_enterprises and "普通护照签发" not in for_enterprises


def test_search_within_a_filter(client, catalog, department):
    body = page(client, "catalog:items", q="许可", category="licensing", department=str(department.pk))[1]

    assert "食品经营<mark>许可</mark>" in body
    assert "普通护照签发" not in body


@pytest.mark.parametrize(
    ("param", "value"), [("category", "bogus"), ("theme", "no-such-theme"), ("department", "999999"), ("audience", "robot")]
)
def test_unknown_filters_are_refused_with_a_message(client, catalog, param, value):
    status, body = page(client, "catalog:items", **{param: value})

    assert status == 400
    assert 'class="alert alert-error"' in body
    assert "普通护照签发" not in body


def test_items_page_on_a_fresh_install_is_empty(client, db):
    status, body = page(client, "catalog:items")

    assert status == 200
    assert "暂无符合条件的事项" in body


def test_applicant_and_staff_see_the_same_list(client, catalog, applicant, reviewer):
    anonymous = page(client, "catalog:items")[1]
    for user in (applicant, reviewer):
        client.force_login(user)
        body = page(client, "catalog:items")[1]
        for name in ("食品经营许可", "普通护照签发", "社会保障卡申领"):
            assert (name in body) == (name in anonymous)


def test_browse_pages_through_the_items(client, catalog, list_manager, publisher, county):
    extra = [passport_document(implementation_code=f"11990123MB0000009{n:04d}", name=f"签证{n:02d}") for n in range(20)]
    publish(list_manager, publisher, county, *extra)

    first = page(client, "catalog:items")[1]
    second = page(client, "catalog:items", page="2")[1]

    assert "共 23 项" in first
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert len(re.findall(r'class="item-row"', first)) == 20
    assert len(re.findall(r'class="item-row"', second)) == 3


def test_item_list_costs_a_fixed_number_of_queries(client, catalog, list_manager, publisher, county, django_assert_max_num_queries):
    extra = [passport_document(implementation_code=f"11990123MB0000009{n:04d}", name=f"护照补发{n:02d}") for n in range(25)]
    publish(list_manager, publisher, county, *extra)

    # count, page, departments, themes, region, the portal's main hall (+ synonyms when searching)
    with django_assert_max_num_queries(6):
        assert client.get(reverse("catalog:items")).status_code == 200
    with django_assert_max_num_queries(7):
        assert client.get(reverse("catalog:items"), {"q": "护照"}).status_code == 200


# ---- the guide ---------------------------------------------------------------------------------


def test_guide_shows_every_element_a_citizen_needs(client, catalog):
    status, body = page(client, "catalog:guide", FOOD)

    assert status == 200
    for text in (
        "食品经营许可",
        "11371000",  # basic code
        FOOD,
        "行政许可",
        "示范县市场监督管理局",  # implementing body
        "行政审批科",  # unit
        "《中华人民共和国食品安全法》第三十五条",
        "具有与经营的食品品种、数量相适应的经营场所。",
        "办事情形:新办",
        "办事情形:延续",
        "必要",
        "容缺可补",
        "可告知承诺",
        "可通过电子证照共享获取,无需提交",
        "法定代表人签字",
        "不收费",
        "20 个工作日",  # statutory
        "5 个工作日",  # promised
        "承诺件",
        "跑零次",
        "全程网办",
        "示范县政务服务中心综合受理窗口",
        "周一至周五 9:00-12:00 13:30-17:30",
        "0999-1234567",
        "12345",
        "食品经营许可证",  # result and its license type
        "无(目录之外无中介服务)",
        "是:承诺时限内未作出决定的,视为准予",  # deemed approval
        "经营许可",  # theme
        "<svg",
        "承诺时限 5 个工作日",
        "本指南依据清单第 1 版",
    ):
        assert text in body, text


def test_each_situation_lists_the_common_materials_and_its_own(client, catalog):
    body = page(client, "catalog:guide", FOOD)[1]

    new = body[body.index('id="situation-S01"') : body.index('id="situation-S02"')]
    renewal = body[body.index('id="situation-S02"') : body.index('id="fees"')]
    assert "食品经营许可申请书" in new and "营业执照" in new and "经营场所平面图" in new
    assert "原许可证正本" not in new
    assert "食品经营许可申请书" in renewal and "营业执照" in renewal and "原许可证正本" in renewal
    assert "经营场所平面图" not in renewal


def attach_forms(code: str, material_code: str) -> None:
    """Give a material of the item's current version a blank form and an example (uploaded by staff)."""
    row = MaterialRequirement.objects.get(
        version__service_item__implementation_code=code, version__valid_to__isnull=True, code=material_code
    )
    row.blank_form.save("申请书.docx", ContentFile(b"blank"), save=False)
    row.example.save("申请书示例.pdf", ContentFile(b"example"), save=False)
    row.save(update_fields=["blank_form", "example"])


def test_guide_links_blank_forms_and_examples_when_they_exist(client, catalog):
    attach_forms(FOOD, "M01")

    body = page(client, "catalog:guide", FOOD)[1]

    row = body[body.index("食品经营许可申请书") : body.index("经营场所平面图")]
    assert re.search(r'<a href="[^"]*catalog/forms/[^"]*\.docx" download>空白表格</a>', row)
    assert re.search(r'<a href="[^"]*catalog/examples/[^"]*\.pdf" download>示例样表</a>', row)
    assert body.count(">空白表格</a>") == 2  # M01 is common: listed under both situations


def test_guide_of_a_charged_item_with_a_visit(client, catalog):
    body = page(client, "catalog:guide", PASSPORT)[1]

    assert "护照工本费" in body and "120元/本" in body and "发改价格〔2017〕1186号" in body
    assert "必须到现场的原因:需现场采集指纹和人像" in body
    assert "跑零次" not in body
    assert "网上受理" in body


def test_on_the_spot_item_says_so(client, catalog):
    body = page(client, "catalog:guide", SOCIAL_CARD)[1]

    assert "即办件" in body
    assert "当场办结" in body


def test_public_does_not_see_risk_points(client, catalog, applicant):
    for user in (None, applicant):
        if user:
            client.force_login(user)
        body = page(client, "catalog:guide", FOOD)[1]
        assert "廉政风险点" not in body
        assert "降低审查标准" not in body
        assert "集体审议" not in body


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.WINDOW_CLERK])
def test_staff_see_risk_points_and_controls(client, catalog, department, role):
    client.force_login(staff(role, department=department))

    body = page(client, "catalog:guide", FOOD)[1]

    assert "廉政风险点" in body
    assert "降低审查标准" in body
    assert "集体审议,全程留痕" in body


def test_staff_of_another_department_see_risk_points_too(client, catalog, other_reviewer):
    client.force_login(other_reviewer)

    assert "降低审查标准" in page(client, "catalog:guide", FOOD)[1]


def test_guide_shows_the_flow_chart_with_the_special_procedure(client, catalog):
    body = page(client, "catalog:guide", FOOD)[1]

    svg = body[body.index("<svg") : body.index("</svg>")]
    assert [svg.index(name) for name in ("受理", "审查", "专家评审", "决定", "送达")] == sorted(
        svg.index(name) for name in ("受理", "审查", "专家评审", "决定", "送达")
    )
    assert "不计入时限" in svg
    assert "食品经营监管股" in svg  # countersigning unit
    assert "style=" not in svg


def test_cancelled_item_is_gone(client, catalog, list_manager, publisher, county):
    publish(list_manager, publisher, county, kind=ChangeKind.CANCEL, cancel=(PASSPORT,))

    assert page(client, "catalog:guide", PASSPORT)[0] == 404
    assert page(client, "catalog:guide_print", PASSPORT)[0] == 404
    assert "普通护照签发" not in page(client, "catalog:items")[1]
    assert "普通护照签发" not in page(client, "catalog:items", q="护照")[1]


def test_unknown_item_is_404(client, catalog):
    assert page(client, "catalog:guide", "NOSUCHCODE1")[0] == 404


def test_guide_shows_the_current_version_not_the_superseded_one(client, catalog, list_manager, publisher, county):
    publish(
        list_manager,
        publisher,
        county,
        passport_document(name="普通护照签发(换领)", promised_limit_days=4, phone="0999-7654321"),
        kind=ChangeKind.ADJUST,
    )

    body = page(client, "catalog:guide", PASSPORT)[1]

    assert "普通护照签发(换领)" in body
    assert "0999-7654321" in body and "0999-1234567" not in body
    assert "4 个工作日" in body and "7 个工作日" not in body
    assert "本指南依据清单第 2 版" in body


def test_guide_page_costs_a_fixed_number_of_queries(client, catalog, department, django_assert_max_num_queries):
    # the version with its catalog version, 7 prefetches, the portal's main hall
    with django_assert_max_num_queries(9):
        assert client.get(reverse("catalog:guide", args=[FOOD])).status_code == 200
    client.force_login(staff(Role.REVIEWER, department=department))
    with django_assert_max_num_queries(12):  # + session, user, role assignments
        assert client.get(reverse("catalog:guide", args=[FOOD])).status_code == 200


def test_print_version_has_the_guide_without_navigation(client, catalog):
    status, body = page(client, "catalog:guide_print", FOOD)

    assert status == 200
    assert "政务服务事项办事指南" in body
    assert "<svg" in body and "经营场所平面图" in body
    assert 'id="site-nav"' not in body
    assert "site-footer" not in body
    assert "/static/css/catalog.css" in body  # its @page A4 rules


def test_guide_links_to_its_print_version(client, catalog):
    body = page(client, "catalog:guide", FOOD)[1]

    assert f'href="{reverse("catalog:guide_print", args=[FOOD])}"' in body


# ---- themes and departments ----------------------------------------------------------------------


def test_themes_page_shows_person_and_enterprise_events_as_tiles(client, catalog):
    status, body = page(client, "catalog:themes")

    assert status == 200
    assert "个人办事" in body and "法人办事" in body
    assert body.index("户籍证件") < body.index("法人办事") < body.index("经营许可")
    assert f'href="{reverse("catalog:theme", args=["jingying-xuke"])}"' in body
    assert re.search(r"户籍证件</span>\s*<span [^>]*>1 项", body)


def test_theme_page_lists_its_items(client, catalog):
    status, body = page(client, "catalog:theme", "huji-zhengjian")

    assert status == 200
    assert "普通护照签发" in body
    assert "食品经营许可" not in body
    assert page(client, "catalog:theme", "no-such-theme")[0] == 404


def test_department_page_lists_its_items_by_category(client, catalog, department, other_department):
    status, body = page(client, "catalog:department_items", department.pk)

    assert status == 200
    assert "食品经营许可" in body and "普通护照签发" not in body
    assert "行政许可" in body
    assert "该部门暂无政务服务事项" in page(client, "catalog:department_items", other_department.pk)[1]


def test_inactive_or_unknown_department_is_404(client, catalog, county):
    closed = DepartmentFactory(region=county, name="已撤并的局", is_active=False)

    assert page(client, "catalog:department_items", closed.pk)[0] == 404
    assert page(client, "catalog:department_items", 999999)[0] == 404


# ---- open data -----------------------------------------------------------------------------------


def test_open_data_page_names_the_version_and_links_each_list(client, catalog):
    status, body = page(client, "catalog:open_data")

    assert status == 200
    assert "第 1 版" in body
    for kind in ListKind.values:
        assert reverse("catalog:open_data_json", args=[kind]) in body
        assert reverse("catalog:open_data_xlsx", args=[kind]) in body


def test_open_data_json_is_the_current_documents(client, catalog, county):
    response = client.get(reverse("catalog:open_data_json", args=[ListKind.SERVICE]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["ETag"] == '"1"'
    data = json.loads(response.content)
    spec = spec_for(ListKind.SERVICE)
    rows = spec.version.objects.filter(VersionedRow.current_q()).select_related(*spec.select).prefetch_related(*spec.prefetch)
    expected = sorted((spec.read(row) for row in rows), key=lambda doc: doc["implementation_code"])
    assert data["version"] == 1
    assert data["region"] == {"code": "990123", "name": county.name}
    assert data["count"] == 3
    assert data["entries"] == expected
    assert data["entries"][0]["materials"][0]["name"] == "食品经营许可申请书"


def test_open_data_json_revalidates_by_version(client, catalog, list_manager, publisher, county):
    url = reverse("catalog:open_data_json", args=[ListKind.SERVICE])

    assert client.get(url, HTTP_IF_NONE_MATCH='"1"').status_code == 304
    publish(list_manager, publisher, county, kind=ChangeKind.CANCEL, cancel=(PASSPORT,))
    response = client.get(url, HTTP_IF_NONE_MATCH='"1"')

    assert response.status_code == 200
    assert response["ETag"] == '"2"'
    codes = [doc["implementation_code"] for doc in json.loads(response.content)["entries"]]
    assert codes == [FOOD, SOCIAL_CARD]


def test_open_data_of_other_lists(client, catalog):
    data = json.loads(client.get(reverse("catalog:open_data_json", args=[ListKind.POWER])).content)

    assert data["list_kind"] == "power"
    assert data["entries"] == []


def test_open_data_excel(client, catalog):
    response = client.get(reverse("catalog:open_data_xlsx", args=[ListKind.SERVICE]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"]
    assert response.content[:2] == b"PK"  # a zip: the xlsx container
    assert response["ETag"] == '"1"'


def test_unknown_list_is_404(client, catalog):
    assert client.get("/lists/secrets.json").status_code == 404
    assert client.get("/lists/secrets.xlsx").status_code == 404


def test_open_data_before_the_first_publication(client, db):
    status, body = page(client, "catalog:open_data")
    data = json.loads(client.get(reverse("catalog:open_data_json", args=[ListKind.SERVICE])).content)

    assert status == 200
    assert "尚未发布清单" in body
    assert data["version"] is None and data["entries"] == []
    assert client.get(reverse("catalog:open_data_xlsx", args=[ListKind.SERVICE])).status_code == 404
