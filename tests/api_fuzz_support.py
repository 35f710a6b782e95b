"""The API fuzzer's machinery: the OpenAPI document walked into operations, request strategies built
from each operation's parameter and body schemas, the request sent as a caller, and the response
judged against what the document declares.

`tests/test_api_fuzz.py` holds the tests (one per operation); the world they run against is the
permission matrix's county (`tests.permission_matrix_support.build_world`).

Strategies are written here rather than taken from hypothesis-jsonschema (whose object strategy
does not work with the installed hypothesis): each value is either valid-looking (a real case
number, item code, department id of the world, or a value the schema admits) or hostile (huge and
negative numbers, non-ASCII text and emoji, very long or empty strings, the wrong type), objects
sometimes lose a required field or gain an unknown one, and a body is now and then not an object,
not JSON, or not declared as JSON at all.
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from django.core.cache import cache as django_cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import HttpResponse
from django.test import Client
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from onewindow.cases.tests.factories import PDF_BYTES

JSON = "application/json"
MULTIPART = "multipart/form-data"
HTTP_METHODS = ("get", "post", "put", "patch", "delete")
BIG = 2**63  # one past the largest id the database holds
ERROR_SCHEMA_REF = "#/components/schemas/ErrorOut"


# The document ----------------------------------------------------------------------------------


@cache
def document() -> dict[str, Any]:
    """The OpenAPI document with every status key a string.

    django-ninja keys an operation's own responses by int and `declare_common_errors` adds the
    common ones by str, so the raw dict can hold both 401 and "401" (see the test of the served
    document); here the operation's own declaration wins."""
    from config.api import api

    raw = copy.deepcopy(api.get_openapi_schema())
    for operations in raw["paths"].values():
        for method, operation in operations.items():
            if method in HTTP_METHODS:
                responses: dict[str, Any] = {}
                for status, declared in operation["responses"].items():
                    if isinstance(status, int) or str(status) not in responses:
                        responses[str(status)] = declared
                operation["responses"] = responses
    return raw


@dataclass(frozen=True)
class Operation:
    method: str  # upper case
    path: str  # the document's path, /api/v1/cases/{number}
    spec: Mapping[str, Any] = field(compare=False, repr=False)

    @property
    def id(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def parameters(self) -> list[dict[str, Any]]:
        return list(self.spec.get("parameters", []))

    @property
    def body(self) -> tuple[str, dict[str, Any]] | None:
        """(content type, schema) of the request body, if it takes one."""
        content = self.spec.get("requestBody", {}).get("content", {})
        for content_type, media in content.items():
            return content_type, media.get("schema", {})
        return None

    @property
    def body_required(self) -> bool:
        return bool(self.spec.get("requestBody", {}).get("required"))

    @property
    def public(self) -> bool:
        return not self.spec.get("security")

    def declared(self, status: int) -> dict[str, Any] | None:
        return self.spec["responses"].get(str(status))


def operations() -> list[Operation]:
    doc = document()
    found = []
    for path, methods in doc["paths"].items():
        for method, spec in methods.items():
            if method in HTTP_METHODS:
                found.append(Operation(method.upper(), path, spec))
    return found


def resolve(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema a `$ref` points at (one level; the document's refs are all local)."""
    while "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/"), ref
        target: Any = document()
        for part in ref[2:].split("/"):
            target = target[part]
        schema = target
    return schema


# Values ------------------------------------------------------------------------------------------

# Hostile scalars any field may get instead of what it expects.
HOSTILE_TEXT = (
    "",
    " ",
    "0",
    "-1",
    "null",
    "true",
    "中文内容",
    "ÄÖÜß",
    "\U0001f600\U0001f4a9",
    "٣²",
    "a\u0301\u200b\u202e",
    "' OR 1=1 --",
    "%",
    "_",
    "\\",
    "..",
    "<script>alert(1)</script>",
    "9" * 30,
    str(BIG),
    str(-BIG),
    "1e999",
    "NaN",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "99999-01-01",
    "x" * 5000,
    "长" * 3000,
)
HOSTILE_NUMBERS = (0, -1, -(2**31), 2**31, 2**53 + 1, BIG - 1, BIG, 2**64, -BIG - 1, 10**30, 1.5, -0.0, 1e308)


def hostile_scalar() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.sampled_from(HOSTILE_TEXT),
        st.sampled_from(HOSTILE_NUMBERS),
        st.text(max_size=40),
        st.integers(),
        st.booleans(),
        st.none(),
        st.just([]),
        st.just({}),
        st.just([1, "a", None]),
        st.just({"$ne": None}),
    )


def hostile_value() -> st.SearchStrategy[Any]:
    return st.one_of(hostile_scalar(), st.lists(hostile_scalar(), max_size=3))


# The first and last days a date can hold: a day before or after either is out of range.
EDGE_DATES = ("0001-01-01", "0001-01-02", "9999-12-31")

Hints = Mapping[str, tuple[Any, ...]]  # field or parameter name → valid-looking values from the world

# Text a person might type into a free-text field.
FRIENDLY_TEXT = ("同意", "材料齐全,符合条件", "已核实并整改", "申请人书面申请撤回", "需专家论证", "请补正申请书签字", "ok", "Fine.")
FRIENDLY = st.one_of(
    st.sampled_from(FRIENDLY_TEXT),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=20),
)


def from_schema(schema: Mapping[str, Any], hints: Hints, name: str = "", *, chaos: bool = False, depth: int = 0) -> st.SearchStrategy[Any]:
    """Values of the schema's shape: the world's values for the names it knows, else values the
    schema admits; with `chaos`, also hostile values anywhere, missing and unknown fields."""
    shaped = _shaped(schema, hints, name, chaos, depth)
    return st.one_of(shaped, shaped, shaped, hostile_value()) if chaos else shaped


def _shaped(schema: Mapping[str, Any], hints: Hints, name: str, chaos: bool, depth: int) -> st.SearchStrategy[Any]:
    schema = resolve(schema)
    known = hints.get(name)
    if "anyOf" in schema or "oneOf" in schema:
        alternatives = schema.get("anyOf", schema.get("oneOf", []))
        valued = st.one_of(*[_shaped(branch, hints, name, chaos, depth) for branch in alternatives if branch.get("type") != "null"])
        # An optional value: mostly given (a null is the same as leaving it out).
        shaped = st.one_of(valued, valued, valued, st.none()) if len(alternatives) > 1 else valued
    elif "allOf" in schema:
        shaped = _shaped(schema["allOf"][0], hints, name, chaos, depth)
    elif "enum" in schema:
        shaped = st.sampled_from(list(schema["enum"]))
    elif "const" in schema:
        shaped = st.just(schema["const"])
    else:
        shaped = _typed(schema, hints, name, chaos, depth)
    if known:
        return st.one_of(st.sampled_from(known), st.sampled_from(known), shaped)
    return shaped


def _typed(schema: Mapping[str, Any], hints: Hints, name: str, chaos: bool, depth: int) -> st.SearchStrategy[Any]:
    kind = schema.get("type")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        small = st.integers(min_value=max(low, 0) if low is not None else 0, max_value=min(high, 50) if high is not None else 50)
        if not chaos:
            return small
        edges = [edge for edge in (low, high) if edge is not None]
        edges += [edge + 1 for edge in edges] + [edge - 1 for edge in edges]
        return st.one_of(small, st.integers(min_value=low, max_value=high), st.sampled_from(edges or [0, 1, BIG]))
    if kind == "number":
        return st.one_of(st.integers(-1000, 1000), st.floats(allow_nan=False, allow_infinity=False))
    if kind == "string":
        return _string(schema, chaos)
    if kind == "array":
        if depth > 3:
            return st.just([])
        items = from_schema(schema.get("items", {}), hints, name, chaos=chaos, depth=depth + 1)
        return st.lists(items, max_size=min(schema.get("maxItems", 4), 4))
    if kind == "object" or "properties" in schema:
        return object_strategy(schema, hints, chaos=chaos, depth=depth + 1)
    return st.one_of(FRIENDLY, st.integers(0, 50), st.booleans(), hostile_scalar()) if chaos else st.one_of(FRIENDLY, st.integers(0, 50))


def _string(schema: Mapping[str, Any], chaos: bool) -> st.SearchStrategy[str]:
    fmt = schema.get("format")
    limit = schema.get("maxLength")
    if fmt == "date":
        return st.one_of(st.dates().map(str), st.sampled_from(["2026-11-18", "2026-11-23", "2027-01-01", *EDGE_DATES]))
    if fmt == "date-time":
        return st.datetimes().map(lambda moment: moment.isoformat())
    if fmt == "binary":
        return st.just("")
    fitting = FRIENDLY.filter(lambda text: len(text) <= limit) if limit else FRIENDLY
    if not chaos:
        return fitting
    edges = [st.text(max_size=30)]
    if limit:
        edges += [st.just("字" * limit), st.just("x" * (limit + 1))]
    return st.one_of(fitting, *edges)


def object_strategy(schema: Mapping[str, Any], hints: Hints, *, chaos: bool = False, depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    """An object of the schema: its required fields and some optional ones; with `chaos`, now and
    then a required field missing or an unknown field added."""
    schema = resolve(schema)
    properties = {key: from_schema(sub, hints, key, chaos=chaos, depth=depth) for key, sub in schema.get("properties", {}).items()}
    required = [key for key in properties if key in schema.get("required", ())]
    extra = schema.get("additionalProperties")
    free = None
    if not properties and extra:
        values = from_schema(extra if isinstance(extra, dict) else {}, hints, "", chaos=chaos, depth=depth)
        free = st.dictionaries(st.sampled_from(["M01", "M02", "form", "business_name", "area", "x"]), values, max_size=3)

    @st.composite
    def build(draw: Callable[..., Any]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, values in properties.items():
            if key in required or draw(st.integers(0, 2)):
                result[key] = draw(values)
        if free is not None:
            result.update(draw(free))
        if chaos and required and draw(st.integers(0, 9)) == 0:
            result.pop(draw(st.sampled_from(required)), None)
        if chaos and draw(st.integers(0, 9)) == 0:
            result[draw(st.sampled_from(["extra", "id", "__proto__", "状态", "revision"]))] = draw(hostile_scalar())
        return result

    return build()


# Requests ----------------------------------------------------------------------------------------


@dataclass
class Request:
    """One request as drawn: printed in full when its response is wrong."""

    method: str
    path: str
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    raw: tuple[str, str] | None = None  # (content type, text) instead of a JSON body
    multipart: dict[str, Any] | None = None

    @property
    def url(self) -> str:
        return self.path + (f"?{urlencode(self.query)}" if self.query else "")

    def describe(self) -> str:
        text = f"{self.method} {self.url}"
        if self.headers:
            text += f" headers={self.headers}"
        if self.raw is not None:
            text += f" raw={self.raw[0]}:{self.raw[1][:200]!r}"
        elif self.multipart is not None:
            shown = {key: getattr(value, "name", value) for key, value in self.multipart.items()}
            text += f" multipart={shown}"
        elif self.body is not None:
            text += " json=" + json.dumps(self.body, ensure_ascii=False, default=str)[:400]
        return text


def _query_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _path_text(value: Any) -> str:
    text = _query_text(value)
    # An empty segment or a slash would land on another route: that is the URL conf's business
    # (the unknown-path tests cover it), not this operation's.
    if not text or "/" in text:
        return "_"
    return text


@dataclass(frozen=True)
class _Parts:
    """The strategies of one operation's parameters and body, plain or with chaos."""

    parameters: tuple[tuple[dict[str, Any], st.SearchStrategy[Any]], ...]
    body: st.SearchStrategy[Any] | None


def _parts(operation: Operation, hints: Hints, chaos: bool) -> _Parts:
    parameters = tuple((p, from_schema(p.get("schema", {}), hints, p["name"], chaos=chaos)) for p in operation.parameters)
    body = None
    if operation.body is not None:
        content_type, schema = operation.body
        body = _multipart(hints, chaos) if content_type == MULTIPART else object_strategy(schema, hints, chaos=chaos)
    return _Parts(parameters, body)


def request_strategy(operation: Operation, hints: Hints) -> st.SearchStrategy[Request]:
    """Requests to the operation: half of them plain (every value valid-looking), a third plain but
    for one hostile parameter or field, the rest chaos throughout (and bodies that are not
    objects, not JSON, or not declared as JSON)."""
    plain, wild = _parts(operation, hints, chaos=False), _parts(operation, hints, chaos=True)
    multipart = operation.body is not None and operation.body[0] == MULTIPART

    @st.composite
    def build(draw: Callable[..., Any]) -> Request:
        mode = draw(st.integers(0, 9))
        parts = wild if mode >= 8 else plain
        request = Request(operation.method, operation.path)
        values: dict[tuple[str, str], Any] = {}
        for parameter, strategy in parts.parameters:
            if parameter["in"] == "path" or parameter.get("required") or draw(st.integers(0, 3)):
                values[(parameter["in"], parameter["name"])] = draw(strategy)
        body = draw(parts.body) if parts.body is not None else None
        if 5 <= mode < 8:
            _mutate(draw, values, body, multipart)
        for (where, name), value in values.items():
            if where == "path":
                request.path = request.path.replace("{" + name + "}", quote(_path_text(value), safe=""))
                continue
            text = _query_text(value)
            if text is None:
                continue
            if where == "query":
                request.query[name] = text
            elif where == "header" and text.isascii() and text.isprintable():
                request.headers["HTTP_" + name.upper().replace("-", "_")] = text
        if mode >= 8 and draw(st.integers(0, 3)) == 0:
            request.query[draw(st.sampled_from(["unknown", "limit", "cursor", "__debug"]))] = draw(st.sampled_from(HOSTILE_TEXT))
        if operation.body is None:
            return request
        if multipart:
            request.multipart = body
        elif mode >= 8 and (odd := draw(st.integers(0, 5))) < 3:
            if odd == 0:
                request.raw = draw(st.sampled_from([(JSON, "{not json"), (JSON, '{"a": '), ("text/plain", "item=x"), (JSON, "[1, 2")]))
            elif odd == 1:
                request.body = draw(hostile_value())
            elif not operation.body_required:
                request.body = None
            else:
                request.body = {}
        else:
            request.body = body
        return request

    return build()


def _mutate(draw: Callable[..., Any], values: dict[tuple[str, str], Any], body: Any, multipart: bool) -> None:
    """Make one parameter or top-level body field hostile (or drop a body field)."""
    targets: list[tuple[str, Any]] = [("parameter", key) for key in values]
    if isinstance(body, dict) and not multipart:
        targets += [("field", key) for key in body]
    if not targets:
        return
    kind, key = draw(st.sampled_from(targets))
    if kind == "parameter":
        values[key] = draw(hostile_scalar())
    elif draw(st.integers(0, 3)) == 0:
        del body[key]
    else:
        body[key] = draw(hostile_value())


def _multipart(hints: Hints, chaos: bool) -> st.SearchStrategy[dict[str, Any]]:
    names = ["申请书.pdf", "a.pdf"]
    contents = [PDF_BYTES]
    if chaos:
        names += ["../../etc/passwd.pdf", "x" * 300 + ".pdf", "\U0001f600.pdf", "a.exe", "", "a.png", "a.pdf\x00.exe"]
        contents += [b"", b"MZ\x90\x00", b"\x89PNG\r\n\x1a\n", "中文".encode()]
    codes = from_schema({"type": "string"}, hints, "material_code", chaos=chaos)

    @st.composite
    def build(draw: Callable[..., Any]) -> dict[str, Any]:
        form: dict[str, Any] = {}
        if not chaos or draw(st.integers(0, 5)):
            form["code"] = _query_text(draw(codes)) or ""
        if not chaos or draw(st.integers(0, 5)):
            form["file"] = SimpleUploadedFile(draw(st.sampled_from(names)) or "upload", draw(st.sampled_from(contents)), "application/pdf")
        return form

    return build()


# Callers and sending -------------------------------------------------------------------------------


def send(client: Client, request: Request, token: str | None) -> HttpResponse:
    headers = dict(request.headers)
    if token is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    if request.multipart is not None:
        for value in request.multipart.values():
            if hasattr(value, "seek"):
                value.seek(0)  # the same upload is sent by every caller
        return client.post(request.url, request.multipart, **headers)
    if request.raw is not None:
        content_type, text = request.raw
        return client.generic(request.method, request.url, text.encode("utf-8", "surrogatepass"), content_type=content_type, **headers)
    if request.method == "GET":
        return client.get(request.url, **headers)
    if request.body is None:
        return client.generic(request.method, request.url, **headers)
    return client.generic(request.method, request.url, json.dumps(request.body), content_type=JSON, **headers)


def sent_and_undone(client: Client, request: Request, token: str | None) -> HttpResponse:
    """Send the request in a savepoint rolled back afterwards (and with the rate-limit counters
    cleared), so every request meets the same world."""
    django_cache.clear()
    with transaction.atomic():
        response = send(client, request, token)
        transaction.set_rollback(True)
    return response


# Judging ---------------------------------------------------------------------------------------------


@cache
def validator(schema_json: str) -> Draft202012Validator:
    schema = json.loads(schema_json)
    return Draft202012Validator({**schema, "components": document()["components"]})


def problems(operation: Operation, response: HttpResponse) -> Iterator[str]:
    """What is wrong with a response, as the document sees it (nothing for a good one)."""
    status = response.status_code
    if status >= 500:
        yield f"server error {status}"
        return
    declared = operation.declared(status)
    if declared is None:
        yield f"status {status} is not declared (declared: {sorted(operation.spec['responses'])})"
    content_type = response.get("Content-Type", "")
    is_json = content_type.split(";")[0].strip() == JSON
    if status >= 400 and not is_json:
        yield f"error {status} answered as {content_type!r}, not JSON"
        return
    if status == 204:
        if response.content:
            yield "204 with a body"
        return
    if getattr(response, "streaming", False) or not is_json:
        if declared is not None and JSON in declared.get("content", {}):
            yield f"{status} declared as JSON but answered as {content_type!r}"
        return
    try:
        body = json.loads(response.content)
    except ValueError:
        yield f"{status} body is not JSON: {response.content[:200]!r}"
        return
    if status >= 400:
        yield from _errors(_validate({"$ref": ERROR_SCHEMA_REF}, body), f"{status} error")
        if isinstance(body, dict) and not (isinstance(body.get("code"), str) and body["code"] and body.get("message")):
            yield f"{status} error without a code and a message: {body}"
    if declared is not None:
        schema = declared.get("content", {}).get(JSON, {}).get("schema")
        if schema is None:
            if status < 400:
                yield f"{status} answered with a JSON body the document does not declare"
        else:
            yield from _errors(_validate(schema, body), f"{status} body")


def _validate(schema: Mapping[str, Any], body: Any) -> list[str]:
    errors = validator(json.dumps(schema, sort_keys=True)).iter_errors(body)
    return [f"{'/'.join(map(str, error.absolute_path)) or '(root)'}: {error.message[:200]}" for error in errors]


def _errors(found: list[str], what: str) -> Iterator[str]:
    for error in found[:3]:
        yield f"{what} does not match the declared schema: {error}"


# The world's values ------------------------------------------------------------------------------

MATERIAL_CODES = ("M01", "M02", "M03", "M04")


def world_hints(world: Any, extra: Mapping[str, Any]) -> dict[str, tuple[Any, ...]]:
    """Valid-looking values by field name, from the permission matrix's world (`World`) and the
    few ids the fuzz module looks up itself (`extra`)."""
    ids = world.ids
    case_numbers = tuple(world.cases.values()) + tuple(
        ids[key] for key in ("stage_late_case", "unrated_case", "rect_pending_case", "rect_replied_case", "rect_appealed_case")
    )
    departments = (ids["department"], extra["other_department"], extra["far_department"])
    return {
        "number": case_numbers,
        "case": case_numbers,
        "case_number": case_numbers,
        "item": (ids["item_code"], ids["published_item_code"], ids["draft_entry_code"]),
        "code": MATERIAL_CODES,
        "material_code": MATERIAL_CODES,
        "gaps": MATERIAL_CODES,
        "situation": ("S01", "S02"),
        "department": departments,
        "department_id": departments,
        "region": (ids["county"], extra["other_county"], ids["county"][:2]),
        "parent": (ids["county"], ids["county"][:2], ids["county"][:4]),
        "token_id": (ids["spare_token"], *extra["token_ids"]),
        "notification_id": (ids["notification"],),
        "rectification_id": tuple(ids[key] for key in ("rect_pending", "rect_followed", "rect_replied", "rect_appealed")),
        "card": (ids["stage_card"],),
        "task": (ids["review_task"],),
        "revision": (0, 1, 2, 3, 4),
        "supply_by": ("2026-11-23", "2026-11-19", *EDGE_DATES),
        "start": ("2026-11-18", "2026-09-29", *EDGE_DATES),
        "end": ("2026-12-01", *EDGE_DATES),
        "date": ("2026-11-18", "2026-10-01", *EDGE_DATES),
        "days": ("4", "-3", "365"),
        "from": ("2026-11-01", *EDGE_DATES),
        "to": ("2026-11-18", *EDGE_DATES),
        "status": ("submitted", "accepted", "open", "replied", "closed"),
        "state": ("pending", "followed_up", "replied", "received", "assigned"),
        "color": ("yellow", "red"),
        "kind": ("person", "enterprise", "case.promised"),
        "group": ("department", "item", "staff"),
        "level": (1, 2, 5),
        "tags": (["服务态度差"],),
        "category": ("attitude", "efficiency", "other"),
        "username": tuple(f"pm-{persona}" for persona in ("applicant", "reviewer", "supervisor")),
        "password": (extra["password"], "wrong"),
        "id_number": ("11010519491231002X", "440524188001010014"),
        "phone": ("13800000001",),
        "uscc": ("91350100M000100Y43",),
        "license_number": ("91350100M000100Y43",),
        "provision": ("paper", "pledge", "gap", "missing", "reused", "uploaded"),
        "delivery_method": ("window", "post", "online"),
        "theme": (ids["theme"],),
        "audience": ("person", "enterprise"),
        "q": ("食品", "spjy", "开饭店"),
        "actor": ("pm-supervisor", "system"),
        "action": ("cases.", "cases.case.accept"),
        "object_type": ("cases.case", "orgs.department"),
        "Idempotency-Key": ("fuzz-key-1",),
        "form": ({"business_name": "张三小吃店", "area": 45}, {"business_name": "小吃店", "area": 12, "category": "热食类食品制售"}),
        "applicant": (
            {"kind": "person", "name": "张三", "id_number": "11010519491231002X", "phone": "13800000001"},
            {"kind": "enterprise", "name": "某某餐饮有限公司", "uscc": "91350100M000100Y43", "phone": "13800000002"},
        ),
        "materials": (
            [
                {"code": "M01", "file": {"name": "申请书.pdf", "content_base64": base64.b64encode(PDF_BYTES).decode()}},
                {"code": "M02", "provision": "gap"},
                {"code": "M03", "provision": "pledge", "pledge": "本人承诺已取得有效健康证明。"},
                {"code": "M04", "provision": "reused", "license_number": "91350100M000100Y43"},
            ],
            [{"code": "M01", "provision": "missing"}, {"code": "M02", "provision": "gap"}],
        ),
        "problems": ({"M01": "请签字"}, {"form": "面积有误"}),
        "anonymous": (True, False),
        "name": ("王五", "张三"),
        "content": ("窗口人员态度生硬,多次让我重复提交材料。",),
        "reason": ("需专家论证", "申请人书面申请撤回", "不属于本部门职权范围"),
        "procedure": ("专家评审",),
        "opinion": ("同意", "材料齐全,符合条件"),
        "satisfied": (True, False),
    }


def operation_hints(operation: Operation, hints: Mapping[str, tuple[Any, ...]], world: Any) -> dict[str, tuple[Any, ...]]:
    """The world's values, with the names that mean something else on this operation replaced."""
    ids = world.ids
    found = dict(hints)
    path = operation.path
    if path.startswith("/api/v1/supervision/orders/"):
        found["number"] = (ids["open_order"], ids["answered_order"])
    elif path.startswith(("/api/v1/complaints/", "/api/v1/complaint-")):
        found["number"] = (ids["complaint_received"], ids["complaint_assigned"], ids["complaint_answered"])
        found["code"] = (ids["complaint_answered_code"], "000000")
    elif path.startswith("/api/v1/items/"):
        found["code"] = hints["item"]
    elif path.startswith("/api/v1/progress/"):
        found["code"] = (ids["query_code"],)
        found["number"] = (world.cases["submitted"], *hints["number"][:3])
    elif path.startswith("/api/v1/supervision/s"):
        found["item"] = (1, 2)
    return found


# Boundaries ------------------------------------------------------------------------------------------

DATE_NAMES = frozenset({"start", "end", "date", "from", "to", "date_from", "date_to", "supply_by"})


def boundary_values(schema: Mapping[str, Any], name: str) -> tuple[Any, ...]:
    """The edge values of one parameter or field: the first and last dates, ids at and past 64 bits,
    empty, overlong and non-ASCII text."""
    schema = resolve(schema)
    branches = [resolve(branch) for branch in schema.get("anyOf", [schema]) if branch.get("type") != "null"]
    kinds = {branch.get("type") for branch in branches}
    formats = {branch.get("format") for branch in branches}
    if "date" in formats or name in DATE_NAMES:
        return EDGE_DATES
    if "integer" in kinds:
        return (0, -1, BIG - 1, BIG, 10**30)
    if "string" in kinds and not any(branch.get("enum") for branch in branches):
        limit = max((branch.get("maxLength") or 0 for branch in branches), default=0)
        return ("", "字" * (limit + 1 if limit else 3000), "\U0001f600", "9" * 30)
    return ()


def boundary_requests(operation: Operation, request: Request) -> Iterator[Request]:
    """The request again with one query parameter or top-level body field at each of its boundaries."""
    for parameter in operation.parameters:
        if parameter["in"] == "query":
            for value in boundary_values(parameter.get("schema", {}), parameter["name"]):
                yield replace(request, query={**request.query, parameter["name"]: str(value)})
    dates = [
        p["name"] for p in operation.parameters if p["in"] == "query" and boundary_values(p.get("schema", {}), p["name"]) == EDGE_DATES
    ]
    if len(dates) > 1:  # a period wholly at either end
        for value in EDGE_DATES:
            yield replace(request, query={**request.query, **dict.fromkeys(dates, value)})
    body = operation.body
    if body is not None and body[0] == JSON and isinstance(request.body, dict):
        for key, schema in resolve(body[1]).get("properties", {}).items():
            for value in boundary_values(schema, key):
                yield replace(request, body={**request.body, key: value})
