import datetime as dt

import pytest

from onewindow.accounts.models import ApiToken
from onewindow.accounts.services import MAX_ACTIVE_TOKENS, token_create, token_revoke
from onewindow.accounts.tokens import hash_token
from onewindow.audit.models import AuditEvent
from onewindow.common import time
from onewindow.common.errors import Conflict, Forbidden, InvalidInput


def test_creates_a_token_storing_only_its_hash(reviewer):
    token, plain = token_create(actor=reviewer, user=reviewer, name="  档案系统  ")

    assert plain.startswith(f"ow_{token.prefix}_")
    assert token.name == "档案系统"
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hash_token(plain)
    assert plain not in {stored.key_hash, stored.prefix, stored.name}
    event = AuditEvent.objects.get(action="accounts.token.create")
    assert "key_hash" not in event.after
    assert stored.key_hash not in str(event.after)
    assert plain not in str(event.after)


def test_a_user_creates_tokens_for_themself_only(reviewer, system_admin):
    with pytest.raises(Forbidden):
        token_create(actor=system_admin, user=reviewer, name="x")
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize(("name", "code"), [("", "token_name_required"), ("   ", "token_name_required"), ("x" * 101, "token_name_length")])
def test_name_is_required_and_bounded(reviewer, name, code):
    with pytest.raises(InvalidInput) as caught:
        token_create(actor=reviewer, user=reviewer, name=name)
    assert caught.value.code == code


def test_expiry_must_lie_in_the_future(reviewer):
    with pytest.raises(InvalidInput) as caught:
        token_create(actor=reviewer, user=reviewer, name="x", expires_at=time.now() - dt.timedelta(seconds=1))
    assert caught.value.code == "token_expiry_past"


def test_at_most_twenty_active_tokens(reviewer):
    tokens = [token_create(actor=reviewer, user=reviewer, name=f"t{i}")[0] for i in range(MAX_ACTIVE_TOKENS)]

    with pytest.raises(Conflict) as caught:
        token_create(actor=reviewer, user=reviewer, name="one too many")
    assert caught.value.code == "token_limit"

    token_revoke(actor=reviewer, token=tokens[0])
    token_create(actor=reviewer, user=reviewer, name="replacement")
    assert ApiToken.objects.filter(user=reviewer).active().count() == MAX_ACTIVE_TOKENS


def test_revoke_by_owner_or_managing_admin_only(reviewer, other_reviewer, system_admin):
    token, _plain = token_create(actor=reviewer, user=reviewer, name="x")

    with pytest.raises(Forbidden):
        token_revoke(actor=other_reviewer, token=token)
    token_revoke(actor=system_admin, token=token)

    token.refresh_from_db()
    assert token.revoked_at is not None and not token.is_active
    with pytest.raises(Conflict):
        token_revoke(actor=reviewer, token=token)
    event = AuditEvent.objects.get(action="accounts.token.revoke")
    assert event.before["revoked_at"] is None and event.after["revoked_at"] is not None
