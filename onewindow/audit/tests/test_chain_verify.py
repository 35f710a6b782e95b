"""chain_verify and `manage.py audit_verify` find an edited, a deleted and a forged event."""

import pytest
from django.core.management import call_command

from onewindow.audit.chain import ChainReport, chain_verify
from onewindow.audit.models import AuditChainHead, AuditEvent
from onewindow.audit.services import audit_record, event_content, event_hash
from onewindow.audit.tests.support import append_only_suspended

pytestmark = pytest.mark.django_db


def _trail(count):
    return [audit_record(actor=None, action="audit.probe.record", object_type="probe", after={"n": n}) for n in range(count)]


def _forge(seq, prev_hash, **content):
    event = AuditEvent(seq=seq, action="audit.probe.forged", object_type="probe", object_id="x", prev_hash=prev_hash, **content)
    event.hash = event_hash(prev_hash, event_content(event))
    with append_only_suspended():
        event.save(force_insert=True)
    return event


def test_an_intact_chain_is_ok():
    _trail(5)
    assert chain_verify() == ChainReport(ok=True, checked=5)


def test_an_empty_chain_is_ok():
    report = chain_verify()
    assert (report.ok, report.checked) == (True, 0)


def test_an_edited_event_breaks_the_chain_at_that_event():
    _trail(5)
    with append_only_suspended():
        AuditEvent.objects.filter(seq=3).update(after={"n": 99})
    report = chain_verify()
    assert (report.ok, report.first_broken_seq, report.checked) == (False, 3, 2)
    assert "modified" in report.reason


def test_an_edited_and_rehashed_event_breaks_the_link_to_the_next_one():
    _trail(5)
    event = AuditEvent.objects.get(seq=3)
    event.after = {"n": 99}
    with append_only_suspended():
        AuditEvent.objects.filter(seq=3).update(after=event.after, hash=event_hash(event.prev_hash, event_content(event)))
    report = chain_verify()
    assert (report.ok, report.first_broken_seq) == (False, 4)
    assert "prev_hash" in report.reason


def test_a_deleted_event_leaves_a_gap():
    _trail(5)
    with append_only_suspended():
        AuditEvent.objects.filter(seq=3).delete()
    report = chain_verify()
    assert (report.ok, report.first_broken_seq) == (False, 4)
    assert "#3 is missing" in report.reason


def test_deleting_the_newest_events_is_found_through_the_head():
    _trail(5)
    with append_only_suspended():
        AuditEvent.objects.filter(seq__gte=4).delete()
    report = chain_verify()
    assert (report.ok, report.first_broken_seq, report.checked) == (False, 4, 3)
    assert "deleted" in report.reason


def test_a_forged_event_appended_without_moving_the_head_is_found():
    events = _trail(3)
    _forge(4, events[-1].hash)
    report = chain_verify()
    assert (report.ok, report.first_broken_seq) == (False, 4)
    assert "beyond the chain head" in report.reason


def test_a_forged_event_with_the_head_moved_but_a_wrong_link_is_found():
    _trail(3)
    forged = _forge(4, "f" * 64)
    AuditChainHead.objects.filter(pk=1).update(last_seq=4, last_hash=forged.hash)
    report = chain_verify()
    assert (report.ok, report.first_broken_seq) == (False, 4)
    assert "prev_hash" in report.reason


def test_a_head_that_does_not_match_the_last_event_is_found():
    _trail(3)
    AuditChainHead.objects.filter(pk=1).update(last_hash="e" * 64)
    report = chain_verify()
    assert (report.ok, report.first_broken_seq) == (False, 3)
    assert "chain head" in report.reason


def test_a_missing_head_is_reported():
    _trail(2)
    AuditChainHead.objects.all().delete()
    report = chain_verify()
    assert (report.ok, report.first_broken_seq) == (False, 2)


def test_the_command_reports_an_intact_chain(capsys):
    _trail(4)
    call_command("audit_verify")
    assert capsys.readouterr().out.strip() == "OK: 4 events, chain intact"


def test_the_command_reports_the_first_broken_link_and_exits_1(capsys):
    _trail(4)
    with append_only_suspended():
        AuditEvent.objects.filter(seq=2).update(object_repr="forged")
    with pytest.raises(SystemExit) as exit_info:
        call_command("audit_verify")
    assert exit_info.value.code == 1
    assert capsys.readouterr().err.startswith("BROKEN at event #2: ")
