"""What a card or an order is about, in words and with a link, for lists and messages.

Timers name their subject by model label and id; this reads the labels of a page of subjects with
one query per model.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _

Key = tuple[str, str]


@dataclass(frozen=True)
class Subject:
    label: str
    url: str = ""
    case_number: str = ""


def describe(keys: Iterable[Key]) -> dict[Key, Subject]:
    """A `Subject` for each (subject_type, subject_id); unknown rows are named by model and id."""
    by_type: dict[str, set[str]] = defaultdict(set)
    for subject_type, subject_id in keys:
        by_type[subject_type].add(subject_id)
    described: dict[Key, Subject] = {}
    for subject_type, ids in by_type.items():
        reader = _READERS.get(subject_type, _generic)
        for subject_id, subject in reader(subject_type, sorted(ids)).items():
            described[(subject_type, subject_id)] = subject
        for subject_id in ids:
            described.setdefault((subject_type, subject_id), Subject(f"{subject_type} #{subject_id}"))
    return described


def _int_ids(ids: list[str]) -> list[int]:
    return [int(i) for i in ids if i.isdigit()]


def _cases(subject_type: str, ids: list[str]) -> dict[str, Subject]:
    from onewindow.cases.models import Case

    rows = Case.objects.filter(pk__in=_int_ids(ids)).values_list("pk", "number", "item_name")
    return {
        str(pk): Subject(_("办件%(number)s(%(item)s)") % {"number": number, "item": item}, _case_url(number), number or "")
        for pk, number, item in rows
    }


def _stage_tasks(subject_type: str, ids: list[str]) -> dict[str, Subject]:
    from onewindow.cases.models import StageTask

    rows = StageTask.objects.filter(pk__in=_int_ids(ids)).values_list("pk", "name", "case__number", "case__item_name")
    return {
        str(pk): Subject(
            _("办件%(number)s(%(item)s)的“%(stage)s”环节") % {"number": number, "item": item, "stage": name},
            _case_url(number),
            number or "",
        )
        for pk, name, number, item in rows
    }


def _orders(subject_type: str, ids: list[str]) -> dict[str, Subject]:
    from onewindow.supervision.models import SupervisionOrder

    rows = SupervisionOrder.objects.filter(pk__in=_int_ids(ids)).values_list("pk", "number")
    return {
        str(pk): Subject(_("督办单%(number)s") % {"number": number}, reverse("supervision:order", args=[number])) for pk, number in rows
    }


def _rectifications(subject_type: str, ids: list[str]) -> dict[str, Subject]:
    from onewindow.ratings.models import Rectification

    rows = Rectification.objects.filter(pk__in=_int_ids(ids)).values_list("pk", "department__name", "rating__case__number")
    return {
        str(pk): Subject(
            _("%(department)s差评整改#%(pk)s") % {"department": department, "pk": pk},
            reverse("ratings:rectification", args=[pk]),
            number or "",
        )
        for pk, department, number in rows
    }


def _complaints(subject_type: str, ids: list[str]) -> dict[str, Subject]:
    from onewindow.ratings.models import Complaint

    rows = Complaint.objects.filter(pk__in=_int_ids(ids)).values_list("pk", "number", "case__number")
    return {
        str(pk): Subject(_("投诉%(number)s") % {"number": number}, reverse("ratings:complaint", args=[number]), case_number or "")
        for pk, number, case_number in rows
        if number
    }


def _generic(subject_type: str, ids: list[str]) -> dict[str, Subject]:
    try:
        model = apps.get_model(subject_type)
    except (LookupError, ValueError):
        return {}
    return {str(row.pk): Subject(f"{model._meta.verbose_name} {row}") for row in model._default_manager.filter(pk__in=_int_ids(ids))}


def _case_url(number: str | None) -> str:
    return reverse("cases:case", args=[number]) if number else ""


_READERS = {
    "cases.case": _cases,
    "cases.stagetask": _stage_tasks,
    "supervision.supervisionorder": _orders,
    "ratings.rectification": _rectifications,
    "ratings.complaint": _complaints,
}
