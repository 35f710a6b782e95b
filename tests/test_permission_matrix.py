"""The permission matrix: every URL pattern of the project, each asked by every kind of user.

`MATRIX` below is the table: URL pattern (route and name) → who may have it answered (a rule of
tests/permission_matrix_support.py). A pattern in the URL conf that the table does not classify
fails `test_every_url_pattern_is_in_the_matrix`, so no page or endpoint can be added without
saying who may open it. The management site (`admin/`) is classified wholesale by its prefix and
checked model by model at the end.

Each (probe, persona) is one test: the request is made as that persona against one county built
once per module and judged: the allowed get the expected answer, the others are refused
(anonymous → the login page, or 401 from the API; the rest 403, or a 404 that does not tell the
object exists), and nobody ever gets a 5xx. Unsafe requests carry a valid body where the role is
decided by the service (case and change-request actions), so the service's own check is
exercised too; lists must show a row only to those who may see it.

A new pattern gets a row: `Probe(route, name, RULE, args=..., method=..., body=..., ok=...)`, the
rule one of permission_matrix_support's (or a new one there); objects its URL names are built
in `build_world` through the factories and services. Where the app answers a persona wrongly,
`bugs={persona: "why"}` marks that test xfail(strict=True) until the app is fixed.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
import time_machine
from django.contrib import admin
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.permission_matrix_support import (
    ANONYMOUS,
    ANSWERERS,
    ANY_CLERK,
    ANY_COMPLAINT_STAFF,
    ANY_LIST_MANAGER,
    ANY_RATING_READER,
    ANY_STAFF,
    ANY_SUPERVISOR,
    ANY_SYSTEM_ADMIN,
    ANY_USER,
    ANY_VISIT_STAFF,
    APPLICANT,
    APPLICANT_OR_CLERK,
    CASE_PARTIES,
    CASE_STAFF,
    CASE_VIEWERS,
    CLERKS,
    COMPLAINT_STAFF,
    DECIDERS,
    DELIVERERS,
    DEPARTMENT_ADMIN,
    DRAFT_REQUEST_TITLE,
    DRAFTERS,
    GAP_SUPPLIERS,
    HALL_KEEPERS,
    HOTLINE_STAFF,
    LINK_HOLDERS,
    LIST_MANAGERS,
    LIST_STAFF,
    MESSAGE_TITLE,
    METRICS_READERS,
    MOMENT,
    OTHER_COUNTY,
    OWNER,
    PERSONAS,
    PROCEDURE_STAFF,
    PUBLIC,
    RATING_FOLLOWERS,
    RATING_PARTIES,
    RATING_READERS,
    RECTIFIERS,
    REPLIERS,
    REVIEWER,
    SPARE_TOKEN,
    STAGE_HOLDERS,
    STATISTICS_READERS,
    SUPERUSER,
    SUPERVISION_VIEWERS,
    SUPERVISORS,
    SYSTEM_ADMIN,
    TRAIL_READERS,
    UNIT_KEEPERS,
    VISIT_VIEWERS,
    Probe,
    World,
    build_world,
    client_for,
    http_method,
    resolves_to,
    send,
    url_patterns,
    verdict,
)


def case(setup: str, **more: Any) -> Any:
    """The URL arguments naming the case built as `setup`."""
    return lambda w: {"number": w.cases[setup], **more}


def ids(**names: str) -> Any:
    """URL arguments from the world's ids: `ids(pk="draft_cr")`."""
    return lambda w: {parameter: w.ids[key] for parameter, key in names.items()}


def revision(setup: str, **fields: Any) -> Any:
    """An action's body: the case revision the page showed, and the action's fields."""
    return lambda w: {"revision": w.revision(setup), **fields}


def fixed(**values: Any) -> Any:
    return lambda w: values


def rectification(key: str, **fields: Any) -> Any:
    """A rectification step's body: the revision the page showed, and the step's fields."""
    return lambda w: {"revision": w.rectification_revision(key), **fields}


def complaint(key: str, **fields: Any) -> Any:
    return lambda w: {"revision": w.complaint_revision(key), **fields}


REDIRECTED = frozenset({302})
INVALID = frozenset({400})
CREATED = frozenset({201})
RT = "workbench/ratings/"
API_RECT = "api/v1/rectifications/<rectification_id>/"
API_COMPLAINT = "api/v1/complaints/<number>/"
CR = "workbench/catalog/requests/"
WB = "workbench/cases/"
API_CASE = "api/v1/cases/<number>/"
SUPPLY_BY = dt.date(2026, 11, 23).isoformat()  # three working days after MOMENT

# Cards are seen as orders are, and by the late stage's handler too (none here: the task is unassigned).
CARD_VIEWERS = ORDER_VIEWERS = SUPERVISION_VIEWERS.allowed

# The table: every URL pattern of the project (the management site apart) ---------------------

MATRIX: list[Probe] = [
    # The public portal and catalog, public progress and verification
    Probe("", "portal:home", PUBLIC),
    Probe("halls/", "portal:halls", PUBLIC),
    Probe("departments/", "portal:departments", PUBLIC),
    Probe("items/", "catalog:items", PUBLIC),
    Probe("items/<str:code>/", "catalog:guide", PUBLIC, args=ids(code="item_code")),
    Probe("items/<str:code>/print/", "catalog:guide_print", PUBLIC, args=ids(code="item_code")),
    Probe("themes/", "catalog:themes", PUBLIC),
    Probe("themes/<slug:code>/", "catalog:theme", PUBLIC, args=ids(code="theme")),
    Probe("departments/<int:pk>/items/", "catalog:department_items", PUBLIC, args=ids(pk="department")),
    Probe("lists/", "catalog:open_data", PUBLIC),
    Probe("lists/<str:list_kind>.json", "catalog:open_data_json", PUBLIC, args=fixed(list_kind="service")),
    Probe("lists/<str:list_kind>.xlsx", "catalog:open_data_xlsx", PUBLIC, args=fixed(list_kind="service")),
    Probe("progress/", "cases:progress", PUBLIC),
    Probe("progress/text", "cases:progress_text", PUBLIC, query=lambda w: {"number": w.cases["submitted"], "code": w.ids["query_code"]}),
    Probe("verify/<str:code>/", "cases:document_verify", PUBLIC, args=ids(code="verification_code")),
    Probe("healthz", "healthz", PUBLIC),
    Probe("i18n/setlang/", "set_language", PUBLIC, method="POST", body=fixed(language="en", next="/"), ok=REDIRECTED),
    # Catalog workbench: change requests (a draft and a submitted one of the department), the editor
    Probe(CR, "catalog:cr_list", LIST_STAFF, shows=lambda w: DRAFT_REQUEST_TITLE, shown_to=DRAFTERS.allowed),
    Probe(f"{CR}new/", "catalog:cr_create", LIST_STAFF),
    Probe(f"{CR}<int:pk>/", "catalog:cr_detail", DRAFTERS, args=ids(pk="draft_cr")),
    Probe(f"{CR}<int:pk>/submit/", "catalog:cr_submit", DRAFTERS, method="POST", args=ids(pk="draft_cr"), ok=REDIRECTED),
    Probe(f"{CR}<int:pk>/withdraw/", "catalog:cr_withdraw", DRAFTERS, method="POST", args=ids(pk="draft_cr"), ok=REDIRECTED),
    Probe(
        f"{CR}<int:pk>/return/",
        "catalog:cr_return",
        LIST_MANAGERS,
        method="POST",
        args=ids(pk="submitted_cr"),
        body=fixed(comment="请补充设定依据。"),
        ok=REDIRECTED,
    ),
    Probe(
        f"{CR}<int:pk>/publish/",
        "catalog:cr_publish",
        LIST_MANAGERS,
        method="POST",
        args=ids(pk="submitted_cr"),
        body=fixed(comment="同意发布。"),
        ok=REDIRECTED,
    ),
    Probe(
        f"{CR}<int:pk>/cancel-entry/",
        "catalog:cr_cancel_entry",
        DRAFTERS,
        method="POST",
        args=ids(pk="draft_cr"),
        body=lambda w: {"code": w.ids["published_item_code"]},
        ok=REDIRECTED,
    ),
    Probe(
        f"{CR}<int:pk>/entries/<int:version_id>/remove/",
        "catalog:cr_remove_entry",
        DRAFTERS,
        method="POST",
        args=ids(pk="draft_cr", version_id="draft_entry"),
        ok=REDIRECTED,
    ),
    Probe(f"{CR}<int:cr_pk>/entry/", "catalog:editor_item", DRAFTERS, args=ids(cr_pk="draft_cr")),
    Probe(
        f"{CR}<int:cr_pk>/entry/<str:code>/",
        "catalog:editor_item",
        DRAFTERS,
        args=ids(cr_pk="draft_cr", code="draft_entry_code"),
    ),
    Probe(
        f"{CR}<int:cr_pk>/entry-rows/<slug:section>/",
        "catalog:editor_row",
        DRAFTERS,
        args=lambda w: {"cr_pk": w.ids["draft_cr"], "section": "situations"},
    ),
    Probe(
        f"{CR}<int:pk>/entries/<int:version_id>/files/",
        "catalog:material_files",
        DRAFTERS,
        args=ids(pk="draft_cr", version_id="draft_entry"),
    ),
    # Catalog workbench: versions, reference data, metrics, Excel
    Probe("workbench/catalog/versions/", "catalog:versions", ANY_STAFF),
    Probe("workbench/catalog/versions/diff/", "catalog:version_diff", ANY_STAFF),
    Probe("workbench/catalog/themes/", "catalog:theme_list", ANY_LIST_MANAGER),
    Probe("workbench/catalog/themes/new/", "catalog:theme_create", ANY_LIST_MANAGER),
    Probe("workbench/catalog/themes/<slug:code>/edit/", "catalog:theme_edit", ANY_LIST_MANAGER, args=ids(code="theme")),
    Probe("workbench/catalog/synonyms/", "catalog:synonym_list", ANY_LIST_MANAGER),
    Probe(
        "workbench/catalog/synonyms/<int:pk>/delete/",
        "catalog:synonym_delete",
        LIST_MANAGERS,
        method="POST",
        args=ids(pk="synonym"),
        ok=REDIRECTED,
    ),
    Probe("workbench/catalog/metrics/", "catalog:metrics", METRICS_READERS),
    Probe("workbench/catalog/excel/export/", "catalog:excel_export", ANY_STAFF),
    Probe("workbench/catalog/excel/import/", "catalog:excel_import", LIST_STAFF),
    # Applying online and the applicant's own cases
    Probe("apply/draft/<int:pk>/", "cases:apply_draft", OWNER, args=ids(pk="draft_case")),
    Probe("apply/draft/<int:pk>/review/", "cases:apply_review", OWNER, args=ids(pk="draft_case")),
    Probe("apply/draft/<int:pk>/submit/", "cases:apply_submit", OWNER, method="POST", args=ids(pk="draft_case"), ok=REDIRECTED),
    Probe(
        "apply/draft/<int:pk>/materials/<str:code>/",
        "cases:draft_material_file",
        OWNER,
        args=lambda w: {"pk": w.ids["draft_case"], "code": "M01"},
    ),
    Probe("apply/done/<str:number>/", "cases:apply_done", OWNER, args=case("submitted")),
    Probe("apply/<str:code>/", "cases:apply", ANY_USER, args=ids(code="item_code")),
    Probe("my/cases/", "cases:my_cases", ANY_USER, shows=lambda w: w.cases["submitted"], shown_to=OWNER.allowed),
    Probe("my/cases/<str:number>/", "cases:my_case", OWNER, args=case("submitted")),
    Probe("my/cases/<str:number>/materials/<str:code>/", "cases:my_case_material", OWNER, args=case("submitted", code="M01")),
    Probe(
        "my/cases/<str:number>/act/<slug:action>/",
        "cases:my_case_act",
        OWNER,
        variant="withdraw",
        method="POST",
        args=case("submitted", action="withdraw"),
        body=revision("submitted", reason="申请人书面申请撤回"),
        ok=REDIRECTED,
    ),
    # The case workbench and window intake
    Probe(WB, "cases:queue", ANY_STAFF, variant="queue", shows=lambda w: w.cases["submitted"], shown_to=CASE_STAFF),
    Probe(WB, "cases:queue", ANY_STAFF, variant="all", query=fixed(tab="all"), shows=lambda w: w.cases["submitted"], shown_to=CASE_STAFF),
    # The accepted case's review stage is open: a task of the department's reviewers.
    Probe(f"{WB}tasks/", "cases:task_queue", ANY_STAFF, shows=lambda w: w.cases["accepted"], shown_to=STAGE_HOLDERS.allowed),
    Probe(f"{WB}intake/", "cases:intake", ANY_CLERK),
    Probe(f"{WB}intake/<str:code>/", "cases:intake_item", CLERKS, args=ids(code="item_code")),
    Probe(f"{WB}<str:number>/", "cases:case", CASE_VIEWERS, args=case("submitted")),
    Probe(f"{WB}<str:number>/receipt/", "cases:intake_done", CLERKS, args=case("submitted")),
    Probe(f"{WB}<str:number>/documents/", "cases:case_documents", CASE_VIEWERS, args=case("decided")),
    Probe(
        f"{WB}<str:number>/act/<slug:action>",
        "cases:act",
        ANSWERERS,
        variant="accept",
        method="POST",
        args=case("filed", action="accept"),
        body=revision("filed"),
        ok=REDIRECTED,
    ),
    Probe(
        f"{WB}<str:number>/act/<slug:action>",
        "cases:act",
        DECIDERS,
        variant="approve",
        method="POST",
        args=case("in_review", action="approve"),
        body=revision("in_review", opinion="同意"),
        ok=REDIRECTED,
    ),
    Probe(
        f"{WB}<str:number>/act/<slug:action>",
        "cases:act",
        DELIVERERS,
        variant="deliver",
        method="POST",
        args=case("decided", action="deliver"),
        body=revision("decided", note="申请人窗口领取"),
        ok=REDIRECTED,
    ),
    Probe(f"{WB}<str:number>/materials/<str:code>", "cases:material_file", CASE_VIEWERS, args=case("submitted", code="M01")),
    Probe("documents/<int:pk>/download/", "cases:document_download", CASE_PARTIES, args=ids(pk="document")),
    # Messages and accounts
    Probe("messages/", "notifications:inbox", ANY_USER, shows=lambda w: MESSAGE_TITLE, shown_to=OWNER.allowed),
    Probe("messages/read-all", "notifications:read_all", ANY_USER, method="POST", ok=REDIRECTED),
    Probe("messages/<int:pk>/read", "notifications:read", OWNER, method="POST", args=ids(pk="notification"), ok=REDIRECTED),
    Probe("accounts/login/", "accounts:login", PUBLIC, ok=frozenset({200, 302})),  # the signed-in are sent home
    Probe("accounts/logout/", "accounts:logout", PUBLIC, ok=frozenset({200, 302})),  # a visitor has nothing to log out of
    Probe("accounts/mfa/", "accounts:mfa", ANY_USER),
    Probe("accounts/profile/", "accounts:profile", ANY_USER),
    Probe("accounts/password/", "accounts:password_change", ANY_USER),
    Probe("accounts/tokens/", "accounts:tokens", ANY_USER, shows=lambda w: SPARE_TOKEN, shown_to=OWNER.allowed),
    Probe("accounts/tokens/<int:pk>/revoke/", "accounts:token_revoke", OWNER, method="POST", args=ids(pk="spare_token"), ok=REDIRECTED),
    # The staff workbench, organizations, audit trail, calendar
    Probe("workbench/", "workbench:home", ANY_STAFF, refused_to="/"),  # applicants are sent to the portal
    Probe("workbench/orgs/", "orgs:index", ANY_STAFF),
    Probe("workbench/orgs/departments/<int:pk>/", "orgs:department", ANY_STAFF, args=ids(pk="department")),
    Probe(
        "workbench/orgs/departments/<int:department_id>/units/new/", "orgs:unit_create", UNIT_KEEPERS, args=ids(department_id="department")
    ),
    Probe("workbench/orgs/units/<int:pk>/edit/", "orgs:unit_edit", UNIT_KEEPERS, args=ids(pk="unit")),
    Probe("workbench/orgs/halls/<int:hall_id>/windows/new/", "orgs:window_create", HALL_KEEPERS, args=ids(hall_id="hall")),
    Probe("workbench/orgs/windows/<int:pk>/edit/", "orgs:window_edit", HALL_KEEPERS, args=ids(pk="window")),
    Probe("workbench/audit/", "audit:index", TRAIL_READERS),
    Probe(
        "workbench/audit/object/<str:object_type>/<path:object_id>/",
        "audit:object",
        TRAIL_READERS,
        args=lambda w: {"object_type": "cases.case", "object_id": w.ids["submitted_pk"]},
    ),
    Probe("workbench/workdays/", "workdays:index", ANY_SYSTEM_ADMIN),
    Probe("workbench/workdays/enter/", "workdays:enter", ANY_SYSTEM_ADMIN),
    Probe("workbench/workdays/<int:year>/delete/", "workdays:delete", ANY_SYSTEM_ADMIN, args=ids(year="schedule_year")),
    # Electronic supervision (电子监察): cards, 督办 orders (one open, one answered), anomalies
    Probe("workbench/supervision/", "supervision:board", ANY_STAFF),
    Probe("workbench/supervision/cards/", "supervision:cards", ANY_STAFF, shows=lambda w: w.ids["stage_late_case"], shown_to=CARD_VIEWERS),
    Probe(
        "workbench/supervision/cards/<int:card_id>/order/",
        "supervision:order_open_card",
        SUPERVISORS,
        method="POST",
        args=ids(card_id="stage_card"),
        body=fixed(reason="审查环节超时,请说明原因。"),
        ok=REDIRECTED,
    ),
    Probe(
        "workbench/supervision/cases/<str:number>/order/",
        "supervision:order_open_case",
        SUPERVISORS,
        method="POST",
        args=case("filed"),
        body=fixed(reason="群众反映办理缓慢,请说明情况。"),
        ok=REDIRECTED,
    ),
    Probe(
        "workbench/supervision/orders/",
        "supervision:orders",
        ANY_STAFF,
        shows=lambda w: w.ids["open_order"],
        shown_to=SUPERVISION_VIEWERS.allowed,
    ),
    Probe("workbench/supervision/orders/<str:number>/", "supervision:order", SUPERVISION_VIEWERS, args=ids(number="open_order")),
    Probe(
        "workbench/supervision/orders/<str:number>/act/<slug:action>",
        "supervision:order_act",
        REPLIERS,
        variant="reply",
        method="POST",
        args=lambda w: {"number": w.ids["open_order"], "action": "reply"},
        body=lambda w: {"revision": w.order_revision("open_order"), "text": "已督促经办人当日答复。"},
        ok=REDIRECTED,
    ),
    Probe(
        "workbench/supervision/orders/<str:number>/act/<slug:action>",
        "supervision:order_act",
        SUPERVISORS,
        variant="close",
        method="POST",
        args=lambda w: {"number": w.ids["answered_order"], "action": "close"},
        body=lambda w: {"revision": w.order_revision("answered_order"), "text": "答复属实,予以办结。"},
        ok=REDIRECTED,
    ),
    Probe("workbench/supervision/anomalies/", "supervision:anomalies", ANY_SUPERVISOR),
    # Statistics: dashboards, tables and their Excel, the department's monthly report (PDF)
    Probe("workbench/supervision/statistics/", "statistics:overview", STATISTICS_READERS),
    Probe("workbench/supervision/statistics/<slug:group>/", "statistics:table", STATISTICS_READERS, args=lambda w: {"group": "item"}),
    Probe(
        "workbench/supervision/statistics/<slug:group>/export/",
        "statistics:export",
        STATISTICS_READERS,
        args=lambda w: {"group": "department"},
    ),
    Probe(
        "workbench/supervision/statistics/report/<int:department>/<str:month>/",
        "statistics:report",
        SUPERVISION_VIEWERS,
        args=lambda w: {"department": w.ids["department"], "month": "2026-10"},
    ),
    # Ratings (好差评) and complaints on the portal: my case's rating, the signed link, the pad, complaints
    Probe("ratings/cases/<str:number>/", "ratings:case_rating", OWNER, args=ids(number="unrated_case")),
    Probe(
        "ratings/cases/<str:number>/revisit/",
        "ratings:case_revisit",
        OWNER,
        method="POST",
        args=ids(number="rect_replied_case"),
        body=rectification("rect_replied", satisfied="yes"),
        ok=REDIRECTED,
    ),
    Probe("r/<str:token>/", "ratings:link", PUBLIC, args=ids(token="rating_link")),
    Probe(
        "r/<str:token>/",
        "ratings:link",
        LINK_HOLDERS,
        variant="rate",
        method="POST",
        args=ids(token="rating_link"),
        body=fixed(level="5", tags=["服务热情"]),
        ok=REDIRECTED,
    ),
    Probe(
        "r/<str:token>/revisit/",
        "ratings:link_revisit",
        LINK_HOLDERS,
        method="POST",
        args=ids(token="replied_link"),
        body=rectification("rect_replied", satisfied="yes"),
        ok=REDIRECTED,
    ),
    Probe("ratings/satisfaction/", "ratings:satisfaction", PUBLIC),
    Probe("ratings/pad/<str:token>/", "ratings:pad", PUBLIC, args=ids(token="visit_token")),
    Probe("complaints/new/", "ratings:complaint_new", PUBLIC),
    Probe("complaints/done/", "ratings:complaint_done", PUBLIC, ok=REDIRECTED),  # nothing filed in this session
    Probe("complaints/lookup/", "ratings:complaint_lookup", PUBLIC),
    Probe(
        "complaints/feedback/",
        "ratings:complaint_feedback",
        PUBLIC,
        method="POST",
        body=lambda w: {"number": w.ids["complaint_answered"], "code": w.ids["complaint_answered_code"], "satisfied": "yes"},
    ),
    # Ratings in the workbench: bad reviews and their steps, appeals, every rating, complaints, window visits
    Probe(RT, "ratings:rectifications", ANY_RATING_READER, shows=lambda w: w.ids["rect_pending_case"], shown_to=RATING_READERS.allowed),
    Probe(f"{RT}appeals/", "ratings:appeals", ANY_SUPERVISOR, shows=lambda w: w.ids["rect_appealed_case"], shown_to=SUPERVISORS.allowed),
    Probe(f"{RT}rectifications/<int:pk>/", "ratings:rectification", RATING_READERS, args=ids(pk="rect_pending")),
    Probe(
        f"{RT}rectifications/<int:pk>/act/<slug:action>/",
        "ratings:rectification_act",
        RATING_FOLLOWERS,
        variant="follow-up",
        method="POST",
        args=lambda w: {"pk": w.ids["rect_pending"], "action": "follow-up"},
        body=rectification("rect_pending", note="已电话回访"),
        ok=REDIRECTED,
    ),
    Probe(
        f"{RT}rectifications/<int:pk>/act/<slug:action>/",
        "ratings:rectification_act",
        RECTIFIERS,
        variant="appeal",
        method="POST",
        args=lambda w: {"pk": w.ids["rect_pending"], "action": "appeal"},
        body=rectification("rect_pending", reason="评价内容与本次服务无关"),
        ok=REDIRECTED,
    ),
    Probe(
        f"{RT}rectifications/<int:pk>/act/<slug:action>/",
        "ratings:rectification_act",
        SUPERVISORS,
        variant="decide",
        method="POST",
        args=lambda w: {"pk": w.ids["rect_appealed"], "action": "decide"},
        body=rectification("rect_appealed", decision="upheld", opinion="经核实差评属实"),
        ok=REDIRECTED,
    ),
    Probe(f"{RT}all/", "ratings:ratings", ANY_RATING_READER, shows=lambda w: w.ids["rect_pending_case"], shown_to=RATING_READERS.allowed),
    Probe(
        f"{RT}complaints/",
        "ratings:complaints",
        ANY_COMPLAINT_STAFF,
        shows=lambda w: w.ids["complaint_assigned"],
        shown_to=COMPLAINT_STAFF.allowed,
    ),
    Probe(f"{RT}complaints/hotline/", "ratings:hotline", HOTLINE_STAFF),
    Probe(f"{RT}complaints/<str:number>/", "ratings:complaint", COMPLAINT_STAFF, args=ids(number="complaint_assigned")),
    Probe(
        f"{RT}complaints/<str:number>/act/<slug:action>/",
        "ratings:complaint_act",
        SUPERVISORS,
        variant="assign",
        method="POST",
        args=lambda w: {"number": w.ids["complaint_received"], "action": "assign"},
        body=lambda w: {"revision": w.complaint_revision("complaint_received"), "department": w.ids["department"]},
        ok=REDIRECTED,
    ),
    Probe(
        f"{RT}complaints/<str:number>/act/<slug:action>/",
        "ratings:complaint_act",
        RECTIFIERS,
        variant="reply",
        method="POST",
        args=lambda w: {"number": w.ids["complaint_assigned"], "action": "reply"},
        body=complaint("complaint_assigned", reply="已核实并整改"),
        ok=REDIRECTED,
    ),
    Probe(
        f"{RT}complaints/<str:number>/act/<slug:action>/",
        "ratings:complaint_act",
        SUPERVISORS,
        variant="close",
        method="POST",
        args=lambda w: {"number": w.ids["complaint_answered"], "action": "close"},
        body=complaint("complaint_answered"),
        ok=REDIRECTED,
    ),
    Probe(f"{RT}visits/", "ratings:visits", ANY_VISIT_STAFF),
    Probe(f"{RT}visits/<int:pk>/", "ratings:visit", VISIT_VIEWERS, args=ids(pk="visit")),
    # The API: schema, tokens, reference data, messages
    Probe("api/v1/openapi.json", "api:openapi-json", PUBLIC),
    Probe("api/v1/docs", "api:openapi-view", PUBLIC),
    Probe("api/v1/", "api:api-root", PUBLIC, ok=frozenset({404})),  # django-ninja's anchor for reversing: 404 to all
    Probe("api/v1/auth/token", "api:obtain_token", PUBLIC, ok=INVALID),
    Probe("api/v1/auth/me", "api:me", ANY_USER),
    Probe("api/v1/auth/tokens", "api:list_tokens", ANY_USER, shows=lambda w: SPARE_TOKEN, shown_to=OWNER.allowed),
    Probe("api/v1/auth/tokens/<token_id>", "api:revoke_token", OWNER, args=ids(token_id="spare_token"), ok=frozenset({204})),
    Probe("api/v1/workdays/add", "api:add", PUBLIC, query=fixed(start="2026-09-29", days=4)),
    Probe("api/v1/workdays/between", "api:between", PUBLIC, query=fixed(start="2026-09-29", end="2026-10-12")),
    Probe("api/v1/workdays/day", "api:day", PUBLIC, query=fixed(date="2026-10-01")),
    Probe("api/v1/orgs/regions", "api:list_regions", PUBLIC),
    Probe("api/v1/orgs/departments", "api:list_departments", PUBLIC),
    Probe("api/v1/orgs/halls", "api:list_halls", PUBLIC),
    Probe("api/v1/audit/events", "api:list_events", TRAIL_READERS),
    Probe("api/v1/items", "api:list_items", PUBLIC),
    Probe("api/v1/items.xlsx", "api:items_workbook", PUBLIC),
    Probe("api/v1/items/<code>", "api:get_item", PUBLIC, args=ids(code="item_code")),
    Probe("api/v1/powers", "api:list_powers", PUBLIC),
    Probe("api/v1/departments", "api:list_departments", PUBLIC),
    Probe("api/v1/notifications", "api:list_notifications", ANY_USER, shows=lambda w: MESSAGE_TITLE, shown_to=OWNER.allowed),
    Probe("api/v1/notifications/<notification_id>/read", "api:read_notification", OWNER, args=ids(notification_id="notification")),
    # The API: cases (each action on a case in a status that allows it, with a valid body)
    Probe("api/v1/cases", "api:create_case", ANY_USER, ok=INVALID),  # an empty application: filing needs a login only
    Probe("api/v1/cases", "api:list_cases", ANY_USER, shows=lambda w: w.cases["submitted"], shown_to=CASE_PARTIES.allowed),
    Probe("api/v1/cases/<number>", "api:get_case", CASE_PARTIES, args=case("submitted")),
    Probe(
        f"{API_CASE}materials",
        "api:attach_material",
        GAP_SUPPLIERS,
        args=case("correction"),
        body=fixed(code="M01"),
        multipart=True,
    ),
    Probe("api/v1/progress/<number>", "api:get_progress", PUBLIC, args=case("submitted"), query=lambda w: {"code": w.ids["query_code"]}),
    Probe(f"{API_CASE}accept", "api:accept", ANSWERERS, args=case("filed"), body=revision("filed")),
    Probe(
        f"{API_CASE}accept-with-gaps",
        "api:accept_with_gaps",
        ANSWERERS,
        args=case("submitted"),
        body=revision("submitted", gaps=["M02"], supply_by=SUPPLY_BY),
    ),
    Probe(
        f"{API_CASE}request-correction",
        "api:request_correction",
        ANSWERERS,
        args=case("submitted"),
        body=revision("submitted", problems={"M01": "请签字确认"}),
    ),
    Probe(f"{API_CASE}refuse", "api:refuse", ANSWERERS, args=case("submitted"), body=revision("submitted", reason="不属于本部门职权范围")),
    Probe(
        f"{API_CASE}resubmit",
        "api:resubmit",
        APPLICANT_OR_CLERK,
        args=case("correction"),
        body=revision("correction", materials=[{"code": "M01", "provision": "paper"}]),
    ),
    Probe(
        f"{API_CASE}complete-stage",
        "api:complete_stage",
        STAGE_HOLDERS,
        args=case("accepted"),
        body=lambda w: {"revision": w.revision("accepted"), "task": w.ids["review_task"], "opinion": "材料齐全"},
    ),
    Probe(
        f"{API_CASE}suspend",
        "api:suspend",
        PROCEDURE_STAFF,
        args=case("accepted"),
        body=revision("accepted", procedure="专家评审", reason="需专家论证"),
    ),
    Probe(f"{API_CASE}resume", "api:resume", PROCEDURE_STAFF, args=case("suspended"), body=revision("suspended", result="专家评审通过")),
    Probe(f"{API_CASE}extend", "api:extend", DECIDERS, args=case("accepted"), body=revision("accepted", reason="情况复杂,需延长办理期限")),
    Probe(f"{API_CASE}supply-gaps", "api:supply_gaps", GAP_SUPPLIERS, args=case("gaps"), body=revision("gaps", comment="已补交平面图")),
    Probe(f"{API_CASE}approve", "api:approve", DECIDERS, args=case("in_review"), body=revision("in_review", opinion="同意")),
    Probe(f"{API_CASE}deny", "api:deny", DECIDERS, args=case("in_review"), body=revision("in_review", reason="不符合法定条件")),
    Probe(f"{API_CASE}deliver", "api:deliver", DELIVERERS, args=case("decided"), body=revision("decided", note="窗口领取")),
    Probe(f"{API_CASE}close", "api:close", DELIVERERS, args=case("delivered"), body=revision("delivered")),
    Probe(
        f"{API_CASE}withdraw",
        "api:withdraw",
        APPLICANT_OR_CLERK,
        args=case("submitted"),
        body=revision("submitted", reason="申请人书面申请撤回"),
    ),
    # The API: electronic supervision
    Probe("api/v1/supervision/summary", "api:summary", STATISTICS_READERS),
    Probe("api/v1/supervision/summary", "api:summary", SUPERVISION_VIEWERS, variant="department", query=ids(department="department")),
    Probe("api/v1/supervision/statistics", "api:statistics", STATISTICS_READERS, query=lambda w: {"group": "item"}),
    Probe("api/v1/supervision/cards", "api:supervision_cards", ANY_USER, shows=lambda w: w.ids["stage_late_case"], shown_to=CARD_VIEWERS),
    Probe(
        "api/v1/supervision/orders",
        "api:supervision_orders",
        ANY_USER,
        shows=lambda w: w.ids["open_order"],
        shown_to=SUPERVISION_VIEWERS.allowed,
    ),
    Probe(
        "api/v1/supervision/orders",
        "api:supervision_order_open",
        SUPERVISORS,
        body=lambda w: {"case": w.cases["filed"], "reason": "群众反映办理缓慢,请说明情况。"},
        ok=frozenset({201}),
    ),
    Probe("api/v1/supervision/orders/<number>", "api:supervision_order", SUPERVISION_VIEWERS, args=ids(number="open_order")),
    Probe(
        "api/v1/supervision/orders/<number>/reply",
        "api:order_reply",
        REPLIERS,
        args=ids(number="open_order"),
        body=lambda w: {"revision": w.order_revision("open_order"), "text": "已督促经办人当日答复。"},
    ),
    Probe(
        "api/v1/supervision/orders/<number>/return",
        "api:order_return",
        SUPERVISORS,
        args=ids(number="answered_order"),
        body=lambda w: {"revision": w.order_revision("answered_order"), "text": "答复未说明整改时限。"},
    ),
    Probe(
        "api/v1/supervision/orders/<number>/close",
        "api:order_close",
        SUPERVISORS,
        args=ids(number="answered_order"),
        body=lambda w: {"revision": w.order_revision("answered_order"), "text": "答复属实,予以办结。"},
    ),
    Probe(
        "api/v1/supervision/orders/<number>/withdraw",
        "api:order_withdraw",
        SUPERVISORS,
        args=ids(number="open_order"),
        body=lambda w: {"revision": w.order_revision("open_order"), "text": "已由申请人撤回,撤销督办。"},
    ),
    # The API: ratings, bad reviews and complaints
    Probe(
        "api/v1/cases/<number>/rating",
        "api:rate_case",
        OWNER,
        args=ids(number="unrated_case"),
        body=fixed(level=4, tags=["办事高效"], comment=""),
        ok=CREATED,
    ),
    Probe("api/v1/cases/<number>/rating", "api:get_case_rating", RATING_PARTIES, args=ids(number="rect_pending_case")),
    Probe(
        "api/v1/rectifications",
        "api:list_rectifications",
        ANY_RATING_READER,
        shows=lambda w: w.ids["rect_pending_case"],
        shown_to=RATING_READERS.allowed,
    ),
    Probe("api/v1/rectifications/<rectification_id>", "api:get_rectification", RATING_READERS, args=ids(rectification_id="rect_pending")),
    Probe(
        f"{API_RECT}follow-up",
        "api:rectification_follow_up",
        RATING_FOLLOWERS,
        args=ids(rectification_id="rect_pending"),
        body=rectification("rect_pending", note="已电话回访"),
    ),
    Probe(
        f"{API_RECT}rectify",
        "api:rectification_rectify",
        RECTIFIERS,
        args=ids(rectification_id="rect_followed"),
        body=rectification("rect_followed", note="已培训窗口人员"),
    ),
    Probe(
        f"{API_RECT}reply",
        "api:rectification_reply",
        RECTIFIERS,
        args=lambda w: {"rectification_id": w.ids["rect_followed"]},
        body=rectification("rect_followed", reply="已整改"),
        ok=frozenset({409}),  # followed up, not yet rectified: the allowed are told it is too early
    ),
    Probe(
        f"{API_RECT}revisit",
        "api:rectification_revisit",
        SUPERVISORS,  # raters revisit on the portal; a supervisor records a call-back
        args=ids(rectification_id="rect_replied"),
        body=rectification("rect_replied", satisfied=True, comment="电话回访,评价人满意"),
    ),
    Probe(
        f"{API_RECT}appeal",
        "api:rectification_appeal",
        RECTIFIERS,
        args=ids(rectification_id="rect_pending"),
        body=rectification("rect_pending", reason="评价内容与本次服务无关"),
    ),
    Probe(
        f"{API_RECT}decide-appeal",
        "api:rectification_decide_appeal",
        SUPERVISORS,
        args=ids(rectification_id="rect_appealed"),
        body=rectification("rect_appealed", decision="voided", opinion="经核实属恶意差评"),
    ),
    Probe(
        "api/v1/complaints",
        "api:create_complaint",
        PUBLIC,
        body=fixed(category="attitude", content="窗口人员态度生硬", anonymous=True),
        ok=CREATED,
    ),
    Probe(
        "api/v1/complaints",
        "api:list_complaints",
        ANY_COMPLAINT_STAFF,
        shows=lambda w: w.ids["complaint_assigned"],
        shown_to=COMPLAINT_STAFF.allowed,
    ),
    Probe(
        "api/v1/complaint-lookup",
        "api:lookup_complaint",
        PUBLIC,
        body=lambda w: {"number": w.ids["complaint_answered"], "code": w.ids["complaint_answered_code"]},
    ),
    Probe(
        "api/v1/complaint-feedback",
        "api:complaint_feedback",
        PUBLIC,
        body=lambda w: {"number": w.ids["complaint_answered"], "code": w.ids["complaint_answered_code"], "satisfied": True},
    ),
    Probe("api/v1/complaints/<number>", "api:get_complaint", COMPLAINT_STAFF, args=ids(number="complaint_assigned")),
    Probe(
        f"{API_COMPLAINT}assign",
        "api:assign_complaint",
        SUPERVISORS,
        args=ids(number="complaint_received"),
        body=lambda w: {"revision": w.complaint_revision("complaint_received"), "department_id": w.ids["department"]},
    ),
    Probe(
        f"{API_COMPLAINT}reject",
        "api:reject_complaint",
        SUPERVISORS,
        args=ids(number="complaint_received"),
        body=complaint("complaint_received", reason="与政务服务无关"),
    ),
    Probe(
        f"{API_COMPLAINT}reply",
        "api:reply_complaint",
        RECTIFIERS,
        args=ids(number="complaint_assigned"),
        body=complaint("complaint_assigned", reply="已核实并整改"),
    ),
    Probe(
        f"{API_COMPLAINT}close",
        "api:close_complaint",
        SUPERVISORS,
        args=ids(number="complaint_answered"),
        body=complaint("complaint_answered"),
    ),
]

# The API takes the page session as well as bearer tokens: these are asked both ways.
SESSION_CHECKED = ("api:me", "api:list_tokens", "api:list_events", "api:list_notifications", "api:list_cases", "api:get_case", "api:accept")
SESSION_PROBES = [replace(entry, variant="session", session=True) for entry in MATRIX if entry.name in SESSION_CHECKED]

# The management site, classified by its prefix: every pattern under it is Django admin's own.
ADMIN_PREFIX = "admin/"
ADMIN_PERSONAS = (ANONYMOUS, APPLICANT, REVIEWER, DEPARTMENT_ADMIN, SYSTEM_ADMIN, SUPERUSER)
# Users without `is_staff` never get past the admin's login page; those with it see the models
# their roles open (accounts: users, role assignments, tokens) and 403 elsewhere.
ADMIN_ROLE_MODELS = frozenset({"accounts.user", "accounts.roleassignment", "accounts.apitoken"})


# The county, once per module -------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """The county, built once for the module in a transaction rolled back at its end, at MOMENT."""
    with django_db_blocker.unblock(), time_machine.travel(MOMENT, tick=False), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def world(built: World, db: Any) -> World:
    """Each test runs in a savepoint inside the module's transaction: what it changes is undone."""
    return built


def _address(test_id: str) -> str:
    """A loopback address of the test's own, so per-address rate limits never see two tests."""
    digest = zlib.crc32(test_id.encode())
    return f"127.{digest >> 16 & 255}.{digest >> 8 & 255}.{digest & 255 or 1}"


def _excerpt(response: Any) -> str:
    """The start of a JSON answer, or the error messages of a page, to tell why it was refused."""
    if getattr(response, "streaming", False):
        return ""
    text = response.content.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        return text[:500]
    return " | ".join(re.findall(r'class="[^"]*(?:error|alert)[^"]*"[^>]*>\s*([^<]{1,200})', text))[:500]


# The table covers the URL conf ------------------------------------------------------------------


def test_every_url_pattern_is_in_the_matrix() -> None:
    """A new page or endpoint fails here until the table says who may open it."""
    in_conf = {pattern.key for pattern in url_patterns() if not pattern.route.startswith(ADMIN_PREFIX)}
    in_table = {entry.key for entry in MATRIX}
    missing, stale = sorted(in_conf - in_table), sorted(in_table - in_conf)
    assert not missing, "URL patterns missing from MATRIX (add a row saying who may open each):\n" + _listing(missing)
    assert not stale, "MATRIX rows naming no URL pattern of the URL conf:\n" + _listing(stale)


def _listing(keys: list[tuple[str, str]]) -> str:
    return "\n".join(f"  {route!r} ({name or 'unnamed'})" for route, name in keys)


def test_the_management_site_owns_its_prefix() -> None:
    admin_patterns = [pattern for pattern in url_patterns() if pattern.route.startswith(ADMIN_PREFIX)]
    assert admin_patterns
    assert [p.key for p in admin_patterns if p.namespace != admin.site.name] == []
    assert [p.key for p in url_patterns() if p.namespace == admin.site.name and not p.route.startswith(ADMIN_PREFIX)] == []


def test_every_probe_lands_on_its_own_pattern(world: World) -> None:
    assert [entry.label for entry in MATRIX if not resolves_to(entry, world)] == []
    assert len({(entry.key, entry.variant) for entry in [*MATRIX, *SESSION_PROBES]}) == len(MATRIX) + len(SESSION_PROBES)
    assert len(SESSION_PROBES) == len(SESSION_CHECKED)


# Every probe, as every persona -----------------------------------------------------------------

PATTERNS = {pattern.key: pattern.pattern for pattern in url_patterns()}


def _label(entry: Probe) -> str:
    """The probe's name in test ids: its URL name, with the route where routes share one (API names repeat)."""
    shared = len({other.route for other in MATRIX if other.name == entry.name}) > 1
    label = f"{entry.name}@{entry.route}" if shared else entry.name
    return f"{label}[{entry.variant}]" if entry.variant else label


def _cases() -> list[Any]:
    cases = []
    for entry in [*MATRIX, *SESSION_PROBES]:
        for persona in PERSONAS:
            marks = []
            if persona in entry.bugs:
                marks.append(pytest.mark.xfail(strict=True, reason=f"bug: {entry.bugs[persona]}"))
            cases.append(pytest.param(entry, persona, id=f"{_label(entry)}-{persona}", marks=marks))
    return cases


_SCHEMAS: dict[str, Any] = {}


@pytest.fixture
def schema_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """django-ninja builds the OpenAPI schema anew on every request (about a second); it does not
    depend on who asks, so after its first real build in a worker the others reuse it."""
    from config.api import api

    build = api.get_openapi_schema

    def built_once(*args: Any, **kwargs: Any) -> Any:
        if "schema" not in _SCHEMAS:
            _SCHEMAS["schema"] = build(*args, **kwargs)
        return _SCHEMAS["schema"]

    monkeypatch.setattr(api, "get_openapi_schema", built_once)


@pytest.mark.parametrize(("entry", "persona"), _cases())
@pytest.mark.usefixtures("schema_once")
def test_access(world: World, entry: Probe, persona: str) -> None:
    method = http_method(entry, PATTERNS[entry.key])
    client, headers = client_for(world, persona, entry, _address(f"{_label(entry)}-{persona}"))
    response = send(client, method, entry.path(world), entry, world, headers)
    problem = verdict(entry, persona, response, world)
    assert problem == "", f"{method} {entry.path(world)} as {persona}: {problem}\n{_excerpt(response)}"


# The management site ----------------------------------------------------------------------------


def _admin_cases() -> list[Any]:
    pages = [("admin:index", "")] + sorted(
        (f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist", model._meta.label_lower) for model in admin.site._registry
    )
    return [pytest.param(name, label, persona, id=f"{name}-{persona}") for name, label in pages for persona in ADMIN_PERSONAS]


@pytest.mark.parametrize(("name", "label", "persona"), _admin_cases())
def test_management_site_access(world: World, name: str, label: str, persona: str) -> None:
    """Only `is_staff` users pass the management site's login; then their roles open models."""
    client = Client()
    user = None if persona == ANONYMOUS else world.user(persona)
    if user is not None:
        client.force_login(user)
    response = client.get(reverse(name))
    status = response.status_code
    assert status < 500
    if user is None or not user.is_staff:
        assert status == 302
        assert response["Location"].startswith(reverse("admin:login"))
    elif user.is_superuser or not label:
        assert status == 200
    else:
        assert status == (200 if label in ADMIN_ROLE_MODELS else 403)


# The management site's own password page: whose password an administrator may reset.
PASSWORD_RESETS = {  # actor → the targets whose page opens (the others' are not found)
    DEPARTMENT_ADMIN: {REVIEWER},  # their department's staff
    SYSTEM_ADMIN: {APPLICANT, REVIEWER},  # applicants, and the staff of their region
    OTHER_COUNTY: {APPLICANT, OTHER_COUNTY},  # applicants belong to no region: any system admin manages them; and oneself
    SUPERUSER: {APPLICANT, REVIEWER, OTHER_COUNTY, SUPERUSER},
}


@pytest.mark.parametrize("target", [APPLICANT, REVIEWER, OTHER_COUNTY, SUPERUSER])
@pytest.mark.parametrize("actor", list(PASSWORD_RESETS))
def test_management_site_password_page(world: World, actor: str, target: str) -> None:
    """The reset page opens for the users the actor manages (accounts.permissions.may_manage_user)."""
    client = Client()
    client.force_login(world.user(actor))
    response = client.get(reverse("admin:accounts_user_password", args=[world.users[target]]))
    assert response.status_code == (200 if target in PASSWORD_RESETS[actor] else 404)
