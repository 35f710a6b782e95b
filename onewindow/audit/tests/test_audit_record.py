import datetime as dt

import pytest
import time_machine
from django.db import transaction

from onewindow.accounts.tests.factories import UserFactory
from onewindow.audit.models import AuditChainHead, AuditEvent
from onewindow.audit.services import GENESIS_HASH, audit_record, audit_snapshot, canonical_ip, event_content, event_hash
from onewindow.common import request_context


def _record(**kwargs):
    return audit_record(actor=None, action="audit.probe.record", object_type="probe", object_id="1", **kwargs)


@pytest.mark.django_db
def test_the_migration_creates_the_chain_head():
    head = AuditChainHead.objects.get(pk=1)
    assert (head.last_seq, head.last_hash) == (0, GENESIS_HASH)


@pytest.mark.django_db
def test_events_are_numbered_and_each_links_to_the_previous_one():
    first, second = _record(), _record()
    assert (first.seq, second.seq) == (1, 2)
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.hash
    head = AuditChainHead.objects.get(pk=1)
    assert (head.last_seq, head.last_hash) == (2, second.hash)


@pytest.mark.django_db
def test_the_stored_hash_is_recomputable_from_the_row_as_read_back():
    user = UserFactory()
    token = request_context.set_current(request_context.RequestContext(request_id="req-1", ip="2001:DB8::1"))
    try:
        with time_machine.travel(dt.datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=dt.UTC), tick=False):
            audit_record(
                actor=user,
                action="audit.probe.record",
                obj=user,
                before={"amount": 1, "when": dt.date(2026, 1, 2)},
                after={"名称": "新名称", "nested": {"b": [1, 2.5, None], "a": True}},
            )
    finally:
        request_context.reset(token)
    event = AuditEvent.objects.get()
    assert event.hash == event_hash(event.prev_hash, event_content(event))
    assert event.before == {"amount": 1, "when": "2026-01-02"}
    assert (event.request_id, canonical_ip(event.ip)) == ("req-1", "2001:db8::1")


@pytest.mark.django_db
def test_obj_fills_the_object_fields_and_the_actor_its_label():
    user = UserFactory(username="clerk1")
    event = audit_record(actor=user, action="accounts.user.update_profile", obj=user)
    assert (event.object_type, event.object_id, event.object_repr) == ("accounts.user", str(user.pk), str(user))
    assert (event.actor, event.actor_label) == (user, "clerk1")


@pytest.mark.django_db
def test_without_an_authenticated_actor_the_system_is_recorded():
    from django.contrib.auth.models import AnonymousUser

    assert (_record().actor_id, _record().actor_label) == (None, "system")
    event = audit_record(actor=AnonymousUser(), action="audit.probe.record")
    assert (event.actor_id, event.actor_label) == (None, "system")


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["create", "orgs.create", "Orgs.Department.Create", "orgs.department.create!", "a." + "b" * 61 + ".c"])
def test_an_action_not_following_the_convention_is_refused(action):
    with pytest.raises(ValueError):
        audit_record(actor=None, action=action)
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_an_event_rolls_back_with_the_callers_transaction():
    with pytest.raises(RuntimeError), transaction.atomic():
        _record()
        raise RuntimeError
    assert not AuditEvent.objects.exists()
    assert AuditChainHead.objects.get(pk=1).last_seq == 0
    assert _record().seq == 1


@pytest.mark.django_db
def test_a_missing_head_is_recreated_from_the_last_event():
    _record()
    second = _record()
    AuditChainHead.objects.all().delete()
    third = _record()
    assert (third.seq, third.prev_hash) == (3, second.hash)
    assert AuditChainHead.objects.get(pk=1).last_seq == 3


@pytest.mark.django_db
def test_a_missing_head_on_an_empty_trail_starts_the_chain():
    AuditChainHead.objects.all().delete()
    event = _record()
    assert (event.seq, event.prev_hash) == (1, GENESIS_HASH)


@pytest.mark.django_db
def test_snapshots_never_hold_passwords():
    user = UserFactory()
    snapshot = audit_snapshot(user)
    assert "password" not in snapshot
    assert snapshot["username"] == user.username


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:DB8:0:0::1", "2001:db8::1"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("not-an-ip", None),
        ("", None),
        (None, None),
    ],
)
def test_ip_addresses_are_kept_in_one_spelling(raw, expected):
    assert canonical_ip(raw) == expected
