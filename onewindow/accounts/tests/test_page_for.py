"""`page_for`: who may open a staff page, and how errors raised inside become answers."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from onewindow.accounts.decorators import page_for
from onewindow.common.errors import Conflict, Forbidden, InvalidInput, NotFound

pytestmark = pytest.mark.django_db


def _page(error):
    @page_for(lambda user: True)
    def view(request):
        if error is not None:
            raise error
        return HttpResponse("ok")

    return view


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (None, 200),
        (InvalidInput("部门编号无效。", code="department_invalid"), 400),
        (Conflict("该办件已被他人处理。", code="case_stale"), 409),
    ],
)
def test_input_and_conflict_errors_become_pages_with_their_message(reviewer, error, status):
    request = RequestFactory().get("/workbench/x/")
    request.user = reviewer

    response = _page(error)(request)

    assert response.status_code == status
    if error is not None:
        assert error.message in response.content.decode()


@pytest.mark.parametrize(("error", "exception"), [(NotFound("无"), "Http404"), (Forbidden("不可"), "PermissionDenied")])
def test_not_found_and_forbidden_go_to_the_404_and_403_handlers(reviewer, error, exception):
    request = RequestFactory().get("/workbench/x/")
    request.user = reviewer

    with pytest.raises(Exception) as raised:
        _page(error)(request)

    assert type(raised.value).__name__ == exception
