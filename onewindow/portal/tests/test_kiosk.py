"""Kiosk mode: `?kiosk=1` on a portal page sets `body.kiosk` for the rest of the session."""

import re

import pytest
from django.urls import reverse


def _body_classes(response) -> set[str]:
    match = re.search(r'<body class="([^"]*)"', response.content.decode())
    assert match, "the page has a body class attribute"
    return set(match.group(1).split())


@pytest.mark.django_db
def test_kiosk_is_off_by_default(client):
    assert "kiosk" not in _body_classes(client.get(reverse("portal:home")))


@pytest.mark.django_db
def test_kiosk_parameter_is_remembered_on_later_pages(client):
    first = client.get(reverse("portal:home"), {"kiosk": "1"})
    later = client.get(reverse("portal:halls"))

    assert "kiosk" in _body_classes(first)
    assert "kiosk" in _body_classes(later)
    assert "退出自助终端模式" in later.content.decode()


@pytest.mark.django_db
def test_kiosk_zero_leaves_kiosk_mode(client):
    client.get(reverse("portal:home"), {"kiosk": "1"})

    response = client.get(reverse("portal:departments"), {"kiosk": "0"})

    assert "kiosk" not in _body_classes(response)
    assert "kiosk" not in _body_classes(client.get(reverse("portal:home")))


@pytest.mark.django_db
def test_other_values_change_nothing(client):
    client.get(reverse("portal:home"), {"kiosk": "1"})

    assert "kiosk" in _body_classes(client.get(reverse("portal:home"), {"kiosk": "yes"}))
