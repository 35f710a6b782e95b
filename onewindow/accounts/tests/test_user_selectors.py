import pytest

from onewindow.accounts.selectors import user_get, user_list
from onewindow.accounts.tests.factories import UserFactory
from onewindow.common.errors import NotFound


def test_user_list_filters_by_text_and_pages_by_cursor(system_admin, applicant, reviewer):
    UserFactory.create_batch(3, real_name="李四")

    assert [u.username for u in user_list(user=system_admin, q="张三").items] == ["applicant"]
    assert [u.username for u in user_list(user=system_admin, q="11010519491231002x").items] == ["applicant"]
    first = user_list(user=system_admin, q="李四", limit=2)
    second = user_list(user=system_admin, q="李四", cursor=first.next_cursor, limit=2)
    assert len(first.items) == 2 and len(second.items) == 1
    assert second.next_cursor is None
    assert not {u.pk for u in first.items} & {u.pk for u in second.items}


def test_user_list_applies_visibility(reviewer, applicant):
    assert [u.username for u in user_list(user=reviewer).items] == ["reviewer"]


def test_user_get_raises_not_found_for_what_the_user_may_not_see(system_admin, reviewer, other_reviewer):
    assert user_get(user=system_admin, pk=reviewer.pk) == reviewer
    assert user_get(user=reviewer, pk=reviewer.pk) == reviewer
    for pk in (other_reviewer.pk, "nonsense", 10**9):
        with pytest.raises(NotFound):
            user_get(user=reviewer, pk=pk)
