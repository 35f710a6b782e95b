"""The public read API of the lists: items (search and browse), an item's guide, powers,
departments with item counts, the catalog as Excel."""

# ruff: noqa: F401, F811 (the fixtures shared with test_views_public are imported, then named as arguments)

import json

import pytest
from django.test import override_settings
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff
from onewindow.catalog import services
from onewindow.catalog.choices import ChangeKind, ListKind
from onewindow.catalog.tests.documents import power_document
from onewindow.catalog.tests.test_views_public import (
    FOOD,
    HOSTILE,
    PASSPORT,
    SOCIAL_CARD,
    attach_forms,
    catalog,
    passport_document,
    publish,
    publisher,
    references,
)

SITE = "https://zwfw.example.gov.cn"


def get(client, path: str, **params: object):  # type: ignore[no-untyped-def]
    response = client.get(f"/api/v1{path}", params)
    return response.status_code, json.loads(response.content) if response["Content-Type"].startswith("application/json") else None


def codes(body: dict) -> list[str]:
    return [item["code"] for item in body["items"]]


# ---- items -------------------------------------------------------------------------------------


@override_settings(SITE_URL=SITE)
def test_anonymous_lists_items_with_the_fields_integrations_need(client, catalog):
    status, body = get(client, "/items")

    assert status == 200
    assert codes(body) == sorted([FOOD, PASSPORT, SOCIAL_CARD])  # by implementation code
    food = body["items"][0]
    assert food["name"] == "食品经营许可"
    assert food["department"]["name"] == "市场监督管理局"
    assert (food["category"], food["category_label"]) == ("licensing", "行政许可")
    assert (food["statutory_limit_days"], food["promised_limit_days"]) == (20, 5)
    assert (food["on_site_visits"], food["online_depth"], food["fully_online"]) == (0, 5, True)
    assert food["guide_url"] == f"{SITE}{reverse('catalog:guide', args=[FOOD])}"
    assert food["catalog_version"] == 1
    assert [s["code"] for s in food["situations"]] == ["S01", "S02"]
    materials = {m["code"]: m for m in food["materials"]}
    assert materials["M02"]["situation"] == "S01" and materials["M01"]["situation"] == ""
    assert materials["M02"]["necessity"] == "gap_allowed" and materials["M02"]["necessity_label"] == "容缺可补"
    assert materials["M03"]["shared_license"] is True and materials["M03"]["license_type"] == "business-license"
    assert materials["M01"]["shared_license"] is False
    assert materials["M01"]["blank_form_url"] is None


def test_browse_pages_by_cursor(client, catalog):
    status, first = get(client, "/items", limit=2)
    _, second = get(client, "/items", limit=2, cursor=first["next_cursor"])

    assert status == 200
    assert codes(first) == sorted([FOOD, PASSPORT, SOCIAL_CARD])[:2]
    assert codes(second) == sorted([FOOD, PASSPORT, SOCIAL_CARD])[2:]
    assert second["next_cursor"] is None


def test_a_bad_cursor_is_refused(client, catalog):
    status, body = get(client, "/items", cursor="not-a-cursor")

    assert status == 400
    assert body["code"] == "invalid_cursor"


@pytest.mark.parametrize(("query", "expected"), [("护照", PASSPORT), ("社保", SOCIAL_CARD), ("卡", SOCIAL_CARD), ("spjy", FOOD)])
def test_search_finds_items_by_short_queries_and_pinyin(client, catalog, query, expected):
    status, body = get(client, "/items", q=query)

    assert status == 200
    assert codes(body) == [expected]
    assert body["next_cursor"] is None
    assert body["items"][0]["materials"]  # search results carry materials too


def test_search_results_are_capped_at_fifty(client, catalog, list_manager, publisher, county):
    many = [passport_document(implementation_code=f"11990123MB0000009{n:04d}", name=f"护照补发{n:02d}") for n in range(55)]
    publish(list_manager, publisher, county, *many)

    status, body = get(client, "/items", q="护照", limit=200)

    assert status == 200
    assert len(body["items"]) == 50
    assert all(item["name"].startswith("护照补发") for item in body["items"])  # names starting with the query rank first


def test_hostile_names_come_back_as_plain_data(client, catalog, list_manager, publisher, county):
    publish(list_manager, publisher, county, passport_document(implementation_code=HOSTILE, name="<script>x</script>护照"))

    _, body = get(client, "/items", q="护照")

    assert "<script>x</script>护照" in [item["name"] for item in body["items"]]


def test_filters(client, catalog, department):
    assert codes(get(client, "/items", department=department.pk)[1]) == [FOOD]
    assert codes(get(client, "/items", department="公安局")[1]) == [PASSPORT]
    assert codes(get(client, "/items", category="public_service")[1]) == [SOCIAL_CARD]
    assert codes(get(client, "/items", theme="jingying-xuke")[1]) == [FOOD]
    assert codes(get(client, "/items", audience="enterprise")[1]) == [FOOD]
    assert codes(get(client, "/items", q="许可", category="licensing")[1]) == [FOOD]
    assert codes(get(client, "/items", region="990123")[1]) == sorted([FOOD, PASSPORT, SOCIAL_CARD])


def test_a_region_without_items_has_none(client, catalog, other_county):
    status, body = get(client, "/items", region=other_county.code)

    assert status == 200
    assert body["items"] == []


@pytest.mark.parametrize(
    ("param", "value", "code"),
    [
        ("category", "bogus", "unknown_category"),
        ("department", "999999", "unknown_department"),
        ("department", "不存在的局", "unknown_department"),
        ("theme", "nope", "unknown_theme"),
        ("audience", "robot", "unknown_audience"),
        ("region", "000000", "unknown_region"),
    ],
)
def test_unknown_filters_answer_400_with_a_code(client, catalog, param, value, code):
    status, body = get(client, "/items", **{param: value})

    assert status == 400
    assert body["code"] == code
    assert body["message"]


def test_limit_is_validated(client, catalog):
    assert get(client, "/items", limit=0)[0] == 400
    assert get(client, "/items", limit=201)[0] == 400


@override_settings(SITE_URL=SITE)
def test_item_detail_carries_the_whole_guide_but_no_risk_points(client, catalog):
    status, body = get(client, f"/items/{FOOD}")

    assert status == 200
    assert body["code"] == FOOD and body["basic_code"] == "11371000"
    assert body["legal_basis"] == "《中华人民共和国食品安全法》第三十五条"
    assert body["unit"] == "行政审批科"
    assert body["result_license_type"] == "food-business-license"
    assert body["deemed_approval"] is True
    assert body["themes"] == [{"code": "jingying-xuke", "name": "经营许可"}]
    assert body["fees"] == [] and body["is_free"] is True
    assert [s["name"] for s in body["stages"]] == ["受理", "审查", "专家评审", "决定", "送达"]
    review = body["stages"][1]
    assert review["countersign_units"] == ["食品经营监管股"] and review["role_label"] == "审查人员"
    assert body["stages"][2]["special_procedure"] is True
    assert body["guide_url"] == f"{SITE}/items/{FOOD}/"
    assert "risk" not in json.dumps(body) and "降低审查标准" not in json.dumps(body, ensure_ascii=False)


@override_settings(SITE_URL=SITE)
def test_materials_link_their_blank_forms_absolutely(client, catalog):
    attach_forms(FOOD, "M01")

    _, body = get(client, f"/items/{FOOD}")

    application = next(m for m in body["materials"] if m["code"] == "M01")
    assert application["blank_form_url"].startswith(f"{SITE}/media/catalog/forms/")
    assert application["example_url"].startswith(f"{SITE}/media/catalog/examples/")


def test_openapi_schema_describes_the_catalog(client):
    schema = json.loads(client.get("/api/v1/openapi.json").content)

    for path in ("/api/v1/items", "/api/v1/items/{code}", "/api/v1/powers", "/api/v1/departments", "/api/v1/items.xlsx"):
        assert path in schema["paths"], path


def test_item_detail_of_a_charged_item(client, catalog):
    _, body = get(client, f"/items/{PASSPORT}")

    assert body["fees"] == [{"name": "护照工本费", "standard": "120元/本", "basis": "发改价格〔2017〕1186号", "reducible": False}]
    assert body["visit_reason"] == "需现场采集指纹和人像"


def test_unknown_item_is_404_item_not_found(client, catalog):
    status, body = get(client, "/items/NOSUCHCODE1")

    assert status == 404
    assert body["code"] == "item_not_found"


def test_cancelled_item_is_404_and_gone_from_the_list(client, catalog, list_manager, publisher, county):
    publish(list_manager, publisher, county, kind=ChangeKind.CANCEL, cancel=(PASSPORT,))

    status, body = get(client, f"/items/{PASSPORT}")

    assert status == 404 and body["code"] == "item_not_found"
    assert PASSPORT not in codes(get(client, "/items")[1])
    assert get(client, "/items", q="护照")[1]["items"] == []


def test_superseded_values_are_not_served(client, catalog, list_manager, publisher, county):
    changed = passport_document(name="普通护照签发(换领)", promised_limit_days=4)
    publish(list_manager, publisher, county, changed, kind=ChangeKind.ADJUST)

    _, detail = get(client, f"/items/{PASSPORT}")
    _, listed = get(client, "/items", q="护照")

    assert (detail["name"], detail["promised_limit_days"], detail["catalog_version"]) == ("普通护照签发(换领)", 4, 2)
    assert [(i["name"], i["promised_limit_days"]) for i in listed["items"]] == [("普通护照签发(换领)", 4)]


@pytest.mark.parametrize("who", ["applicant", "staff"])
def test_logged_in_users_get_the_same_public_answers(client, catalog, applicant, department, who):
    user = applicant if who == "applicant" else staff(Role.REVIEWER, department=department)
    anonymous = get(client, f"/items/{FOOD}")[1]
    client.force_login(user)

    status, body = get(client, f"/items/{FOOD}")

    assert status == 200
    assert body == anonymous
    assert "降低审查标准" not in json.dumps(body, ensure_ascii=False)


def test_item_endpoints_cost_a_fixed_number_of_queries(client, catalog, list_manager, publisher, county, django_assert_max_num_queries):
    many = [passport_document(implementation_code=f"11990123MB0000009{n:04d}", name=f"护照补发{n:02d}") for n in range(20)]
    publish(list_manager, publisher, county, *many)

    with django_assert_max_num_queries(4):  # region, page, situations, materials
        assert len(get(client, "/items", limit=50)[1]["items"]) == 23
    with django_assert_max_num_queries(6):  # region, synonyms, ranking, rows, situations, materials
        assert len(get(client, "/items", q="护照")[1]["items"]) == 21
    with django_assert_max_num_queries(8):  # the version and its 7 prefetches
        assert get(client, f"/items/{FOOD}")[0] == 200


# ---- powers, departments, Excel ----------------------------------------------------------------


@pytest.fixture
def powers(county, department, references, list_manager, publisher):
    request = services.change_request_create(
        actor=list_manager,
        region=county,
        list_kind=ListKind.POWER,
        kind=ChangeKind.ADD,
        title="权责清单",
        reason="梳理",
        legal_basis="编办文件",
    )
    for document in (
        power_document(),
        power_document(code="330217002000", name="对违反食品安全法行为的处罚", category="penalty"),
        power_document(department="公安局", code="330217003000", name="普通护照签发", implementing_body="示范县公安局"),
    ):
        services.change_request_save_draft(actor=list_manager, change_request=request, document=document)
    services.change_request_submit(actor=list_manager, change_request=request)
    return services.change_request_publish(actor=publisher, change_request=request)


def test_powers_with_legal_bases(client, powers, department):
    status, body = get(client, "/powers")

    assert status == 200
    assert [p["code"] for p in body["items"]] == ["330217001000", "330217002000", "330217003000"]
    food = body["items"][0]
    assert food["legal_bases"] == [
        {"law": "《中华人民共和国食品安全法》", "article": "第三十五条", "text": "国家对食品生产经营实行许可制度。"}
    ]
    assert food["responsibilities"] == [{"stage": "受理", "content": "依法受理申请。"}]
    assert food["accountability_rules"] == ["对符合法定条件的申请不予受理的"]
    assert food["levels"] == ["county"] and food["department"]["name"] == "市场监督管理局"


def test_powers_filters(client, powers, department):
    assert [p["code"] for p in get(client, "/powers", category="penalty")[1]["items"]] == ["330217002000"]
    assert [p["code"] for p in get(client, "/powers", department=department.pk)[1]["items"]] == ["330217001000", "330217002000"]
    assert get(client, "/powers", category="bogus")[1]["code"] == "unknown_category"


def test_powers_cost_a_fixed_number_of_queries(client, powers, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):  # region, page, bases, responsibilities, accountability rules
        assert len(get(client, "/powers")[1]["items"]) == 3


@override_settings(SITE_URL=SITE)
def test_departments_with_item_counts_in_one_query(client, catalog, department, other_department, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):  # region, departments with counts
        status, body = get(client, "/departments")

    assert status == 200
    counts = {d["name"]: d["item_count"] for d in body["items"]}
    assert counts == {"市场监督管理局": 1, "卫生健康局": 0, "公安局": 1, "人力资源和社会保障局": 1}
    market = next(d for d in body["items"] if d["id"] == department.pk)
    assert market["items_url"] == f"{SITE}/departments/{department.pk}/items/"


def test_department_counts_drop_cancelled_items(client, catalog, list_manager, publisher, county):
    publish(list_manager, publisher, county, kind=ChangeKind.CANCEL, cancel=(PASSPORT,))

    counts = {d["name"]: d["item_count"] for d in get(client, "/departments")[1]["items"]}

    assert counts["公安局"] == 0


def test_items_as_excel(client, catalog):
    response = client.get("/api/v1/items.xlsx")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"]
    assert response.content[:2] == b"PK"


def test_excel_before_anything_is_published(client, db):
    status, body = get(client, "/items.xlsx")

    assert status == 404
    assert body["code"] == "catalog_not_published"
