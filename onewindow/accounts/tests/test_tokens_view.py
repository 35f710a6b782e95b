import re

from django.urls import reverse

from onewindow.accounts.models import ApiToken
from onewindow.accounts.services import token_create
from onewindow.accounts.tokens import hash_token

TOKENS = "/accounts/tokens/"


def _plain_from(html):
    return re.search(r'value="(ow_[0-9a-f]{8}_[A-Za-z0-9_-]+)"', html).group(1)


def test_create_shows_the_plain_token_once_and_stores_only_its_hash(client, reviewer):
    client.force_login(reviewer)

    created = client.post(TOKENS, {"name": "档案系统对接", "lifetime": "90"})

    assert created.status_code == 200
    html = created.content.decode()
    assert "只显示这一次" in html
    plain = _plain_from(html)
    token = ApiToken.objects.get(user=reviewer)
    assert token.key_hash == hash_token(plain)
    assert token.name == "档案系统对接"
    assert token.expires_at is not None
    assert created["Cache-Control"].count("no-store") == 1
    listing = client.get(TOKENS).content.decode()
    assert "档案系统对接" in listing and token.prefix in listing
    assert plain not in listing


def test_token_without_expiry(client, reviewer):
    client.force_login(reviewer)

    client.post(TOKENS, {"name": "长期", "lifetime": ""})

    assert ApiToken.objects.get(user=reviewer).expires_at is None


def test_missing_name_shows_an_error_next_to_the_field(client, reviewer):
    client.force_login(reviewer)

    response = client.post(TOKENS, {"name": "", "lifetime": "30"})

    html = response.content.decode()
    assert "请填写令牌名称。" in html
    assert 'aria-describedby="id_name_error id_name_helptext"' in html
    assert not ApiToken.objects.exists()


def test_list_shows_own_tokens_only(client, reviewer, other_reviewer):
    token_create(actor=other_reviewer, user=other_reviewer, name="别人的令牌")
    token_create(actor=reviewer, user=reviewer, name="我的令牌")
    client.force_login(reviewer)

    html = client.get(TOKENS).content.decode()

    assert "我的令牌" in html and "别人的令牌" not in html


def test_owner_revokes_by_post(client, reviewer):
    token, _plain = token_create(actor=reviewer, user=reviewer, name="x")
    client.force_login(reviewer)

    assert client.get(reverse("accounts:token_revoke", args=[token.pk])).status_code == 405
    response = client.post(reverse("accounts:token_revoke", args=[token.pk]))

    assert response["Location"] == TOKENS
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "已吊销" in client.get(TOKENS).content.decode()


def test_another_users_token_is_not_found(client, reviewer, other_reviewer):
    token, _plain = token_create(actor=reviewer, user=reviewer, name="x")
    client.force_login(other_reviewer)

    assert client.post(reverse("accounts:token_revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_anonymous_is_sent_to_login(client, reviewer):
    token, _plain = token_create(actor=reviewer, user=reviewer, name="x")

    assert client.get(TOKENS)["Location"].startswith(reverse("accounts:login"))
    assert client.post(reverse("accounts:token_revoke", args=[token.pk]))["Location"].startswith(reverse("accounts:login"))
    token.refresh_from_db()
    assert token.revoked_at is None
