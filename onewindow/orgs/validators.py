"""Validation of region codes against their level and parent."""

import re

from django.core.exceptions import ValidationError

from onewindow.orgs.choices import PREFIX_LENGTH, RegionLevel

_CODE_LENGTH = {
    RegionLevel.PROVINCE: 6,
    RegionLevel.CITY: 6,
    RegionLevel.COUNTY: 6,
    RegionLevel.TOWNSHIP: 9,
    RegionLevel.VILLAGE: 12,
}
_PARENT_LEVEL = {
    RegionLevel.CITY: RegionLevel.PROVINCE,
    RegionLevel.COUNTY: RegionLevel.CITY,
    RegionLevel.TOWNSHIP: RegionLevel.COUNTY,
    RegionLevel.VILLAGE: RegionLevel.TOWNSHIP,
}


def validate_region_code(code: str, level: str, parent: object | None) -> None:
    """Raise ValidationError unless `code` is well-formed for `level` and lies under `parent`."""
    try:
        region_level = RegionLevel(level)
    except ValueError:
        raise ValidationError({"level": "区划层级无效。"}) from None
    length = _CODE_LENGTH[region_level]
    if not re.fullmatch(rf"\d{{{length}}}", code or ""):
        raise ValidationError({"code": f"{region_level.label}级区划代码应为{length}位数字。"})
    significant = PREFIX_LENGTH[region_level]
    if length == 6 and code[significant:] != "0" * (6 - significant):
        raise ValidationError({"code": f"{region_level.label}级区划代码后{6 - significant}位应为0。"})
    if code[:significant].endswith("00") and region_level != RegionLevel.PROVINCE and length == 6:
        raise ValidationError({"code": "区划代码的本级代码不能为00。"})
    expected_parent = _PARENT_LEVEL.get(region_level)
    if expected_parent is None:
        if parent is not None:
            raise ValidationError({"parent": "省级区划没有上级区划。"})
        return
    if parent is None:
        raise ValidationError({"parent": f"{region_level.label}级区划必须指定上级区划。"})
    if getattr(parent, "level", None) != expected_parent:
        raise ValidationError({"parent": f"{region_level.label}级区划的上级应为{expected_parent.label}级。"})
    if not code.startswith(parent.prefix):  # type: ignore[attr-defined]
        raise ValidationError({"code": f"区划代码应以上级区划的代码前缀 {parent.prefix} 开头。"})  # type: ignore[attr-defined]
