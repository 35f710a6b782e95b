"""The main journey in a real browser at phone width: portal → login → workbench → English → logout.

Screenshots of the portal home and the workbench home (390 px wide) go to /tmp for a person to
look at. Every page must load our stylesheet and raise no Content-Security-Policy violation.
"""

import os
import re

import pytest
from django.urls import reverse

from onewindow.accounts.tests.factories import TEST_PASSWORD
from onewindow.orgs.choices import HallKind
from onewindow.orgs.tests.factories import DepartmentFactory, ServiceHallFactory, WindowFactory

# Playwright's sync API runs an event loop in this thread; the ORM calls of the fixtures and
# the live server are still plain synchronous code.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PORTAL_SCREENSHOT = "/tmp/onewindow-portal-home-390.png"
WORKBENCH_SCREENSHOT = "/tmp/onewindow-workbench-home-390.png"
PRIMARY_BLUE = "rgb(10, 79, 150)"  # --c-primary in onewindow.css


@pytest.fixture
def county_with_a_hall(county, department, other_department):
    hall = ServiceHallFactory(
        region=county,
        name="示范县政务服务中心",
        kind=HallKind.CENTER,
        address="示范县人民路88号",
        hours="周一至周五 9:00-12:00 13:30-17:00",
        phone="0999-12345678",
    )
    WindowFactory(hall=hall, number="A01")
    for name in ("发展和改革局", "公安局", "民政局", "人力资源和社会保障局"):
        DepartmentFactory(region=county, name=name)
    return hall


def _open_menu(page) -> None:  # type: ignore[no-untyped-def]
    """At phone width the navigation is collapsed behind the menu button."""
    toggle = page.locator("[data-nav-toggle]")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def test_staff_login_journey(live_server, phone_page, county_with_a_hall, reviewer):
    page = phone_page
    page.goto(live_server.url + reverse("portal:home"))

    assert page.locator("h1").first.inner_text() == "一窗通办"
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert "示范县政务服务网" in page.locator(".brand-sub").inner_text()
    # the stylesheet is served and applied
    assert page.locator(".hero").evaluate("element => getComputedStyle(element).backgroundImage").startswith("linear-gradient")
    assert not page.locator("#site-nav").is_visible()  # collapsed on a phone
    page.screenshot(path=PORTAL_SCREENSHOT, full_page=True)

    _open_menu(page)
    assert page.locator("[data-nav-toggle]").get_attribute("aria-expanded") == "true"
    assert page.locator("#site-nav").evaluate("element => getComputedStyle(element).backgroundColor") == PRIMARY_BLUE
    page.locator("#site-nav").get_by_role("link", name="登录").click()

    page.get_by_label("用户名").fill(reviewer.username)
    page.get_by_label("密码").fill(TEST_PASSWORD)
    page.locator("main").get_by_role("button", name="登录").click()

    page.wait_for_url(re.compile(re.escape(reverse("workbench:home")) + "$"))
    section = page.locator("#role-reviewer")
    assert "审查人员" in section.locator("h2").inner_text()
    assert "市场监督管理局" in section.inner_text()
    assert reviewer.real_name in page.locator(".wb-user-name").inner_text()
    assert not page.locator("#wb-nav").is_visible()
    page.screenshot(path=WORKBENCH_SCREENSHOT, full_page=True)

    page.locator(".lang-switch button[lang=en]").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.url.endswith(reverse("workbench:home"))

    _open_menu(page)
    page.locator("#wb-nav form[action$='/logout/'] button").click()
    page.wait_for_url(re.compile(re.escape(live_server.url) + "/$"))
    assert page.locator(f"#site-nav a[href='{reverse('accounts:login')}']").count() == 1
    assert page.csp_violations == []


def test_api_docs_render_under_the_content_security_policy(live_server, phone_page):
    page = phone_page
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(live_server.url + "/api/v1/docs")

    page.wait_for_selector(".swagger-ui .information-container .title", timeout=20_000)
    assert "OneWindow" in page.locator(".swagger-ui .title").first.inner_text()
    page.wait_for_selector(".opblock-tag-section", timeout=20_000)
    assert page.locator(".opblock-tag-section").count() >= 1
    assert page.csp_violations == []
