"""Converters between document values and worksheet cells, one per kind of column.

Each converter writes a value the way counties publish it (Chinese labels, 是/否, one name per
line) and reads it back to exactly the document value, raising `CellError` with a Chinese
message for what it cannot read. Text never becomes a formula: the export escapes every text
cell with `escape_text` (a leading apostrophe before a character a spreadsheet would evaluate),
and `raw_text` removes it again on import.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

# CSV/Excel injection (OWASP): cells starting with these are evaluated by spreadsheets. The
# apostrophe itself is escaped too, so escaping is reversible for every text.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r", "'")
ESCAPE = "'"
# Cell values and headers are data in the layout counties publish, not UI text: never translated.
YES, NO = "是", "否"

# The control characters an xlsx cell cannot hold (the same set as openpyxl's ILLEGAL_CHARACTERS_RE;
# written here so that importing this module does not load openpyxl).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


class CellError(ValueError):
    """A cell that cannot be read as its column's value; the message is shown to the user."""


class Omit:
    """Marker for an optional key that a blank cell leaves out of the document."""

    def __repr__(self) -> str:
        return "OMIT"


OMIT = Omit()


def clean_text(value: str) -> str:
    """Text as an xlsx file can hold it: no XML-illegal control characters, `\\n` line ends."""
    return ILLEGAL_CHARACTERS_RE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def escape_text(value: str) -> str:
    """Text safe to put in a cell: never read as a formula."""
    value = clean_text(value)
    return ESCAPE + value if value.startswith(FORMULA_LEADS) else value


def unescape_text(value: str) -> str:
    return value[1:] if value.startswith(ESCAPE) else value


def is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def raw_text(raw: Any) -> str:
    """A cell's content as text (numbers typed into text cells, such as phone numbers, included)."""
    if raw is None:
        return ""
    if isinstance(raw, bool) or isinstance(raw, dt.date | dt.datetime | dt.time):
        raise CellError(_("应为文本。"))
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return clean_text(unescape_text(str(raw))).strip()


@dataclass(frozen=True)
class Text:
    """Free text; blank is the empty string."""

    def to_cell(self, value: Any) -> Any:
        return str(value) if value not in (None, "") else None

    def from_cell(self, raw: Any) -> Any:
        return raw_text(raw)

    def allowed(self) -> str:
        return _("文本")


@dataclass(frozen=True)
class Integer:
    """A whole number; blank is an error unless the key is optional (then it is left out)."""

    optional: bool = False

    def to_cell(self, value: Any) -> Any:
        return value

    def from_cell(self, raw: Any) -> Any:
        if is_blank(raw):
            if self.optional:
                return OMIT
            raise CellError(_("不能为空。"))
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        if isinstance(raw, str) and re.fullmatch(r"-?\d{1,9}", raw.strip()):
            raw = int(raw.strip())
        if not isinstance(raw, int) or isinstance(raw, bool):
            raise CellError(_("应为整数。"))
        return raw

    def allowed(self) -> str:
        return _("整数") + (_("(可空)") if self.optional else "")


@dataclass(frozen=True)
class Boolean:
    """是 or 否; `invert` for documents that store the opposite (是否收费 ↔ is_free)."""

    invert: bool = False

    def to_cell(self, value: Any) -> Any:
        return YES if bool(value) != self.invert else NO

    def from_cell(self, raw: Any) -> Any:
        text = raw_text(raw) if not isinstance(raw, bool) else (YES if raw else NO)
        if text not in (YES, NO):
            raise CellError(_("取值“%(v)s”无效,应为:是、否。") % {"v": text})
        return (text == YES) != self.invert

    def allowed(self) -> str:
        return _("是、否")


@dataclass(frozen=True)
class Choice:
    """One of a set of values, written as its Chinese label; `labels` maps value → label."""

    labels: tuple[tuple[Any, str], ...]
    optional: bool = False

    @classmethod
    def of(cls, choices: Any, *, optional: bool = False) -> Choice:
        return cls(tuple((c.value, str(c.label)) for c in choices), optional)

    def to_cell(self, value: Any) -> Any:
        return dict(self.labels).get(value, value) if value not in (None, "") else None

    def from_cell(self, raw: Any) -> Any:
        text = raw_text(raw)
        if not text and self.optional:
            return ""
        if not text:
            raise CellError(_("不能为空。"))
        for value, label in self.labels:
            if text in (label, str(value)):
                return value
        raise CellError(_("取值“%(v)s”无效,应为:%(c)s。") % {"v": text, "c": self.allowed()})

    def allowed(self) -> str:
        return "、".join(label for _value, label in self.labels)


@dataclass(frozen=True)
class TextList:
    """A list of texts in one cell, one per line (names may contain 、 so only lines separate)."""

    omit_blank: bool = False

    def to_cell(self, value: Any) -> Any:
        return "\n".join(str(v) for v in value) if value else None

    def from_cell(self, raw: Any) -> Any:
        if is_blank(raw) and self.omit_blank:
            return OMIT
        return [line.strip() for line in raw_text(raw).split("\n") if line.strip()]

    def allowed(self) -> str:
        return _("每行一项")


@dataclass(frozen=True)
class CodeList:
    """A list of codes in one cell, written one per line; 、 , ; and spaces also separate on import."""

    def to_cell(self, value: Any) -> Any:
        return "\n".join(str(v) for v in value) if value else None

    def from_cell(self, raw: Any) -> Any:
        return [part for part in re.split(r"[\s、,,;;]+", raw_text(raw)) if part]

    def allowed(self) -> str:
        return _("编码,每行一个")


@dataclass(frozen=True)
class ChoiceList:
    """Several values of a set, written as labels separated by 、."""

    choice: Choice

    def to_cell(self, value: Any) -> Any:
        return "、".join(str(self.choice.to_cell(v)) for v in value) if value else None

    def from_cell(self, raw: Any) -> Any:
        parts = [part for part in re.split(r"[\s、,,;;]+", raw_text(raw)) if part]
        return [self.choice.from_cell(part) for part in parts]

    def allowed(self) -> str:
        return _("可多选,以“、”分隔:") + self.choice.allowed()


def labelled(pairs: Iterable[tuple[Any, str]]) -> Choice:
    return Choice(tuple(pairs))
