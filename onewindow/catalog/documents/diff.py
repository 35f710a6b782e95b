"""Field-level differences between two documents of the same entry (for version and request diffs)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Rows of these lists are matched by a key rather than by position, so inserting a material
# shows as one added material, not as every later material changed.
ROW_KEYS = {"situations": "code", "materials": "code", "stages": "sequence", "legal_bases": "law", "shares": "department"}


@dataclass(frozen=True)
class FieldChange:
    path: str
    old: Any
    new: Any

    @property
    def kind(self) -> str:
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "changed"


def diff_documents(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[FieldChange]:
    """Changes from `old` to `new` (either may be None for an added or cancelled entry)."""
    changes: list[FieldChange] = []
    _diff_value("", old, new, changes)
    return changes


def _diff_value(path: str, old: Any, new: Any, out: list[FieldChange]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            _diff_value(f"{path}.{key}" if path else key, old.get(key), new.get(key), out)
        return
    leaf = path.rsplit(".", 1)[-1]
    if isinstance(old, list) and isinstance(new, list) and leaf in ROW_KEYS and all(isinstance(x, dict) for x in old + new):
        _diff_rows(path, ROW_KEYS[leaf], old, new, out)
        return
    if old != new:
        out.append(FieldChange(path, old, new))


def _diff_rows(path: str, key: str, old: list[dict[str, Any]], new: list[dict[str, Any]], out: list[FieldChange]) -> None:
    before = {str(row.get(key)): row for row in old}
    after = {str(row.get(key)): row for row in new}
    for row_key in list(before) + [k for k in after if k not in before]:
        _diff_value(f"{path}[{row_key}]", before.get(row_key), after.get(row_key), out)
