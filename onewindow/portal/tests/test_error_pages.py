"""The 403, 404 and 500 pages: Chinese, in the portal layout; the 500 page touches nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.views import defaults


@pytest.mark.django_db
def test_404_page_is_chinese_with_a_way_home(client):
    response = client.get("/no-such-page/")

    page = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in page
    assert "返回首页" in page
    assert 'id="main"' in page


def test_403_page_for_a_logged_in_user_points_to_the_administrator(rf_user_request):
    response = defaults.permission_denied(rf_user_request, PermissionDenied())

    page = response.content.decode()
    assert response.status_code == 403
    assert "无权访问" in page
    assert "系统管理员" in page


@pytest.mark.django_db
def test_403_page_for_an_anonymous_visitor_offers_login(client, rf):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore

    request = rf.get("/workbench/secret/")
    request.user = AnonymousUser()
    request.session = SessionStore()

    page = defaults.permission_denied(request, PermissionDenied()).content.decode()

    assert "此页面需要登录后访问" in page
    assert "next=/workbench/secret/" in page


def test_500_page_renders_without_request_context_or_database():
    """No `django_db` mark: any query would raise, as the database may be what failed."""
    response = defaults.server_error(RequestFactory().get("/"))

    page = response.content.decode()
    assert response.status_code == 500
    assert "系统暂时无法处理您的请求" in page
    assert "12345" in page
    assert "lang-switch" not in page  # no form without a CSRF token


@pytest.fixture
def rf_user_request(rf, reviewer):
    from django.contrib.sessions.backends.db import SessionStore

    request = rf.get("/workbench/orgs/")
    request.user = reviewer
    request.session = SessionStore()
    return request
