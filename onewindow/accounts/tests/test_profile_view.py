from django.urls import reverse

from onewindow.accounts.choices import Role
from onewindow.accounts.tests.factories import grant

PROFILE = "/accounts/profile/"


def test_staff_see_their_roles_with_scopes_in_the_workbench(client, reviewer, department, county):
    grant(reviewer, Role.SUPERVISOR, region=county)
    client.force_login(reviewer)

    response = client.get(PROFILE)

    assert response.status_code == 200
    assert "workbench/base.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "审查人员" in html and department.name in html
    assert "电子监察人员" in html and county.name in html


def test_applicant_sees_masked_id_number_and_phone(client, applicant):
    client.force_login(applicant)

    response = client.get(PROFILE)

    html = response.content.decode()
    assert "portal/base.html" in [t.name for t in response.templates]
    assert "110***********002X" in html
    assert applicant.id_number not in html
    assert applicant.masked_phone in html and applicant.phone not in html
    assert "张三" in html


def test_one_sees_only_ones_own_profile(client, reviewer, other_reviewer, other_department):
    client.force_login(other_reviewer)

    html = client.get(PROFILE).content.decode()

    assert other_department.name in html
    assert reviewer.real_name not in html


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(PROFILE)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={PROFILE}"
