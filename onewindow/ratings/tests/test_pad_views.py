"""The rating pad at the window: no login, one tap for a good rating, reasons for a bad one, once per visit."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from onewindow.common import time
from onewindow.ratings.models import Rating
from onewindow.ratings.tests.factories import open_visit

pytestmark = pytest.mark.django_db


def pad_url(visit):
    return reverse("ratings:pad", args=[visit.token])


def test_the_pad_needs_no_login_and_shows_five_large_buttons(client, people):
    page = client.get(pad_url(open_visit(people)))
    assert page.status_code == 200
    assert page.text.count('name="level"') == 5 and "rating-pad" in page.text and people.department.name in page.text


def test_one_tap_records_a_good_rating(client, people):
    visit = open_visit(people)
    response = client.post(pad_url(visit), {"step": "level", "level": "5"})
    assert response.status_code == 200 and "感谢您的评价" in response.text
    rating = Rating.objects.get()
    assert (rating.visit, rating.level, rating.channel, rating.rater) == (visit, 5, "window_pad", None)
    again = client.get(pad_url(visit))
    assert "本次服务已评价" in again.text
    client.post(pad_url(visit), {"step": "level", "level": "1"})
    assert Rating.objects.count() == 1


def test_a_bad_rating_asks_for_the_reasons_first(client, people):
    visit = open_visit(people)
    step = client.post(pad_url(visit), {"step": "level", "level": "1"})
    assert step.status_code == 200 and "服务态度差" in step.text and "服务热情" not in step.text
    assert not Rating.objects.exists()
    missing = client.post(pad_url(visit), {"step": "details", "level": "1"})
    assert missing.status_code == 400 and not Rating.objects.exists()
    done = client.post(pad_url(visit), {"step": "details", "level": "1", "tags": ["推诿扯皮"], "contact_phone": "13900001111"})
    assert done.status_code == 200 and "感谢您的评价" in done.text
    rating = Rating.objects.get()
    assert (rating.level, rating.tags, rating.contact_phone) == (1, ["推诿扯皮"], "13900001111")
    assert rating.rectification.department == people.department


def test_no_level_no_rating(client, people):
    visit = open_visit(people)
    assert client.post(pad_url(visit), {"step": "level"}).status_code == 400
    assert client.post(pad_url(visit), {"step": "level", "level": "7"}).status_code == 400
    assert not Rating.objects.exists()


def test_an_old_visit_can_no_longer_be_rated(client, people):
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=time.LOCAL_TZ), tick=False):
        visit = open_visit(people)
    with time_machine.travel(dt.datetime(2026, 3, 3, 11, tzinfo=time.LOCAL_TZ), tick=False):
        assert client.get(pad_url(visit)).status_code == 409
        assert client.post(pad_url(visit), {"step": "level", "level": "5"}).status_code == 409
    assert not Rating.objects.exists()


def test_an_unknown_pad_is_a_404(client, people):
    assert client.get(reverse("ratings:pad", args=["nope"])).status_code == 404


def test_the_clerk_logged_in_on_the_pad_may_not_rate(client, people):
    visit = open_visit(people)
    client.force_login(people.clerk)
    response = client.post(pad_url(visit), {"step": "level", "level": "5"})
    assert response.status_code == 403 and not Rating.objects.exists()
