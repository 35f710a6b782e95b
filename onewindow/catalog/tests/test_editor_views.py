"""The draft editor pages: who may open them, saving a whole entry, problems shown on their fields, htmx rows."""

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from onewindow.catalog.choices import ChangeRequestStatus
from onewindow.catalog.documents.registry import spec_for
from onewindow.catalog.editor import forms_from_document
from onewindow.catalog.models import ServiceItem, ServiceItemVersion
from onewindow.catalog.services import change_request_create, change_request_save_draft, change_request_submit
from onewindow.catalog.tests.documents import item_document, power_document
from onewindow.catalog.tests.test_editor_documents import (
    full_item_document,
    post_data,
    publish,
    references,  # noqa: F401 - a fixture
)
from onewindow.common.errors import Conflict
from onewindow.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


class FormValues(HTMLParser):
    """The values a browser would submit for `<form id="editor-form">` (disabled controls left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self._select: tuple[str, bool] | None = None
        self._first_option: str | None = None
        self._chosen = False
        self._textarea: str | None = None
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        name = a.get("name")
        if tag == "form":
            self._in_form = a.get("id") == "editor-form"
        if not self._in_form:
            return
        if tag == "input" and name and "disabled" not in a:
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.values.setdefault(name, []).append(a.get("value") or ("on" if a.get("type") == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = (name, "disabled" in a)
            self._first_option, self._chosen = None, False
        elif tag == "option" and self._select:
            value = a.get("value") or ""
            self._first_option = value if self._first_option is None else self._first_option
            if "selected" in a and not self._select[1]:
                self.values.setdefault(self._select[0], []).append(value)
                self._chosen = True
        elif tag == "textarea" and name and "disabled" not in a:
            self._textarea = name
            self.values[name] = [""]

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea][0] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False
        elif tag == "select" and self._select:
            name, disabled = self._select
            if not self._chosen and not disabled and self._first_option is not None:
                self.values[name] = [self._first_option]
            self._select = None
        elif tag == "textarea" and self._textarea:
            value = self.values[self._textarea][0]
            self.values[self._textarea][0] = value[1:] if value.startswith("\n") else value
            self._textarea = None


def form_values(response) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    parser = FormValues()
    parser.feed(response.content.decode())
    parser.values.pop("csrfmiddlewaretoken", None)
    return parser.values


def as_lists(data: dict[str, Any]) -> dict[str, list[str]]:
    """POST data as the browser sends it: every value a list, no empty lists (nothing ticked sends nothing)."""
    return {key: value if isinstance(value, list) else [str(value)] for key, value in data.items() if value != []}


def make_request(county, department, user, *, list_kind="service", kind="add"):  # type: ignore[no-untyped-def]
    return change_request_create(
        actor=user,
        region=county,
        department=department,
        list_kind=list_kind,
        kind=kind,
        title="新增食品经营许可",
        reason="依法新增",
        legal_basis="《中华人民共和国食品安全法》第三十五条",
    )


@pytest.fixture
def request_(county, department, department_admin):
    return make_request(county, department, department_admin)


def new_url(change_request) -> str:  # type: ignore[no-untyped-def]
    return reverse("catalog:editor_item", args=[change_request.pk])


def edit_url(change_request, code: str) -> str:  # type: ignore[no-untyped-def]
    return reverse("catalog:editor_item", args=[change_request.pk, code])


def draft_of(change_request) -> ServiceItemVersion:  # type: ignore[no-untyped-def]
    return ServiceItemVersion.objects.get(change_request=change_request, state="draft")


def data_for(document, change_request):  # type: ignore[no-untyped-def]
    from onewindow.catalog.editor import EditorContext

    return post_data(forms_from_document(document, EditorContext.open(change_request)))


# Who may open the editor -------------------------------------------------------------------------


def test_the_department_admin_of_the_request_opens_a_new_entry(client, request_, department_admin):
    client.force_login(department_admin)
    response = client.get(new_url(request_))
    assert response.status_code == 200
    page = response.content.decode()
    titles = ["基本信息", "受理条件与依据", "时限与办理方式", "地点与联系方式", "结果"]
    titles += ["办事情形", "申请材料", "收费项目", "办理环节", "申请表单字段"]
    for title in titles:
        assert f">{title}</h2>" in page
    values = form_values(response)
    assert "department" not in values  # fixed to the admin's department: shown disabled, never sent
    assert '<option value="市场监督管理局" selected>市场监督管理局</option>' in page
    assert "卫生健康局" not in page
    assert [values[f"stages-{i}-name"] for i in range(4)] == [["受理"], ["审查"], ["决定"], ["送达"]]
    assert values["implementing_body"] == ["示范县市场监督管理局"]


def test_a_list_manager_opens_the_editor(client, request_, list_manager):
    client.force_login(list_manager)
    assert client.get(new_url(request_)).status_code == 200


def test_another_departments_admin_does_not_find_the_request(client, request_, other_department_admin):
    client.force_login(other_department_admin)
    assert client.get(new_url(request_)).status_code == 404
    assert client.post(new_url(request_), data_for(item_document(), request_)).status_code == 404
    assert client.get(reverse("catalog:editor_row", args=[request_.pk, "materials"])).status_code == 404
    assert not ServiceItem.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client, request_):
    for url in (new_url(request_), reverse("catalog:editor_row", args=[request_.pk, "materials"])):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == f"{reverse('accounts:login')}?next={url}"


def test_a_submitted_request_can_no_longer_be_edited(client, request_, department_admin):
    change_request_save_draft(actor=department_admin, change_request=request_, document=item_document())
    change_request_submit(actor=department_admin, change_request=request_)
    client.force_login(department_admin)
    response = client.get(new_url(request_))
    assert response.status_code == 403
    assert "待审核" in response.content.decode()
    response = client.post(new_url(request_), data_for(item_document(name="改名"), request_))
    assert response.status_code == 403
    assert draft_of(request_).name == "食品经营许可"


def test_an_unknown_entry_code_is_not_found(client, request_, department_admin):
    client.force_login(department_admin)
    assert client.get(edit_url(request_, "11990123MB00000099999")).status_code == 404


# Saving -----------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("references")
def test_posting_a_full_new_item_saves_a_draft_with_all_its_rows(client, request_, department_admin):
    client.force_login(department_admin)
    response = client.post(new_url(request_), data_for(full_item_document(), request_))
    assert response.status_code == 302
    assert response.url == reverse("catalog:cr_detail", kwargs={"pk": request_.pk})
    draft = draft_of(request_)
    assert spec_for("service").read(draft) == full_item_document()
    assert (draft.situations.count(), draft.materials.count(), draft.fees.count(), draft.stages.count()) == (2, 3, 1, 5)
    assert draft.service_item.current is None  # a draft, not published
    assert "已保存为本申请的草稿" in [str(m) for m in get_messages(response.wsgi_request)][0]


def test_the_department_cannot_be_switched_by_posting_another(client, request_, department_admin, other_department):
    client.force_login(department_admin)
    data = data_for(item_document(), request_) | {"department": "卫生健康局"}
    assert client.post(new_url(request_), data).status_code == 302
    assert draft_of(request_).service_item.department.name == "市场监督管理局"


def test_a_power_entry_is_saved_from_its_page(client, county, department, department_admin):
    change_request = make_request(county, department, department_admin, list_kind="power")
    client.force_login(department_admin)
    page = client.get(new_url(change_request)).content.decode()
    for title in ("设定依据", "责任事项", "追责情形"):
        assert f">{title}</h2>" in page
    response = client.post(new_url(change_request), data_for(power_document(), change_request))
    assert response.status_code == 302
    row = spec_for("power").version._default_manager.get(change_request=change_request)
    assert spec_for("power").read(row) == power_document()


def _stages_over_the_limit(data: dict[str, Any]) -> None:
    for index in range(4):
        data[f"stages-{index}-days"] = "3"


def _fully_online_with_a_visit(data: dict[str, Any]) -> None:
    data.update(online_depth="5", on_site_visits="1", visit_reason="核验原件")


def _material_of_a_removed_situation(data: dict[str, Any]) -> None:
    data["situations-1-DELETE"] = "on"  # S02 goes; material M02 still points to it
    data["materials-1-situation"] = "S02"


@pytest.mark.parametrize(
    ("change", "anchor", "message"),
    [
        (lambda data: data.update(promised_limit_days="25"), "id_promised_limit_days", "承诺办结时限不能超过法定办结时限"),
        (_stages_over_the_limit, "section-stages", "各环节时限之和"),
        (_fully_online_with_a_visit, "id_on_site_visits", "全程网办"),
        (_material_of_a_removed_situation, "id_materials-1-situation", "办事情形“S02”不存在"),
    ],
)
def test_rule_breaking_entries_come_back_with_the_problem_on_its_field(client, request_, department_admin, change, anchor, message):
    client.force_login(department_admin)
    data = data_for(item_document(), request_)
    change(data)
    response = client.post(new_url(request_), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<a href="#{anchor}">' in page  # linked from the summary
    assert 'role="alert"' in page
    if anchor.startswith("id_"):
        assert re.search(rf'aria-describedby="[^"]*{anchor}_error"', page)  # the field points to its message
        assert f'<ul class="errorlist" id="{anchor}_error"><li>{message}' in page
    else:
        assert f'<ul class="errorlist nonfield" id="{anchor}-errors"><li>{message}' in page
    assert form_values(response) == as_lists(data)  # everything typed is still there
    assert not ServiceItem.objects.exists()


def test_form_errors_and_rule_problems_are_reported_together(client, request_, department_admin):
    client.force_login(department_admin)
    data = data_for(item_document(), request_) | {"stages-1-days": "两天", "promised_limit_days": "25", "name": ""}
    response = client.post(new_url(request_), data)
    assert response.status_code == 200
    page = response.content.decode()
    for anchor in ("id_stages-1-days", "id_promised_limit_days", "id_name"):
        assert f'<a href="#{anchor}">' in page
    assert page.count('<a href="#id_stages-1-days">') == 1  # the form's own message only, not the validator's again
    assert form_values(response) == as_lists(data)
    assert not ServiceItem.objects.exists()


def test_a_conflict_while_saving_goes_back_with_the_message(client, request_, department_admin, monkeypatch):
    def conflict(**kwargs: Any) -> None:
        raise Conflict("变更申请已提交,不能再修改。", code="change_request_not_editable")

    monkeypatch.setattr("onewindow.catalog.views.editor.change_request_save_draft", conflict)
    client.force_login(department_admin)
    response = client.post(new_url(request_), data_for(item_document(), request_))
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["变更申请已提交,不能再修改。"]


# Editing an existing entry -------------------------------------------------------------------------


@pytest.fixture
def published_item(county, department, list_manager, second_list_manager):
    publish(county, "service", item_document(), department=department, drafter=list_manager, publisher=second_list_manager)
    return ServiceItem.objects.get()


def test_editing_a_published_item_starts_from_its_current_version(client, county, department, department_admin, published_item):
    change_request = make_request(county, department, department_admin, kind="adjust")
    client.force_login(department_admin)
    response = client.get(edit_url(change_request, published_item.implementation_code))
    assert response.status_code == 200
    values = form_values(response)
    assert values["name"] == ["食品经营许可"]
    assert values["materials-1-name"] == ["经营场所平面图"]
    assert values["materials-1-situation"] == ["S01"]
    assert values["stages-TOTAL_FORMS"] == ["4"]
    assert "implementation_code" not in values and "basic_code" not in values  # an entry's codes are fixed
    assert "内容取自现行版本" in response.content.decode()

    data = values | {"name": ["食品经营许可(延续)"]}
    response = client.post(edit_url(change_request, published_item.implementation_code), data)
    assert response.status_code == 302
    assert draft_of(change_request).name == "食品经营许可(延续)"
    assert draft_of(change_request).service_item == published_item


def test_an_entry_drafted_in_the_request_opens_with_its_draft(client, county, department, department_admin, published_item):
    change_request = make_request(county, department, department_admin, kind="adjust")
    change_request_save_draft(actor=department_admin, change_request=change_request, document=item_document(name="食品经营许可(新)"))
    client.force_login(department_admin)
    response = client.get(edit_url(change_request, published_item.implementation_code))
    assert form_values(response)["name"] == ["食品经营许可(新)"]
    assert "正在修改本申请中的草稿" in response.content.decode()


def test_the_editor_page_of_a_large_item_takes_a_fixed_number_of_queries(
    client, county, department, department_admin, list_manager, second_list_manager, django_assert_max_num_queries
):
    materials = [{**item_document()["materials"][0], "code": f"M{n:02d}", "name": f"材料{n}"} for n in range(1, 11)]
    people = {"drafter": list_manager, "publisher": second_list_manager}
    publish(county, "service", item_document(materials=materials), department=department, **people)
    code = ServiceItem.objects.get().implementation_code
    change_request = make_request(county, department, department_admin, kind="adjust")
    client.force_login(department_admin)
    with django_assert_max_num_queries(24):
        response = client.get(edit_url(change_request, code))
    assert form_values(response)["materials-TOTAL_FORMS"] == ["10"]


# Refreshing the options and adding rows -----------------------------------------------------------------


def test_a_region_wide_request_lets_the_list_manager_choose_the_department(client, county, department, other_department, list_manager):
    UnitFactory(department=other_department, name="疾病预防控制科")
    change_request = make_request(county, None, list_manager)
    client.force_login(list_manager)
    page = client.get(new_url(change_request)).content.decode()
    assert 'hx-post="' in page and "卫生健康局" in page
    data = data_for(item_document(), change_request) | {"department": "卫生健康局", "_refresh": "1"}
    response = client.post(new_url(change_request), data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "<html" not in response.content.decode()  # only the form, for htmx to swap in
    assert '<option value="疾病预防控制科">疾病预防控制科</option>' in response.content.decode()
    assert not ServiceItem.objects.exists()  # refreshing saves nothing


def test_refreshing_offers_new_situations_to_the_materials(client, request_, department_admin):
    client.force_login(department_admin)
    data = data_for(item_document(), request_)
    data |= {"situations-TOTAL_FORMS": "3", "situations-2-code": "S03", "situations-2-name": "注销", "_refresh": "1"}
    response = client.post(new_url(request_), data)  # the button works without htmx too: the whole page comes back
    page = response.content.decode()
    assert response.status_code == 200 and "<html" in page
    assert '<option value="S03">S03 注销</option>' in page
    assert form_values(response)["situations-2-name"] == ["注销"]
    assert 'role="alert"' not in page  # nothing was checked or saved
    assert not ServiceItem.objects.exists()


def test_choosing_to_charge_shows_the_fee_rows(client, request_, department_admin):
    client.force_login(department_admin)
    assert '<div id="rows-fees" hidden>' in client.get(new_url(request_)).content.decode()
    data = data_for(item_document(), request_) | {"is_free": "False", "_refresh": "1"}
    response = client.post(new_url(request_), data, headers={"HX-Request": "true"})
    assert '<div id="rows-fees">' in response.content.decode()
    assert form_values(response)["fees-TOTAL_FORMS"] == ["1"]  # a fee row to fill in


def test_a_new_material_row_comes_with_the_next_index_code_and_the_situations_on_the_page(client, request_, department_admin):
    client.force_login(department_admin)
    query = {
        "materials-TOTAL_FORMS": "2",
        "materials-0-code": "M01",
        "materials-1-code": "M02",
        "situations-0-code": "S01",
        "situations-0-name": "新办",
        "situations-1-code": "S09",
        "situations-1-name": "变更",
    }
    response = client.get(reverse("catalog:editor_row", args=[request_.pk, "materials"]), query, headers={"HX-Request": "true"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="materials-2-name"' in page and 'name="materials-1-name"' not in page
    assert 'name="materials-2-code" value="M03"' in page
    assert '<option value="S09">S09 变更</option>' in page
    assert 'name="materials-2-DELETE"' in page
    assert "autofocus" in page
    assert '<input type="hidden" name="materials-TOTAL_FORMS" value="3" id="id_materials-TOTAL_FORMS" hx-swap-oob="true">' in page


def test_a_new_stage_row_offers_the_departments_units(client, request_, department_admin, department):
    UnitFactory(department=department, name="行政审批科")
    client.force_login(department_admin)
    query = {"stages-TOTAL_FORMS": "4", **{f"stages-{i}-sequence": str(i + 1) for i in range(4)}}
    page = client.get(reverse("catalog:editor_row", args=[request_.pk, "stages"]), query).content.decode()
    assert 'name="stages-4-sequence" value="5"' in page
    assert '<option value="行政审批科">行政审批科</option>' in page


def test_an_unknown_part_has_no_rows(client, request_, department_admin):
    client.force_login(department_admin)
    assert client.get(reverse("catalog:editor_row", args=[request_.pk, "nonsense"])).status_code == 404


def test_no_rows_are_added_to_a_submitted_request(client, request_, department_admin):
    change_request_save_draft(actor=department_admin, change_request=request_, document=item_document())
    change_request_submit(actor=department_admin, change_request=request_)
    request_.refresh_from_db()
    assert request_.status == ChangeRequestStatus.SUBMITTED
    client.force_login(department_admin)
    assert client.get(reverse("catalog:editor_row", args=[request_.pk, "materials"])).status_code == 403


@pytest.mark.parametrize(
    ("list_kind", "titles"),
    [
        ("fee", ["收费项目", "依据与备注"]),
        ("intermediary", ["中介服务事项", "设定依据"]),
        ("duty_boundary", ["职责事项", "牵头部门职责与依据", "配合部门职责"]),
    ],
)
def test_the_other_lists_have_their_editor(client, county, department, list_manager, list_kind, titles):
    change_request = make_request(county, None, list_manager, list_kind=list_kind)
    client.force_login(list_manager)
    response = client.get(new_url(change_request))
    assert response.status_code == 200
    page = response.content.decode()
    assert all(f">{title}</h2>" in page for title in titles)
