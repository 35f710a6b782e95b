"""The request id and client IP set by RequestContextMiddleware end up in the events a view records."""

import pytest
from django.db import transaction
from django.http import HttpRequest, JsonResponse
from django.urls import path

from onewindow.audit.chain import chain_verify
from onewindow.audit.models import AuditEvent
from onewindow.audit.services import audit_record


def record_view(request: HttpRequest) -> JsonResponse:
    with transaction.atomic():
        event = audit_record(actor=request.user, action="audit.probe.record", object_type="probe", object_id="1")
    return JsonResponse({"seq": event.seq})


urlpatterns = [path("record/", record_view)]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def test_the_request_id_and_ip_are_recorded(client, reviewer):
    client.force_login(reviewer)
    response = client.get("/record/", HTTP_X_REQUEST_ID="req-0123abc", REMOTE_ADDR="203.0.113.9")
    event = AuditEvent.objects.get(seq=response.json()["seq"])
    assert (event.request_id, event.ip, event.actor) == ("req-0123abc", "203.0.113.9", reviewer)


def test_a_generated_request_id_is_recorded_and_returned(client):
    response = client.get("/record/")
    event = AuditEvent.objects.get(seq=response.json()["seq"])
    assert len(event.request_id) == 32
    assert response["X-Request-ID"] == event.request_id
    assert event.actor_label == "system"


def test_the_forwarded_address_is_recorded_behind_a_proxy(client, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    client.get("/record/", HTTP_X_FORWARDED_FOR="198.51.100.4", REMOTE_ADDR="10.0.0.1")
    assert AuditEvent.objects.get().ip == "198.51.100.4"


def test_an_ipv6_or_bogus_address_keeps_the_chain_verifiable(client, settings):
    client.get("/record/", REMOTE_ADDR="2001:DB8:0::7")
    settings.AXES_IPWARE_PROXY_COUNT = 1
    client.get("/record/", HTTP_X_FORWARDED_FOR="<script>", REMOTE_ADDR="10.0.0.1")
    assert list(AuditEvent.objects.order_by("seq").values_list("ip", flat=True)) == ["2001:db8::7", None]
    assert chain_verify().ok
