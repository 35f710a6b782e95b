"""Keyset (cursor) pagination: a page costs the same at row 10 as at row 10,000,000.

The cursor is an opaque token holding the ordering values of the last row returned. Orderings
must end with a unique field (the primary key) so that the order is total.
"""

import base64
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext as _

from onewindow.common.errors import InvalidInput

M = TypeVar("M", bound=Model)

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


@dataclass(frozen=True)
class Page(Generic[M]):
    items: list[M]
    next_cursor: str | None


def _encode_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"n": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "dt" in value:
            return dt.datetime.fromisoformat(value["dt"])
        if "d" in value:
            return dt.date.fromisoformat(value["d"])
        if "n" in value:
            return Decimal(value["n"])
    return value


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != size:
            raise ValueError
        return [_decode_value(v) for v in values]
    except (ValueError, TypeError, json.JSONDecodeError):
        raise InvalidInput(_("分页游标无效。"), code="invalid_cursor") from None


def _after(ordering: tuple[str, ...], values: list[Any]) -> Q:
    """Rows strictly after `values` in `ordering` (lexicographic keyset condition).

    The OR of the lexicographic steps is preceded by a plain range on the first field
    (`a >= x AND (a > x OR (a = x AND id > y))`): the same rows, but a condition an index on the
    ordering can seek to, so a deep page costs what the first page costs.
    """
    condition = Q()
    for index, field in enumerate(ordering):
        name = field.lstrip("-")
        op = "lt" if field.startswith("-") else "gt"
        step = Q(**{f"{name}__{op}": values[index]})
        for prev_index in range(index):
            prev = ordering[prev_index].lstrip("-")
            step &= Q(**{prev: values[prev_index]})
        condition |= step
    if len(ordering) > 1:
        first = ordering[0]
        condition &= Q(**{f"{first.lstrip('-')}__{'lte' if first.startswith('-') else 'gte'}": values[0]})
    return condition


def paginate(queryset: QuerySet[M], *, ordering: tuple[str, ...], cursor: str | None = None, limit: int | None = None) -> Page[M]:
    """One page of `queryset` in `ordering`, after `cursor`."""
    size = min(max(limit or DEFAULT_LIMIT, 1), MAX_LIMIT)
    queryset = queryset.order_by(*ordering)
    if cursor:
        try:
            queryset = queryset.filter(_after(ordering, decode_cursor(cursor, len(ordering))))
        except (TypeError, ValueError, ArithmeticError, ValidationError):  # a forged cursor's values
            raise InvalidInput(_("分页游标无效。"), code="invalid_cursor") from None
    rows = list(queryset[: size + 1])
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = encode_cursor([_attr(last, f.lstrip("-")) for f in ordering])
    return Page(items=rows, next_cursor=next_cursor)


def _attr(obj: Any, path: str) -> Any:
    for part in path.split("__"):
        obj = getattr(obj, part)
        if isinstance(obj, Model):
            obj = obj.pk
    return obj


def page_or_first(request: Any, fetch: Callable[[str | None], Page[Any]]) -> Page[Any]:
    """For a page view: the page after the request's `?cursor=`; a damaged cursor (a pasted or edited
    link) says so in a message and starts over at the first page."""
    from django.contrib import messages

    try:
        return fetch(request.GET.get("cursor") or None)
    except InvalidInput as error:
        messages.warning(request, error.message)
        return fetch(None)
