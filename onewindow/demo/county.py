"""The fictional 示范县 of 示范市, 示范省: its towns and villages, and its departments with their units.

Codes use the unassigned province code 99 so they can never collide with a real division:
省/市/县 six digits (GB/T 2260), 乡镇 nine digits, 村/社区 twelve digits (statistical division
code: 001–199 居民委员会, 200–399 村民委员会).
"""

from dataclasses import dataclass, field

from onewindow.demo.identifiers import government_uscc

PROVINCE = ("990000", "示范省")
CITY = ("990100", "示范市")
COUNTY = ("990123", "示范县")
COUNTY_CODE = COUNTY[0]

# (code, name, [(village code suffix, name), ...])
TOWNSHIPS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("990123001", "城关镇", [("001", "东街社区"), ("002", "西街社区"), ("003", "南关社区"), ("201", "北关村")]),
    ("990123002", "东关镇", [("001", "东关社区"), ("201", "小王庄村"), ("202", "柳树沟村")]),
    ("990123003", "西河乡", [("201", "西河村"), ("202", "河湾村"), ("203", "石桥村")]),
    ("990123004", "南山镇", [("001", "南山社区"), ("201", "石门村"), ("202", "枣树岭村")]),
    ("990123005", "北坡乡", [("201", "北坡村"), ("202", "杨家坪村")]),
    ("990123006", "柳林镇", [("001", "柳林社区"), ("201", "前柳村"), ("202", "后柳村"), ("203", "杏花村")]),
    ("990123007", "马庄乡", [("201", "马庄村"), ("202", "李家洼村"), ("203", "新庄村")]),
    ("990123008", "白塔镇", [("001", "白塔社区"), ("201", "塔西村"), ("202", "塔东村")]),
    ("990123009", "青石乡", [("201", "青石村"), ("202", "龙泉村")]),
    ("990123010", "黄土岭乡", [("201", "黄土岭村"), ("202", "三道沟村"), ("203", "羊角湾村")]),
]


# Demo organization codes are MB1230101, MB1230102 …: far above the serials the test factories
# use (MB0000001 …), so loading the demo on top of test data never collides.
USCC_SERIAL_BASE = 1_230_000


@dataclass(frozen=True)
class UnitSpec:
    name: str
    duties: str = ""


@dataclass(frozen=True)
class DepartmentSpec:
    """A county department; `key` names it for the other demo data (halls, accounts, later catalogs)."""

    key: str
    name: str
    short_name: str
    serial: int
    phone: str
    address: str
    units: tuple[UnitSpec, ...]
    org_type: str = "11"  # 11 机关; 12 事业单位
    uscc: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "uscc", government_uscc(COUNTY_CODE, USCC_SERIAL_BASE + self.serial, self.org_type))


def _units(*names: str | tuple[str, str]) -> tuple[UnitSpec, ...]:
    return tuple(UnitSpec(*name) if isinstance(name, tuple) else UnitSpec(name) for name in names)


GOV_ADDRESS = "示范县政通路1号县行政中心"

DEPARTMENTS: list[DepartmentSpec] = [
    DepartmentSpec(
        "approval",
        "示范县行政审批服务局",
        "行政审批服务局",
        101,
        "0399-6612345",
        "示范县迎宾大道88号县政务服务中心",
        _units(
            ("办公室", "机关日常运转、文电、会务、督办等工作。"),
            ("政务服务管理股", "政务服务事项清单管理、标准化建设和“好差评”工作。"),
            ("综合受理股", "政务服务中心无差别综合窗口的受理和统一出件。"),
            ("投资项目审批股", "投资项目和工程建设项目审批服务。"),
            ("政务服务中心管理办公室", "政务服务中心、分中心及乡镇便民服务中心的运行管理和业务指导。"),
        ),
    ),
    DepartmentSpec(
        "development",
        "示范县发展和改革局",
        "发展改革局",
        102,
        "0399-6621001",
        GOV_ADDRESS,
        _units("办公室", "投资股", "价格管理股", "能源股", "行政审批股"),
    ),
    DepartmentSpec(
        "education",
        "示范县教育局",
        "教育局",
        103,
        "0399-6621102",
        "示范县文化路12号",
        _units("办公室", "基础教育股", "民办教育管理股", "学生资助管理中心"),
    ),
    DepartmentSpec(
        "police",
        "示范县公安局",
        "公安局",
        104,
        "0399-6621110",
        "示范县人民路20号",
        _units("办公室", "治安管理大队", "户政管理大队", "出入境管理大队", "交通警察大队"),
    ),
    DepartmentSpec(
        "civil_affairs",
        "示范县民政局",
        "民政局",
        105,
        "0399-6621203",
        GOV_ADDRESS,
        _units("办公室", "社会救助股", "社会事务股", "养老服务股", "婚姻登记处"),
    ),
    DepartmentSpec(
        "justice",
        "示范县司法局",
        "司法局",
        106,
        "0399-6621148",
        "示范县府前街6号",
        _units("办公室", "公共法律服务管理股", "律师公证管理股", "行政执法协调监督股"),
    ),
    DepartmentSpec(
        "finance", "示范县财政局", "财政局", 107, "0399-6621306", GOV_ADDRESS, _units("办公室", "预算股", "国库支付中心", "非税收入管理股")
    ),
    DepartmentSpec(
        "human_resources",
        "示范县人力资源和社会保障局",
        "人社局",
        108,
        "0399-6612333",
        "示范县人民路56号",
        _units("办公室", "就业促进股", "人才开发股", "社会保险事业管理中心", "劳动保障监察大队"),
    ),
    DepartmentSpec(
        "natural_resources",
        "示范县自然资源局",
        "自然资源局",
        109,
        "0399-6621408",
        "示范县建设路16号",
        _units("办公室", "国土空间规划股", "耕地保护监督股", "地籍管理股", "自然资源执法监察大队"),
    ),
    DepartmentSpec(
        "real_estate",
        "示范县不动产登记中心",
        "不动产登记中心",
        110,
        "0399-6621418",
        "示范县建设路16号",
        _units("综合股", "登记受理股", "权籍调查股", "档案信息股"),
        org_type="12",
    ),
    DepartmentSpec(
        "ecology",
        "示范市生态环境局示范县分局",
        "生态环境分局",
        111,
        "0399-6612369",
        "示范县北环路8号",
        _units("办公室", "环境影响评价股", "污染防治股", "生态环境保护综合行政执法大队"),
    ),
    DepartmentSpec(
        "housing",
        "示范县住房和城乡建设局",
        "住房城乡建设局",
        112,
        "0399-6621512",
        "示范县建设路28号",
        _units("办公室", "建筑市场管理股", "房地产市场监管股", "城乡建设股", "建设工程质量安全监督站"),
    ),
    DepartmentSpec(
        "transport",
        "示范县交通运输局",
        "交通运输局",
        113,
        "0399-6621620",
        "示范县迎宾大道166号",
        _units("办公室", "运输管理股", "公路管理股", "交通运输综合行政执法大队"),
    ),
    DepartmentSpec(
        "water",
        "示范县水利局",
        "水利局",
        114,
        "0399-6621718",
        "示范县滨河路3号",
        _units("办公室", "水资源管理股", "水土保持股", "河湖管理股"),
    ),
    DepartmentSpec(
        "agriculture",
        "示范县农业农村局",
        "农业农村局",
        115,
        "0399-6621815",
        "示范县南环路21号",
        _units("办公室", "农村经营管理股", "种植业管理股", "畜牧兽医股", "农业综合行政执法大队"),
    ),
    DepartmentSpec(
        "commerce", "示范县商务局", "商务局", 116, "0399-6621906", GOV_ADDRESS, _units("办公室", "市场运行股", "对外贸易股", "电子商务股")
    ),
    DepartmentSpec(
        "culture_tourism",
        "示范县文化和旅游局",
        "文化和旅游局",
        117,
        "0399-6622011",
        "示范县文化路9号",
        _units("办公室", "文化艺术股", "旅游发展股", "文化市场综合行政执法大队"),
    ),
    DepartmentSpec(
        "health",
        "示范县卫生健康局",
        "卫生健康局",
        118,
        "0399-6622120",
        "示范县健康路2号",
        _units("办公室", "医政医管股", "公共卫生股", "人口监测与家庭发展股", "卫生健康综合监督执法大队"),
    ),
    DepartmentSpec(
        "veterans",
        "示范县退役军人事务局",
        "退役军人事务局",
        119,
        "0399-6622218",
        GOV_ADDRESS,
        _units("办公室", "优抚安置股", "退役军人服务中心"),
    ),
    DepartmentSpec(
        "emergency",
        "示范县应急管理局",
        "应急管理局",
        120,
        "0399-6622350",
        "示范县北环路26号",
        _units("办公室", "安全生产综合股", "危险化学品安全监管股", "防灾减灾救灾股", "应急管理综合行政执法大队"),
    ),
    DepartmentSpec(
        "market",
        "示范县市场监督管理局",
        "市场监管局",
        121,
        "0399-6612315",
        "示范县人民路38号",
        _units(
            ("办公室", "机关日常运转、信息公开、政务服务协调。"),
            ("登记注册科", "各类市场主体登记注册和信息公示。"),
            ("食品经营监管股", "食品经营许可、食品经营环节监督检查。"),
            ("药品医疗器械监管股", "药品零售、医疗器械经营的许可、备案和监督检查。"),
            ("行政审批科", "市场监管领域行政许可事项的审查和决定。"),
            ("执法大队", "市场监管领域行政处罚案件查办和“双随机、一公开”抽查。"),
        ),
    ),
    DepartmentSpec(
        "medical_insurance",
        "示范县医疗保障局",
        "医保局",
        122,
        "0399-6622412",
        "示范县人民路56号",
        _units("办公室", "待遇保障股", "医药服务管理股", "医疗保障事务中心"),
    ),
    DepartmentSpec(
        "forestry",
        "示范县林业局",
        "林业局",
        123,
        "0399-6622510",
        "示范县南环路33号",
        _units("办公室", "森林资源管理股", "造林绿化股", "森林防火办公室"),
    ),
    DepartmentSpec(
        "city_management",
        "示范县城市管理行政执法局",
        "城市管理局",
        124,
        "0399-6612319",
        "示范县府前街15号",
        _units("办公室", "市容环境卫生管理股", "市政公用股", "城市管理综合执法大队"),
    ),
    DepartmentSpec(
        "tax",
        "国家税务总局示范县税务局",
        "税务局",
        125,
        "0399-6612366",
        "示范县迎宾大道102号",
        _units("办公室", "纳税服务股", "征收管理股", "社会保险费和非税收入股", "第一税务分局"),
    ),
    DepartmentSpec(
        "fire", "示范县消防救援大队", "消防救援大队", 126, "0399-6622119", "示范县北环路50号", _units("综合室", "防火监督科", "指挥中心")
    ),
    DepartmentSpec(
        "tobacco", "示范县烟草专卖局", "烟草专卖局", 127, "0399-6622601", "示范县东环路7号", _units("办公室", "专卖管理股", "许可证管理股")
    ),
    DepartmentSpec(
        "statistics", "示范县统计局", "统计局", 128, "0399-6622708", GOV_ADDRESS, _units("办公室", "综合核算股", "统计执法监督股")
    ),
]

DEPARTMENTS_BY_KEY = {spec.key: spec for spec in DEPARTMENTS}
