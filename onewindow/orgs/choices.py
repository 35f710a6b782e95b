from django.db import models


class RegionLevel(models.TextChoices):
    """Administrative level; the code's significant prefix length follows from it."""

    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县"
    TOWNSHIP = "township", "乡"
    VILLAGE = "village", "村"


# Significant digits of the code at each level (GB/T 2260 for 省市县: 2/4/6 digits followed by
# zeros; the statistical division code extends it to 9 digits for 乡 and 12 for 村).
PREFIX_LENGTH = {
    RegionLevel.PROVINCE: 2,
    RegionLevel.CITY: 4,
    RegionLevel.COUNTY: 6,
    RegionLevel.TOWNSHIP: 9,
    RegionLevel.VILLAGE: 12,
}


class HallKind(models.TextChoices):
    CENTER = "center", "政务服务中心"
    SUB_CENTER = "sub_center", "分中心"
    TOWNSHIP = "township", "乡镇便民服务中心"
    VILLAGE = "village", "村代办点"


class WindowKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", "无差别综合窗口"
    DEPARTMENTAL = "departmental", "部门窗口"
    DELIVERY = "delivery", "统一出件窗口"
