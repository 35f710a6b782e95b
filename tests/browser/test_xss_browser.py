"""Stored XSS in a real browser: pages showing the hostile county's payloads (tests/hostile_support.py)
run none of them.

Each page is loaded once with the Content-Security-Policy turned off (Playwright's `bypass_csp`),
so that escaping is the only defence left: a payload that reached the page as markup would set
`window.__xss`, open a dialog or leave an <img>/<svg> element behind; and once with the policy on,
as users have it, where no page may even try to run inline code (a violation would be logged).
"""

import os
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.browser.conftest import PHONE
from tests.hostile_support import HOSTILE_ITEM_CODE, MONDAY, SCRIPT, HostileCounty, build_hostile_county

# Playwright's sync API runs an event loop in this thread; the ORM calls of the fixtures and
# the live server are still plain synchronous code.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARMED = "() => window.__xss"
# Elements only a payload could have added to a page.
PLANTED = "img[src='x'], svg[onload], [onerror], [onload]"
INLINE_PAYLOAD_SCRIPTS = "() => [...document.scripts].filter(s => s.textContent.includes('__xss')).length"


@pytest.fixture
def world(browser: Any) -> Any:
    """The hostile county, built on a Monday; the clock then runs on from there (the live server sees it).
    Asks for `browser` first, so that a machine without Chromium skips before building anything."""
    with time_machine.travel(MONDAY, tick=True):
        yield build_hostile_county()


def _session_cookie(user: Any, base_url: str) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value, "url": base_url}


def _visits(world: HostileCounty) -> list[tuple[Any, str, str]]:
    """(who, path, a field's text the page must show as text) for a handful of pages."""
    county = world.county
    return [
        (county.applicant, reverse("cases:my_case", args=[world.case("correction").number]), world.texts["problem"]),
        (county.applicant, reverse("notifications:inbox"), world.texts["message_body"]),
        (county.clerk, reverse("cases:case", args=[world.case("refused").number]), world.texts["refuse"]),
        (county.clerk, reverse("cases:intake_item", args=[HOSTILE_ITEM_CODE]), world.texts["material_requirements"]),
        (world.list_manager, reverse("catalog:editor_item", args=[world.change_request.pk, HOSTILE_ITEM_CODE]), world.texts["places"]),
        (None, reverse("catalog:items") + "?q=" + SCRIPT, SCRIPT),
        (None, reverse("catalog:guide", args=[HOSTILE_ITEM_CODE]), world.texts["stage_name"]),
    ]


def _check_inert(page: Any, dialogs: list[str], expected_text: str) -> None:
    assert page.evaluate(ARMED) is None
    assert dialogs == []
    assert page.locator(PLANTED).count() == 0
    assert page.evaluate(INLINE_PAYLOAD_SCRIPTS) == 0
    shown = page.locator("body").inner_text() + "".join(page.locator("textarea, input").evaluate_all("els => els.map(e => e.value)"))
    assert expected_text in shown  # the payload is there, as text


def _open(browser: Any, base_url: str, user: Any, *, bypass_csp: bool) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, locale="zh-CN", bypass_csp=bypass_csp)
    if user is not None:
        context.add_cookies([_session_cookie(user, base_url)])
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return context, page, dialogs


def _visit(browser: Any, base_url: str, user: Any, path: str, text: str, *, bypass_csp: bool) -> None:
    context, page, dialogs = _open(browser, base_url, user, bypass_csp=bypass_csp)
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    response = page.goto(base_url + path)
    assert response is not None and response.status == 200, path
    page.wait_for_load_state("load")
    _check_inert(page, dialogs, text)
    assert violations == [], path
    context.close()


def _progress(browser: Any, base_url: str, world: HostileCounty) -> None:
    """The public progress form, filled in and sent as a citizen does."""
    case = world.case("approved")
    context, page, dialogs = _open(browser, base_url, None, bypass_csp=True)
    page.goto(base_url + reverse("cases:progress"))
    page.locator("input[name=number]").fill(case.number)
    page.locator("input[name=code]").fill(case.query_code)
    page.locator("form.progress-form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert case.number in page.locator("main").inner_text()
    _check_inert(page, dialogs, world.texts["clerk_name"])
    context.close()


def test_stored_payloads_stay_text_in_the_browser(live_server, browser, world):
    """Each page twice: without the Content-Security-Policy (escaping alone must hold) and with it
    (no page tries to run inline code). One test, so that the county is built once."""
    for user, path, text in _visits(world):
        _visit(browser, live_server.url, user, path, text, bypass_csp=True)
        _visit(browser, live_server.url, user, path, text, bypass_csp=False)
    _progress(browser, live_server.url, world)
