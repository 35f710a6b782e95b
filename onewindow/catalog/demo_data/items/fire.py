"""示范县消防救援大队: fire-safety inspection of public gathering places before opening, fire supervision."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import BUSINESS_LICENSE, choice, material, number, optional, pledge, text
from onewindow.catalog.demo_data.powers import ALL_LEVELS, basis

lists = DepartmentLists(d.FIRE)

FIRE_LAW = "《中华人民共和国消防法》"

PUBLIC_GATHERING = lists.power(
    C.LICENSING,
    1,
    "公众聚集场所投入使用、营业前消防安全检查",
    bases=[
        basis(
            FIRE_LAW,
            "第十五条",
            "公众聚集场所投入使用、营业前消防安全检查实行告知承诺管理。公众聚集场所在投入使用、营业前,建设单位或者使用单位应当向场所所在地的"
            "县级以上地方人民政府消防救援机构申请消防安全检查,作出场所符合消防技术标准和管理规定的承诺,提交规定的材料,并对其承诺和材料的真实性负责。"
            "……申请人选择不采用告知承诺方式办理的,消防救援机构应当自受理申请之日起十个工作日内,根据消防技术标准和管理规定,对该场所进行检查。",
        )
    ],
    content="对宾馆、饭店、商场、集贸市场、客运车站候车室、体育场馆、会堂、公共娱乐场所等公众聚集场所投入使用、营业前实施消防安全检查。",
    levels=ALL_LEVELS,
)
lists.guide(
    PUBLIC_GATHERING,
    audience=A.ENTERPRISE,
    themes=["kaiban-qiye", "jingying-xuke"],
    conditions="场所依法通过消防验收或者备案;消防设施、器材符合消防技术标准并完好有效;制定了消防安全制度、灭火和应急疏散预案。采用告知承诺方式的当场作出许可,事后核查。",
    statutory=10,
    promised=3,
    situations=[("告知承诺方式", "当场许可,事后核查"), ("一般方式", "检查合格后许可")],
    materials=[
        material("公众聚集场所投入使用、营业消防安全检查申请表", form="electronic"),
        BUSINESS_LICENSE,
        pledge("消防安全告知承诺书", situation="S01"),
        material("场所平面布置图、消防设施平面图", situation="S01"),
        material("消防安全制度、灭火和应急疏散预案", situation="S01"),
        optional("消防设施检测报告", "设有自动消防设施的提交", situation="S02"),
    ],
    form=[
        text("venue", "场所名称和地址"),
        choice("kind", "场所类型", ["宾馆饭店", "商场市场", "公共娱乐场所", "体育场馆", "其他"]),
        number("area", "使用面积(平方米)"),
    ],
    result="公众聚集场所投入使用、营业消防安全检查意见书",
    site_check=True,
    depth=6,
    keywords="消防检查 开业消防 消防安全检查 营业前消防",
)

lists.power(
    C.PENALTY,
    1,
    "对违反消防安全管理规定的行政处罚",
    bases=[basis(FIRE_LAW)],
    content="对消防设施、器材配置不符合标准或者未保持完好有效,占用、堵塞、封闭疏散通道、安全出口等违法行为,责令改正,处以罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.COERCION,
    1,
    "临时查封危险部位或者场所",
    bases=[
        basis(
            FIRE_LAW,
            "",
            "消防救援机构在消防监督检查中发现火灾隐患的,应当通知有关单位或者个人立即采取措施消除隐患;不及时消除隐患可能严重威胁公共安全的,消防救援机构应当依照规定对危险部位或者场所采取临时查封措施。",
        )
    ],
    content="对不及时消除火灾隐患可能严重威胁公共安全的危险部位或者场所,依法采取临时查封措施。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "消防监督检查",
    bases=[basis(FIRE_LAW)],
    content="对机关、团体、企业、事业等单位遵守消防法律、法规的情况依法进行监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
