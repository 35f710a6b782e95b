"""API fuzzing from the OpenAPI document (issue 6 § 3): every operation of /api/v1/, called by every
kind of caller with requests drawn from its parameter and body schemas (valid-looking values of
the permission matrix's county mixed with hostile ones). Every answer must be no 5xx, a status
the operation declares, a JSON body matching the declared schema, and every 4xx the error format.

Each request runs in a savepoint that is rolled back, so every one meets the same county; the
county is built once per module, at the matrix's MOMENT, in a transaction rolled back at the end.
Generation is derandomized: the same requests every run. A response found wrong is reported with
the request that produced it (method, path, query, body) and the caller.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from onewindow.accounts.models import ApiToken
from onewindow.accounts.tests.factories import TEST_PASSWORD
from onewindow.cases.tests.factories import PDF_BYTES
from onewindow.orgs.models import Department, Region
from tests.api_fuzz_support import (
    Operation,
    Request,
    boundary_requests,
    document,
    operation_hints,
    operations,
    problems,
    request_strategy,
    sent_and_undone,
    world_hints,
)
from tests.permission_matrix_support import (
    ANONYMOUS,
    APPLICANT,
    CHIEF,
    CLERK,
    DECIDER,
    DEPARTMENT_ADMIN,
    MOMENT,
    OTHER_APPLICANT,
    OTHER_COUNTY,
    OTHER_DEPARTMENT,
    REVIEWER,
    SUPERVISOR,
    Probe,
    World,
    build_world,
    fill,
    http_method,
    url_patterns,
)
from tests.test_permission_matrix import MATRIX

# Who calls: nobody, the applicant who owns the cases, another citizen, the county's window clerk,
# the owning department's reviewer, decider, chief representative and admin, the county's
# supervisor, another department's staff (every department role), the neighbouring county's
# staff (every role).
CALLERS = (
    ANONYMOUS,
    APPLICANT,
    OTHER_APPLICANT,
    CLERK,
    REVIEWER,
    DECIDER,
    CHIEF,
    SUPERVISOR,
    DEPARTMENT_ADMIN,
    OTHER_DEPARTMENT,
    OTHER_COUNTY,
)
# Generated examples per operation; each example is one request per caller.
EXAMPLES = 6

# Operation → why it is known to answer wrongly (a strict xfail: it fails until the bug is fixed).
KNOWN_BUGS: dict[str, str] = {}

OPERATIONS = operations()


# The permission matrix's request for each operation: one a caller it admits gets answered (2xx),
# sent by every caller before the generated ones, so that success bodies are checked too.
def _baselines() -> dict[str, list[Probe]]:
    patterns = {pattern.key: pattern.pattern for pattern in url_patterns()}
    found: dict[str, list[Probe]] = {}
    for probe in MATRIX:
        if probe.is_api and probe.key in patterns and not probe.session:
            path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", probe.route)
            found.setdefault(f"{http_method(probe, patterns[probe.key])} {path}", []).append(probe)
    return found


BASELINES = _baselines()


def _application(world: World, hints: dict[str, Any]) -> dict[str, Any]:
    """A complete application for the world's item (the matrix's create-case probe sends an empty one)."""
    return {
        "item": world.ids["item_code"],
        "situation": "S01",
        "applicant": hints["applicant"][0],
        "form": hints["form"][0],
        "materials": hints["materials"][0],
    }


def baseline_requests(operation: Operation, world: World, hints: dict[str, Any]) -> list[Request]:
    requests = []
    for probe in BASELINES.get(operation.id, []):
        query = {key: str(value) for key, value in probe.query(world).items()}
        request = Request(operation.method, fill(probe.route, probe.args(world)), query=query)
        body = dict(probe.body(world)) if probe.body is not None else None
        if probe.multipart:
            request.multipart = {**(body or {}), "file": SimpleUploadedFile("补正材料.pdf", PDF_BYTES, "application/pdf")}
        else:
            request.body = body if body is not None or operation.method == "GET" else {}
        requests.append(request)
    if operation.id == "POST /api/v1/cases":
        requests.append(
            Request("POST", "/api/v1/cases", body=_application(world, hints), headers={"HTTP_IDEMPOTENCY_KEY": "fuzz-baseline"})
        )
    return requests


@pytest.fixture(scope="module")
def built(django_db_setup: Any, django_db_blocker: Any) -> Iterator[tuple[World, dict[str, Any]]]:
    """The permission matrix's county, built once for the module at MOMENT and rolled back at its end."""
    with django_db_blocker.unblock(), time_machine.travel(MOMENT, tick=False), transaction.atomic():
        world = build_world()
        extra = {
            "other_department": Department.objects.get(region__code=world.ids["county"], name="卫生健康局").pk,
            "far_department": Department.objects.exclude(region__code=world.ids["county"]).values_list("pk", flat=True).first(),
            "other_county": Region.objects.exclude(code=world.ids["county"])
            .filter(code__startswith="99")
            .values_list("code", flat=True)
            .first(),
            "token_ids": tuple(ApiToken.objects.filter(user_id=world.users[APPLICANT]).values_list("pk", flat=True)),
            "password": TEST_PASSWORD,
        }
        yield world, world_hints(world, extra)
        transaction.set_rollback(True)


@pytest.fixture
def world(built: tuple[World, dict[str, Any]], db: Any) -> tuple[World, dict[str, Any]]:
    return built


def _address(caller: str) -> str:
    digest = zlib.crc32(caller.encode())
    return f"10.{digest >> 16 & 255}.{digest >> 8 & 255}.{digest & 255 or 1}"


def _params() -> list[Any]:
    params = []
    for operation in OPERATIONS:
        marks = []
        if operation.id in KNOWN_BUGS:
            marks.append(pytest.mark.xfail(strict=True, reason=f"bug: {KNOWN_BUGS[operation.id]}"))
        params.append(pytest.param(operation, id=operation.id, marks=marks))
    return params


def fuzz(operation: Operation, world: World, hints: dict[str, Any]) -> list[str]:
    """Every caller sends EXAMPLES generated requests; the problems found, one line each."""
    strategy = request_strategy(operation, operation_hints(operation, hints, world))
    clients = {caller: Client(raise_request_exception=False, REMOTE_ADDR=_address(caller)) for caller in CALLERS}
    found: dict[str, str] = {}

    def check(caller: str, request: Request) -> int:
        token = None if caller == ANONYMOUS else world.tokens[caller]
        response = sent_and_undone(clients[caller], request, token)
        for problem in problems(operation, response):
            key = f"{problem.split(':')[0]} [{caller}]"
            if key not in found:
                excerpt = "" if getattr(response, "streaming", False) else response.content[:300].decode(errors="replace")
                found[key] = f"{problem}\n    as {caller}: {request.describe()}\n    answered: {excerpt}"
        return response.status_code

    for request in baseline_requests(operation, world, hints):
        answered = [caller for caller in CALLERS if check(caller, request) < 300]
        # Its boundaries, sent by the first caller it was answered to (else by the supervisor).
        caller = answered[0] if answered else SUPERVISOR
        for edge in boundary_requests(operation, request):
            check(caller, edge)

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        for caller in CALLERS:
            check(caller, data.draw(strategy, label=caller))

    run()
    return list(found.values())


@pytest.mark.parametrize("operation", _params())
def test_operation_answers_as_declared(world: tuple[World, dict[str, Any]], operation: Operation) -> None:
    found = fuzz(operation, *world)
    assert not found, f"{operation.id}: {len(found)} kinds of wrong answers\n" + "\n".join(found[:15])


def test_the_document_has_every_operation() -> None:
    assert len(OPERATIONS) >= 60
    assert {"POST /api/v1/cases", "GET /api/v1/cases/{number}", "POST /api/v1/complaints"} <= {op.id for op in OPERATIONS}


# Paths and methods no operation has ---------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/api/v1/no-such-thing", "/api/v1/cases/1/no-such-action", "/api/v1/items/x/y/z", "/api/v1/%E4%B8%AD%E6%96%87", "/api/v1/cases/"],
)
def test_an_unknown_api_path_is_a_json_404(db: Any, path: str) -> None:
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(
    ("method", "path"),
    [("DELETE", "/api/v1/items"), ("PUT", "/api/v1/cases"), ("PATCH", "/api/v1/auth/me"), ("GET", "/api/v1/complaint-lookup")],
)
def test_a_method_the_path_does_not_take_is_a_json_405(db: Any, method: str, path: str) -> None:
    response = Client(raise_request_exception=False).generic(method, path)
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "method_not_allowed"
    assert response["Allow"]


def test_the_served_document_has_no_duplicate_keys(db: Any) -> None:
    response = Client().get("/api/v1/openapi.json")
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in items]
        duplicates.extend(sorted({key for key in keys if keys.count(key) > 1}))
        return dict(items)

    json.loads(response.content, object_pairs_hook=pairs)
    assert document()["paths"]
    assert duplicates == []
