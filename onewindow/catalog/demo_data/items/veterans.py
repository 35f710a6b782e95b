"""示范县退役军人事务局: pensions and allowances of veterans and military families, preferential cards."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import HOUSEHOLD_REGISTER, ID_CARD, PHOTO, choice, date, material, optional, text
from onewindow.catalog.demo_data.powers import ALL_LEVELS, basis

lists = DepartmentLists(d.VETERANS)

SECURITY_LAW = basis("《中华人民共和国退役军人保障法》")
PENSION_RULES = basis("《军人抚恤优待条例》")
SERVICE_CENTER = "退役军人服务中心"
BANK_ACCOUNT = text("bank_account", "发放账号(社会保障卡金融账户)", max_length=30)

LUMP_SUM = lists.power(
    C.BENEFIT,
    1,
    "自主就业退役士兵一次性经济补助金给付",
    bases=[SECURITY_LAW, basis("《退役士兵安置条例》")],
    content="对退役后选择自主就业、回本县落户的退役士兵,按本县标准发放地方一次性经济补助金。",
    levels=ALL_LEVELS,
)
lists.guide(
    LUMP_SUM,
    audience=A.PERSON,
    themes=["jiuye-chuangye"],
    conditions="退役后选择自主就业并在本县落户的退役士兵,在规定时限内到县退役军人事务部门报到。",
    statutory=30,
    promised=15,
    materials=[ID_CARD, material("退出现役证书"), material("自主就业退役士兵报到登记表")],
    form=[date("discharge_date", "退役时间"), choice("service_years", "服役年限", ["2年", "3至5年", "5年以上"]), BANK_ACCOUNT],
    result="一次性经济补助金发放",
    unit="优抚安置股",
    depth=4,
    keywords="退伍补助 退役金 自主就业补助 退伍报到",
)

DISABLED_PENSION = lists.power(
    C.BENEFIT,
    2,
    "残疾军人抚恤金给付",
    bases=[PENSION_RULES],
    content="对本县户籍、经评定残疾等级的残疾军人按月发放残疾抚恤金。",
    levels=ALL_LEVELS,
)
lists.guide(
    DISABLED_PENSION,
    audience=A.PERSON,
    themes=["shebao"],
    conditions="经依法评定残疾等级并取得残疾军人证,户籍迁入本县后办理抚恤关系转移。",
    statutory=30,
    promised=10,
    situations=[("新评定", ""), ("抚恤关系迁入", "")],
    materials=[ID_CARD, material("中华人民共和国残疾军人证"), material("伤残抚恤关系转移证明", situation="S02")],
    form=[choice("grade", "残疾等级", ["一级", "二级", "三级", "四级", "五级", "六级", "七级", "八级", "九级", "十级"]), BANK_ACCOUNT],
    result="残疾抚恤金(按月发放)",
    unit="优抚安置股",
    depth=4,
    keywords="伤残抚恤 残疾军人 伤残金",
)

MARTYR_PENSION = lists.power(
    C.BENEFIT,
    3,
    "烈士遗属、因公牺牲军人遗属、病故军人遗属定期抚恤金给付",
    bases=[PENSION_RULES, basis("《烈士褒扬条例》")],
    content="对符合条件的烈士遗属、因公牺牲军人遗属、病故军人遗属按月发放定期抚恤金。",
    levels=ALL_LEVELS,
)
lists.guide(
    MARTYR_PENSION,
    audience=A.PERSON,
    themes=["shenhoushi", "shebao"],
    conditions="烈士、因公牺牲军人、病故军人的父母(抚养人)、配偶、子女,符合无劳动能力、无生活费来源等定期抚恤条件。",
    statutory=30,
    promised=15,
    materials=[ID_CARD, HOUSEHOLD_REGISTER, material("烈士证明书或者因公牺牲、病故证明书"), material("遗属与牺牲(病故)人员的亲属关系证明")],
    form=[text("deceased_name", "牺牲(病故)军人姓名", max_length=50), text("relationship", "与申请人关系", max_length=20), BANK_ACCOUNT],
    result="定期抚恤金(按月发放)",
    unit="优抚安置股",
    depth=4,
    keywords="烈属 抚恤金 遗属抚恤 军烈属",
)

VETERAN_ALLOWANCE = lists.power(
    C.BENEFIT,
    4,
    "在乡复员军人定期定量生活补助",
    bases=[PENSION_RULES],
    content="对本县农村户籍的在乡复员军人按月发放定期定量生活补助。",
    levels=ALL_LEVELS,
)
lists.guide(
    VETERAN_ALLOWANCE,
    audience=A.PERSON,
    themes=["tuixiu-yanglao"],
    conditions="1954年10月31日以前入伍、年老体弱、生活困难的在乡复员军人。",
    statutory=30,
    promised=15,
    materials=[ID_CARD, material("复员军人证明书或者档案记载的入伍、复员证明"), material("在乡复员军人定期定量补助申请审批表")],
    form=[date("enlisted_on", "入伍时间"), BANK_ACCOUNT],
    result="定期定量生活补助(按月发放)",
    unit="优抚安置股",
    places="户籍所在地乡镇便民服务中心退役军人服务站",
    depth=4,
    keywords="复员军人补助 老兵补助 定补",
)

FAMILY_ALLOWANCE = lists.power(
    C.BENEFIT,
    5,
    "义务兵家庭优待金给付",
    bases=[PENSION_RULES, basis("《中华人民共和国兵役法》")],
    content="对从本县入伍的义务兵家庭按年发放优待金。",
    levels=ALL_LEVELS,
)
lists.guide(
    FAMILY_ALLOWANCE,
    audience=A.PERSON,
    themes=["shebao"],
    conditions="从本县征集入伍、正在服现役的义务兵家庭;入伍前已在外地就读的大学生士兵按规定在入学前户籍地申领。",
    statutory=30,
    promised=15,
    materials=[ID_CARD, HOUSEHOLD_REGISTER, material("入伍通知书或者部队出具的在役证明")],
    form=[text("soldier_name", "义务兵姓名", max_length=50), date("enlisted_on", "入伍时间"), BANK_ACCOUNT],
    result="义务兵家庭优待金发放",
    unit="优抚安置股",
    depth=4,
    keywords="优待金 当兵补贴 义务兵家庭 参军优待",
)

PREFERENTIAL_CARD = lists.power(
    C.PUBLIC_SERVICE,
    1,
    "退役军人、其他优抚对象优待证申领",
    bases=[SECURITY_LAW, basis("《退役军人、其他优抚对象优待证管理办法(试行)》")],
    content="为本县退役军人和烈士遗属、因公牺牲军人遗属、病故军人遗属办理优待证。",
    levels=ALL_LEVELS,
)
lists.guide(
    PREFERENTIAL_CARD,
    audience=A.PERSON,
    themes=["huji-zhengjian", "chuxing"],
    conditions="户籍在本县的退役军人(含退休军人),以及烈士遗属、因公牺牲军人遗属、病故军人遗属;已完成退役军人信息采集。",
    statutory=30,
    promised=20,
    materials=[ID_CARD, PHOTO, optional("退出现役证明或者遗属身份证明", "信息采集系统中已有的免于提交")],
    form=[
        choice("holder_kind", "持证对象类别", ["退役军人", "烈士遗属", "因公牺牲军人遗属", "病故军人遗属"]),
        choice("delivery", "领取方式", ["乡镇服务站领取", "邮政寄递"]),
    ],
    result="退役军人优待证",
    license_type="veteran-preferential-card",
    unit=SERVICE_CENTER,
    depth=6,
    keywords="优待证 退役军人优待证 老兵证 军人优待",
)

HONOR_PLAQUE = lists.power(
    C.PUBLIC_SERVICE,
    2,
    "光荣牌悬挂",
    bases=[SECURITY_LAW],
    content="为烈士家庭、军人家庭、退役军人家庭悬挂光荣牌。",
    levels=ALL_LEVELS,
)
lists.guide(
    HONOR_PLAQUE,
    audience=A.PERSON,
    themes=[],
    conditions="户籍在本县的烈属、军属和退役军人家庭,本人(家庭)自愿申请。",
    statutory=30,
    promised=10,
    materials=[ID_CARD, HOUSEHOLD_REGISTER],
    form=[choice("family_kind", "家庭类别", ["烈属", "军属", "退役军人家庭"]), text("address", "悬挂地址")],
    result="光荣牌悬挂",
    unit=SERVICE_CENTER,
    places="户籍所在地乡镇便民服务中心退役军人服务站",
    depth=5,
    keywords="光荣之家 光荣牌 军属光荣牌",
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
