"""The language switch in the layout: zh-hans by default, English after POSTing to set_language."""

import re

import pytest
from django.urls import reverse


def _html_lang(response) -> str:
    match = re.search(r'<html lang="([^"]+)"', response.content.decode())
    assert match, "the page declares its language"
    return match.group(1)


@pytest.mark.django_db
def test_default_language_is_simplified_chinese(client):
    response = client.get(reverse("portal:home"))

    assert _html_lang(response) == "zh-hans"
    assert 'value="zh-hans" lang="zh-hans" aria-current="true">简体中文' in response.content.decode()


@pytest.mark.django_db
def test_switch_form_posts_to_set_language_and_returns_here(client):
    page = client.get(reverse("portal:halls")).content.decode()

    form = re.search(r'<form class="lang-switch" action="([^"]+)" method="post"', page)
    assert form and form.group(1) == reverse("set_language")
    assert f'name="next" value="{reverse("portal:halls")}"' in page
    assert 'name="csrfmiddlewaretoken"' in page


@pytest.mark.django_db
def test_switching_to_english_changes_the_page_language(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("portal:halls")})

    assert response.status_code == 302
    assert response["Location"] == reverse("portal:halls")
    page = client.get(reverse("portal:halls"))
    assert _html_lang(page) == "en"
    assert 'value="en" lang="en" aria-current="true">English' in page.content.decode()


def test_switching_back_to_chinese_on_the_workbench(client, reviewer):
    client.force_login(reviewer)
    client.post(reverse("set_language"), {"language": "en", "next": reverse("workbench:home")})
    assert _html_lang(client.get(reverse("workbench:home"))) == "en"

    client.post(reverse("set_language"), {"language": "zh-hans", "next": reverse("workbench:home")})

    assert _html_lang(client.get(reverse("workbench:home"))) == "zh-hans"
