"""示范县水利局: water intake, soil and water conservation, flood-impact approvals, river sand, water disputes."""

from onewindow.catalog.choices import Audience as A
from onewindow.catalog.choices import PowerCategory as C
from onewindow.catalog.choices import StageKind
from onewindow.catalog.demo_data import departments as d
from onewindow.catalog.demo_data.builder import DepartmentLists
from onewindow.catalog.demo_data.guides import ID_CARD, by_agency, choice, material, number, optional, special, text, textarea
from onewindow.catalog.demo_data.powers import ALL_LEVELS, CITY_COUNTY, basis

lists = DepartmentLists(d.WATER)

WATER_LAW = "《中华人民共和国水法》"
FLOOD_LAW = "《中华人民共和国防洪法》"
CONSERVATION_LAW = "《中华人民共和国水土保持法》"
RIVER_UNIT = "河湖管理股"
RIVER_WORKS_BASES = [
    basis(
        FLOOD_LAW,
        "第二十七条",
        "建设跨河、穿河、穿堤、临河的桥梁、码头、道路、渡口、管道、缆线、取水、排水等工程设施,应当符合防洪标准、岸线规划、航运要求"
        "和其他技术要求,不得危害堤防安全,影响河势稳定、妨碍行洪畅通;其工程建设方案未经有关水行政主管部门根据前述防洪要求审查同意的,"
        "建设单位不得开工建设。",
    ),
    basis(
        "《中华人民共和国河道管理条例》",
        "第十一条",
        "修建开发水利、防治水害、整治河道的各类工程和跨河、穿河、穿堤、临河的桥梁、码头、道路、渡口、管道、缆线等建筑物及设施,"
        "建设单位必须按照河道管理权限,将工程建设方案报送河道主管机关审查同意后,方可按照基本建设程序履行审批手续。",
    ),
]
FLOOD_ASSESSMENT_BASIS = basis(
    FLOOD_LAW,
    "第三十三条",
    "在洪泛区、蓄滞洪区内建设非防洪建设项目,应当就洪水对建设项目可能产生的影响和建设项目对防洪可能产生的影响作出评价,"
    "编制洪水影响评价报告,提出防御措施。",
)

INTAKE = lists.power(
    C.LICENSING,
    1,
    "取水许可",
    bases=[
        basis(
            WATER_LAW,
            "第四十八条",
            "直接从江河、湖泊或者地下取用水资源的单位和个人,应当按照国家取水许可制度和水资源有偿使用制度的规定,"
            "向水行政主管部门或者流域管理机构申请领取取水许可证,并缴纳水资源费,取得取水权。",
        ),
        basis("《取水许可和水资源费征收管理条例》"),
    ],
    content="对在本县审批权限内直接从江河、湖泊或者地下取用水资源的单位和个人实施取水许可。",
    levels=ALL_LEVELS,
)
lists.guide(
    INTAKE,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe", "jingying-xuke"],
    conditions="取水符合水资源规划和用水总量控制指标;取水地点、取水量和退水方案合理;按规定开展了建设项目水资源论证。",
    statutory=45,
    promised=20,
    situations=[("新申请", ""), ("延续", "有效期届满45日前申请"), ("变更", "取水权人名称等变更")],
    materials=[
        material("取水许可申请书"),
        by_agency("建设项目水资源论证报告(表)", situation="S01"),
        material("与第三者利害关系的相关说明", situation="S01"),
        optional("取水计量设施安装情况说明", "地下水取水的提交"),
        material("原取水许可证", situation="S02"),
    ],
    form=[
        choice("source", "水源类型", ["地表水", "地下水"]),
        number("annual_volume", "年取水量(万立方米)"),
        text("location", "取水地点"),
        text("purpose", "取水用途"),
    ],
    result="取水许可证",
    license_type="water-intake-permit",
    intermediaries=("ZJ015",),
    site_check=True,
    depth=5,
    keywords="取水证 打井 抽水 取水许可",
)

CONSERVATION = lists.power(
    C.LICENSING,
    2,
    "生产建设项目水土保持方案审批",
    bases=[
        basis(
            CONSERVATION_LAW,
            "第二十五条",
            "在山区、丘陵区、风沙区以及水土保持规划确定的容易发生水土流失的其他区域开办可能造成水土流失的生产建设项目,"
            "生产建设单位应当编制水土保持方案,报县级以上人民政府水行政主管部门审批,并按照经批准的水土保持方案,采取水土流失预防和治理措施。",
        )
    ],
    content="对在本县审批权限内的生产建设项目水土保持方案进行审批(征占地面积在0.5公顷以上5公顷以下或者挖填土石方总量在1千立方米以上5万立方米以下的项目实行承诺制备案)。",
    levels=ALL_LEVELS,
)
lists.guide(
    CONSERVATION,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="生产建设项目位于水土流失易发区,征占地面积或者挖填土石方总量达到应当编制水土保持方案的标准;水土保持方案符合技术标准。",
    statutory=20,
    promised=10,
    materials=[
        material("生产建设项目水土保持方案审批申请", form="electronic"),
        by_agency("生产建设项目水土保持方案报告书(报告表)", "可由建设单位自行编制或者委托技术单位编制"),
    ],
    form=[text("project_name", "项目名称"), number("land_area", "征占地面积(公顷)"), number("earthwork", "挖填土石方总量(万立方米)")],
    result="水土保持方案批复",
    intermediaries=("ZJ004",),
    extras=(special(StageKind.EXPERT_REVIEW, "技术评审", 10),),
    unit="水土保持股",
    depth=6,
    keywords="水保方案 水土保持 水保批复",
)

FLOOD = lists.power(
    C.LICENSING,
    3,
    "洪水影响评价类审批",
    bases=[*RIVER_WORKS_BASES, FLOOD_ASSESSMENT_BASIS],
    content="对河道管理范围内建设项目工程建设方案、非防洪建设项目洪水影响评价报告等进行审批。",
    levels=ALL_LEVELS,
)
RIVER_WORKS = lists.power(
    C.LICENSING,
    3,
    "河道管理范围内建设项目工程建设方案审批",
    sub=1,
    bases=RIVER_WORKS_BASES,
    content="对在河道管理范围内建设跨河、穿河、穿堤、临河的桥梁、码头、道路、管道、缆线等工程设施的建设方案进行审查。",
    levels=ALL_LEVELS,
)
RIVER_WORKS_ITEM = lists.guide(
    RIVER_WORKS,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="建设项目符合防洪标准、岸线规划、航运要求和其他技术要求,不危害堤防安全、不影响河势稳定、不妨碍行洪畅通。",
    statutory=20,
    promised=10,
    materials=[
        material("河道管理范围内建设项目申请书", form="electronic"),
        material("建设项目工程建设方案", form="electronic"),
        by_agency("防洪评价报告", "对防洪可能产生影响的建设项目提交"),
    ],
    form=[
        text("project_name", "项目名称"),
        text("river", "涉及河道及位置"),
        choice("kind", "工程类型", ["跨河桥梁", "穿河管道", "临河建筑", "取排水口", "其他"]),
    ],
    result="河道管理范围内建设项目审查同意书",
    intermediaries=("ZJ016",),
    site_check=True,
    unit=RIVER_UNIT,
    depth=5,
    keywords="河道审批 跨河桥 穿河管道 防洪评价",
)
FLOOD_ASSESSMENT = lists.power(
    C.LICENSING,
    3,
    "非防洪建设项目洪水影响评价报告审批",
    sub=2,
    bases=[FLOOD_ASSESSMENT_BASIS],
    content="对在洪泛区、蓄滞洪区内建设的非防洪建设项目的洪水影响评价报告进行审批。",
    levels=ALL_LEVELS,
)
FLOOD_ASSESSMENT_ITEM = lists.guide(
    FLOOD_ASSESSMENT,
    audience=A.ENTERPRISE,
    themes=["gongcheng-jianshe"],
    conditions="建设项目位于洪泛区、蓄滞洪区内;洪水影响评价报告内容完整、结论明确,提出的防御措施可行。",
    statutory=20,
    promised=10,
    materials=[
        material("洪水影响评价报告审批申请书", form="electronic"),
        by_agency("洪水影响评价报告", "可由建设单位自行编制或者委托技术单位编制"),
    ],
    form=[text("project_name", "项目名称"), text("location", "建设位置"), number("land_area", "占地面积(公顷)")],
    result="洪水影响评价报告批复",
    intermediaries=("ZJ016",),
    extras=(special(StageKind.EXPERT_REVIEW, "技术审查", 10),),
    unit=RIVER_UNIT,
    depth=5,
    keywords="洪评 洪水影响评价 蓄滞洪区建设",
)

SAND = lists.power(
    C.LICENSING,
    4,
    "河道采砂许可",
    bases=[basis(WATER_LAW, "第三十九条", "国家实行河道采砂许可制度。河道采砂许可制度实施办法,由国务院规定。")],
    content="对在本县管辖河道内从事采砂活动的单位和个人,按照年度采砂规划和采砂权出让结果核发河道采砂许可证。",
    levels=CITY_COUNTY,
)
lists.guide(
    SAND,
    audience=A.ENTERPRISE,
    themes=["jingying-xuke"],
    conditions="采砂区域、期限、方式和控制开采量符合河道采砂规划和年度实施方案;已依法竞得采砂权;有符合要求的采砂设备和作业人员。",
    statutory=20,
    promised=10,
    materials=[
        material("河道采砂申请书"),
        material("采砂权出让成交确认书"),
        material("采砂作业方案和现场管理制度"),
        material("采砂设备和运输车辆清单"),
    ],
    form=[text("area", "采砂区段"), number("volume", "控制开采量(万立方米)"), choice("method", "开采方式", ["旱采", "水采"])],
    result="河道采砂许可证",
    site_check=True,
    unit=RIVER_UNIT,
    depth=4,
    visits=1,
    visit_reason="需竞得人到场签订采砂现场管理责任书并领取许可证",
    keywords="采砂 挖沙 河沙 采砂证",
)

WATER_DISPUTE = lists.power(
    C.ADJUDICATION,
    1,
    "水事纠纷裁决",
    bases=[
        basis(
            WATER_LAW,
            "第五十七条",
            "单位之间、个人之间、单位与个人之间发生的水事纠纷,应当协商解决;当事人不愿协商或者协商不成的,可以申请县级以上地方人民政府"
            "或者其授权的部门调解,也可以直接向人民法院提起民事诉讼。",
        )
    ],
    content="受理县域内单位之间、个人之间、单位与个人之间的水事纠纷调处申请,依法调解、处理。",
    levels=ALL_LEVELS,
)
lists.guide(
    WATER_DISPUTE,
    audience=A.BOTH,
    themes=[],
    conditions="申请人与水事纠纷有直接利害关系;有明确的对方当事人、具体的请求和事实根据;纠纷未经人民法院受理。",
    statutory=60,
    promised=45,
    materials=[material("水事纠纷调处申请书", copies=2), ID_CARD, material("相关证据材料")],
    form=[text("respondent", "对方当事人"), textarea("claim", "请求事项与事实理由")],
    result="水事纠纷处理决定书(或者调解书)",
    site_check=True,
    depth=3,
    visits=1,
    visit_reason="需当面递交证据并参加调解",
    keywords="用水纠纷 水事纠纷 灌溉纠纷 排水纠纷",
)

lists.power(
    C.LEVY,
    1,
    "水土保持补偿费征收",
    bases=[
        basis(
            CONSERVATION_LAW,
            "",
            "在山区、丘陵区、风沙区以及水土保持规划确定的容易发生水土流失的其他区域开办生产建设项目或者从事其他生产建设活动,损坏水土保持设施、地貌植被,不能恢复原有水土保持功能的,应当缴纳水土保持补偿费,专项用于水土流失预防和治理。",
        )
    ],
    content="对损坏水土保持设施、地貌植被且不能恢复原有水土保持功能的生产建设单位核定并征收水土保持补偿费。",
    levels=ALL_LEVELS,
)
lists.power(
    C.PENALTY,
    1,
    "对未经批准擅自取水的行政处罚",
    bases=[basis(WATER_LAW), basis("《取水许可和水资源费征收管理条例》")],
    content="对未经批准擅自取水或者未依照批准的取水许可规定条件取水的,责令停止违法行为,限期采取补救措施,处以罚款。",
    levels=ALL_LEVELS,
)
lists.power(
    C.INSPECTION,
    1,
    "对河湖管理范围内活动的监督检查",
    bases=[basis(WATER_LAW), basis("《中华人民共和国河道管理条例》")],
    content="对河道管理范围内建设、采砂、取水、排污口设置和侵占河湖等行为实施巡查检查。",
    levels=ALL_LEVELS,
)

POWER_ITEMS = lists.power_items
SERVICE_ITEMS = lists.service_items
