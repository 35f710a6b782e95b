from django.urls import reverse

LOGOUT = "/accounts/logout/"


def test_get_shows_a_confirmation_form_and_keeps_the_session(client, reviewer):
    client.force_login(reviewer)

    response = client.get(LOGOUT)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'method="post"' in html and "退出登录" in html
    assert client.session["_auth_user_id"] == str(reviewer.pk)


def test_post_logs_out_and_goes_to_the_portal(client, applicant):
    client.force_login(applicant)

    response = client.post(LOGOUT)

    assert response["Location"] == reverse("portal:home")
    assert "_auth_user_id" not in client.session


def test_anonymous_get_goes_to_the_portal(client, db):
    assert client.get(LOGOUT)["Location"] == reverse("portal:home")
