"""Hostile text for the hostile-input tests: payloads, the checks that a page shows them inert, and
one county whose every free-text field users can fill carries a payload.

Each field gets its own payload, tagged with the field's name (`[refuse]<script>…`), so that a
page that shows the field can be checked for the escaped payload, and every page for the absence
of any payload's markup. The payloads set `window.__xss` when they run: the browser tests read it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape

from onewindow.accounts.choices import Role
from onewindow.accounts.models import User
from onewindow.accounts.tests.factories import staff
from onewindow.cases import services
from onewindow.cases.choices import CaseStatus
from onewindow.cases.models import Case
from onewindow.cases.tests.factories import County, case_item, gap_supply_date, make_county, online_application, pdf_file
from onewindow.catalog import services as catalog_services
from onewindow.catalog.choices import ChangeKind, ListKind
from onewindow.catalog.models import ChangeRequest, ServiceItem
from onewindow.catalog.tests.documents import item_document
from onewindow.notifications.services import notification_queue

# A Monday of an ordinary week, inside the working-day calendar.
MONDAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))

SCRIPT = "<script>window.__xss=1</script>"
IMG = '"><img src=x onerror="window.__xss=1">'
SVG = "</textarea><svg onload=window.__xss=1>"
TEMPLATE = "{{7*7}}{% debug %}"
JS_URL = "javascript:window.__xss=1"

# Markup that only a payload can have put on a page: none of it may appear unescaped anywhere.
LIVE_MARKUP = ("<script>window.__xss", "<img src=x", 'onerror="window', "<svg onload", "</textarea><svg")
JS_URL_ATTRIBUTE = re.compile(r"""(?:href|src|action|formaction|data)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)

HOSTILE_ITEM_CODE = "11990123MB00000090001"


def payload(tag: str, *, limit: int = 2000) -> str:
    """The hostile text of one field: its tag, then as many payloads as the field's length allows."""
    text = f"[{tag}]"
    for piece in (SCRIPT, IMG, SVG, TEMPLATE, JS_URL):
        if len(text) + len(piece) <= limit:
            text += piece
    assert len(text) > len(f"[{tag}]"), f"no payload fits in {limit} characters"
    return text


def live_markup(html: str) -> list[str]:
    """Payload markup the page carries unescaped (an empty list for an inert page)."""
    found = [fragment for fragment in LIVE_MARKUP if fragment in html]
    found += JS_URL_ATTRIBUTE.findall(html)
    return found


def shows_escaped(html: str, text: str) -> bool:
    """Whether the page shows `text` as text: escaped once (not raw, not escaped twice)."""
    return escape(text) in html


@dataclass
class HostileCounty:
    """A county whose applicants, staff, cases, messages and catalog carry payloads in every free-text field."""

    county: County
    item: ServiceItem
    texts: dict[str, str]
    cases: dict[str, Case] = field(default_factory=dict)
    change_request: ChangeRequest | None = None
    list_manager: User | None = None

    def case(self, name: str) -> Case:
        case = self.cases[name]
        case.refresh_from_db()
        return case


def _texts() -> dict[str, str]:
    limits = {
        "applicant_name": 200,
        "business_name": 100,  # the factory item's text field
        "pledge": 2000,
        "problem": 2000,
        "form_problem": 2000,
        "correction_comment": 2000,
        "refuse": 2000,
        "accept_comment": 2000,
        "procedure": 100,
        "suspend": 2000,
        "resume": 2000,
        "extend": 2000,
        "stage_opinion": 2000,
        "approve": 2000,
        "deny": 2000,
        "withdraw": 2000,
        "clerk_name": 64,
        "applicant_real_name": 64,
        "message_title": 200,
        "message_body": 2000,
        "delivery_address": 300,
    }
    return {name: payload(name, limit=limit) for name, limit in limits.items()}


def _catalog_texts() -> dict[str, str]:
    limits = {
        "cr_title": 200,
        "cr_reason": 2000,
        "item_name": 200,
        "acceptance_conditions": 2000,
        "places": 200,
        "situation_name": 100,
        "material_name": 200,
        "material_requirements": 2000,
        "stage_name": 50,
    }
    return {name: payload(name, limit=limit) for name, limit in limits.items()}


def hostile_application(item: ServiceItem, texts: dict[str, str]) -> services.ApplicationInput:
    """The applicant's online application (`online_application`) with payloads in the applicant's name,
    the form's text field, the pledge and the delivery address."""
    data = online_application(item, delivery_method="post", delivery_address=texts["delivery_address"])
    data.applicant = {**data.applicant, "name": texts["applicant_name"]}
    data.form = {**data.form, "business_name": texts["business_name"]}
    data.materials = [m if m["code"] != "M03" else {**m, "pledge": texts["pledge"]} for m in data.materials]
    return data


def build_hostile_county(*, catalog: bool = True) -> HostileCounty:
    """The county (see the module docstring): one case in each status that carries a staff text."""
    county = make_county()
    texts = _texts()
    county.clerk.real_name = texts["clerk_name"]
    county.clerk.save(update_fields=["real_name"])
    county.applicant.real_name = texts["applicant_real_name"]
    county.applicant.save(update_fields=["real_name"])
    item = case_item(county.department)
    world = HostileCounty(county=county, item=item, texts=texts)
    world.cases = _hostile_cases(county, item, texts)
    notification_queue(recipient=county.applicant, title=texts["message_title"], body=texts["message_body"], link="/messages/")
    if catalog:
        _hostile_catalog(world)
    return world


def _file(county: County, item: ServiceItem, texts: dict[str, str]) -> Case:
    """A case the applicant submits online (draft, upload, submit), carrying the applicant's texts."""
    draft = services.case_save_draft(actor=county.applicant, data=hostile_application(item, texts))
    services.case_material_attach(actor=county.applicant, case=draft, code="M01", file=pdf_file(), name="申请书.pdf")
    draft.refresh_from_db()
    return services.case_submit(actor=county.applicant, case=draft)


def _accept(clerk: User, case: Case, comment: str = "") -> Case:
    """容缺受理: the online application left M02 (the floor plan) to supply later."""
    return services.case_accept_with_gaps(actor=clerk, case=case, gaps=["M02"], supply_by=gap_supply_date(), comment=comment)


def _review(reviewer: User, case: Case, opinion: str) -> Case:
    for task in case.tasks.filter(state="open", kind="review"):
        case = services.case_complete_stage(actor=reviewer, case=case, task=task.pk, opinion=opinion)
    return case


def _hostile_cases(county: County, item: ServiceItem, texts: dict[str, str]) -> dict[str, Case]:
    clerk, reviewer, decider = county.clerk, county.reviewer, county.decider
    cases: dict[str, Case] = {}

    correction = _file(county, item, texts)
    cases["correction"] = services.case_request_correction(
        actor=clerk,
        case=correction,
        problems={"M01": texts["problem"], "form": texts["form_problem"]},
        comment=texts["correction_comment"],
    )

    cases["refused"] = services.case_refuse(actor=clerk, case=_file(county, item, texts), reason=texts["refuse"])

    approved = _accept(clerk, _file(county, item, texts), comment=texts["accept_comment"])
    approved = services.case_suspend(actor=reviewer, case=approved, procedure=texts["procedure"], reason=texts["suspend"])
    approved = services.case_resume(actor=reviewer, case=approved, result=texts["resume"])
    approved = services.case_extend(actor=decider, case=approved, reason=texts["extend"])
    approved = _review(reviewer, approved, texts["stage_opinion"])
    cases["approved"] = services.case_approve(actor=decider, case=approved, opinion=texts["approve"])

    denied = _review(reviewer, _accept(clerk, _file(county, item, texts)), "材料齐全")
    cases["denied"] = services.case_deny(actor=decider, case=denied, reason=texts["deny"])

    cases["withdrawn"] = services.case_withdraw(actor=county.applicant, case=_file(county, item, texts), reason=texts["withdraw"])
    cases["submitted"] = _file(county, item, texts)

    for name, status in (
        ("correction", CaseStatus.CORRECTION_REQUESTED),
        ("refused", CaseStatus.REFUSED),
        ("approved", CaseStatus.DECIDED),
        ("denied", CaseStatus.DECIDED),
        ("withdrawn", CaseStatus.WITHDRAWN),
        ("submitted", CaseStatus.SUBMITTED),
    ):
        cases[name].refresh_from_db()
        assert cases[name].status == status, (name, cases[name].status)
    return cases


def _hostile_catalog(world: HostileCounty) -> None:
    """A change request whose title, reason and item carry payloads, published (the public pages show
    the item), and a second one left as a draft (the workbench pages show it)."""
    texts = _catalog_texts()
    world.texts.update(texts)
    region = world.county.region
    drafter = staff(Role.LIST_MANAGER, region=region, real_name="钱清单")
    publisher = staff(Role.LIST_MANAGER, region=region, real_name="孙发布")
    document = hostile_item_document(texts)
    published = _change_request(drafter, region, texts, document)
    catalog_services.change_request_submit(actor=drafter, change_request=published)
    catalog_services.change_request_publish(actor=publisher, change_request=published)
    world.change_request = _change_request(drafter, region, texts, {**document, "places": texts["places"] + "(草稿)"})
    world.list_manager = drafter


def hostile_item_document(texts: dict[str, str]) -> dict[str, Any]:
    document = item_document(
        implementation_code=HOSTILE_ITEM_CODE,
        name=texts["item_name"],
        acceptance_conditions=texts["acceptance_conditions"],
        places=texts["places"],
        keywords="危险 测试",
    )
    document["situations"][0]["name"] = texts["situation_name"]
    document["materials"][0]["name"] = texts["material_name"]
    document["materials"][0]["requirements"] = texts["material_requirements"]
    document["stages"][1]["name"] = texts["stage_name"]
    return document


def _change_request(drafter: User, region: Any, texts: dict[str, str], document: dict[str, Any]) -> ChangeRequest:
    request = catalog_services.change_request_create(
        actor=drafter,
        region=region,
        list_kind=ListKind.SERVICE,
        kind=ChangeKind.ADD if "草稿" not in document["places"] else ChangeKind.ADJUST,
        title=texts["cr_title"],
        reason=texts["cr_reason"],
        legal_basis="《中华人民共和国行政许可法》",
    )
    catalog_services.change_request_save_draft(actor=drafter, change_request=request, document=document)
    return request
