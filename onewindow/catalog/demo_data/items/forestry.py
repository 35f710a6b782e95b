"""示范县林业局: logging permits, forest-land use, forest disputes, plant quarantine, forest seeds."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import BUSINESS_LICENSE, ID_CARD, choice, copy_of, gov, material, number, optional, text, textarea
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.FORESTRY)

FOREST_LAW = "《中华人民共和国森林法》"
FOREST_USE_BASIS = basis(
    FOREST_LAW,
    "第三十七条",
    "矿藏勘查、开采以及其他各类工程建设,应当不占或者少占林地;确需占用林地的,应当经县级以上人民政府林业主管部门审核同意,"
    "依法办理建设用地审批手续。占用林地的单位应当缴纳森林植被恢复费。",
)
AFFORESTATION = "造林绿化股"

LOGGING = lists.power(
    C.LICENSING,
    1,
    "林木采伐许可证核发",
    bases=[
        basis(
            FOREST_LAW,
            "第五十六条",
            "采伐林地上的林木应当申请采伐许可证,并按照采伐许可证的规定进行采伐;采伐自然保护区以外的竹林,不需要申请采伐许可证,"
            "但应当符合林木采伐技术规程。农村居民采伐自留地和房前屋后个人所有的零星林木,不需要申请采伐许可证。",
        ),
        basis(
            FOREST_LAW,
            "第五十七条",
            "采伐许可证由县级以上人民政府林业主管部门核发。县级以上人民政府林业主管部门应当采取措施,方便申请人办理采伐许可证。"
            "农村居民采伐自留山和个人承包集体林地上的林木,由县级人民政府林业主管部门或者其委托的乡镇人民政府核发采伐许可证。",
        ),
    ],
    content="对在本县采伐林地上的林木(农村居民采伐自留地和房前屋后零星林木除外)核发林木采伐许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    LOGGING,
    audience=A.BOTH,
    themes=[],
    conditions="采伐的林木权属清楚;采伐量在年采伐限额内;采伐方式符合林木采伐技术规程;公益林、天然林的采伐符合相关保护规定。",
    statutory=20,
    promised=5,
    materials=[
        material("林木采伐申请书", form="electronic", requirements="写明采伐的地点、面积、树种、株数、蓄积、更新时间等"),
        ID_CARD,
        gov("林权证或者不动产权证书(林权)", "property-certificate"),
        optional("伐区调查设计或者采伐作业说明", "采伐蓄积超过规定数量的提交"),
    ],
    form=[
        text("location", "采伐地点(小班)"),
        choice("species", "树种", ["杨树", "松树", "柏树", "刺槐", "经济林", "其他"]),
        number("volume", "采伐蓄积(立方米)"),
        choice("method", "采伐方式", ["皆伐", "择伐", "渐伐", "更新采伐"]),
    ],
    result="林木采伐许可证",
    license_type="logging-permit",
    site_check=True,
    depth=6,
    keywords="砍树 伐树 采伐证 砍伐许可",
)

FOREST_LAND = lists.power(
    C.LICENSING,
    2,
    "建设项目使用林地审核审批",
    bases=[FOREST_USE_BASIS],
    content="对本县审批权限内建设项目占用林地、临时使用林地进行审核审批。",
    levels=ALL_LEVELS,
)
lists.guide(
    FOREST_LAND,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="建设项目符合林地保护利用规划和使用林地定额管理要求;不占或者少占林地,不占用生态保护红线内林地(国家规定的除外)。",
    statutory=20,
    promised=10,
    situations=[("占用林地", ""), ("临时使用林地", "使用期限一般不超过两年")],
    materials=[
        material("使用林地申请表"),
        material("用地单位的资质证明和项目批准文件", form="electronic"),
        material("拟使用林地的权属证明和补偿协议"),
        material("使用林地可行性报告或者林地现状调查表"),
        material("恢复植被和林业生产条件的方案", situation="S02"),
    ],
    form=[
        text("project_name", "项目名称"),
        number("forest_area", "使用林地面积(公顷)"),
        choice("forest_kind", "林地类型", ["乔木林地", "灌木林地", "疏林地", "宜林地"]),
    ],
    result="使用林地审核同意书",
    fees=("JJ003",),
    site_check=True,
    unit="森林资源管理股",
    depth=5,
    keywords="占用林地 林地审批 临时用林地 征占林地",
)

FOREST_DISPUTE = lists.power(
    C.ADJUDICATION,
    1,
    "林木林地权属争议处理",
    bases=[
        basis(
            FOREST_LAW,
            "第二十二条",
            "单位之间发生的林木、林地所有权和使用权争议,由县级以上人民政府依法处理。个人之间、个人与单位之间发生的林木所有权和林地使用权争议,"
            "由乡镇人民政府或者县级以上人民政府依法处理。",
        )
    ],
    content="受理单位之间以及个人与单位之间的林木、林地权属争议,调查调解并提出处理意见,报县人民政府作出处理决定。",
    levels=ALL_LEVELS,
)
lists.guide(
    FOREST_DISPUTE,
    audience=A.BOTH,
    themes=[],
    conditions="申请人与争议的林木、林地有直接利害关系;有明确的对方当事人和具体的处理请求;争议未经人民法院受理。",
    statutory=120,
    promised=90,
    materials=[
        material("林木林地权属争议处理申请书", copies=2),
        ID_CARD,
        material("权属来源证明和相关证据"),
        optional("争议地块四至示意图", "能够提供的提交"),
    ],
    form=[text("respondent", "对方当事人"), text("parcel", "争议林地位置和四至"), textarea("claim", "请求事项与事实理由")],
    result="林木林地权属争议处理决定书",
    site_check=True,
    unit="森林资源管理股",
    depth=3,
    visits=1,
    visit_reason="需当面递交证据原件并参加现场勘验和调解",
    keywords="林权纠纷 山林纠纷 林地争议",
)

QUARANTINE = lists.power(
    C.LICENSING,
    3,
    "森林植物检疫证书核发",
    bases=[
        basis(
            "《植物检疫条例》",
            "",
            "凡种子、苗木和其他繁殖材料,不论是否列入应施检疫的植物、植物产品名单和运往何地,在调运之前,都必须经过检疫。",
        )
    ],
    content="对调出本县的林木种苗和其他应施检疫的森林植物及其产品实施检疫,核发植物检疫证书。",
    levels=CITY_COUNTY,
)
lists.guide(
    QUARANTINE,
    audience=A.BOTH,
    themes=["jingying-xuke"],
    conditions="调运的森林植物及其产品来自非疫区,经产地检疫或者调运检疫未发现检疫性有害生物。",
    statutory=20,
    promised=3,
    materials=[material("森林植物检疫报检单", form="electronic"), optional("产地检疫合格证", "已实施产地检疫的提交")],
    form=[text("goods", "植物及产品名称"), number("quantity", "数量"), text("destination", "调入地")],
    result="植物检疫证书",
    site_check=True,
    unit=AFFORESTATION,
    depth=5,
    keywords="苗木检疫 木材调运 检疫证书",
)

FOREST_SEEDS = lists.power(
    C.LICENSING,
    4,
    "林草种子生产经营许可",
    bases=[
        basis(
            "《中华人民共和国种子法》",
            "",
            "其他种子的生产经营许可证,由生产经营者所在地县级以上地方人民政府农业农村、林业草原主管部门核发。",
        )
    ],
    content="对在本县从事林木种子、苗木(不含主要林木良种)生产经营的单位和个人核发林草种子生产经营许可证。",
    levels=ALL_LEVELS,
)
lists.guide(
    FOREST_SEEDS,
    audience=A.BOTH,
    themes=["jingying-xuke"],
    conditions="具有与林木种子生产经营相适应的生产经营设施、设备及专业技术人员;生产地点无检疫性有害生物。",
    statutory=20,
    promised=10,
    materials=[
        material("林草种子生产经营许可证申请表"),
        BUSINESS_LICENSE | {"necessity": "optional", "requirements": "单位申请的通过电子证照库调取"},
        material("育苗地或者经营场所使用证明"),
        copy_of("专业技术人员证明"),
    ],
    form=[text("species", "生产经营树种"), number("nursery_area", "育苗面积(亩)")],
    result="林草种子生产经营许可证",
    unit=AFFORESTATION,
    depth=5,
    keywords="苗圃 育苗 卖树苗 苗木经营",
)

lists.power(
    C.LEVY,
    1,
    "森林植被恢复费征收",
    bases=[FOREST_USE_BASIS],
    content="对经审核同意或者批准占用、临时使用林地的单位征收森林植被恢复费。",
    levels=ALL_LEVELS,
)
lists.power(
    C.PENALTY,
    1,
    "对盗伐、滥伐林木的行政处罚",
    bases=[basis(FOREST_LAW)],
    content="对盗伐、滥伐林木的,责令限期在原地或者异地补种,并处盗伐、滥伐林木价值一定倍数的罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.PENALTY,
    2,
    "对擅自改变林地用途的行政处罚",
    bases=[basis(FOREST_LAW)],
    content="对未经审核同意擅自改变林地用途的,责令限期恢复植被和林业生产条件,可以处恢复植被和林业生产条件所需费用三倍以下的罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对森林资源保护利用情况的监督检查",
    bases=[basis(FOREST_LAW)],
    content="对林木采伐、林地使用、森林防火和林业有害生物防治等情况实施监督检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
