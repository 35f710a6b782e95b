"""The shared layout (base.html): skip link, main landmark, messages as alert boxes, scripts."""

import re

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.template.loader import render_to_string
from django.urls import reverse


@pytest.mark.django_db
def test_skip_link_is_the_first_link_and_targets_main(client):
    page = client.get(reverse("portal:home")).content.decode()

    body = page[page.index("<body") :]
    first_link = re.search(r"<a [^>]*>[^<]*</a>", body)
    assert first_link is not None
    assert first_link.group(0) == '<a class="skip-link" href="#main">跳至主要内容</a>'
    assert page.count('<main id="main"') == 1


@pytest.mark.django_db
def test_htmx_and_our_script_come_from_static_files(client):
    page = client.get(reverse("portal:home")).content.decode()

    assert '<script src="/static/js/onewindow.js"></script>' in page
    assert re.search(r'<script src="/static/django_htmx/htmx-2(\.min)?\.js" defer></script>', page)
    assert '"includeIndicatorStyles": false' in page  # htmx must not inject an inline <style>


def test_messages_render_as_alerts_with_live_roles():
    """The 500 page extends base.html and needs no database, so it shows the layout's message list."""
    messages = [
        Message(constants.SUCCESS, "已保存。"),
        Message(constants.INFO, "请注意。"),
        Message(constants.WARNING, "即将到期。"),
        Message(constants.ERROR, "保存失败。"),
    ]

    page = render_to_string("500.html", {"messages": messages})

    assert '<div class="alert alert-success" role="status">已保存。</div>' in page
    assert '<div class="alert alert-info" role="status">请注意。</div>' in page
    assert '<div class="alert alert-warning" role="alert">即将到期。</div>' in page
    assert '<div class="alert alert-error" role="alert">保存失败。</div>' in page
