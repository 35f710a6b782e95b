"""示范县商务局: foreign-trade operator filing, prepaid-card and recycling filings, trade-in subsidies."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import BUSINESS_LICENSE, ID_CARD, choice, material, number, text
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.COMMERCE)

PREPAID_RULES = "《单用途商业预付卡管理办法(试行)》"
RECYCLING_RULES = "《再生资源回收管理办法》"

FOREIGN_TRADE = lists.power(
    C.FILING,
    1,
    "对外贸易经营者备案登记",
    bases=[
        basis(
            "《中华人民共和国对外贸易法》",
            "第九条",
            "从事货物进出口或者技术进出口的对外贸易经营者,应当向国务院对外贸易主管部门或者其委托的机构办理备案登记;但是,法律、行政法规"
            "和国务院对外贸易主管部门规定不需要备案登记的除外。",
        ),
        basis("《对外贸易经营者备案登记办法》"),
    ],
    content="受商务部委托,对本县从事货物进出口或者技术进出口的对外贸易经营者办理备案登记。",
    levels=ALL_LEVELS,
)
lists.guide(
    FOREIGN_TRADE,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="依法办理市场主体登记、拟从事货物进出口或者技术进出口的企业、其他组织或者个体工商户。",
    statutory=5,
    promised=0,
    materials=[material("对外贸易经营者备案登记表", form="electronic"), BUSINESS_LICENSE],
    form=[choice("kind", "经营者类型", ["企业", "个体工商户", "其他组织"]), text("english_name", "英文名称", required=False)],
    result="对外贸易经营者备案登记表(盖章)",
    unit="对外贸易股",
    depth=7,
    keywords="外贸备案 进出口权 外贸经营者 进出口备案",
)

PREPAID_CARD = lists.power(
    C.FILING,
    2,
    "单用途商业预付卡发卡企业备案",
    bases=[basis(PREPAID_RULES)],
    content="对在本县从事零售业、住宿和餐饮业、居民服务业发行单用途商业预付卡的企业(规模发卡企业除外)实行备案管理。",
    levels=CITY_COUNTY,
)
lists.guide(
    PREPAID_CARD,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="发卡企业在开展单用途卡业务之日起30日内备案;建立单用途卡业务处理系统和资金存管制度。",
    statutory=0,
    promised=0,
    materials=[
        material("单用途卡发卡企业备案登记表", form="electronic"),
        BUSINESS_LICENSE,
        material("单用途卡章程和购卡协议范本", form="electronic"),
        material("预收资金存管协议", form="electronic"),
    ],
    form=[choice("industry", "行业", ["零售业", "住宿餐饮业", "居民服务业"]), number("expected_amount", "预计年发卡金额(万元)")],
    result="单用途商业预付卡备案证明",
    unit="市场运行股",
    depth=7,
    keywords="预付卡备案 会员卡 储值卡 充值卡",
)

RECYCLING = lists.power(
    C.FILING,
    3,
    "再生资源回收经营者备案",
    bases=[
        basis(
            RECYCLING_RULES,
            "",
            "从事再生资源回收经营活动,应当在取得营业执照后30日内,按属地管理原则,向登记注册地工商行政管理部门的同级商务主管部门或者其授权机构备案。",
        )
    ],
    content="对在本县从事再生资源回收经营活动的经营者实行备案管理。",
    levels=CITY_COUNTY,
)
lists.guide(
    RECYCLING,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye"],
    conditions="已取得营业执照、经营范围包含再生资源回收,在取得营业执照后30日内备案。",
    statutory=0,
    promised=0,
    materials=[
        material("再生资源回收经营者备案登记表", form="electronic"),
        BUSINESS_LICENSE,
        material("回收经营场所和设施情况说明", form="electronic"),
    ],
    form=[text("premises", "回收站点地址"), choice("kind", "回收品种", ["废旧金属", "废纸", "废塑料", "废旧家电", "综合"])],
    result="再生资源回收经营者备案回执",
    unit="市场运行股",
    depth=7,
    keywords="废品回收 收废品 回收站 再生资源",
)

TRADE_IN = lists.power(
    C.BENEFIT,
    1,
    "汽车以旧换新补贴",
    bases=[basis("《汽车以旧换新补贴实施细则》")],
    content="对报废旧车并购买符合条件新车的个人消费者发放汽车以旧换新补贴。",
    levels=ALL_LEVELS,
)
lists.guide(
    TRADE_IN,
    audience=A.PERSON,
    themes=["chuxing"],
    conditions="个人消费者报废符合条件的旧乘用车并在补贴期限内购买新能源乘用车或者符合排放标准的燃油乘用车,完成新车注册登记。",
    statutory=30,
    promised=15,
    materials=[
        material("汽车以旧换新补贴申请", form="electronic", requirements="通过全国汽车以旧换新信息平台提交"),
        ID_CARD,
        material("报废机动车回收证明", form="electronic"),
        material("新车机动车销售统一发票和机动车登记证书", form="electronic"),
    ],
    form=[
        text("old_plate", "报废车辆号牌", max_length=10),
        choice("new_kind", "新车类型", ["新能源乘用车", "燃油乘用车"]),
        text("bank_account", "收款账号", max_length=30),
    ],
    result="汽车以旧换新补贴发放",
    unit="市场运行股",
    depth=7,
    keywords="以旧换新 汽车补贴 报废车补贴 买车补贴",
)

lists.power(
    C.PENALTY,
    1,
    "对发卡企业违反单用途商业预付卡管理规定的行政处罚",
    bases=[basis(PREPAID_RULES)],
    content="对发卡企业未按规定备案、未实行资金存管、超限额发卡等违法行为,责令限期改正,逾期不改正的处以罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对单用途商业预付卡发卡企业和再生资源回收经营者的监督检查",
    bases=[basis(PREPAID_RULES), basis(RECYCLING_RULES)],
    content="对发卡企业预收资金存管、业务处理系统和再生资源回收经营者的经营活动实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
