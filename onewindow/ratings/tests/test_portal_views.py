"""Public pages: rating my case (login) or by the signed link (no login), the revisit, the published
satisfaction, the complaint form with its per-address limit, and the complaint lookup with feedback.
Each as the right user, another user, and an anonymous visitor."""

from __future__ import annotations

import pytest
from django.urls import reverse

from onewindow.cases.choices import CaseStatus
from onewindow.ratings import links, services
from onewindow.ratings.choices import AppealDecision, ComplaintState, RectificationState
from onewindow.ratings.models import Complaint, Rating
from onewindow.ratings.tests.factories import complaint_in, delivered_case, rate, rectification_in
from onewindow.ratings.views.portal import COMPLAINT_LIMIT, LOOKUP_LIMIT

pytestmark = pytest.mark.django_db


def rating_url(case):
    return reverse("ratings:case_rating", args=[case.number])


# Rating my case -----------------------------------------------------------------------------------------


def test_tags_are_stored_in_chinese_and_shown_in_the_chosen_language(client, people, item):
    case = delivered_case(people, item)
    client.force_login(people.applicant)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    page = client.get(rating_url(case))
    assert "Warm service" in page.text and 'value="服务热情"' in page.text
    client.post(rating_url(case), {"level": "2", "tags": ["多次跑动"], "comment": "跑了三趟"})

    assert Rating.objects.get().tags == ["多次跑动"]
    assert "Several trips needed" in client.get(rating_url(case)).text


def test_the_applicant_sees_the_form_and_rates(client, people, item):
    case = delivered_case(people, item)
    client.force_login(people.applicant)
    page = client.get(rating_url(case))
    assert page.status_code == 200
    assert 'name="level"' in page.text and "非常不满意" in page.text and "服务态度差" in page.text
    response = client.post(rating_url(case), {"level": "2", "tags": ["多次跑动"], "comment": "跑了三趟"})
    assert response.status_code == 302 and response["Location"] == rating_url(case)
    rating = Rating.objects.get()
    assert (rating.level, rating.tags, rating.rater) == (2, ["多次跑动"], people.applicant)
    page = client.get(rating_url(case))
    assert "您的评价" in page.text and "差评整改情况" in page.text and 'name="level"' not in page.text


def test_another_user_gets_a_404(client, people, item):
    case = delivered_case(people, item)
    for user in (people.other_applicant, people.reviewer):
        client.force_login(user)
        assert client.get(rating_url(case)).status_code == 404
        assert client.post(rating_url(case), {"level": "5"}).status_code == 404
    assert not Rating.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client, people, item):
    case = delivered_case(people, item)
    response = client.get(rating_url(case))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_an_undelivered_case_says_when_it_can_be_rated(client, people, item):
    case = delivered_case(people, item, status=CaseStatus.IN_REVIEW)
    client.force_login(people.applicant)
    page = client.get(rating_url(case))
    assert page.status_code == 200 and "办结送达后即可评价" in page.text and 'name="level"' not in page.text
    response = client.post(rating_url(case), {"level": "5"})
    assert response.status_code == 409 and not Rating.objects.exists()


def test_errors_come_back_next_to_the_field(client, people, item):
    case = delivered_case(people, item)
    client.force_login(people.applicant)
    response = client.post(rating_url(case), {"level": "1"})
    assert response.status_code == 400 and "请选择不满意的原因" in response.text
    response = client.post(rating_url(case), {"level": "9"})
    assert response.status_code == 400 and not Rating.objects.exists()


def test_the_rater_revisits_an_answered_review(client, people, item):
    rectification = rectification_in(RectificationState.REPLIED, people, item)
    case = rectification.rating.case
    client.force_login(people.applicant)
    page = client.get(rating_url(case))
    assert "提交复评" in page.text and "已整改" in page.text
    url = reverse("ratings:case_revisit", args=[case.number])
    response = client.post(url, {"satisfied": "yes", "comment": "好", "revision": rectification.revision})
    assert response.status_code == 302
    rectification.refresh_from_db()
    assert (rectification.state, rectification.revisit_satisfied) == (RectificationState.REVISITED, True)
    client.force_login(people.other_applicant)
    assert client.post(url, {"satisfied": "no"}).status_code == 404


def test_the_rater_does_not_see_the_departments_appeal(client, people, item):
    rectification = rectification_in(RectificationState.APPEALED, people, item)
    client.force_login(people.applicant)
    page = client.get(rating_url(rectification.rating.case))
    assert "核实中" in page.text and "恶意差评" not in page.text


# The signed link ----------------------------------------------------------------------------------------


def test_the_link_works_without_login(client, people, item):
    case = delivered_case(people, item)
    url = links.rating_path(case)
    assert url.startswith("/r/")
    page = client.get(url)
    assert page.status_code == 200 and case.item_name in page.text and "张三" not in page.text
    assert client.post(url, {"level": "5", "tags": ["服务热情"]}).status_code == 302
    assert Rating.objects.get().channel == "sms"


def test_a_forged_link_is_a_404(client, people, item):
    case = delivered_case(people, item)
    assert client.get(links.rating_path(case) + "x/").status_code == 404
    assert client.get(reverse("ratings:link", args=["not-a-token"])).status_code == 404


def test_staff_who_handled_it_are_refused_through_the_link(client, people, item):
    case = delivered_case(people, item)
    client.force_login(people.decider)
    response = client.post(links.rating_path(case), {"level": "5"})
    assert response.status_code == 403 and not Rating.objects.exists()


def test_the_link_revisits_too(client, people, item):
    rectification = rectification_in(RectificationState.REPLIED, people, item)
    token = links.case_token(rectification.rating.case)
    response = client.post(reverse("ratings:link_revisit", args=[token]), {"satisfied": "no", "revision": rectification.revision})
    assert response.status_code == 302
    rectification.refresh_from_db()
    assert rectification.revisit_satisfied is False


# Published satisfaction ----------------------------------------------------------------------------------


def test_satisfaction_is_public_and_leaves_voided_reviews_out(client, people, item):
    for level in (5, 5, 4, 3, 1):
        rate(people, delivered_case(people, item), level=level, **({"tags": ["等候时间较长"]} if level == 3 else {}))
    voided = rectification_in(RectificationState.APPEALED, people, item)
    services.rectification_decide_appeal(actor=people.supervisor, rectification=voided, decision=AppealDecision.VOIDED, opinion="恶意")
    page = client.get(reverse("ratings:satisfaction"))
    assert page.status_code == 200
    row = page.context["rows"][0]
    assert (row.department, row.total, row.very_satisfied, row.satisfied, row.basic, row.bad) == (people.department, 5, 2, 1, 1, 1)
    assert row.satisfaction_rate == 0.8 and row.rectified_rate == 0.0
    assert "80%" in page.text and people.department.name in page.text
    client.force_login(people.reviewer)
    assert client.get(reverse("ratings:satisfaction") + "?period=month").status_code == 200


# Complaints -------------------------------------------------------------------------------------------


def complaint_post(**overrides):
    data = {"category": "attitude", "content": "窗口人员态度差", "name": "王五", "phone": "13900000009", "reported_department": ""}
    data.update(overrides)
    return data


def test_anyone_files_a_complaint_and_sees_the_code_once(client, people):
    page = client.get(reverse("ratings:complaint_new"))
    assert page.status_code == 200 and 'name="anonymous"' in page.text
    response = client.post(reverse("ratings:complaint_new"), complaint_post(reported_department=people.department.pk))
    assert response.status_code == 302 and response["Location"] == reverse("ratings:complaint_done")
    found = Complaint.objects.get()
    done = client.get(reverse("ratings:complaint_done"))
    assert found.number in done.text and found.query_code in done.text
    again = client.get(reverse("ratings:complaint_done"))
    assert again.status_code == 302  # shown once


def test_an_anonymous_complaint_and_a_logged_in_one(client, people):
    assert client.post(reverse("ratings:complaint_new"), complaint_post(anonymous="on", name="", phone="")).status_code == 302
    client.force_login(people.applicant)
    assert client.post(reverse("ratings:complaint_new"), complaint_post(name="", phone="")).status_code == 302
    anonymous, named = Complaint.objects.order_by("id")
    assert anonymous.anonymous and named.complainant == people.applicant


def test_a_named_complaint_without_a_phone_is_refused(client, people):
    response = client.post(reverse("ratings:complaint_new"), complaint_post(phone=""))
    assert response.status_code == 400 and "联系电话" in response.text and not Complaint.objects.exists()


def test_complaints_are_limited_per_address(client, people):
    for _ in range(COMPLAINT_LIMIT):
        assert client.post(reverse("ratings:complaint_new"), complaint_post()).status_code == 302
    response = client.post(reverse("ratings:complaint_new"), complaint_post())
    assert response.status_code == 429 and Complaint.objects.count() == COMPLAINT_LIMIT
    other = client.post(reverse("ratings:complaint_new"), complaint_post(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_the_lookup_shows_the_reply_and_takes_feedback(client, people):
    found = complaint_in(ComplaintState.REPLIED, people)
    wrong = client.post(reverse("ratings:complaint_lookup"), {"number": found.number, "code": "00000000"})
    assert wrong.status_code == 404 and "已核实并整改" not in wrong.text
    page = client.post(reverse("ratings:complaint_lookup"), {"number": found.number, "code": found.query_code})
    assert page.status_code == 200 and "已核实并整改" in page.text and "评价答复" in page.text
    response = client.post(
        reverse("ratings:complaint_feedback"), {"number": found.number, "code": found.query_code, "satisfied": "no", "comment": "没解决"}
    )
    assert response.status_code == 200
    found.refresh_from_db()
    assert (found.state, found.reopen_count) == (ComplaintState.ASSIGNED, 1)


def test_feedback_with_a_wrong_code_changes_nothing(client, people):
    found = complaint_in(ComplaintState.REPLIED, people)
    response = client.post(reverse("ratings:complaint_feedback"), {"number": found.number, "code": "12345678", "satisfied": "yes"})
    assert response.status_code == 404
    found.refresh_from_db()
    assert found.state == ComplaintState.REPLIED


def test_lookups_are_limited_per_address(client, people):
    found = complaint_in(ComplaintState.RECEIVED, people)
    for _ in range(LOOKUP_LIMIT):
        client.post(reverse("ratings:complaint_lookup"), {"number": found.number, "code": "00000000"})
    response = client.post(reverse("ratings:complaint_lookup"), {"number": found.number, "code": found.query_code})
    assert response.status_code == 429
