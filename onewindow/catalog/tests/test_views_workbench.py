"""The catalog workbench pages: change requests and their review, versions and diffs, themes,
synonyms and metrics — as the allowed users, users of another department, and anonymous visitors."""

import re

import pytest
from django.urls import NoReverseMatch, reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import UserFactory, grant, staff
from onewindow.audit.models import AuditEvent
from onewindow.catalog.choices import ChangeRequestStatus
from onewindow.catalog.models import CatalogVersion, ChangeRequest, ServiceItem, ServiceItemVersion, Synonym, Theme
from onewindow.catalog.services import (
    change_request_create,
    change_request_publish,
    change_request_save_draft,
    change_request_submit,
)
from onewindow.catalog.tests.documents import item_document
from onewindow.catalog.tests.factories import ChangeRequestFactory, PublishedItemFactory, SynonymFactory, ThemeFactory
from onewindow.workbench.navigation import navigation_for

pytestmark = pytest.mark.django_db

CODE = item_document()["implementation_code"]


def url(name, *args):
    return reverse(f"catalog:{name}", args=args)


def login_url(path):
    return f"{reverse('accounts:login')}?next={path}"


def new_request(actor, county, department, kind="add", title="新增食品经营许可"):
    return change_request_create(
        actor=actor,
        region=county,
        department=department,
        list_kind="service",
        kind=kind,
        title=title,
        reason="依法调整",
        legal_basis="《中华人民共和国行政许可法》第十二条",
    )


def published_item(county, department, drafter, publisher, **overrides):
    """Version 1 of the county's lists: one food business licence item."""
    request = new_request(drafter, county, department)
    change_request_save_draft(actor=drafter, change_request=request, document=item_document(**overrides))
    change_request_submit(actor=drafter, change_request=request)
    return change_request_publish(actor=publisher, change_request=request)


def adjusting_request(county, department, drafter, submit=True, **changes):
    """A request adjusting the published item (promised limit 5 → 4 by default)."""
    request = new_request(drafter, county, department, kind="adjust", title="压缩承诺时限")
    change_request_save_draft(actor=drafter, change_request=request, document=item_document(**(changes or {"promised_limit_days": 4})))
    if submit:
        change_request_submit(actor=drafter, change_request=request)
    return request


@pytest.fixture
def version_one(county, department, department_admin, list_manager):
    return published_item(county, department, department_admin, list_manager)


@pytest.fixture
def adjusting(version_one, county, department, department_admin):
    return adjusting_request(county, department, department_admin)


def page(response):
    return response.content.decode()


# Anonymous visitors and users without the role ---------------------------------------------------

GET_PAGES = ["cr_list", "cr_create", "versions", "version_diff", "theme_list", "theme_create", "synonym_list", "metrics"]


@pytest.mark.parametrize("name", GET_PAGES)
def test_anonymous_visitors_are_sent_to_login(client, db, name):
    path = url(name)
    response = client.get(path)
    assert response.status_code == 302 and response.url == login_url(path)


def test_anonymous_visitors_cannot_open_or_act_on_a_request(client, adjusting):
    assert client.get(url("cr_detail", adjusting.pk)).status_code == 302
    for name in ("cr_submit", "cr_withdraw", "cr_return", "cr_publish", "cr_cancel_entry"):
        response = client.post(url(name, adjusting.pk), {"comment": "x", "code": CODE})
        assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    adjusting.refresh_from_db()
    assert adjusting.status == ChangeRequestStatus.SUBMITTED


@pytest.mark.parametrize("name", ["cr_list", "cr_create", "theme_list", "theme_create", "synonym_list", "metrics"])
def test_staff_without_a_catalog_role_get_403(client, reviewer, name):
    client.force_login(reviewer)
    assert client.get(url(name)).status_code == 403


def test_applicants_may_not_open_the_version_history(client, applicant):
    client.force_login(applicant)
    assert client.get(url("versions")).status_code == 403
    assert client.get(url("version_diff")).status_code == 403


def test_department_admins_may_not_keep_themes_or_synonyms(client, department_admin):
    client.force_login(department_admin)
    assert client.get(url("theme_list")).status_code == 403
    assert client.post(url("theme_create"), {"code": "x", "name": "x", "kind": "topic", "audience": "person", "sort": 1}).status_code == 403
    assert client.get(url("synonym_list")).status_code == 403
    assert not Theme.objects.exists()


# The list of change requests ------------------------------------------------------------------------


def test_the_list_shows_each_user_the_requests_they_may_see(
    client, county, department, other_department, list_manager, department_admin, other_department_admin
):
    ours = new_request(department_admin, county, department, title="本部门的申请")
    theirs = new_request(other_department_admin, county, other_department, title="卫健局的申请")
    client.force_login(list_manager)
    text = page(client.get(url("cr_list")))
    assert ours.title in text and theirs.title in text
    client.force_login(department_admin)
    text = page(client.get(url("cr_list")))
    assert ours.title in text and theirs.title not in text
    assert url("cr_detail", ours.pk) in text


def test_the_list_filters_by_status_list_and_kind(client, county, department, department_admin, list_manager, adjusting):
    draft = new_request(department_admin, county, department, title="仍是草稿")
    client.force_login(list_manager)
    text = page(client.get(url("cr_list"), {"status": "submitted"}))
    assert adjusting.title in text and draft.title not in text
    text = page(client.get(url("cr_list"), {"kind": "add", "list_kind": "service"}))
    assert draft.title in text and adjusting.title not in text
    assert page(client.get(url("cr_list"), {"list_kind": "power"})).count("catalog/workbench/requests/") == 0


def test_htmx_filtering_returns_only_the_table(client, county, department, department_admin):
    new_request(department_admin, county, department, title="草稿一")
    client.force_login(department_admin)
    response = client.get(url("cr_list"), {"status": "draft"}, headers={"HX-Request": "true"})
    text = page(response)
    assert response.status_code == 200 and "草稿一" in text
    assert 'id="cr-results"' in text and "<html" not in text
    assert "HX-Request" in response["Vary"]
    restored = client.get(url("cr_list"), headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in page(restored)


def test_the_list_costs_a_bounded_number_of_queries(
    client, county, department, list_manager, department_admin, django_assert_max_num_queries
):
    for index in range(30):
        ChangeRequestFactory(department=department, drafted_by=department_admin, title=f"申请{index}")
    client.force_login(list_manager)
    with django_assert_max_num_queries(8):
        response = client.get(url("cr_list"))
    assert len(re.findall(r'href="/workbench/catalog/requests/\d+/"', page(response))) == 30


def test_a_damaged_cursor_starts_at_the_first_page(client, list_manager, adjusting):
    client.force_login(list_manager)
    response = client.get(url("cr_list"), {"cursor": "not-a-cursor"})
    assert response.status_code == 200 and adjusting.title in page(response)


# Creating a request --------------------------------------------------------------------------------


def form_data(**overrides):
    data = {"list_kind": "service", "kind": "add", "title": "新增事项", "reason": "依法设定", "legal_basis": "《行政许可法》第十二条"}
    data.update(overrides)
    return data


def test_a_department_admin_creates_a_request_for_their_department_only(client, department, other_department, department_admin):
    client.force_login(department_admin)
    form = client.get(url("cr_create"))
    assert form.status_code == 200 and department.name in page(form) and other_department.name not in page(form)
    response = client.post(url("cr_create"), form_data(department=other_department.pk))
    request = ChangeRequest.objects.get()
    assert response.status_code == 302 and response.url == url("cr_detail", request.pk)
    assert request.department == department and request.region == department.region and request.drafted_by == department_admin
    assert AuditEvent.objects.filter(action="catalog.change_request.create", object_id=str(request.pk)).exists()


def test_department_admins_cannot_open_region_wide_lists(client, department_admin):
    client.force_login(department_admin)
    response = client.post(url("cr_create"), form_data(list_kind="intermediary"))
    assert response.status_code == 400 and not ChangeRequest.objects.exists()


def test_missing_legal_basis_is_shown_at_its_field(client, department_admin):
    client.force_login(department_admin)
    response = client.post(url("cr_create"), form_data(legal_basis="   "))
    assert response.status_code == 400
    form = response.context["form"]
    assert form.errors["legal_basis"] and "依法设定" in page(response)
    assert not ChangeRequest.objects.exists()


def test_service_errors_are_shown_at_their_fields(client, county, other_county, department, list_manager):
    grant(list_manager, Role.LIST_MANAGER, region=other_county)
    client.force_login(list_manager)
    response = client.post(url("cr_create"), form_data(region=other_county.pk, department=department.pk))
    assert response.status_code == 400
    assert response.context["form"].errors["department"] == ["部门不属于该区划。"]
    assert not ChangeRequest.objects.exists()


def test_a_list_manager_may_open_a_region_wide_request(client, county, list_manager):
    client.force_login(list_manager)
    response = client.post(url("cr_create"), form_data(list_kind="intermediary"))
    request = ChangeRequest.objects.get()
    assert response.status_code == 302 and request.region == county and request.department is None


# A request's page -----------------------------------------------------------------------------------


def test_the_request_page_shows_its_entries_against_the_current_list(client, adjusting, department_admin):
    client.force_login(department_admin)
    response = client.get(url("cr_detail", adjusting.pk))
    text = page(response)
    assert response.status_code == 200
    assert adjusting.title in text and "待审核" in text and "依法调整" in text
    [entry] = response.context["diffs"]
    assert [(line.label, line.old.text, line.new.text) for line in entry.lines] == [("承诺办结时限(工作日)", "5", "4")]
    assert "<del>5</del>" in text and "<ins>4</ins>" in text
    assert "catalog.change_request.submit" in text  # the history from the audit trail


def test_an_added_entry_is_shown_field_by_field(client, county, department, department_admin):
    request = new_request(department_admin, county, department)
    change_request_save_draft(actor=department_admin, change_request=request, document=item_document())
    client.force_login(department_admin)
    response = client.get(url("cr_detail", request.pk))
    [entry] = response.context["diffs"]
    assert entry.status == "added"
    lines = {line.label: line for line in entry.lines}
    assert lines["事项名称"].new.text == "食品经营许可" and lines["事项名称"].old.empty
    assert lines["办件类型"].new.text == "承诺件"
    assert "申请材料" in lines and lines["申请材料"].new.lines[0].startswith(
        "材料代码:M01;办事情形:(空);材料名称:食品经营许可申请书;材料形式:原件"
    )
    assert "diff-added" in page(response)


def test_a_new_material_shows_as_an_added_row(client, version_one, county, department, department_admin):
    request = new_request(department_admin, county, department, kind="adjust")
    document = item_document()
    document["materials"].append(dict(document["materials"][0], code="M03", name="健康证明"))
    document["materials"][0]["form"] = "copy"
    change_request_save_draft(actor=department_admin, change_request=request, document=document)
    client.force_login(department_admin)
    [entry] = client.get(url("cr_detail", request.pk)).context["diffs"]
    lines = {line.label: line for line in entry.lines}
    assert (lines["申请材料 M01 · 材料形式"].old.text, lines["申请材料 M01 · 材料形式"].new.text) == ("原件", "复印件")
    added = lines["申请材料 M03"]
    assert added.kind == "added" and added.old.empty and "材料名称:健康证明" in added.new.lines[0]


def test_another_departments_admin_gets_404_on_a_request(client, adjusting, other_department_admin):
    client.force_login(other_department_admin)
    assert client.get(url("cr_detail", adjusting.pk)).status_code == 404
    for name in ("cr_submit", "cr_withdraw", "cr_return", "cr_publish", "cr_cancel_entry"):
        assert client.post(url(name, adjusting.pk), {"comment": "不行", "code": CODE}).status_code == 404
    draft = ServiceItemVersion.objects.get(change_request=adjusting)
    assert client.post(url("cr_remove_entry", adjusting.pk, draft.pk)).status_code == 404
    assert ServiceItemVersion.objects.filter(change_request=adjusting).count() == 1
    adjusting.refresh_from_db()
    assert adjusting.status == ChangeRequestStatus.SUBMITTED and not CatalogVersion.objects.filter(number=2).exists()


def test_an_unknown_request_is_a_404(client, list_manager):
    client.force_login(list_manager)
    assert client.get(url("cr_detail", 999999)).status_code == 404


def test_the_drafter_is_offered_submit_and_withdraw_not_publish(client, county, department, department_admin):
    request = new_request(department_admin, county, department)
    client.force_login(department_admin)
    text = page(client.get(url("cr_detail", request.pk)))
    assert url("cr_submit", request.pk) in text and url("cr_withdraw", request.pk) in text
    assert url("cr_publish", request.pk) not in text and url("cr_return", request.pk) not in text


def test_the_editor_is_linked_only_where_it_exists(client, county, department, department_admin):
    request = new_request(department_admin, county, department)
    client.force_login(department_admin)
    response = client.get(url("cr_detail", request.pk))
    try:
        expected = reverse("catalog:editor_item", kwargs={"cr_pk": request.pk})
    except NoReverseMatch:  # the editor is another module's
        expected = None
    assert response.context["new_entry_url"] == expected


def test_a_list_manager_sees_why_they_may_not_publish_their_own_request(client, version_one, county, department, list_manager):
    request = adjusting_request(county, department, list_manager)
    client.force_login(list_manager)
    text = page(client.get(url("cr_detail", request.pk)))
    assert "不能由起草人本人审核发布" in text and 'disabled aria-describedby="publish-blocked"' in text
    response = client.post(url("cr_publish", request.pk))
    assert response.status_code == 403 and "不能由起草人本人审核发布" in page(response)
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.SUBMITTED


def test_a_department_admin_cannot_publish_even_by_posting(client, adjusting, department_admin):
    client.force_login(department_admin)
    response = client.post(url("cr_publish", adjusting.pk))
    assert response.status_code == 403 and "只有清单管理人员可以发布变更" in page(response)
    assert CatalogVersion.objects.count() == 1


def test_returning_needs_a_comment_and_keeps_what_was_typed(client, adjusting, list_manager):
    client.force_login(list_manager)
    response = client.post(url("cr_return", adjusting.pk), {"comment": "  "})
    assert response.status_code == 400 and response.context["return_form"].errors["comment"]
    adjusting.refresh_from_db()
    assert adjusting.status == ChangeRequestStatus.SUBMITTED


def test_publishing_an_already_published_request_shows_a_message(client, adjusting, list_manager, second_list_manager):
    change_request_publish(actor=second_list_manager, change_request=adjusting)
    client.force_login(list_manager)
    response = client.post(url("cr_publish", adjusting.pk), {"comment": "同意"})
    assert response.status_code == 409
    assert "该申请已被他人处理" in page(response)
    assert CatalogVersion.objects.count() == 2


def test_returning_a_request_published_meanwhile_keeps_the_comment(client, adjusting, list_manager, second_list_manager):
    change_request_publish(actor=second_list_manager, change_request=adjusting)
    client.force_login(list_manager)
    response = client.post(url("cr_return", adjusting.pk), {"comment": "请补充依据"})
    assert response.status_code == 409 and "该申请已被他人处理" in page(response)
    assert "请补充依据" in page(response)
    adjusting.refresh_from_db()
    assert adjusting.status == ChangeRequestStatus.PUBLISHED


def test_submitting_an_empty_request_shows_why(client, county, department, department_admin):
    request = new_request(department_admin, county, department)
    client.force_login(department_admin)
    response = client.post(url("cr_submit", request.pk))
    assert response.status_code == 400 and "变更申请还没有任何条目" in page(response)
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.DRAFT


def test_drafting_a_cancellation_and_removing_it(client, version_one, county, department, department_admin):
    request = new_request(department_admin, county, department, kind="cancel", title="取消事项")
    client.force_login(department_admin)
    response = client.post(url("cr_cancel_entry", request.pk), {"code": CODE})
    assert response.status_code == 302
    draft = ServiceItemVersion.objects.get(change_request=request)
    assert draft.is_cancellation and draft.state == "draft"
    response = client.get(url("cr_detail", request.pk))
    [entry] = response.context["entries"]
    assert (entry.code, entry.change) == (CODE, "cancelled")
    assert [d.status for d in response.context["diffs"]] == ["removed"]
    response = client.post(url("cr_remove_entry", request.pk, draft.pk))
    assert response.status_code == 302 and not ServiceItemVersion.objects.filter(change_request=request).exists()


def test_cancelling_an_unknown_code_is_shown_at_the_field(client, county, department, department_admin):
    request = new_request(department_admin, county, department, kind="cancel")
    client.force_login(department_admin)
    response = client.post(url("cr_cancel_entry", request.pk), {"code": "NOSUCHCODE"})
    assert response.status_code == 400
    assert "NOSUCHCODE" in response.context["cancel_form"].errors["code"][0]
    assert not ServiceItemVersion.objects.filter(change_request=request).exists()


def test_removing_an_entry_of_a_submitted_request_is_refused(client, adjusting, department_admin):
    draft = ServiceItemVersion.objects.get(change_request=adjusting)
    client.force_login(department_admin)
    response = client.post(url("cr_remove_entry", adjusting.pk, draft.pk))
    assert response.status_code == 409 and "不能再修改" in page(response)
    assert ServiceItemVersion.objects.filter(pk=draft.pk).exists()


def test_withdrawing_a_draft(client, county, department, department_admin):
    request = new_request(department_admin, county, department)
    change_request_save_draft(actor=department_admin, change_request=request, document=item_document())
    client.force_login(department_admin)
    response = client.post(url("cr_withdraw", request.pk))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == ChangeRequestStatus.WITHDRAWN and not ServiceItem.objects.exists()


def test_actions_are_post_only(client, adjusting, list_manager):
    client.force_login(list_manager)
    assert client.get(url("cr_publish", adjusting.pk)).status_code == 405


# The whole journey through the pages ------------------------------------------------------------------


def test_from_draft_to_version_two_through_the_pages(
    client, version_one, county, department, department_admin, list_manager, second_list_manager
):
    client.force_login(department_admin)
    response = client.post(url("cr_create"), form_data(kind="adjust", title="压缩食品经营许可承诺时限"))
    request = ChangeRequest.objects.get(title="压缩食品经营许可承诺时限")
    assert response.url == url("cr_detail", request.pk)
    change_request_save_draft(actor=department_admin, change_request=request, document=item_document(promised_limit_days=4))

    assert client.post(url("cr_submit", request.pk)).status_code == 302
    client.force_login(list_manager)
    assert client.post(url("cr_return", request.pk), {"comment": "请一并更新咨询电话"}).status_code == 302
    request.refresh_from_db()
    assert (request.status, request.review_comment) == ("returned", "请一并更新咨询电话")

    client.force_login(department_admin)
    assert "请一并更新咨询电话" in page(client.get(url("cr_detail", request.pk)))
    change_request_save_draft(
        actor=department_admin, change_request=request, document=item_document(promised_limit_days=4, phone="0999-7654321")
    )
    assert client.post(url("cr_submit", request.pk)).status_code == 302

    client.force_login(second_list_manager)
    response = client.post(url("cr_publish", request.pk), {"comment": "同意"}, follow=True)
    assert "生成清单第2版" in page(response)
    assert ServiceItem.objects.get().current.promised_limit_days == 4

    text = page(client.get(url("versions")))
    assert "第2版" in text and "调整:压缩食品经营许可承诺时限" in text and url("cr_detail", request.pk) in text

    response = client.get(url("version_diff"))
    assert response.context["compared"] == (1, 2)
    [entry] = response.context["entries"]
    changed = {line.label: (line.old.text, line.new.text) for line in entry.lines}
    assert changed == {"承诺办结时限(工作日)": ("5", "4"), "咨询电话": ("0999-1234567", "0999-7654321")}
    assert "<del>0999-1234567</del>" in page(response)

    actions = list(
        AuditEvent.objects.filter(object_id=str(request.pk), object_type="catalog.changerequest")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions[0] == "catalog.change_request.create" and actions[-1] == "catalog.change_request.publish"
    assert {"catalog.change_request.return", "catalog.change_request.submit"} <= set(actions)


# Versions ----------------------------------------------------------------------------------------------


def test_every_staff_member_sees_the_version_history(client, version_one, other_department_admin, reviewer):
    for user in (other_department_admin, reviewer):
        client.force_login(user)
        response = client.get(url("versions"))
        assert response.status_code == 200 and "第1版" in page(response)
        # the request itself is the department's: not linked for those who may not see it
        assert url("cr_detail", version_one.change_request_id) not in page(response)


def test_the_history_costs_a_bounded_number_of_queries(
    client, county, department, department_admin, list_manager, django_assert_max_num_queries
):
    for index in range(8):
        published_item(county, department, department_admin, list_manager, implementation_code=f"11990123MB0000003000{index}")
    client.force_login(list_manager)
    with django_assert_max_num_queries(8):
        response = client.get(url("versions"))
    assert page(response).count("查看变化") == 8


def test_the_diff_of_the_first_version_shows_everything_added(client, version_one, reviewer):
    client.force_login(reviewer)
    response = client.get(url("version_diff"), {"from": 0, "to": 1})
    [entry] = response.context["entries"]
    assert entry.status == "added" and entry.key == CODE


def test_the_diff_refuses_versions_out_of_order_or_range(client, version_one, reviewer):
    client.force_login(reviewer)
    response = client.get(url("version_diff"), {"from": 1, "to": 1})
    assert response.status_code == 400 and response.context["form"].errors["from"]
    response = client.get(url("version_diff"), {"to": 7})
    assert response.status_code == 400 and "最新版本为第1版" in page(response)


def test_a_region_without_versions_says_so(client, county, reviewer):
    client.force_login(reviewer)
    response = client.get(url("version_diff"))
    assert response.status_code == 200 and "尚未发布清单版本" in page(response)


# Themes and synonyms -------------------------------------------------------------------------------------


def test_list_managers_add_and_edit_themes(client, list_manager):
    client.force_login(list_manager)
    data = {"code": "kaiban-qiye", "name": "开办企业", "kind": "enterprise_event", "audience": "enterprise", "sort": 10}
    assert client.post(url("theme_create"), data).status_code == 302
    assert "开办企业" in page(client.get(url("theme_list")))
    response = client.post(url("theme_edit", "kaiban-qiye"), dict(data, code="changed", name="开办企业一件事"))
    assert response.status_code == 302
    theme = Theme.objects.get()
    assert (theme.code, theme.name) == ("kaiban-qiye", "开办企业一件事")


def test_a_theme_code_cannot_be_taken_twice(client, list_manager):
    ThemeFactory(code="chusheng", name="出生")
    client.force_login(list_manager)
    data = {"code": "chusheng", "name": "另一个", "kind": "life_event", "audience": "person", "sort": 1}
    response = client.post(url("theme_create"), data)
    assert response.status_code == 400 and response.context["form"].errors["code"]
    assert Theme.objects.get().name == "出生"


def test_an_unknown_theme_is_a_404(client, list_manager):
    client.force_login(list_manager)
    assert client.get(url("theme_edit", "nosuch")).status_code == 404


def test_list_managers_map_phrases_to_items(client, county, department, list_manager):
    item = PublishedItemFactory(department=department, name="食品经营许可")
    client.force_login(list_manager)
    response = client.post(url("synonym_list"), {"phrase": "开饭店", "item_codes": f"{item.implementation_code}\n"})
    assert response.status_code == 302
    synonym = Synonym.objects.get()
    assert synonym.region == county and list(synonym.items.all()) == [item]
    assert "开饭店" in page(client.get(url("synonym_list")))


def test_an_unknown_item_code_is_shown_at_its_field(client, department, list_manager):
    client.force_login(list_manager)
    response = client.post(url("synonym_list"), {"phrase": "开饭店", "item_codes": "NOSUCH"})
    assert response.status_code == 400 and "NOSUCH" in response.context["form"].errors["item_codes"][0]
    assert not Synonym.objects.exists()


def test_deleting_a_synonym(client, county, department, list_manager):
    synonym = SynonymFactory(region=county, phrase="补领身份证", items=[PublishedItemFactory(department=department)])
    client.force_login(list_manager)
    assert client.post(url("synonym_delete", synonym.pk)).status_code == 302
    assert not Synonym.objects.exists()


def test_another_regions_list_manager_cannot_delete_a_synonym(client, county, other_county, department):
    synonym = SynonymFactory(region=county, phrase="补领身份证", items=[PublishedItemFactory(department=department)])
    client.force_login(staff(Role.LIST_MANAGER, region=other_county))
    assert client.post(url("synonym_delete", synonym.pk)).status_code == 404
    assert "补领身份证" not in page(client.get(url("synonym_list")))
    assert Synonym.objects.exists()


# Metrics ------------------------------------------------------------------------------------------------


@pytest.fixture
def two_departments(department, other_department):
    PublishedItemFactory(department=department, name="食品经营许可", on_site_visits=0)
    PublishedItemFactory(department=other_department, name="医疗机构执业登记", on_site_visits=2)


def test_list_managers_see_the_regions_metrics(client, two_departments, list_manager):
    client.force_login(list_manager)
    response = client.get(url("metrics"))
    figures = response.context["figures"]
    assert response.status_code == 200 and figures.overall.total == 2
    assert str(figures.overall.zero_visit.percent) == "50.0" and "50.0%" in page(response)


def test_department_admins_see_their_departments_metrics(client, two_departments, department_admin, other_department):
    client.force_login(department_admin)
    response = client.get(url("metrics"), {"department": other_department.pk})
    figures = response.context["figures"]
    assert response.status_code == 200 and figures.overall.total == 1
    assert "食品经营许可" in page(response) and "医疗机构执业登记" not in page(response)


def test_system_admins_see_the_metrics(client, two_departments, system_admin):
    client.force_login(system_admin)
    assert client.get(url("metrics")).context["figures"].overall.total == 2


def test_a_list_manager_narrows_the_metrics_to_a_department(client, two_departments, list_manager, other_department):
    client.force_login(list_manager)
    response = client.get(url("metrics"), {"department": other_department.pk})
    assert response.context["figures"].overall.total == 1 and "医疗机构执业登记" in page(response)


# Navigation -----------------------------------------------------------------------------------------


def nav_urls(user):
    return {link.url for group in navigation_for(user, "/workbench/") for link in group}


def test_the_navigation_offers_catalog_pages_by_role(list_manager, department_admin, reviewer):
    catalog = {url("cr_list"), url("versions"), url("metrics"), url("theme_list"), url("synonym_list")}
    assert catalog <= nav_urls(list_manager)
    assert nav_urls(department_admin) & catalog == {url("cr_list"), url("versions"), url("metrics")}
    assert nav_urls(reviewer) & catalog == {url("versions")}
    assert nav_urls(UserFactory()) & catalog == set()


def test_the_home_page_links_catalog_pages_in_the_role_sections(client, list_manager, department_admin):
    client.force_login(list_manager)
    text = page(client.get(reverse("workbench:home")))
    assert url("cr_list") in text and url("synonym_list") in text
    client.force_login(department_admin)
    text = page(client.get(reverse("workbench:home")))
    assert url("cr_list") in text and url("theme_list") not in text
