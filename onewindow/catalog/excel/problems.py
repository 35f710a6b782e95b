"""Import problems located by sheet, row and column, and the map from document paths to cells."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_LAST_INDEX = re.compile(r"\[[^\]]*\]$")


@dataclass(frozen=True)
class Location:
    """A place in the workbook: a sheet, optionally a row (1-based as Excel shows it) and a column header."""

    sheet: str = ""
    row: int | None = None
    column: str = ""


@dataclass(frozen=True)
class ImportProblem:
    """One problem of an import: "申请材料 第12行 必要性列:取值“需要”无效…"."""

    sheet: str
    row: int | None
    column: str
    message: str

    @classmethod
    def at(cls, location: Location, message: str) -> ImportProblem:
        return cls(location.sheet, location.row, location.column, message)

    @classmethod
    def general(cls, message: str) -> ImportProblem:
        return cls("", None, "", message)

    @property
    def location(self) -> Location:
        return Location(self.sheet, self.row, self.column)

    def __str__(self) -> str:
        parts = [self.sheet, f"第{self.row}行" if self.row else "", f"{self.column}列" if self.column else ""]
        where = " ".join(part for part in parts if part)
        return f"{where}:{self.message}" if where else self.message


@dataclass
class SourceMap:
    """Where each part of one entry's document came from, so validation problems point at cells.

    `cells` maps document paths (`materials[2].necessity`, `materials[2]`, `themes`) to locations;
    a path not found is shortened (`stages[0].countersign_units[1]` → `stages[0].countersign_units`
    → `stages[0]` …) down to the entry's row in the main sheet.
    """

    entry: Location
    cells: dict[str, Location] = field(default_factory=dict)

    def locate(self, path: str) -> Location:
        while path:
            if path in self.cells:
                return self.cells[path]
            if path.endswith("]"):
                path = _LAST_INDEX.sub("", path)
            elif "." in path:
                path = path.rsplit(".", 1)[0]
            else:
                break
        return self.entry


class ProblemList:
    """Problems in the order found, at most one per cell (a cell that could not be read is not
    reported again by the document validation)."""

    def __init__(self) -> None:
        self.items: list[ImportProblem] = []
        self._cells: set[Location] = set()

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def add(self, location: Location, message: str) -> None:
        if location.column and location in self._cells:
            return
        self._cells.add(location)
        self.items.append(ImportProblem.at(location, message))

    def add_details(self, source: SourceMap, details: Any, fallback: str) -> None:
        """Problems of a service error (`details` = [{"field", "message"}]) at the cells they name."""
        if not isinstance(details, list) or not details:
            self.add(source.entry, fallback)
            return
        for detail in details:
            path = str(detail.get("field", "")) if isinstance(detail, dict) else ""
            message = str(detail.get("message", fallback)) if isinstance(detail, dict) else fallback
            self.add(source.locate(path), message)
