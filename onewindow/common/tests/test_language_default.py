import pytest


@pytest.mark.django_db
def test_english_browser_still_gets_chinese(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert 'lang="zh-hans"' in response.content.decode()


@pytest.mark.django_db
def test_chosen_english_is_kept(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert 'lang="en"' in response.content.decode()


@pytest.mark.django_db
def test_csrf_failure_page_is_chinese_and_has_no_inline_style(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/i18n/setlang/", {"language": "en"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "页面已过期" in body and "style=" not in body
