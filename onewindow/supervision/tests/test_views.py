"""The supervision pages as a supervisor, the department, another department and an anonymous visitor."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from onewindow.supervision.models import Card, SupervisionOrder
from onewindow.supervision.tests.support import at, scan, submitted_on, timer

pytestmark = pytest.mark.django_db

BOARD = reverse("supervision:board")


@pytest.fixture
def late(county, item):
    case = submitted_on(county, item, "2026-09-28")
    scan(timer(case).due_on + dt.timedelta(days=1))
    return case


def page(client, user, url, **params):
    client.force_login(user)
    with time_machine.travel(at("2026-10-12", 10), tick=False):
        return client.get(url, params)


def test_the_board_counts_cards_by_department_and_lists_the_latest_red(client, county, late):
    response = page(client, county.supervisor, BOARD)

    text = response.content.decode()
    assert response.status_code == 200
    assert "市场监督管理局" in text and late.number in text
    assert reverse("supervision:orders") in text and reverse("supervision:anomalies") in text
    for by in ("kind", "handler"):
        assert page(client, county.supervisor, BOARD, by=by).status_code == 200


def test_another_department_sees_an_empty_board_and_anonymous_goes_to_login(client, county, late):
    assert late.number not in page(client, county.other_reviewer, BOARD).content.decode()
    client.logout()
    response = client.get(BOARD)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_applicants_may_not_open_the_board(client, county, late):
    assert page(client, county.applicant, BOARD).status_code == 403


def test_card_list_filters_by_colour_and_shows_cleared_cards_on_request(client, county, late):
    url = reverse("supervision:cards")
    open_red = page(client, county.supervisor, url, color="red").content.decode()
    with_cleared = page(client, county.supervisor, url, color="red", cleared="on").content.decode()

    assert late.number not in open_red  # the deemed acceptance cleared it
    assert late.number in with_cleared and "超时后办结" in with_cleared


def test_the_department_replies_on_the_order_page_and_a_stale_form_says_so(client, county, late):
    order = SupervisionOrder.objects.get()
    url = reverse("supervision:order", args=[order.number])
    shown = page(client, county.chief, url)
    assert shown.status_code == 200 and "答复督办" in shown.content.decode()

    act = reverse("supervision:order_act", args=[order.number, "reply"])
    with time_machine.travel(at("2026-10-12", 10), tick=False):
        done = client.post(act, {"revision": order.revision, "text": "已说明"})
        stale = client.post(act, {"revision": order.revision, "text": "再次答复"})
        empty = client.post(act, {"revision": order.revision + 1, "text": ""})

    assert done.status_code == 302 and SupervisionOrder.objects.get().status == "replied"
    assert stale.status_code == 409 and "已被他人处理" in stale.content.decode()
    assert empty.status_code == 400
    assert SupervisionOrder.objects.get().reply == "已说明"


def test_other_departments_do_not_see_the_order_and_cannot_act(client, county, late):
    order = SupervisionOrder.objects.get()
    assert page(client, county.other_decider, reverse("supervision:order", args=[order.number])).status_code == 404
    with time_machine.travel(at("2026-10-12", 10), tick=False):
        response = client.post(reverse("supervision:order_act", args=[order.number, "reply"]), {"revision": 0, "text": "x"})
    assert response.status_code == 404
    assert SupervisionOrder.objects.get().status == "open"


def test_a_reviewer_sees_the_order_but_gets_no_form_and_a_post_is_refused(client, county, late):
    order = SupervisionOrder.objects.get()
    shown = page(client, county.reviewer, reverse("supervision:order", args=[order.number]))
    assert shown.status_code == 200 and 'name="text"' not in shown.content.decode()
    with time_machine.travel(at("2026-10-12", 10), tick=False):
        response = client.post(reverse("supervision:order_act", args=[order.number, "reply"]), {"revision": order.revision, "text": "x"})
    assert response.status_code == 403


def test_a_supervisor_opens_an_order_on_a_case_from_its_page(client, county, item):
    case = submitted_on(county, item, "2026-09-28")
    url = reverse("supervision:order_open_case", args=[case.number])
    assert page(client, county.supervisor, url).status_code == 200
    with time_machine.travel(at("2026-09-29", 10), tick=False):
        blank = client.post(url, {"reason": ""})
        done = client.post(url, {"reason": "群众反映办理缓慢"})
    order = SupervisionOrder.objects.get()
    assert blank.status_code == 400
    assert done.status_code == 302 and done["Location"] == reverse("supervision:order", args=[order.number])
    assert page(client, county.chief, url).status_code == 200  # the form shows, but opening is refused:
    with time_machine.travel(at("2026-09-29", 11), tick=False):
        assert client.post(url, {"reason": "部门自己督办"}).status_code == 403
    assert page(client, county.other_reviewer, url).status_code == 404


def test_a_supervisor_opens_an_order_on_a_stage_card(client, county, item):
    case = submitted_on(county, item, "2026-09-28")
    scan(timer(case).warn_on)
    card = Card.objects.get()
    client.force_login(county.supervisor)
    with time_machine.travel(at(timer(case).warn_on, 10), tick=False):
        response = client.post(reverse("supervision:order_open_card", args=[card.pk]), {"reason": "即将超时,请加快"})
    assert response.status_code == 302 and SupervisionOrder.objects.get().card == card


def test_anomalies_list_repeated_corrections_and_idle_items(client, county, item):
    from onewindow.cases import services as cases

    case = submitted_on(county, item, "2026-09-28")
    with time_machine.travel(at("2026-09-29"), tick=False):
        cases.case_request_correction(actor=county.clerk, case=case, problems={"M01": "缺签字"})
        cases.case_resubmit(actor=county.clerk, case=case, materials=[{"code": "M01", "provision": "paper"}])
        cases.case_request_correction(actor=county.clerk, case=case, problems={"M01": "仍缺签字"})
    response = page(client, county.supervisor, reverse("supervision:anomalies"))
    text = response.content.decode()
    assert response.status_code == 200 and case.number in text and "2 次" in text
    assert page(client, county.reviewer, reverse("supervision:anomalies")).status_code == 403


def test_the_case_page_shows_its_cards_and_orders_and_a_supervisor_may_order(client, county, late):
    order = SupervisionOrder.objects.get()
    url = reverse("cases:case", args=[late.number])
    supervisor = page(client, county.supervisor, url).content.decode()
    reviewer = page(client, county.reviewer, url).content.decode()

    assert "红牌" in supervisor and order.number in supervisor
    assert reverse("supervision:order_open_case", args=[late.number]) in supervisor
    assert order.number in reviewer and reverse("supervision:order_open_case", args=[late.number]) not in reviewer
