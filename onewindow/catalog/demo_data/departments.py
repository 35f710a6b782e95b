"""The departments of 示范县 as the published lists name them, with the codes the lists derive from them.

Names, serials and units are those of the demo county (`onewindow.demo.county`); the lists refer
to departments by name and to units by name within the department. Each department's unified
social credit code (统一社会信用代码) is the prefix of its items' implementation codes, and its
serial is the department segment of its power and item codes.
"""

from dataclasses import dataclass

from stdnum.cn import uscc as uscc_check

from onewindow.catalog.choices import PowerCategory

COUNTY_CODE = "990123"
COUNTY_NAME = "示范县"

# 事项类型代码: the first two digits of a power code (and of the basic code of its service item).
CATEGORY_CODES = {
    PowerCategory.LICENSING: "01",
    PowerCategory.PENALTY: "02",
    PowerCategory.COERCION: "03",
    PowerCategory.LEVY: "04",
    PowerCategory.BENEFIT: "05",
    PowerCategory.INSPECTION: "06",
    PowerCategory.CONFIRMATION: "07",
    PowerCategory.REWARD: "08",
    PowerCategory.ADJUDICATION: "09",
    PowerCategory.OTHER: "10",
    PowerCategory.FILING: "11",
    PowerCategory.PUBLIC_SERVICE: "20",
}

# Where the public goes (the demo county's halls).
HOURS = "周一至周五 上午9:00-12:00 下午13:30-17:30(法定节假日除外)"
TOWNSHIP_HOURS = "周一至周五 上午8:30-12:00 下午14:00-17:30(法定节假日除外)"
CENTER = "示范县政务服务中心(迎宾大道88号)"
ENTERPRISE_WINDOW = f"{CENTER}一楼A01-A04无差别综合受理窗口(企业开办)"
PROJECT_WINDOW = f"{CENTER}一楼A05-A07无差别综合受理窗口(投资项目和工程建设)"
SOCIAL_WINDOW = f"{CENTER}一楼A08-A10无差别综合受理窗口(社会事务)"
HOUSEHOLD_WINDOW = f"{CENTER}B01户籍业务窗口;城关镇便民服务中心户籍业务窗口(城关派出所);各派出所户籍窗口"
EXIT_ENTRY_WINDOW = "示范县公安出入境和车驾管分中心(迎宾大道120号)出入境证件受理窗口"
VEHICLE_WINDOW = "示范县公安出入境和车驾管分中心(迎宾大道120号)机动车登记窗口、驾驶证业务窗口"
SOCIAL_SECURITY_WINDOW = "示范县社保医保分中心(人民路56号)社会保险业务窗口;各乡镇便民服务中心社保医保民政代办窗口"
MEDICAL_INSURANCE_WINDOW = f"{CENTER}B05医疗保障业务窗口;示范县社保医保分中心医疗保障业务窗口;各乡镇便民服务中心社保医保民政代办窗口"
REAL_ESTATE_WINDOW = "示范县不动产登记分中心(建设路16号)不动产登记受理窗口"
TAX_WINDOW = f"{CENTER}B02-B03税务综合服务窗口"
TOWNSHIP_WINDOW = f"{SOCIAL_WINDOW};户籍所在地乡镇便民服务中心综合受理窗口"


@dataclass(frozen=True)
class Dept:
    """A department as the lists see it: name, serial (code segment), phone, usual unit and window."""

    key: str
    name: str
    serial: int
    phone: str
    unit: str  # the unit that reviews most of the department's items
    window: str  # where most of its items are applied for
    org_type: str = "11"  # 11 机关, 12 事业单位

    @property
    def uscc(self) -> str:
        """The department's 统一社会信用代码 (GB 32100, check character included)."""
        base = f"{self.org_type}{COUNTY_CODE}MB{self.serial:07d}"
        return base + uscc_check.calc_check_digit(base)

    def code(self, category: str, main: int, sub: int = 0) -> str:
        """The 12-digit code of a power (and basic code of its item): category, department, main item, sub-item."""
        return f"{CATEGORY_CODES[PowerCategory(category)]}{self.serial:03d}{main:04d}{sub:03d}"


APPROVAL = Dept("approval", "示范县行政审批服务局", 101, "0399-6612345", "政务服务管理股", SOCIAL_WINDOW)
DEVELOPMENT = Dept("development", "示范县发展和改革局", 102, "0399-6621001", "投资股", PROJECT_WINDOW)
EDUCATION = Dept("education", "示范县教育局", 103, "0399-6621102", "基础教育股", SOCIAL_WINDOW)
POLICE = Dept("police", "示范县公安局", 104, "0399-6621110", "户政管理大队", HOUSEHOLD_WINDOW)
CIVIL_AFFAIRS = Dept("civil_affairs", "示范县民政局", 105, "0399-6621203", "社会救助股", TOWNSHIP_WINDOW)
JUSTICE = Dept("justice", "示范县司法局", 106, "0399-6621148", "公共法律服务管理股", SOCIAL_WINDOW)
FINANCE = Dept("finance", "示范县财政局", 107, "0399-6621306", "预算股", SOCIAL_WINDOW)
HUMAN_RESOURCES = Dept("human_resources", "示范县人力资源和社会保障局", 108, "0399-6612333", "社会保险事业管理中心", SOCIAL_SECURITY_WINDOW)
NATURAL_RESOURCES = Dept("natural_resources", "示范县自然资源局", 109, "0399-6621408", "国土空间规划股", PROJECT_WINDOW)
REAL_ESTATE = Dept("real_estate", "示范县不动产登记中心", 110, "0399-6621418", "登记受理股", REAL_ESTATE_WINDOW, org_type="12")
ECOLOGY = Dept("ecology", "示范市生态环境局示范县分局", 111, "0399-6612369", "环境影响评价股", PROJECT_WINDOW)
HOUSING = Dept("housing", "示范县住房和城乡建设局", 112, "0399-6621512", "建筑市场管理股", PROJECT_WINDOW)
TRANSPORT = Dept("transport", "示范县交通运输局", 113, "0399-6621620", "运输管理股", ENTERPRISE_WINDOW)
WATER = Dept("water", "示范县水利局", 114, "0399-6621718", "水资源管理股", PROJECT_WINDOW)
AGRICULTURE = Dept("agriculture", "示范县农业农村局", 115, "0399-6621815", "种植业管理股", ENTERPRISE_WINDOW)
COMMERCE = Dept("commerce", "示范县商务局", 116, "0399-6621906", "市场运行股", ENTERPRISE_WINDOW)
CULTURE_TOURISM = Dept("culture_tourism", "示范县文化和旅游局", 117, "0399-6622011", "文化艺术股", ENTERPRISE_WINDOW)
HEALTH = Dept("health", "示范县卫生健康局", 118, "0399-6622120", "医政医管股", SOCIAL_WINDOW)
VETERANS = Dept("veterans", "示范县退役军人事务局", 119, "0399-6622218", "优抚安置股", SOCIAL_WINDOW)
EMERGENCY = Dept("emergency", "示范县应急管理局", 120, "0399-6622350", "危险化学品安全监管股", ENTERPRISE_WINDOW)
MARKET = Dept("market", "示范县市场监督管理局", 121, "0399-6612315", "行政审批科", ENTERPRISE_WINDOW)
MEDICAL_INSURANCE = Dept("medical_insurance", "示范县医疗保障局", 122, "0399-6622412", "待遇保障股", MEDICAL_INSURANCE_WINDOW)
FORESTRY = Dept("forestry", "示范县林业局", 123, "0399-6622510", "森林资源管理股", PROJECT_WINDOW)
CITY_MANAGEMENT = Dept("city_management", "示范县城市管理行政执法局", 124, "0399-6612319", "市容环境卫生管理股", PROJECT_WINDOW)
TAX = Dept("tax", "国家税务总局示范县税务局", 125, "0399-6612366", "纳税服务股", TAX_WINDOW)
FIRE = Dept("fire", "示范县消防救援大队", 126, "0399-6622119", "防火监督科", ENTERPRISE_WINDOW)
TOBACCO = Dept("tobacco", "示范县烟草专卖局", 127, "0399-6622601", "许可证管理股", ENTERPRISE_WINDOW)
STATISTICS = Dept("statistics", "示范县统计局", 128, "0399-6622708", "统计执法监督股", SOCIAL_WINDOW)

DEPARTMENTS: list[Dept] = [
    APPROVAL,
    DEVELOPMENT,
    EDUCATION,
    POLICE,
    CIVIL_AFFAIRS,
    JUSTICE,
    FINANCE,
    HUMAN_RESOURCES,
    NATURAL_RESOURCES,
    REAL_ESTATE,
    ECOLOGY,
    HOUSING,
    TRANSPORT,
    WATER,
    AGRICULTURE,
    COMMERCE,
    CULTURE_TOURISM,
    HEALTH,
    VETERANS,
    EMERGENCY,
    MARKET,
    MEDICAL_INSURANCE,
    FORESTRY,
    CITY_MANAGEMENT,
    TAX,
    FIRE,
    TOBACCO,
    STATISTICS,
]

# Units the items name, by department: the demo county's units (a test checks they exist there).
UNITS: dict[str, tuple[str, ...]] = {
    APPROVAL.name: ("办公室", "政务服务管理股", "综合受理股", "投资项目审批股", "政务服务中心管理办公室"),
    DEVELOPMENT.name: ("办公室", "投资股", "价格管理股", "能源股", "行政审批股"),
    EDUCATION.name: ("办公室", "基础教育股", "民办教育管理股", "学生资助管理中心"),
    POLICE.name: ("办公室", "治安管理大队", "户政管理大队", "出入境管理大队", "交通警察大队"),
    CIVIL_AFFAIRS.name: ("办公室", "社会救助股", "社会事务股", "养老服务股", "婚姻登记处"),
    JUSTICE.name: ("办公室", "公共法律服务管理股", "律师公证管理股", "行政执法协调监督股"),
    FINANCE.name: ("办公室", "预算股", "国库支付中心", "非税收入管理股"),
    HUMAN_RESOURCES.name: ("办公室", "就业促进股", "人才开发股", "社会保险事业管理中心", "劳动保障监察大队"),
    NATURAL_RESOURCES.name: ("办公室", "国土空间规划股", "耕地保护监督股", "地籍管理股", "自然资源执法监察大队"),
    REAL_ESTATE.name: ("综合股", "登记受理股", "权籍调查股", "档案信息股"),
    ECOLOGY.name: ("办公室", "环境影响评价股", "污染防治股", "生态环境保护综合行政执法大队"),
    HOUSING.name: ("办公室", "建筑市场管理股", "房地产市场监管股", "城乡建设股", "建设工程质量安全监督站"),
    TRANSPORT.name: ("办公室", "运输管理股", "公路管理股", "交通运输综合行政执法大队"),
    WATER.name: ("办公室", "水资源管理股", "水土保持股", "河湖管理股"),
    AGRICULTURE.name: ("办公室", "农村经营管理股", "种植业管理股", "畜牧兽医股", "农业综合行政执法大队"),
    COMMERCE.name: ("办公室", "市场运行股", "对外贸易股", "电子商务股"),
    CULTURE_TOURISM.name: ("办公室", "文化艺术股", "旅游发展股", "文化市场综合行政执法大队"),
    HEALTH.name: ("办公室", "医政医管股", "公共卫生股", "人口监测与家庭发展股", "卫生健康综合监督执法大队"),
    VETERANS.name: ("办公室", "优抚安置股", "退役军人服务中心"),
    EMERGENCY.name: ("办公室", "安全生产综合股", "危险化学品安全监管股", "防灾减灾救灾股", "应急管理综合行政执法大队"),
    MARKET.name: ("办公室", "登记注册科", "食品经营监管股", "药品医疗器械监管股", "行政审批科", "执法大队"),
    MEDICAL_INSURANCE.name: ("办公室", "待遇保障股", "医药服务管理股", "医疗保障事务中心"),
    FORESTRY.name: ("办公室", "森林资源管理股", "造林绿化股", "森林防火办公室"),
    CITY_MANAGEMENT.name: ("办公室", "市容环境卫生管理股", "市政公用股", "城市管理综合执法大队"),
    TAX.name: ("办公室", "纳税服务股", "征收管理股", "社会保险费和非税收入股", "第一税务分局"),
    FIRE.name: ("综合室", "防火监督科", "指挥中心"),
    TOBACCO.name: ("办公室", "专卖管理股", "许可证管理股"),
    STATISTICS.name: ("办公室", "综合核算股", "统计执法监督股"),
}
