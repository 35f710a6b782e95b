"""Staff pages, each as the allowed user, a user of another department (or without the role), and an
anonymous visitor; the actions through their forms; lists read a fixed number of queries."""

from __future__ import annotations

import pytest
from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import staff
from onewindow.ratings.choices import ComplaintState, RectificationState
from onewindow.ratings.models import Complaint, WindowVisit
from onewindow.ratings.tests.factories import bad_review, complaint_in, delivered_case, open_visit, rate, rectification_in

pytestmark = pytest.mark.django_db

R = RectificationState


def login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


# Rectifications ------------------------------------------------------------------------------------------


def test_the_department_sees_its_bad_reviews_by_deadline(client, people, item):
    rectification = bad_review(people, item)
    client.force_login(people.admin)
    page = client.get(reverse("ratings:rectifications"))
    assert page.status_code == 200 and [row.item for row in page.context["rows"]] == [rectification]
    assert rectification.rating.case.number in page.text and "badge-" in page.text


def test_another_department_sees_none_of_them(client, people, item):
    rectification = bad_review(people, item)
    client.force_login(people.other_admin)
    page = client.get(reverse("ratings:rectifications") + "?tab=all")
    assert page.status_code == 200 and page.context["rows"] == []
    assert client.get(reverse("ratings:rectification", args=[rectification.pk])).status_code == 404
    url = reverse("ratings:rectification_act", args=[rectification.pk, "follow-up"])
    assert client.post(url, {"note": "回访", "revision": 0}).status_code == 404


@pytest.mark.parametrize("name", ["ratings:rectifications", "ratings:ratings", "ratings:appeals", "ratings:complaints", "ratings:visits"])
def test_anonymous_visitors_go_to_the_login_page(client, people, name):
    assert login_redirect(client.get(reverse(name)))


@pytest.mark.parametrize(
    ("name", "allowed", "refused"),
    [
        ("ratings:rectifications", ["admin", "chief", "reviewer", "supervisor"], ["clerk", "decider", "applicant"]),
        ("ratings:ratings", ["admin", "supervisor"], ["clerk", "applicant"]),
        ("ratings:appeals", ["supervisor"], ["admin", "chief", "applicant"]),
        ("ratings:complaints", ["supervisor", "admin", "chief"], ["reviewer", "clerk", "applicant"]),
        ("ratings:hotline", ["supervisor", "clerk"], ["admin", "reviewer", "applicant"]),
        ("ratings:visits", ["clerk", "chief"], ["reviewer", "supervisor", "applicant"]),
    ],
)
def test_who_may_open_each_page(client, people, name, allowed, refused):
    for who in allowed:
        client.force_login(getattr(people, who))
        assert client.get(reverse(name)).status_code == 200, who
    for who in refused:
        client.force_login(getattr(people, who))
        assert client.get(reverse(name)).status_code == 403, who


def test_the_department_follows_up_through_the_page(client, people, item):
    rectification = bad_review(people, item)
    client.force_login(people.reviewer)
    page = client.get(reverse("ratings:rectification", args=[rectification.pk]))
    assert page.status_code == 200 and set(page.context["forms"]) == {"follow_up"}
    url = reverse("ratings:rectification_act", args=[rectification.pk, "follow-up"])
    assert client.post(url, {"note": "", "revision": rectification.revision}).status_code == 400
    response = client.post(url, {"note": "已回访", "revision": rectification.revision})
    assert response.status_code == 302
    rectification.refresh_from_db()
    assert rectification.state == R.FOLLOWED_UP
    stale = client.post(url, {"note": "再次回访", "revision": 0})
    assert stale.status_code == 409 and "已被他人处理" in stale.text


def test_the_admin_is_offered_rectify_and_appeal(client, people, item):
    rectification = rectification_in(R.FOLLOWED_UP, people, item)
    client.force_login(people.admin)
    page = client.get(reverse("ratings:rectification", args=[rectification.pk]))
    assert set(page.context["forms"]) == {"rectify", "appeal"}
    response = client.post(
        reverse("ratings:rectification_act", args=[rectification.pk, "appeal"]), {"reason": "恶意差评", "revision": rectification.revision}
    )
    assert response.status_code == 302
    client.force_login(people.supervisor)
    queue = client.get(reverse("ratings:appeals"))
    assert [row.item.pk for row in queue.context["rows"]] == [rectification.pk]
    page = client.get(reverse("ratings:rectification", args=[rectification.pk]))
    assert set(page.context["forms"]) == {"decide"}
    url = reverse("ratings:rectification_act", args=[rectification.pk, "decide"])
    response = client.post(url, {"decision": "voided", "opinion": "恶意差评", "revision": rectification.revision + 1})
    assert response.status_code == 302
    rectification.refresh_from_db()
    assert rectification.state == R.VOIDED


def test_the_department_may_not_decide_its_own_appeal(client, people, item):
    rectification = rectification_in(R.APPEALED, people, item)
    client.force_login(people.admin)
    url = reverse("ratings:rectification_act", args=[rectification.pk, "decide"])
    response = client.post(url, {"decision": "voided", "opinion": "恶意", "revision": rectification.revision})
    assert response.status_code == 403
    rectification.refresh_from_db()
    assert rectification.state == R.APPEALED


def test_voided_reviews_stay_listed_with_their_reason(client, people, item):
    voided = rectification_in(R.VOIDED, people, item)
    client.force_login(people.supervisor)
    page = client.get(reverse("ratings:ratings") + "?voided=1")
    assert [rating.pk for rating in page.context["ratings"]] == [voided.rating.pk]
    assert "作废理由" in page.text and voided.rating.void_reason in page.text


def test_lists_read_a_fixed_number_of_queries(client, people, item, django_assert_max_num_queries):
    for _ in range(2):
        bad_review(people, item)
        complaint_in(ComplaintState.ASSIGNED, people)
    visit = open_visit(people)
    rate(people, delivered_case(people, item), level=5)
    client.force_login(people.supervisor)
    pages = [reverse("ratings:rectifications") + "?tab=all", reverse("ratings:ratings"), reverse("ratings:complaints")]
    counts = {}
    for url in pages:
        with django_assert_max_num_queries(30) as captured:
            assert client.get(url).status_code == 200
        counts[url] = len(captured)
    for _ in range(3):
        bad_review(people, item)
        complaint_in(ComplaintState.ASSIGNED, people)
    for url in pages:
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200
    client.force_login(people.clerk)
    with django_assert_max_num_queries(30) as captured:
        client.get(reverse("ratings:visits"))
    few = len(captured)
    for _ in range(3):
        open_visit(people)
    with django_assert_max_num_queries(few):
        client.get(reverse("ratings:visits"))
    assert visit.pk


# Complaints ---------------------------------------------------------------------------------------------


def test_the_supervisor_assigns_and_the_department_replies(client, people):
    found = complaint_in(ComplaintState.RECEIVED, people)
    client.force_login(people.supervisor)
    page = client.get(reverse("ratings:complaint", args=[found.number]))
    assert set(page.context["forms"]) == {"assign", "reject"} and found.phone in page.text
    response = client.post(
        reverse("ratings:complaint_act", args=[found.number, "assign"]), {"department": people.department.pk, "revision": found.revision}
    )
    assert response.status_code == 302
    client.force_login(people.chief)
    page = client.get(reverse("ratings:complaint", args=[found.number]))
    assert set(page.context["forms"]) == {"reply"} and found.phone not in page.text  # the department sees it masked
    response = client.post(
        reverse("ratings:complaint_act", args=[found.number, "reply"]), {"reply": "已处理", "revision": found.revision + 1}
    )
    assert response.status_code == 302
    found.refresh_from_db()
    assert found.state == ComplaintState.REPLIED


def test_another_department_does_not_see_the_complaint(client, people):
    found = complaint_in(ComplaintState.ASSIGNED, people)
    client.force_login(people.other_admin)
    assert client.get(reverse("ratings:complaint", args=[found.number])).status_code == 404
    response = client.post(reverse("ratings:complaint_act", args=[found.number, "reply"]), {"reply": "x", "revision": found.revision})
    assert response.status_code == 404
    assert client.get(reverse("ratings:complaints")).context["rows"] == []


def test_a_hotline_call_is_entered_and_its_code_read_out(client, people):
    client.force_login(people.clerk)
    data = {
        "category": "efficiency",
        "content": "电话反映办理超时",
        "name": "赵六",
        "phone": "13700000000",
        "reported_department": people.department.pk,
    }
    response = client.post(reverse("ratings:hotline"), data)
    found = Complaint.objects.get()
    assert response.status_code == 200 and found.number in response.text and found.query_code in response.text
    assert (found.channel, found.entered_by) == ("hotline", people.clerk)
    assert client.post(reverse("ratings:hotline"), {**data, "content": ""}).status_code == 400


# Window visits -------------------------------------------------------------------------------------------


def test_the_clerk_opens_a_visit_and_sees_its_pad(client, people):
    client.force_login(people.clerk)
    page = client.get(reverse("ratings:visits"))
    assert page.status_code == 200 and people.window.number in page.text
    response = client.post(reverse("ratings:visits"), {"window": people.window.pk, "department": people.department.pk})
    visit = WindowVisit.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("ratings:visit", args=[visit.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200 and visit.token in page.text and "data:image/svg+xml" in page.text


def test_a_comprehensive_window_visit_needs_a_department(client, people):
    client.force_login(people.clerk)
    response = client.post(reverse("ratings:visits"), {"window": people.window.pk})
    assert response.status_code == 400 and not WindowVisit.objects.exists()


def test_another_clerk_does_not_see_my_visit(client, people):
    visit = open_visit(people)
    elsewhere = staff(Role.WINDOW_CLERK, region=people.region)
    client.force_login(elsewhere)
    assert client.get(reverse("ratings:visit", args=[visit.pk])).status_code == 404
    client.force_login(people.clerk)
    assert client.get(reverse("ratings:visit", args=[visit.pk])).status_code == 200
