"""Valid documents for tests, with overrides: `item_document(promised_limit_days=30)`."""

import copy
from typing import Any

BASE_ITEM: dict[str, Any] = {
    "department": "市场监督管理局",
    "basic_code": "11371000",
    "implementation_code": "11990123MB00000010001",
    "power_code": "",
    "name": "食品经营许可",
    "category": "licensing",
    "audience": "enterprise",
    "themes": [],
    "implementing_body": "示范县市场监督管理局",
    "unit": "",
    "legal_basis": "《中华人民共和国食品安全法》第三十五条",
    "acceptance_conditions": "具有与经营的食品品种、数量相适应的经营场所。",
    "statutory_limit_days": 20,
    "promised_limit_days": 5,
    "kind": "promised",
    "on_site_visits": 0,
    "visit_reason": "",
    "online_depth": 5,
    "places": "示范县政务服务中心综合受理窗口",
    "hours": "周一至周五 9:00-12:00 13:30-17:30",
    "phone": "0999-1234567",
    "complaint_phone": "12345",
    "result_name": "食品经营许可证",
    "result_license_type": "",
    "is_free": True,
    "deemed_approval": False,
    "joint_handling": False,
    "intermediaries": [],
    "keywords": "餐饮 饭店",
    "form_schema": [{"name": "business_name", "label": "经营者名称", "type": "text", "required": True, "max_length": 100}],
    "situations": [{"code": "S01", "name": "新办", "description": ""}, {"code": "S02", "name": "延续", "description": ""}],
    "materials": [
        {
            "code": "M01",
            "situation": "",
            "name": "食品经营许可申请书",
            "form": "original",
            "copies": 1,
            "necessity": "required",
            "source": "applicant",
            "license_type": "",
            "requirements": "",
        },
        {
            "code": "M02",
            "situation": "S01",
            "name": "经营场所平面图",
            "form": "copy",
            "copies": 1,
            "necessity": "gap_allowed",
            "source": "applicant",
            "license_type": "",
            "requirements": "",
        },
    ],
    "fees": [],
    "stages": [
        {"sequence": 1, "kind": "accept", "name": "受理", "role": "window_clerk", "unit": "", "days": 1},
        {"sequence": 2, "kind": "review", "name": "审查", "role": "reviewer", "unit": "", "days": 1},
        {"sequence": 3, "kind": "decide", "name": "决定", "role": "decider", "unit": "", "days": 1},
        {"sequence": 4, "kind": "deliver", "name": "送达", "role": "window_clerk", "unit": "", "days": 1},
    ],
}

BASE_POWER: dict[str, Any] = {
    "department": "市场监督管理局",
    "code": "330217001000",
    "parent_code": "",
    "name": "食品经营许可",
    "category": "licensing",
    "levels": ["county"],
    "content": "对食品经营活动实施许可。",
    "implementing_body": "示范县市场监督管理局",
    "remarks": "",
    "legal_bases": [{"law": "《中华人民共和国食品安全法》", "article": "第三十五条", "text": "国家对食品生产经营实行许可制度。"}],
    "responsibilities": [{"stage": "受理", "content": "依法受理申请。"}],
    "accountability_rules": ["对符合法定条件的申请不予受理的"],
}


def item_document(**overrides: Any) -> dict[str, Any]:
    doc = copy.deepcopy(BASE_ITEM)
    doc.update(overrides)
    return doc


def power_document(**overrides: Any) -> dict[str, Any]:
    doc = copy.deepcopy(BASE_POWER)
    doc.update(overrides)
    return doc
