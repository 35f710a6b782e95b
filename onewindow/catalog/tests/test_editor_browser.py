"""The draft editor in a real browser: htmx adds rows and refreshes the form without losing what was typed.

Drives Debian's Chromium (/usr/bin/chromium) like `tests/browser/`; skipped where it is not
installed. A screenshot of the editor (1280 px wide) goes to /tmp for a person to look at.
"""

import os
import re
from pathlib import Path

import pytest
from django.urls import reverse

from onewindow.accounts.tests.factories import TEST_PASSWORD
from onewindow.catalog.models import ServiceItem, ServiceItemVersion
from onewindow.catalog.services import change_request_create
from onewindow.catalog.tests.documents import item_document
from onewindow.catalog.tests.test_editor_documents import publish

# Playwright's sync API runs an event loop in this thread; the fixtures' ORM calls stay synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = "/tmp/onewindow-catalog-editor-1280.png"


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.csp_violations = []
    page.on("console", lambda m: page.csp_violations.append(m.text) if "Content Security Policy" in m.text else None)
    yield page
    context.close()


@pytest.fixture
def published_item(county, department, list_manager, second_list_manager):  # type: ignore[no-untyped-def]
    publish(county, "service", item_document(), department=department, drafter=list_manager, publisher=second_list_manager)
    return ServiceItem.objects.get()


def test_adding_rows_and_charging_a_fee_then_saving(live_server, page, county, department, department_admin, published_item):
    item = published_item
    change_request = change_request_create(
        actor=department_admin,
        region=county,
        department=department,
        list_kind="service",
        kind="adjust",
        title="调整食品经营许可",
        reason="增加材料和收费",
        legal_basis="《食品经营许可和备案管理办法》",
    )
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("用户名").fill(department_admin.username)
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.locator("main").get_by_role("button", name="登录").click()
    page.wait_for_url(re.compile(re.escape(reverse("workbench:home")) + "$"))
    page.goto(live_server.url + reverse("catalog:editor_item", args=[change_request.pk, item.implementation_code]))

    page.get_by_role("button", name="+ 添加材料").click()
    page.wait_for_selector("#materials-2")
    assert page.locator("#id_materials-TOTAL_FORMS").get_attribute("value") == "3"
    assert page.locator("#id_materials-2-code").input_value() == "M03"
    assert page.evaluate("document.activeElement.id") == "id_materials-2-name"
    page.keyboard.type("食品安全管理制度")

    page.get_by_label("收费", exact=True).check()
    page.wait_for_selector("#fees-0")
    assert page.locator("#id_materials-2-name").input_value() == "食品安全管理制度"  # the refresh kept it
    page.locator("#id_fees-0-name").fill("检验费")
    page.locator("#id_fees-0-standard").fill("每批次300元")
    page.locator("#id_fees-0-basis").fill("《行政事业性收费项目目录》")
    page.screenshot(path=SCREENSHOT, full_page=True)

    page.locator("#editor-form .form-actions").get_by_role("button", name="保存草稿").click()
    page.wait_for_load_state("networkidle")
    draft = ServiceItemVersion.objects.get(change_request=change_request)
    assert [m.name for m in draft.materials.all()][-1] == "食品安全管理制度"
    assert [(f.name, f.standard) for f in draft.fees.all()] == [("检验费", "每批次300元")]
    assert draft.is_free is False
    assert page.csp_violations == []
