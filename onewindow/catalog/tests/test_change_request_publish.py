import threading

import pytest
from django.db import connection

from onewindow.catalog.choices import CHANGE_REQUEST_TRANSITIONS, ChangeRequestStatus
from onewindow.catalog.models import CatalogVersion, ChangeRequest, PowerItem, ServiceItem, ServiceItemVersion
from onewindow.catalog.selectors import change_request_diff, current_items, version_diff
from onewindow.catalog.services import (
    change_request_cancel_entry,
    change_request_create,
    change_request_publish,
    change_request_return,
    change_request_save_draft,
    change_request_submit,
    change_request_withdraw,
)
from onewindow.catalog.tests.documents import item_document, power_document
from onewindow.common.errors import Conflict, Forbidden, InvalidInput

pytestmark = pytest.mark.django_db


def new_request(actor, county, department, kind="add", list_kind="service"):
    return change_request_create(
        actor=actor,
        region=county,
        department=department,
        list_kind=list_kind,
        kind=kind,
        title=f"{kind} request",
        reason="依法调整",
        legal_basis="《中华人民共和国行政许可法》",
    )


def publish(drafter, publisher, county, department, docs=(), cancels=(), kind="add", list_kind="service"):
    request = new_request(drafter, county, department, kind, list_kind)
    for doc in docs:
        change_request_save_draft(actor=drafter, change_request=request, document=doc)
    for code in cancels:
        change_request_cancel_entry(actor=drafter, change_request=request, code=code)
    change_request_submit(actor=drafter, change_request=request)
    return change_request_publish(actor=publisher, change_request=request)


def test_publish_makes_version_one_current_and_public(county, department, department_admin, list_manager):
    version = publish(department_admin, list_manager, county, department, [item_document()])
    assert version.number == 1
    item = ServiceItem.objects.get()
    assert item.current.valid_from == 1 and item.current.state == "published"
    assert list(current_items(region=county)) == [item.current]
    assert ChangeRequest.objects.get().status == "published"


def test_adjusting_keeps_the_old_version_untouched_and_closes_it(county, department, department_admin, list_manager):
    publish(department_admin, list_manager, county, department, [item_document()])
    first = ServiceItem.objects.get().current
    publish(
        department_admin, list_manager, county, department, [item_document(promised_limit_days=4, name="食品经营许可(调整)")], kind="adjust"
    )
    first.refresh_from_db()
    item = ServiceItem.objects.get()
    assert first.valid_to == 2 and first.promised_limit_days == 5 and first.name == "食品经营许可"
    assert item.current.promised_limit_days == 4 and item.current.valid_from == 2
    assert ServiceItemVersion.objects.filter(service_item=item).count() == 2
    diff = version_diff(region=county, old_number=1, new_number=2)
    assert [(d.status, d.key) for d in diff] == [("changed", item.implementation_code)]
    assert {c.path for c in diff[0].changes} == {"name", "promised_limit_days"}


def test_cancelling_removes_the_item_from_the_current_list_but_keeps_history(county, department, department_admin, list_manager):
    publish(department_admin, list_manager, county, department, [item_document()])
    code = item_document()["implementation_code"]
    publish(department_admin, list_manager, county, department, cancels=[code], kind="cancel")
    item = ServiceItem.objects.get()
    assert item.current is None
    assert not current_items(region=county).exists()
    assert [d.status for d in version_diff(region=county, old_number=1, new_number=2)] == ["removed"]


def test_merge_needs_a_merged_entry_and_the_cancelled_ones(county, department, department_admin, list_manager):
    a = item_document(implementation_code="11990123MB00000010001", name="甲许可")
    b = item_document(implementation_code="11990123MB00000010002", name="乙许可")
    publish(department_admin, list_manager, county, department, [a, b])
    request = new_request(department_admin, county, department, kind="merge")
    change_request_cancel_entry(actor=department_admin, change_request=request, code=b["implementation_code"])
    with pytest.raises(InvalidInput) as caught:
        change_request_submit(actor=department_admin, change_request=request)
    assert caught.value.code == "change_request_entries_mismatch"
    change_request_save_draft(actor=department_admin, change_request=request, document=dict(a, name="甲乙合并许可"))
    change_request_submit(actor=department_admin, change_request=request)
    change_request_publish(actor=list_manager, change_request=request)
    assert sorted(v.name for v in current_items(region=county)) == ["甲乙合并许可"]


@pytest.mark.parametrize(("kind", "ok"), [("add", False), ("cancel", False), ("adjust", True), ("delegate", True)])
def test_entries_must_fit_the_kind_of_request(county, department, department_admin, list_manager, kind, ok):
    publish(department_admin, list_manager, county, department, [item_document()])
    request = new_request(department_admin, county, department, kind=kind)
    change_request_save_draft(actor=department_admin, change_request=request, document=item_document(promised_limit_days=4))
    if ok:
        assert change_request_submit(actor=department_admin, change_request=request).status == "submitted"
    else:
        with pytest.raises(InvalidInput):
            change_request_submit(actor=department_admin, change_request=request)


def test_empty_request_cannot_be_submitted(county, department, department_admin):
    request = new_request(department_admin, county, department)
    with pytest.raises(InvalidInput):
        change_request_submit(actor=department_admin, change_request=request)


def test_drafter_cannot_publish_their_own_request(county, department, list_manager, second_list_manager):
    request = new_request(list_manager, county, department)
    change_request_save_draft(actor=list_manager, change_request=request, document=item_document())
    change_request_submit(actor=list_manager, change_request=request)
    with pytest.raises(Forbidden) as caught:
        change_request_publish(actor=list_manager, change_request=request)
    assert caught.value.code == "change_request_self_review"
    assert change_request_publish(actor=second_list_manager, change_request=request).number == 1


def test_only_list_managers_publish_or_return(county, department, department_admin, reviewer):
    request = new_request(department_admin, county, department)
    change_request_save_draft(actor=department_admin, change_request=request, document=item_document())
    change_request_submit(actor=department_admin, change_request=request)
    for actor in (department_admin, reviewer):
        with pytest.raises(Forbidden):
            change_request_publish(actor=actor, change_request=request)
        with pytest.raises(Forbidden):
            change_request_return(actor=actor, change_request=request, comment="不行")
    assert not CatalogVersion.objects.exists()


def test_returned_request_can_be_fixed_and_resubmitted(county, department, department_admin, list_manager):
    request = new_request(department_admin, county, department)
    change_request_save_draft(actor=department_admin, change_request=request, document=item_document())
    change_request_submit(actor=department_admin, change_request=request)
    with pytest.raises(InvalidInput):
        change_request_return(actor=list_manager, change_request=request, comment=" ")
    change_request_return(actor=list_manager, change_request=request, comment="承诺时限应再压缩")
    change_request_save_draft(actor=department_admin, change_request=request, document=item_document(promised_limit_days=4))
    change_request_submit(actor=department_admin, change_request=request)
    change_request_publish(actor=list_manager, change_request=request)
    assert ServiceItem.objects.get().current.promised_limit_days == 4


def test_published_request_can_no_longer_be_edited(county, department, department_admin, list_manager):
    publish(department_admin, list_manager, county, department, [item_document()])
    request = ChangeRequest.objects.get()
    with pytest.raises(Conflict):
        change_request_save_draft(actor=department_admin, change_request=request, document=item_document(name="改"))
    with pytest.raises(Conflict):
        change_request_publish(actor=list_manager, change_request=request)


def test_withdrawing_removes_drafts_of_never_published_items(county, department, department_admin):
    request = new_request(department_admin, county, department)
    change_request_save_draft(actor=department_admin, change_request=request, document=item_document())
    change_request_withdraw(actor=department_admin, change_request=request)
    assert not ServiceItem.objects.exists() and not ServiceItemVersion.objects.exists()


def test_a_stale_draft_is_refused_at_publish(county, department, department_admin, list_manager):
    publish(department_admin, list_manager, county, department, [item_document()])
    first = new_request(department_admin, county, department, kind="adjust")
    second = new_request(department_admin, county, department, kind="adjust")
    change_request_save_draft(actor=department_admin, change_request=first, document=item_document(promised_limit_days=4))
    change_request_save_draft(actor=department_admin, change_request=second, document=item_document(statutory_limit_days=15))
    for request in (first, second):
        change_request_submit(actor=department_admin, change_request=request)
    change_request_publish(actor=list_manager, change_request=first)
    with pytest.raises(Conflict) as caught:
        change_request_publish(actor=list_manager, change_request=second)
    assert caught.value.code == "change_request_stale"
    assert ServiceItem.objects.get().current.promised_limit_days == 4


def test_request_diff_compares_drafts_with_current(county, department, department_admin, list_manager):
    publish(department_admin, list_manager, county, department, [item_document()])
    request = new_request(department_admin, county, department, kind="adjust")
    doc = item_document()
    doc["materials"].append(dict(doc["materials"][0], code="M03", name="健康证明"))
    change_request_save_draft(actor=department_admin, change_request=request, document=doc)
    [entry] = change_request_diff(change_request=request)
    assert entry.status == "changed"
    assert [c.path for c in entry.changes] == ["materials[M03]"] and entry.changes[0].kind == "added"


def test_power_items_link_sub_items_to_their_main_item(county, department, department_admin, list_manager):
    main = power_document()
    sub = power_document(code="330217001001", parent_code="330217001000", name="食品经营许可(新办)")
    publish(department_admin, list_manager, county, department, [main, sub], list_kind="power")
    assert PowerItem.objects.get(code="330217001001").parent.code == "330217001000"


def test_power_item_needs_a_legal_basis(county, department, department_admin):
    request = new_request(department_admin, county, department, list_kind="power")
    with pytest.raises(InvalidInput) as caught:
        change_request_save_draft(actor=department_admin, change_request=request, document=power_document(legal_bases=[]))
    assert caught.value.details[0]["field"] == "legal_bases"


def test_transition_table_walks_every_pair():
    statuses = list(ChangeRequestStatus)
    for source in statuses:
        for target in statuses:
            allowed = target in CHANGE_REQUEST_TRANSITIONS[source]
            assert allowed == ((source, target) in EXPECTED_TRANSITIONS), (source, target)


EXPECTED_TRANSITIONS = {
    ("draft", "submitted"),
    ("draft", "withdrawn"),
    ("submitted", "published"),
    ("submitted", "returned"),
    ("returned", "submitted"),
    ("returned", "withdrawn"),
}


@pytest.mark.django_db(transaction=True)
def test_concurrent_publishes_get_distinct_version_numbers(county, department, department_admin, list_manager):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL")
    requests = []
    for index in range(4):
        request = new_request(department_admin, county, department)
        code = f"11990123MB0000002000{index}"
        change_request_save_draft(actor=department_admin, change_request=request, document=item_document(implementation_code=code))
        change_request_submit(actor=department_admin, change_request=request)
        requests.append(request)
    errors = []

    def run(request):
        try:
            change_request_publish(actor=list_manager, change_request=request)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(CatalogVersion.objects.values_list("number", flat=True)) == [1, 2, 3, 4]
