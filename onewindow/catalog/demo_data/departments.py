"""The departments of 示范县 as the published lists see them, and the codes the lists derive from them.

Departments are those of the demo county (`onewindow.demo.county`): the lists refer to them by
name and to their units by name. A department's unified social credit code (统一社会信用代码) is
the prefix of its items' implementation codes, and its serial the department segment of its
power and item codes.
"""

from dataclasses import dataclass

from onewindow.catalog.choices import PowerCategory
from onewindow.demo.county import DEPARTMENTS_BY_KEY, DepartmentSpec

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
    """A department as the lists see it: the demo county's department `key`, its usual unit and window.

    Name, phone, serial and unified social credit code (统一社会信用代码) come from the demo county
    itself, so the lists always name departments exactly as they are loaded.
    """

    key: str
    unit: str  # the unit that reviews most of the department's items
    window: str  # where most of its items are applied for

    @property
    def spec(self) -> DepartmentSpec:
        return DEPARTMENTS_BY_KEY[self.key]

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def phone(self) -> str:
        return self.spec.phone

    @property
    def uscc(self) -> str:
        return self.spec.uscc

    def code(self, category: str, main: int, sub: int = 0) -> str:
        """The 12-digit code of a power (and basic code of its item): category, department, main item, sub-item."""
        return f"{CATEGORY_CODES[PowerCategory(category)]}{self.spec.serial:03d}{main:04d}{sub:03d}"


APPROVAL = Dept("approval", "政务服务管理股", SOCIAL_WINDOW)
DEVELOPMENT = Dept("development", "投资股", PROJECT_WINDOW)
EDUCATION = Dept("education", "基础教育股", SOCIAL_WINDOW)
POLICE = Dept("police", "户政管理大队", HOUSEHOLD_WINDOW)
CIVIL_AFFAIRS = Dept("civil_affairs", "社会救助股", TOWNSHIP_WINDOW)
JUSTICE = Dept("justice", "公共法律服务管理股", SOCIAL_WINDOW)
FINANCE = Dept("finance", "预算股", SOCIAL_WINDOW)
HUMAN_RESOURCES = Dept("human_resources", "社会保险事业管理中心", SOCIAL_SECURITY_WINDOW)
NATURAL_RESOURCES = Dept("natural_resources", "国土空间规划股", PROJECT_WINDOW)
REAL_ESTATE = Dept("real_estate", "登记受理股", REAL_ESTATE_WINDOW)
ECOLOGY = Dept("ecology", "环境影响评价股", PROJECT_WINDOW)
HOUSING = Dept("housing", "建筑市场管理股", PROJECT_WINDOW)
TRANSPORT = Dept("transport", "运输管理股", ENTERPRISE_WINDOW)
WATER = Dept("water", "水资源管理股", PROJECT_WINDOW)
AGRICULTURE = Dept("agriculture", "种植业管理股", ENTERPRISE_WINDOW)
COMMERCE = Dept("commerce", "市场运行股", ENTERPRISE_WINDOW)
CULTURE_TOURISM = Dept("culture_tourism", "文化艺术股", ENTERPRISE_WINDOW)
HEALTH = Dept("health", "医政医管股", SOCIAL_WINDOW)
VETERANS = Dept("veterans", "优抚安置股", SOCIAL_WINDOW)
EMERGENCY = Dept("emergency", "危险化学品安全监管股", ENTERPRISE_WINDOW)
MARKET = Dept("market", "行政审批科", ENTERPRISE_WINDOW)
MEDICAL_INSURANCE = Dept("medical_insurance", "待遇保障股", MEDICAL_INSURANCE_WINDOW)
FORESTRY = Dept("forestry", "森林资源管理股", PROJECT_WINDOW)
CITY_MANAGEMENT = Dept("city_management", "市容环境卫生管理股", PROJECT_WINDOW)
TAX = Dept("tax", "纳税服务股", TAX_WINDOW)
FIRE = Dept("fire", "防火监督科", ENTERPRISE_WINDOW)
TOBACCO = Dept("tobacco", "许可证管理股", ENTERPRISE_WINDOW)
STATISTICS = Dept("statistics", "统计执法监督股", SOCIAL_WINDOW)

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
