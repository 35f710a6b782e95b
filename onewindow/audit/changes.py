"""The readable difference between an event's `before` and `after`: one row per changed field."""

import json
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Model
from django.utils.translation import gettext as _

_ABSENT = object()


@dataclass(frozen=True)
class Change:
    """One field whose value differs between `before` and `after`, as display text."""

    field: str
    label: str
    before: str
    after: str


def event_changes(object_type: str, before: Any, after: Any) -> list[Change]:
    """The changed keys of two snapshots, in the model's field order, labelled with its verbose names."""
    old, new = _as_dict(before), _as_dict(after)
    labels = _field_labels(object_type)
    keys = [key for key in {**old, **new} if old.get(key, _ABSENT) != new.get(key, _ABSENT)]
    order = {key: index for index, key in enumerate(labels)}
    keys.sort(key=lambda key: (order.get(key, len(order)), key))
    return [Change(key, labels.get(key, key), _display(old.get(key)), _display(new.get(key))) for key in keys]


def _as_dict(snapshot: Any) -> dict[str, Any]:
    if snapshot is None:
        return {}
    if isinstance(snapshot, dict):
        return snapshot
    return {"value": snapshot}


def _field_labels(object_type: str) -> dict[str, str]:
    """`attname` → verbose name for the model named by `object_type` (`app_label.model`), if it is one."""
    try:
        model: type[Model] = apps.get_model(object_type)
    except (LookupError, ValueError):
        return {}
    return {field.attname: str(field.verbose_name) for field in model._meta.concrete_fields}


def _display(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
