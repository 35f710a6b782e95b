"""Reading and checking documents: problems with field paths, typed readers, natural-key lookups."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from onewindow.common.errors import InvalidInput
from onewindow.licenses.models import LicenseType
from onewindow.orgs.models import Department, Region, Unit

FORM_FIELD_TYPES = ("text", "textarea", "number", "date", "choice", "boolean")
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_CODE = re.compile(r"^[0-9A-Za-z_.-]{1,64}$")


@dataclass
class Problems:
    """Problems found in one document, each as (field path, Chinese message)."""

    items: list[dict[str, str]] = field(default_factory=list)

    def add(self, path: str, message: str) -> None:
        self.items.append({"field": path, "message": message})

    def raise_if_any(self, code: str = "invalid_document") -> None:
        if self.items:
            summary = "; ".join(f"{p['field']}: {p['message']}" for p in self.items[:5])
            raise InvalidInput(_("清单内容有误:") + summary, code=code, details=self.items)


class Reader:
    """Reads typed values out of a document, recording problems instead of raising."""

    def __init__(self, doc: Any, problems: Problems, prefix: str = "") -> None:
        self.doc = doc if isinstance(doc, dict) else {}
        self.problems = problems
        self.prefix = prefix
        if not isinstance(doc, dict):
            problems.add(prefix or "document", _("应为对象。"))

    def path(self, key: str) -> str:
        return f"{self.prefix}.{key}" if self.prefix else key

    def text(self, key: str, *, required: bool = True, max_length: int = 10000) -> str:
        value = self.doc.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            value = str(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
            if value is None:
                self.problems.add(self.path(key), _("应为文本。"))
                return ""
        value = value.strip()
        if required and not value:
            self.problems.add(self.path(key), _("不能为空。"))
        elif len(value) > max_length:
            self.problems.add(self.path(key), _("不能超过%(n)d个字符。") % {"n": max_length})
        return value

    def integer(self, key: str, *, minimum: int = 0, maximum: int = 10000) -> int:
        value = self.doc.get(key)
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value.strip())
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            self.problems.add(self.path(key), _("应为整数。"))
            return minimum
        if not minimum <= value <= maximum:
            self.problems.add(self.path(key), _("应在%(a)d到%(b)d之间。") % {"a": minimum, "b": maximum})
        return value

    def boolean(self, key: str, *, default: bool = False) -> bool:
        value = self.doc.get(key, default)
        if isinstance(value, str):
            lowered = value.strip().lower()
            if lowered in ("是", "true", "1", "yes", "y"):
                return True
            if lowered in ("否", "false", "0", "no", "n", ""):
                return False
        if not isinstance(value, bool):
            self.problems.add(self.path(key), _("应为是或否。"))
            return default
        return value

    def choice(self, key: str, choices: Any, *, required: bool = True) -> str:
        value = self.doc.get(key, "")
        valid = {str(c.value) for c in choices}
        labels = {str(c.label): str(c.value) for c in choices}
        if isinstance(value, str) and value in labels:
            return labels[value]
        if value in ("", None) and not required:
            return ""
        if str(value) not in valid:
            self.problems.add(
                self.path(key), _("取值“%(v)s”无效,应为:%(c)s。") % {"v": value, "c": "、".join(str(c.label) for c in choices)}
            )
            return ""
        return str(value)

    def rows(self, key: str) -> list[Any]:
        value = self.doc.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.problems.add(self.path(key), _("应为列表。"))
            return []
        return value

    def strings(self, key: str) -> list[str]:
        values = self.rows(key)
        out = []
        for index, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                self.problems.add(f"{self.path(key)}[{index}]", _("应为非空文本。"))
            else:
                out.append(value.strip())
        return out


class References:
    """Looks up the objects a region's documents refer to by natural key, with one query per kind."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self._departments: dict[str, Department] | None = None
        self._units: dict[tuple[int, str], Unit] | None = None
        self._license_types: dict[str, LicenseType] | None = None
        self._lookups: dict[str, dict[Any, Any]] = {}

    @property
    def departments(self) -> dict[str, Department]:
        if self._departments is None:
            rows = Department.objects.filter(region__code__startswith=self.region.prefix).select_related("region")
            self._departments = {d.name: d for d in rows}
        return self._departments

    def unit(self, department: Department, name: str) -> Unit | None:
        if self._units is None:
            rows = Unit.objects.filter(department__region__code__startswith=self.region.prefix)
            self._units = {(u.department_id, u.name): u for u in rows}
        return self._units.get((department.pk, name))

    @property
    def license_types(self) -> dict[str, LicenseType]:
        if self._license_types is None:
            self._license_types = {t.code: t for t in LicenseType.objects.filter(is_active=True)}
        return self._license_types

    def find(self, kind: str, key: Any) -> Any:
        """The catalog object of `kind` ("power", "theme", "intermediary", "fee") with natural key
        `key`, or None; each key is looked up once per References (an import reuses one)."""
        from onewindow.catalog.models import FeeEntry, IntermediaryService, PowerItem, Theme

        cache = self._lookups.setdefault(kind, {})
        if key not in cache:
            prefix = self.region.prefix
            rows: QuerySet[Any]
            if kind == "power":
                region_id, code = key
                rows = PowerItem.objects.filter(department__region_id=region_id, code=code)
            elif kind == "theme":
                rows = Theme.objects.filter(code=key)
            elif kind == "intermediary":
                rows = IntermediaryService.objects.filter(region=self.region, code=key, current__isnull=False)
            else:
                rows = FeeEntry.objects.filter(department__region__code__startswith=prefix, code=key)
            cache[key] = rows.first()
        return cache[key]

    def department(self, reader: Reader, key: str) -> Department | None:
        name = reader.text(key, max_length=100)
        if not name:
            return None
        department = self.departments.get(name)
        if department is None:
            reader.problems.add(reader.path(key), _("部门“%(n)s”不存在。") % {"n": name})
        return department

    def license_type(self, reader: Reader, key: str) -> LicenseType | None:
        code = reader.text(key, required=False, max_length=64)
        if not code:
            return None
        found = self.license_types.get(code)
        if found is None:
            reader.problems.add(reader.path(key), _("证照类型“%(c)s”不在证照目录中。") % {"c": code})
        return found


def check_code(reader: Reader, key: str, pattern: str | None = None, *, label: str) -> str:
    code = reader.text(key, max_length=64)
    if code and not re.fullmatch(pattern or _CODE.pattern, code):
        reader.problems.add(reader.path(key), _("%(label)s“%(c)s”格式不正确。") % {"label": label, "c": code})
    return code


def basic_code_pattern() -> str:
    return settings.ITEM_BASIC_CODE_PATTERN


def implementation_code_pattern() -> str:
    return settings.ITEM_IMPLEMENTATION_CODE_PATTERN
