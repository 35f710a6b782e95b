"""示范县's service halls: the county 政务服务中心, its sub-centers, a 便民服务中心 in every town and
代办点 in some villages, each with its windows."""

from dataclasses import dataclass

from onewindow.demo.county import COUNTY_CODE, TOWNSHIPS
from onewindow.orgs.choices import HallKind, WindowKind

CENTER_HOURS = "周一至周五 上午9:00-12:00 下午13:30-17:30;周六上午9:00-12:00延时服务(企业开办、社保医保、不动产登记等高频事项)"
SUB_CENTER_HOURS = "周一至周五 上午9:00-12:00 下午13:30-17:30"
TOWNSHIP_HOURS = "周一至周五 上午8:30-12:00 下午14:00-17:30"
VILLAGE_HOURS = "周一至周五 上午8:30-11:30 下午14:30-17:00(村干部轮流值守)"


@dataclass(frozen=True)
class WindowSpec:
    number: str
    name: str
    kind: WindowKind
    department: str | None = None  # a DepartmentSpec key, for departmental windows


@dataclass(frozen=True)
class HallSpec:
    """A hall; `key` names it for the accounts (a clerk's window) and for the parent link."""

    key: str
    name: str
    kind: HallKind
    region_code: str
    address: str
    hours: str
    phone: str = ""
    parent: str | None = None
    windows: tuple[WindowSpec, ...] = ()


def _comprehensive(number: str, name: str) -> WindowSpec:
    return WindowSpec(number, name, WindowKind.COMPREHENSIVE)


def _departmental(number: str, name: str, department: str) -> WindowSpec:
    return WindowSpec(number, name, WindowKind.DEPARTMENTAL, department)


CENTER = HallSpec(
    key="center",
    name="示范县政务服务中心",
    kind=HallKind.CENTER,
    region_code=COUNTY_CODE,
    address="示范县迎宾大道88号",
    hours=CENTER_HOURS,
    phone="0399-6612345",
    windows=(
        *(_comprehensive(f"A{n:02d}", "无差别综合受理窗口(企业开办)") for n in range(1, 5)),
        *(_comprehensive(f"A{n:02d}", "无差别综合受理窗口(投资项目和工程建设)") for n in range(5, 8)),
        *(_comprehensive(f"A{n:02d}", "无差别综合受理窗口(社会事务)") for n in range(8, 11)),
        _departmental("B01", "户籍业务窗口", "police"),
        _departmental("B02", "税务综合服务窗口", "tax"),
        _departmental("B03", "税务综合服务窗口", "tax"),
        _departmental("B04", "社会保险业务窗口", "human_resources"),
        _departmental("B05", "医疗保障业务窗口", "medical_insurance"),
        _departmental("B06", "不动产登记窗口", "real_estate"),
        WindowSpec("C01", "统一出件窗口", WindowKind.DELIVERY),
        WindowSpec("C02", "统一出件窗口(邮寄送达)", WindowKind.DELIVERY),
    ),
)

SUB_CENTERS = [
    HallSpec(
        key="real_estate",
        name="示范县不动产登记分中心",
        kind=HallKind.SUB_CENTER,
        region_code=COUNTY_CODE,
        address="示范县建设路16号",
        hours=SUB_CENTER_HOURS,
        phone="0399-6621418",
        parent="center",
        windows=(
            *(_departmental(f"0{n}", "不动产登记受理窗口", "real_estate") for n in range(1, 4)),
            _departmental("04", "交易税费缴纳窗口", "tax"),
            WindowSpec("05", "不动产权证书发放窗口", WindowKind.DELIVERY),
        ),
    ),
    HallSpec(
        key="police",
        name="示范县公安出入境和车驾管分中心",
        kind=HallKind.SUB_CENTER,
        region_code=COUNTY_CODE,
        address="示范县迎宾大道120号",
        hours=SUB_CENTER_HOURS,
        phone="0399-6621110",
        parent="center",
        windows=(
            _departmental("01", "出入境证件受理窗口", "police"),
            _departmental("02", "出入境证件受理窗口", "police"),
            _departmental("03", "机动车登记窗口", "police"),
            _departmental("04", "驾驶证业务窗口", "police"),
        ),
    ),
    HallSpec(
        key="social_security",
        name="示范县社保医保分中心",
        kind=HallKind.SUB_CENTER,
        region_code=COUNTY_CODE,
        address="示范县人民路56号",
        hours=SUB_CENTER_HOURS,
        phone="0399-6612333",
        parent="center",
        windows=(
            _departmental("01", "社会保险参保登记窗口", "human_resources"),
            _departmental("02", "社会保险待遇窗口", "human_resources"),
            _departmental("03", "医疗保障业务窗口", "medical_insurance"),
        ),
    ),
]

_TOWN_STREETS = [
    "府前街1号",
    "东关大街18号",
    "西河路6号",
    "南山路2号",
    "北坡街9号",
    "柳林大道11号",
    "马庄街3号",
    "白塔路5号",
    "青石街8号",
    "岭上路1号",
]


def _township_hall(code: str, name: str, street: str) -> HallSpec:
    windows = [_comprehensive("01", "综合受理窗口"), _comprehensive("02", "社保医保民政代办窗口")]
    if code == "990123001":  # the seat town's police station also takes 户籍 applications here
        windows.append(_departmental("03", "户籍业务窗口(城关派出所)", "police"))
    return HallSpec(
        key=code,
        name=f"{name}便民服务中心",
        kind=HallKind.TOWNSHIP,
        region_code=code,
        address=f"示范县{name}{street}",
        hours=TOWNSHIP_HOURS,
        phone=f"0399-66{int(code[-3:]):02d}800",
        parent="center",
        windows=tuple(windows),
    )


def _village_point(town_code: str, village_code: str, village: str) -> HallSpec:
    return HallSpec(
        key=village_code,
        name=f"{village}代办点",
        kind=HallKind.VILLAGE,
        region_code=village_code,
        address=f"{village}党群服务中心",
        hours=VILLAGE_HOURS,
        parent=town_code,
        windows=(_comprehensive("01", "代办窗口"),),
    )


TOWNSHIP_HALLS = [_township_hall(code, name, street) for (code, name, _), street in zip(TOWNSHIPS, _TOWN_STREETS, strict=True)]

# A 代办点 in the first 村 (not 社区) of each town with at least three villages and communities.
VILLAGE_POINTS = [
    _village_point(code, f"{code}{suffix}", village)
    for code, _, villages in TOWNSHIPS
    if len(villages) >= 3
    for suffix, village in [next(entry for entry in villages if entry[0] >= "200")]
]

# Parents before children: the loader creates them in this order.
HALLS: list[HallSpec] = [CENTER, *SUB_CENTERS, *TOWNSHIP_HALLS, *VILLAGE_POINTS]
